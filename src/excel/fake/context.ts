import { CellRange } from "../../layout/address";
/* global TextEncoder */
import {
  FakeConditionalFormat,
  FakeSheet,
  FakeTable as FakeTableModel,
  FakeValue,
  FakeWorkbookModel,
  parseAddress,
  rangeAddress,
} from "./model";

/** Excel on the web refuses requests over 5 MB. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

interface QueuedOp {
  payload: unknown;
  apply: () => void;
}

function notLoaded(prop: string): Error {
  return new Error(
    `PropertyNotLoaded: The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );
}

/** Base of every proxy: load() asks for properties, sync() fills them, reading anything else throws. */
abstract class FakeObject {
  private loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: FakeRequestContext) {}

  load(props?: string | string[] | Record<string, unknown>): this {
    const list =
      typeof props === "string"
        ? props.split(",")
        : Array.isArray(props)
          ? props
          : props
            ? Object.keys(props)
            : this.defaultProps();
    const names = list.map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue({ load: names, on: this.path() }, () => {
      // As in Office.js, isNullObject is known after any sync that loaded the object.
      if (!names.includes("isNullObject")) {
        try {
          this.resolve("isNullObject");
        } catch {
          /* objects without a null state */
        }
      }
      for (const n of names) this.resolve(n);
    });
    return this;
  }

  protected defaultProps(): string[] {
    return [];
  }

  protected abstract path(): string;
  protected abstract snapshot(prop: string): unknown;

  protected resolve(name: string): void {
    const [head, ...rest] = name.split("/");
    if (rest.length) {
      const child = this.snapshot(head) as FakeObject | FakeCollection<FakeObject>;
      if (child instanceof FakeCollection) child.resolveItems(rest.join("/"));
      else child.resolve(rest.join("/"));
      this.loaded.set(head, child);
      return;
    }
    const value = this.snapshot(head);
    this.loaded.set(head, value);
    if (typeof value !== "object" || value === null || Array.isArray(value))
      this.ctx.noteResponse(value);
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }
}

export class FakeCollection<T extends FakeObject> {
  private items_: T[] | null = null;
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly list: () => T[],
    private readonly where: string
  ) {}

  load(props?: string): this {
    const names = (props ?? "")
      .split(",")
      .map((p) => p.trim().replace(/^items\//, ""))
      .filter(Boolean);
    this.ctx.enqueue({ load: names, on: this.where }, () => this.resolveItems(names.join(",")));
    return this;
  }

  resolveItems(props: string): void {
    this.items_ = this.list();
    for (const item of this.items_)
      for (const p of props.split(",").filter(Boolean))
        (item as any).resolve(p.replace(/^items\//, ""));
  }

  get items(): T[] {
    if (!this.items_) throw notLoaded("items");
    return this.items_;
  }
}

/** Excel.run over the fake: a fresh request context per batch, as Office.js gives. */
export function fakeExcelRun(model: FakeWorkbookModel, contexts: FakeRequestContext[] = []) {
  return async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeRequestContext(model);
    contexts.push(ctx);
    const result = await batch(ctx);
    if (ctx.pending) await ctx.sync();
    return result;
  };
}

export class FakeRequestContext {
  readonly model: FakeWorkbookModel;
  readonly workbook: FakeWorkbook;
  readonly runtime: { enableEvents: boolean };
  readonly application: { suspendApiCalculationUntilNextSync: () => void };
  syncCount = 0;
  readonly requestBytes: number[] = [];
  suspendedSyncs = 0;
  private queue: QueuedOp[] = [];
  private suspendNext = false;

  constructor(model: FakeWorkbookModel) {
    this.model = model;
    this.workbook = new FakeWorkbook(this);
    const ctx = this;
    this.runtime = {
      get enableEvents() {
        return ctx.model.eventsEnabled;
      },
      set enableEvents(v: boolean) {
        ctx.enqueue({ set: "runtime.enableEvents", v }, () => (ctx.model.eventsEnabled = v));
      },
    };
    this.application = { suspendApiCalculationUntilNextSync: () => (this.suspendNext = true) };
  }

  /** Bytes of loaded values this sync returns; Excel on the web refuses responses over 5 MB too. */
  readonly responseBytes: number[] = [];
  private responding = 0;

  noteResponse(value: unknown): void {
    this.responding += JSON.stringify(value ?? null).length;
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  enqueue(payload: unknown, apply: () => void): void {
    this.queue.push({ payload, apply });
  }

  /** One round trip: the queued request is measured (and refused over 5 MB), then carried out in order. */
  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const bytes = new TextEncoder().encode(JSON.stringify(ops.map((o) => o.payload))).length;
    this.syncCount++;
    this.requestBytes.push(bytes);
    if (this.suspendNext) this.suspendedSyncs++;
    this.suspendNext = false;
    if (bytes > REQUEST_LIMIT_BYTES)
      throw new Error(`RequestPayloadSizeLimitExceeded: the request is ${bytes} bytes`);
    this.responding = 0;
    for (const op of ops) op.apply();
    this.responseBytes.push(this.responding);
    if (this.responding > REQUEST_LIMIT_BYTES) {
      throw new Error(`ResponsePayloadSizeLimitExceeded: the response is ${this.responding} bytes`);
    }
  }

  get maxRequestBytes(): number {
    return Math.max(0, ...this.requestBytes);
  }
}

export class FakeWorkbook extends FakeObject {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly settings: FakeSettingCollection;
  readonly tables: FakeTableCollection;
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.tables = new FakeTableCollection(ctx, null);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
  }
  protected path(): string {
    return "workbook";
  }
  protected snapshot(prop: string): unknown {
    throw new Error(`the fake does not model workbook.${prop}`);
  }
  /** Only DATE(y, m, d), which the adapter uses to learn the date system. */
  readonly functions = {
    date: (year: number, month: number, day: number) =>
      new FakeFunctionResult(this.ctx, () => {
        const epoch = this.ctx.model.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
        return Math.round((Date.UTC(year, month - 1, day) - epoch) / 86_400_000);
      }),
  };
}

export class FakeFunctionResult extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly compute: () => number
  ) {
    super(ctx);
  }
  protected path(): string {
    return "functions.date";
  }
  protected snapshot(prop: string): unknown {
    if (prop === "value") return this.compute();
    throw new Error(`the fake does not model functionResult.${prop}`);
  }
  get value(): number {
    return this.read("value");
  }
}

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  constructor(private readonly c: FakeRequestContext) {
    super(c, () => c.model.sheets.map((s) => new FakeWorksheet(c, s.name)), "worksheets");
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.c, name);
  }

  /** worksheets.onChanged: handlers live in the model, as events outlive a request context. */
  readonly onChanged = {
    add: (handler: (event: unknown) => Promise<void> | void) => {
      this.c.enqueue({ add: "onChanged" }, () => this.c.model.changeHandlers.add(handler));
      return {
        context: this.c,
        remove: () =>
          this.c.enqueue({ remove: "onChanged" }, () =>
            this.c.model.changeHandlers.delete(handler)
          ),
      };
    },
  };

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.c, name, true);
  }

  add(name: string): FakeWorksheet {
    this.c.enqueue({ add: "worksheet", name }, () => this.c.model.addSheet(name));
    return new FakeWorksheet(this.c, name);
  }
}

export class FakeWorksheet extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    readonly sheetName: string,
    private readonly orNull = false
  ) {
    super(ctx);
  }

  protected path(): string {
    return `worksheets('${this.sheetName}')`;
  }

  model(): FakeSheet {
    const s = this.ctx.model.sheet(this.sheetName);
    if (!s) throw new Error(`ItemNotFound: the worksheet ${this.sheetName} does not exist`);
    return s;
  }

  protected snapshot(prop: string): unknown {
    const s = this.ctx.model.sheet(this.sheetName);
    if (prop === "isNullObject") return !s;
    if (!s) throw new Error(`ItemNotFound: the worksheet ${this.sheetName} does not exist`);
    if (prop === "name") return s.name;
    if (prop === "visibility") return s.visibility;
    throw new Error(`the fake does not model worksheet.${prop}`);
  }

  get name(): string {
    return this.read("name");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  get isNullObject(): boolean {
    if (!this.orNull) return false;
    return this.read("isNullObject");
  }

  getRange(address?: string): FakeRange {
    if (!address)
      return new FakeRange(this.ctx, this.sheetName, () => ({
        top: 0,
        left: 0,
        bottom: 1048575,
        right: 16383,
      }));
    const { range } = parseAddress(address, this.sheetName);
    return new FakeRange(this.ctx, this.sheetName, () => range);
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, () => ({
      top: row,
      left: column,
      bottom: row + rows - 1,
      right: column + columns - 1,
    }));
  }

  getRanges(address: string): FakeRangeAreas {
    const ranges = address.split(/[,;]/).map((a) => parseAddress(a.trim(), this.sheetName).range);
    return new FakeRangeAreas(this.ctx, this.sheetName, () => ranges);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    return new FakeRange(
      this.ctx,
      this.sheetName,
      () => this.ctx.model.usedRange(this.model()),
      true
    );
  }

  delete(): void {
    this.ctx.enqueue({ delete: this.path() }, () => this.ctx.model.deleteSheet(this.sheetName));
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.ctx, this.sheetName);
  }

  set visibility(v: string) {
    this.ctx.enqueue(
      { set: `${this.path()}.visibility`, v },
      () => (this.model().visibility = v as FakeSheet["visibility"])
    );
  }
}

function grid<T>(r: CellRange, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: T[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(f(row, col));
    out.push(line);
  }
  return out;
}

export class FakeRange extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    readonly sheetName: string,
    private readonly area: () => CellRange | null,
    private readonly orNull = false
  ) {
    super(ctx);
  }

  protected path(): string {
    return `worksheets('${this.sheetName}').range`;
  }

  private sheet(): FakeSheet {
    const s = this.ctx.model.sheet(this.sheetName);
    if (!s) throw new Error(`ItemNotFound: the worksheet ${this.sheetName} does not exist`);
    return s;
  }

  private must(): CellRange {
    const r = this.area();
    if (!r) throw new Error("InvalidObjectPath: the object is a null object");
    return r;
  }

  protected snapshot(prop: string): unknown {
    if (prop === "isNullObject") return this.area() === null;
    const r = this.must();
    const s = this.sheet();
    const cell = (row: number, col: number) => this.ctx.model.cell(s, row, col);
    switch (prop) {
      case "address":
        return rangeAddress(s.name, r);
      case "rowIndex":
        return r.top;
      case "columnIndex":
        return r.left;
      case "rowCount":
        return r.bottom - r.top + 1;
      case "columnCount":
        return r.right - r.left + 1;
      case "values":
        return grid(r, (row, col) => cell(row, col)?.value ?? "");
      case "formulas":
        return grid(r, (row, col) => cell(row, col)?.formula ?? cell(row, col)?.value ?? "");
      case "numberFormat":
        return grid(r, (row, col) => cell(row, col)?.numberFormat ?? "General");
      case "rowHidden": {
        const hidden = Array.from({ length: r.bottom - r.top + 1 }, (_x, i) =>
          s.hiddenRows.has(r.top + i)
        );
        return hidden.every(Boolean) ? true : hidden.some(Boolean) ? null : false;
      }
      default:
        throw new Error(`the fake does not model range.${prop}`);
    }
  }

  get isNullObject(): boolean {
    if (!this.orNull) return false;
    return this.read("isNullObject");
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): FakeValue[][] {
    return this.read("values");
  }
  get formulas(): FakeValue[][] {
    return this.read("formulas");
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  get rowHidden(): boolean | null {
    return this.read("rowHidden");
  }

  private write(
    prop: string,
    data: unknown[][],
    apply: (row: number, col: number, v: any) => void
  ): void {
    this.ctx.enqueue({ set: `${this.path()}.${prop}`, data }, () => {
      const r = this.must();
      const rows = r.bottom - r.top + 1;
      const cols = r.right - r.left + 1;
      const single = data.length === 1 && data[0].length === 1;
      if (!single && (data.length !== rows || data.some((line) => line.length !== cols))) {
        throw new Error(
          `InvalidArgument: ${prop} is ${data.length}x${data[0]?.length} for a ${rows}x${cols} range`
        );
      }
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++)
          apply(r.top + i, r.left + j, single ? data[0][0] : data[i][j]);
    });
  }

  set values(data: FakeValue[][]) {
    this.write("values", data, (row, col, v) => {
      const s = this.sheet();
      const text = this.ctx.model.cell(s, row, col)?.numberFormat === "@";
      if (typeof v === "string" && v.startsWith("=") && !text)
        this.ctx.model.setCell(s, row, col, { formula: v, value: "" });
      else this.ctx.model.setCell(s, row, col, { value: v, formula: undefined });
    });
  }

  set formulas(data: FakeValue[][]) {
    this.write("formulas", data, (row, col, v) => {
      const s = this.sheet();
      if (typeof v === "string" && v.startsWith("="))
        this.ctx.model.setCell(s, row, col, { formula: v, value: "" });
      else this.ctx.model.setCell(s, row, col, { value: v, formula: undefined });
    });
  }

  set numberFormat(data: string[][]) {
    this.write("numberFormat", data, (row, col, v) =>
      this.ctx.model.setCell(this.sheet(), row, col, {
        numberFormat: v === "General" ? undefined : v,
      })
    );
  }

  clear(): void {
    this.ctx.enqueue({ clear: this.path() }, () => {
      const r = this.must();
      const cells = this.sheet().cells;
      for (const k of [...cells.keys()]) {
        const [row, col] = k.split(",").map(Number);
        if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) cells.delete(k);
      }
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.ctx,
      this.sheetName,
      () => {
        const r = this.must();
        return this.sheet().merged.filter(
          (m) => m.bottom >= r.top && m.top <= r.bottom && m.right >= r.left && m.left <= r.right
        );
      },
      true
    );
  }

  getEntireRow(): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, () => ({
      ...this.must(),
      left: 0,
      right: 16383,
    }));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.ctx, this.sheetName, () => [this.must()]);
  }
}

export class FakeRangeAreas extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    readonly sheetName: string,
    private readonly ranges: () => CellRange[],
    private readonly orNull = false
  ) {
    super(ctx);
  }
  protected path(): string {
    return `worksheets('${this.sheetName}').rangeAreas`;
  }
  protected snapshot(prop: string): unknown {
    const list = this.ranges();
    if (prop === "isNullObject") return this.orNull && list.length === 0;
    if (prop === "areas")
      return new FakeCollection(
        this.ctx,
        () => list.map((r) => new FakeRange(this.ctx, this.sheetName, () => r)),
        "areas"
      );
    if (prop === "address") return list.map((r) => rangeAddress(this.sheetName, r)).join(",");
    throw new Error(`the fake does not model rangeAreas.${prop}`);
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get areas(): FakeCollection<FakeRange> {
    return this.read("areas");
  }
  get address(): string {
    return this.read("address");
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.ctx, this.sheetName, this.ranges);
  }
}

export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormat_> {
  constructor(
    private readonly c: FakeRequestContext,
    private readonly sheetName: string,
    private readonly ranges: () => CellRange[]
  ) {
    super(
      c,
      () => {
        const sheet = c.model.sheet(sheetName);
        const within = ranges();
        const hits = (sheet?.conditionalFormats ?? []).filter((cf) =>
          cf.ranges.some((a) =>
            within.some(
              (b) =>
                a.bottom >= b.top && a.top <= b.bottom && a.right >= b.left && a.left <= b.right
            )
          )
        );
        return hits.map((cf) => new FakeConditionalFormat_(c, sheetName, cf));
      },
      "conditionalFormats"
    );
  }

  add(type: string): FakeConditionalFormat_ {
    if (type !== "Custom")
      throw new Error(`the fake models custom conditional formats only, not ${type}`);
    const draft: FakeConditionalFormat = { id: 0, ranges: [], formula: "", format: {} };
    const proxy = new FakeConditionalFormat_(this.c, this.sheetName, draft);
    this.c.enqueue({ add: "conditionalFormat", sheet: this.sheetName }, () => {
      const sheet = this.c.model.sheet(this.sheetName);
      if (!sheet) throw new Error(`ItemNotFound: ${this.sheetName}`);
      const added = this.c.model.addConditionalFormat(
        sheet,
        this.ranges(),
        draft.formula,
        draft.format
      );
      proxy.bind(added);
    });
    return proxy;
  }
}

/** A custom conditional format; its settings are queued like any write. */
export class FakeConditionalFormat_ extends FakeObject {
  readonly custom: any;
  constructor(
    ctx: FakeRequestContext,
    private readonly sheetName: string,
    private cf: FakeConditionalFormat
  ) {
    super(ctx);
    const self = this;
    const set = (what: string, apply: (cf: FakeConditionalFormat) => void) =>
      ctx.enqueue({ set: `conditionalFormat.${what}` }, () => apply(self.cf));
    const side = {
      set style(_v: string) {},
      set color(v: string) {
        set("border", (cf) => (cf.format.border = v));
      },
    };
    this.custom = {
      rule: {
        get formula(): string {
          return self.read<FakeConditionalFormat>("custom").formula;
        },
        set formula(v: string) {
          set("formula", (cf) => (cf.formula = v.replace(/^=/, "")));
        },
      },
      format: {
        fill: {
          set color(v: string) {
            set("fill", (cf) => (cf.format.fill = v));
          },
        },
        font: {
          set color(v: string) {
            set("font", (cf) => (cf.format.fontColor = v));
          },
          set bold(v: boolean) {
            set("bold", (cf) => (cf.format.bold = v));
          },
        },
        borders: { getItem: () => side },
        set numberFormat(v: string) {
          set("numberFormat", (cf) => (cf.format.numberFormat = v));
        },
      },
    };
  }
  bind(cf: FakeConditionalFormat): void {
    Object.assign(this.cf, cf);
    this.cf = cf;
  }
  protected path(): string {
    return `conditionalFormats(${this.cf.id})`;
  }
  protected snapshot(prop: string): unknown {
    if (prop === "type") return "Custom";
    if (prop === "custom") return { ...this.cf };
    throw new Error(`the fake does not model conditionalFormat.${prop}`);
  }
  protected resolve(name: string): void {
    super.resolve(name.startsWith("custom/") ? "custom" : name);
  }
  get type(): string {
    return this.read("type");
  }
  delete(): void {
    this.ctx.enqueue({ delete: this.path() }, () => {
      const sheet = this.ctx.model.sheet(this.sheetName);
      if (sheet) sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c !== this.cf);
    });
  }
}

export class FakeNamedItemCollection extends FakeCollection<FakeNamedItem> {
  constructor(private readonly c: FakeRequestContext) {
    super(c, () => c.model.names.map((n) => new FakeNamedItem(c, n.name)), "names");
  }
  add(name: string, reference: string, comment?: string): FakeNamedItem {
    this.c.enqueue({ add: "name", name, reference, comment }, () => {
      if (this.c.model.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw new Error(`InvalidArgument: the name ${name} exists`);
      const parts = reference
        .replace(/^=/, "")
        .split(",")
        .map((p) => parseAddress(p, null));
      const sheet = parts[0].sheet as string;
      this.c.model.names.push({
        name,
        sheet,
        ranges: parts.map((p) => p.range),
        comment: comment ?? "",
        visible: true,
      });
    });
    return new FakeNamedItem(this.c, name);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.c, name);
  }
}

export class FakeNamedItem extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    readonly itemName: string
  ) {
    super(ctx);
  }
  private model() {
    return this.ctx.model.names.find((n) => n.name === this.itemName);
  }
  protected path(): string {
    return `names('${this.itemName}')`;
  }
  protected snapshot(prop: string): unknown {
    const n = this.model();
    if (prop === "isNullObject") return !n;
    if (!n) throw new Error(`ItemNotFound: the name ${this.itemName} does not exist`);
    switch (prop) {
      case "name":
        return n.name;
      case "formula":
        return `=${n.ranges.map((r) => rangeAddress(n.sheet, r).replace(/!([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/, (_m, c1, r1, c2, r2) => `!$${c1}$${r1}${c2 ? `:$${c2}$${r2}` : ""}`)).join(",")}`;
      case "comment":
        return n.comment;
      case "visible":
        return n.visible;
      default:
        throw new Error(`the fake does not model namedItem.${prop}`);
    }
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  get comment(): string {
    return this.read("comment");
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(v: boolean) {
    this.ctx.enqueue({ set: `${this.path()}.visible`, v }, () => {
      const n = this.model();
      if (n) n.visible = v;
    });
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  delete(): void {
    this.ctx.enqueue({ delete: this.path() }, () => {
      const i = this.ctx.model.names.findIndex((n) => n.name === this.itemName);
      if (i >= 0) this.ctx.model.names.splice(i, 1);
    });
  }
}

export class FakeSettingCollection {
  constructor(private readonly ctx: FakeRequestContext) {}
  add(key: string, value: unknown): void {
    this.ctx.enqueue({ set: `settings.${key}` }, () =>
      this.ctx.model.settings.set(key, JSON.parse(JSON.stringify(value)))
    );
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key);
  }
}

export class FakeSetting extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly key: string
  ) {
    super(ctx);
  }
  protected path(): string {
    return `settings('${this.key}')`;
  }
  protected snapshot(prop: string): unknown {
    if (prop === "isNullObject") return !this.ctx.model.settings.has(this.key);
    if (prop === "value") return this.ctx.model.settings.get(this.key);
    throw new Error(`the fake does not model setting.${prop}`);
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  get value(): unknown {
    return this.read("value");
  }
}

/** Tables of one sheet (or of the workbook, sheet null). */
export class FakeTableCollection extends FakeCollection<FakeTable> {
  constructor(
    private readonly c: FakeRequestContext,
    private readonly sheetName: string | null
  ) {
    super(
      c,
      () =>
        c.model.tables
          .filter((t) => sheetName === null || t.sheet.toLowerCase() === sheetName.toLowerCase())
          .map((t) => new FakeTable(c, () => t)),
      sheetName === null ? "tables" : `worksheets('${sheetName}').tables`
    );
  }

  /** tables.add("'PAB Watch Log'!A1:AE2", true): the table exists after the sync. */
  add(address: string, hasHeaders: boolean): FakeTable {
    let made: FakeTableModel | null = null;
    this.c.enqueue({ add: "table", address, hasHeaders }, () => {
      const { sheet, range } = parseAddress(address, this.sheetName);
      if (!sheet) throw new Error("InvalidArgument: the table address needs a sheet");
      if (this.sheetName !== null && sheet.toLowerCase() !== this.sheetName.toLowerCase())
        throw new Error("InvalidArgument: the address is on another sheet");
      made = this.c.model.addTable(sheet, range, hasHeaders);
    });
    return new FakeTable(this.c, () => made);
  }

  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(
      this.c,
      () =>
        this.c.model.tables.find(
          (t) =>
            t.name.toLowerCase() === name.toLowerCase() &&
            (this.sheetName === null || t.sheet.toLowerCase() === this.sheetName.toLowerCase())
        ) ?? null,
      true
    );
  }
}

export class FakeTable extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly table: () => FakeTableModel | null,
    private readonly orNull = false
  ) {
    super(ctx);
  }
  protected path(): string {
    return `tables('${this.table()?.name ?? "?"}')`;
  }
  private must(): FakeTableModel {
    const t = this.table();
    if (!t) throw new Error("InvalidObjectPath: the table does not exist");
    return t;
  }
  protected snapshot(prop: string): unknown {
    if (prop === "isNullObject") return this.table() === null;
    const t = this.must();
    if (prop === "name") return t.name;
    if (prop === "id") return String(t.id);
    throw new Error(`the fake does not model table.${prop}`);
  }
  get isNullObject(): boolean {
    if (!this.orNull) return false;
    return this.read("isNullObject");
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.ctx.enqueue({ set: "table.name", v }, () => this.ctx.model.renameTable(this.must(), v));
  }
  /** A range on the table's sheet, known only once the table exists (after a sync). */
  private rangeOnSheet(area: () => CellRange): FakeRange {
    const range = new FakeRange(this.ctx, "", area);
    Object.defineProperty(range, "sheetName", { get: () => this.must().sheet });
    return range;
  }
  getRange(): FakeRange {
    return this.rangeOnSheet(() => this.must().range);
  }
  getHeaderRowRange(): FakeRange {
    return this.rangeOnSheet(() => ({ ...this.must().range, bottom: this.must().range.top }));
  }
  resize(address: string): void {
    this.ctx.enqueue({ resize: "table", address }, () => {
      const t = this.must();
      const { sheet, range } = parseAddress(address, t.sheet);
      if (sheet && sheet.toLowerCase() !== t.sheet.toLowerCase())
        throw new Error("InvalidArgument: a table cannot move to another sheet");
      this.ctx.model.resizeTable(t, range);
    });
  }
  delete(): void {
    this.ctx.enqueue({ delete: "table" }, () => {
      const i = this.ctx.model.tables.indexOf(this.must());
      if (i >= 0) this.ctx.model.tables.splice(i, 1);
    });
  }
  /** Rows one at a time are what this adapter must never do: the fake refuses them. */
  get rows(): never {
    throw new Error("the fake refuses table.rows: write the rows in one block through the range");
  }
}
