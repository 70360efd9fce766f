import { CellRange } from "../../layout/address";
/* global TextEncoder */
import {
  FakeCell,
  FakeConditionalFormat,
  columnName,
  FakeSheet,
  FakeTable as FakeTableModel,
  FakeValue,
  FakeWorkbookModel,
  parseAddress,
  rangeAddress,
} from "./model";

/** getMergedAreasOrNullObject fails above this many areas in the range (the review of issue 12). */
export const MERGED_AREAS_LIMIT = 512;
/** Worksheet.getRanges refuses longer addresses (office-js #5198 failed at 8,207 characters). */
export const RANGES_ADDRESS_LIMIT = 8192;

/** What typing the text would give (values are parsed so; a text-formatted cell keeps the text). */
function typedValue(text: string): { value?: FakeValue; formula?: string } {
  if (text.startsWith("=")) return { formula: text };
  const t = text.trim();
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t))
    return { value: Number(t.replace(/,/g, "")) };
  if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100 };
  if (/^[+-]/.test(t) && t.length > 1) return { formula: `=${t}` };
  const year = new Date().getUTCFullYear();
  const serial = (y: number, m: number, d: number) =>
    Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return { value: serial(Number(m[1]), Number(m[2]), Number(m[3])) };
  m = /^(\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m && Number(m[1]) <= 12 && Number(m[2]) <= 31)
    return { value: serial(year, Number(m[1]), Number(m[2])) };
  if (/^true$/i.test(t)) return { value: true };
  if (/^false$/i.test(t)) return { value: false };
  return { value: text };
}

/** An R1C1 formula as A1 in the cell (row, column): R[-1]C[2], R2C3, RC. */
function r1c1ToA1(formula: string, row: number, column: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(
            /(^|[^A-Za-z0-9_.])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![A-Za-z0-9_(])/g,
            (_m, pre: string, r?: string, c?: string) => {
              const rowPart = !r
                ? `${row + 1}`
                : r.startsWith("[")
                  ? `${row + Number(r.slice(1, -1)) + 1}`
                  : `$${r}`;
              const colPart = !c
                ? columnName(column)
                : c.startsWith("[")
                  ? columnName(column + Number(c.slice(1, -1)))
                  : `$${columnName(Number(c) - 1)}`;
              return `${pre}${colPart}${rowPart}`;
            }
          )
    )
    .join("");
}

/** Excel on the web refuses requests over 5 MB. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

/** More cells than this in a 2-D array and Office.js sets them a block of rows at a time. */
export const BULK_CELLS = 1500;

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

  /** Children loaded in the current sync ("areas/items/address,areas/items/formulas" load one child with both). */
  private readonly childSync = new Map<string, number>();

  protected resolve(name: string): void {
    const [head, ...rest] = name.split("/");
    if (rest.length) {
      const again = this.loaded.has(head) && this.childSync.get(head) === this.ctx.syncCount;
      const child = (again ? this.loaded.get(head) : this.snapshot(head)) as
        FakeObject | FakeCollection<FakeObject>;
      if (child instanceof FakeCollection) child.resolveItems(rest.join("/"), again);
      else child.resolve(rest.join("/"));
      this.loaded.set(head, child);
      this.childSync.set(head, this.ctx.syncCount);
      this.ctx.loadedThisSync.push(() => this.loaded.delete(head));
      return;
    }
    const value = this.snapshot(head);
    this.loaded.set(head, value);
    this.ctx.loadedThisSync.push(() => this.loaded.delete(head));
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

  /** Loads props of every item; `again` adds them to the items already loaded in this sync. */
  resolveItems(props: string, again = false): void {
    if (!again || !this.items_) this.items_ = this.list();
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

/** Excel.run(context, batch) over the fake: the batch on a context that exists already (an event handler's). */
export function fakeExcelRunIn() {
  return async <T>(
    context: FakeRequestContext,
    batch: (context: FakeRequestContext) => Promise<T>
  ): Promise<T> => {
    const result = await batch(context);
    if (context.pending) await context.sync();
    return result;
  };
}

export class FakeRequestContext {
  readonly model: FakeWorkbookModel;
  readonly workbook: FakeWorkbook;
  readonly runtime: { enableEvents: boolean };
  readonly application: {
    suspendApiCalculationUntilNextSync: () => void;
    calculate: (type: string) => void;
  };
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
    this.application = {
      suspendApiCalculationUntilNextSync: () => (this.suspendNext = true),
      calculate: (_type: string) =>
        this.enqueue({ calculate: _type }, () => (this.calculate = true)),
    } as FakeRequestContext["application"];
  }

  /** Bytes of loaded values this sync returns; Excel on the web refuses responses over 5 MB too. */
  readonly responseBytes: number[] = [];
  /** Syncs whose response Excel on the web would refuse (over 5 MB). */
  refusedResponses = 0;
  private responding = 0;

  noteResponse(value: unknown): void {
    this.responding += new TextEncoder().encode(JSON.stringify(value ?? null)).length;
  }

  /** Loads carried out in the current sync: a failed sync returns none of them, as Office.js. */
  readonly loadedThisSync: (() => void)[] = [];
  private wrote = false;
  private calculate = false;
  /** Cells the current sync wrote (for calculation and change events). */
  noteWrite(sheet: string, row: number, column: number): void {
    this.wrote = true;
    this.model.revision++;
    if (this.suspended) this.model.uncalculated.add(`${sheet}!${row},${column}`);
    this.changed.add(sheet);
  }
  private suspended = false;
  private readonly changed = new Set<string>();
  /** Names added in the current sync: `visible = false` in the same batch is ignored (office-js #3878, Windows). */
  readonly addedNames = new Set<string>();

  get pending(): boolean {
    return this.queue.length > 0;
  }

  enqueue(payload: unknown, apply: () => void): void {
    this.queue.push({ payload, apply });
  }

  /** One round trip: the queued request is measured (and refused over 5 MB), then carried out in order. */
  async sync(): Promise<void> {
    await this.model.roundTrip?.();
    const ops = this.queue;
    this.queue = [];
    const bytes = new TextEncoder().encode(JSON.stringify(ops.map((o) => o.payload))).length;
    this.syncCount++;
    this.requestBytes.push(bytes);
    const index = this.model.opsPerSync.length;
    this.model.opsPerSync.push(ops.length);
    if (this.suspendNext) this.suspendedSyncs++;
    this.suspended = this.suspendNext;
    this.suspendNext = false;
    if (bytes > REQUEST_LIMIT_BYTES)
      throw new Error(`RequestPayloadSizeLimitExceeded: the request is ${bytes} bytes`);
    this.responding = 0;
    this.loadedThisSync.length = 0;
    this.addedNames.clear();
    this.wrote = false;
    this.calculate = false;
    this.changed.clear();
    // Operations run in order; one that fails ends the request, and those before it stay done
    // (a batch is not a transaction), but no loaded value comes back.
    const failAt = this.model.failAt?.sync === index ? this.model.failAt.op : -1;
    try {
      ops.forEach((op, i) => {
        if (i === failAt)
          throw new Error(`GeneralException: the request failed at operation ${i} (injected)`);
        op.apply();
      });
      if (failAt >= ops.length)
        throw new Error("GeneralException: the request failed after its last operation (injected)");
      // A refused response returns nothing (the attempt is counted in refusedResponses).
      if (this.responding > REQUEST_LIMIT_BYTES) {
        this.refusedResponses++;
        throw Object.assign(
          new Error(`ResponsePayloadSizeLimitExceeded: the response is ${this.responding} bytes`),
          { code: "ResponsePayloadSizeLimitExceeded" }
        );
      }
      this.responseBytes.push(this.responding);
    } catch (e) {
      for (const undo of this.loadedThisSync) undo();
      throw e;
    } finally {
      // With calculation on, Excel calculates what a sync wrote; a suspended sync leaves it for later.
      if (this.calculate || (this.wrote && !this.suspended)) this.model.uncalculated.clear();
      this.suspended = false;
      if (this.changed.size) void this.raiseOwnChanges([...this.changed]);
    }
  }

  /** Our own writes raise worksheet.onChanged too, marked with triggerSource (ExcelApi 1.14). */
  private async raiseOwnChanges(sheets: string[]): Promise<void> {
    for (const sheet of sheets)
      await this.model.emitChanged({
        address: `${sheet}!A1`,
        source: "Local",
        triggerSource: "ThisLocalAddin",
      });
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
  /** The selection (its first area), on the active sheet; A1 of the active sheet when nothing was selected. */
  getSelectedRange(): FakeRange {
    const sel = this.ctx.model.selection;
    const sheet = sel?.sheet ?? this.ctx.model.active();
    const area = sel?.ranges[0] ?? { top: 0, left: 0, bottom: 0, right: 0 };
    return new FakeRange(this.ctx, sheet, () => area);
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

  /** The first sheet in tab order (hidden ones included), as worksheets.getFirst() gives it. */
  getFirst(): FakeWorksheet {
    const first = this.c.model.sheets[0];
    if (!first) throw new Error("ItemNotFound: the workbook has no worksheet");
    return new FakeWorksheet(this.c, first.name);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.c, this.c.model.active());
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
    if (prop === "id") return this.ctx.model.sheetId(s);
    if (prop === "visibility") return s.visibility;
    if (prop === "protection") return { protected: Boolean(s.protected) };
    throw new Error(`the fake does not model worksheet.${prop}`);
  }
  protected resolve(name: string): void {
    super.resolve(name.startsWith("protection/") ? "protection" : name);
  }
  get protection(): { protected: boolean } {
    return this.read("protection");
  }

  get name(): string {
    return this.read("name");
  }
  get id(): string {
    return this.read("id");
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
    return new FakeRangeAreas(this.ctx, this.sheetName, () => {
      if (address.length > RANGES_ADDRESS_LIMIT)
        throw new Error(
          "InvalidArgument: The argument is invalid or missing or has an incorrect format."
        );
      return ranges;
    });
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

  activate(): void {
    this.ctx.enqueue({ activate: this.path() }, () => {
      this.model();
      this.ctx.model.activeSheet = this.sheetName;
    });
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
    // As in Office.js, a null object's other properties load as null (reading them is the caller's mistake).
    if (this.orNull && this.area() === null) return null;
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
      case "columnHidden": {
        const hidden = Array.from({ length: r.right - r.left + 1 }, (_x, i) =>
          Boolean(s.hiddenColumns?.has(r.left + i))
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
  get columnHidden(): boolean | null {
    return this.read("columnHidden");
  }

  private write(
    prop: string,
    data: unknown,
    apply: (row: number, col: number, v: any) => void
  ): void {
    // Cells from `offset` rows down, as `grid` gives them (null leaves a cell as it is, as in
    // Office.js "blank and null values"); one value (not an array) sets every cell of the range.
    const setRows = (grid: unknown[][], offset: number, single: boolean) => {
      const r = this.must();
      if (this.sheet().protected)
        throw new Error(`AccessDenied: the sheet ${this.sheetName} is protected`);
      const rows = single ? r.bottom - r.top + 1 : grid.length;
      const cols = r.right - r.left + 1;
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          const v = single ? grid[0][0] : grid[i][j];
          if (v === null) continue;
          apply(r.top + offset + i, r.left + j, v);
          this.ctx.noteWrite(this.sheetName, r.top + offset + i, r.left + j);
        }
    };
    const check = (grid: unknown[][]) => {
      const r = this.must();
      const rows = r.bottom - r.top + 1;
      const cols = r.right - r.left + 1;
      if (grid.length !== rows || grid.some((line) => line.length !== cols))
        throw new Error(
          `InvalidArgument: ${prop} is ${grid.length}x${grid[0]?.length} for a ${rows}x${cols} range`
        );
    };
    if (data === null || data === undefined) {
      this.ctx.enqueue({ set: `${this.path()}.${prop}`, data }, () => {
        throw new Error(`InvalidArgument: ${prop} cannot be set to ${String(data)}`);
      });
      return;
    }
    const grid = Array.isArray(data) ? (data as unknown[][]) : [[data]];
    const single = grid.length === 1 && grid[0].length === 1;
    const cells = single ? 1 : grid.length * (grid[0]?.length ?? 0);
    if (cells <= BULK_CELLS) {
      this.ctx.enqueue({ set: `${this.path()}.${prop}`, data }, () => {
        if (!single) check(grid);
        setRows(grid, 0, single);
      });
      return;
    }
    // Office.js sends more than 1,500 cells as a size check, then one set per block of rows
    // (setRangePropertiesInBulk): each is an operation of its own, which a failure can fall between.
    this.ctx.enqueue({ validate: this.path(), rows: grid.length, columns: grid[0].length }, () =>
      check(grid)
    );
    const step = Math.max(1, Math.round(BULK_CELLS / grid[0].length));
    for (let start = 0; start < grid.length; start += step) {
      const slice = grid.slice(start, start + step);
      this.ctx.enqueue({ set: `${this.path()}.${prop}`, start, data: slice }, () =>
        setRows(slice, start, false)
      );
    }
  }

  /** Text through `values` is parsed as if typed (unless the cell is text-formatted): "=x" and "+x" formulas, "1-2" a date, "1,200" a number. */
  set values(data: FakeValue[][]) {
    this.write("values", data, (row, col, v) => {
      const s = this.sheet();
      const text = this.ctx.model.cell(s, row, col)?.numberFormat === "@";
      const typed: { value?: FakeValue; formula?: string } =
        typeof v === "string" && !text ? typedValue(v) : { value: v };
      if (typed.formula) this.ctx.model.writeFormula(s, row, col, typed.formula);
      else {
        this.ctx.model.dropSpill(s, row, col);
        this.ctx.model.setCell(s, row, col, {
          value: typed.value as FakeValue,
          formula: undefined,
        });
      }
    });
  }

  set formulas(data: FakeValue[][]) {
    this.write("formulas", data, (row, col, v) => {
      const s = this.sheet();
      if (typeof v === "string" && v.startsWith("=")) this.ctx.model.writeFormula(s, row, col, v);
      else {
        this.ctx.model.dropSpill(s, row, col);
        this.ctx.model.setCell(s, row, col, { value: v, formula: undefined });
      }
    });
  }

  /** R1C1 formulas: stored as the A1 formula they are in each cell. */
  set formulasR1C1(data: FakeValue[][]) {
    this.write("formulasR1C1", data, (row, col, v) => {
      const s = this.sheet();
      if (typeof v === "string" && v.startsWith("="))
        this.ctx.model.writeFormula(s, row, col, r1c1ToA1(v, row, col));
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

  /** clear("Contents") keeps formats, clear("Formats") keeps contents, clear() / clear("All") both. */
  clear(applyTo: string = "All"): void {
    this.ctx.enqueue({ clear: this.path(), applyTo }, () => this.clearNow(applyTo));
  }

  /** What clear() does when its request runs. */
  clearNow(applyTo: string): void {
    const r = this.must();
    const sheet = this.sheet();
    if (sheet.protected) throw new Error(`AccessDenied: the sheet ${this.sheetName} is protected`);
    const cells = sheet.cells;
    for (const [row, col, c] of [...cells.within(r.top, r.left, r.bottom, r.right)]) {
      this.ctx.noteWrite(this.sheetName, row, col);
      const next: FakeCell = { ...c };
      if (applyTo === "All" || applyTo === "Contents") {
        next.value = "";
        delete next.formula;
        // Clearing a dynamic array's anchor clears what it spilled, as in Excel.
        if (sheet.spills?.has(`${row},${col}`)) this.ctx.model.dropSpill(sheet, row, col);
      }
      if (applyTo === "All" || applyTo === "Formats") {
        delete next.numberFormat;
        delete next.fill;
        delete next.border;
      }
      if (
        next.value === "" &&
        next.formula === undefined &&
        !next.numberFormat &&
        !next.fill &&
        !next.border
      )
        cells.remove(row, col);
      else cells.put(row, col, next);
    }
  }

  /** The cells a dynamic array anchored here spills into (ExcelApi 1.12); null when it does not spill. */
  getSpillingToRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.ctx,
      this.sheetName,
      () => {
        const r = this.must();
        return this.sheet().spills?.get(`${r.top},${r.left}`) ?? null;
      },
      true
    );
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.ctx,
      this.sheetName,
      () => {
        const r = this.must();
        const hits = this.sheet().merged.filter(
          (m) => m.bottom >= r.top && m.top <= r.bottom && m.right >= r.left && m.left <= r.right
        );
        // Reported in practice: above 512 merged areas the call fails the whole request.
        if (hits.length > MERGED_AREAS_LIMIT)
          throw new Error(
            `GeneralException: ${hits.length} merged areas in ${this.sheetName}, more than ${MERGED_AREAS_LIMIT}`
          );
        return hits;
      },
      true
    );
  }

  select(): void {
    this.ctx.enqueue({ select: this.path() }, () =>
      this.ctx.model.select(this.sheetName, [this.must()])
    );
  }

  /** A range derived from this one; a null object stays null along the chain. */
  private derived(f: (r: CellRange) => CellRange | null, orNull = this.orNull): FakeRange {
    return new FakeRange(
      this.ctx,
      this.sheetName,
      () => {
        const r = this.orNull ? this.area() : this.must();
        return r ? f(r) : null;
      },
      orNull
    );
  }

  getEntireRow(): FakeRange {
    return this.derived((r) => ({ ...r, left: 0, right: 16383 }));
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived((r) => ({
      top: r.top + row,
      left: r.left + column,
      bottom: r.top + row,
      right: r.left + column,
    }));
  }

  getResizedRange(rows: number, columns: number): FakeRange {
    return this.derived((r) => {
      if (r.bottom + rows > 1048575 || r.right + columns > 16383)
        throw new Error("InvalidArgument: the range would pass the edge of the sheet");
      return { ...r, bottom: r.bottom + rows, right: r.right + columns };
    });
  }

  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    return this.derived((r) => {
      const o = other.orNull ? other.area() : other.must();
      if (!o) return null;
      const top = Math.max(r.top, o.top);
      const bottom = Math.min(r.bottom, o.bottom);
      const left = Math.max(r.left, o.left);
      const right = Math.min(r.right, o.right);
      return top <= bottom && left <= right ? { top, left, bottom, right } : null;
    }, true);
  }

  /**
   * "Formulas": the cells holding a formula, as runs along each row. "Visible": the cells in no
   * hidden row or column, as rectangles of runs of visible rows by runs of visible columns.
   */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    if (cellType === "Visible")
      return new FakeRangeAreas(
        this.ctx,
        this.sheetName,
        () => {
          const r = this.orNull ? this.area() : this.must();
          if (!r) return [];
          const s = this.sheet();
          const runs = (from: number, to: number, hidden: (i: number) => boolean) => {
            const out: [number, number][] = [];
            for (let i = from; i <= to; i++) {
              if (hidden(i)) continue;
              const last = out[out.length - 1];
              if (last && last[1] === i - 1) last[1] = i;
              else out.push([i, i]);
            }
            return out;
          };
          const rows = runs(r.top, r.bottom, (i) => s.hiddenRows.has(i));
          const columns = runs(r.left, r.right, (i) => Boolean(s.hiddenColumns?.has(i)));
          return rows.flatMap(([top, bottom]) =>
            columns.map(([left, right]) => ({ top, bottom, left, right }))
          );
        },
        true
      );
    if (cellType !== "Formulas")
      throw new Error(`the fake does not model special cells ${cellType}`);
    return new FakeRangeAreas(
      this.ctx,
      this.sheetName,
      () => {
        const r = this.orNull ? this.area() : this.must();
        if (!r) return [];
        const cells: [number, number][] = [];
        for (const [row, col, c] of this.sheet().cells.within(r.top, r.left, r.bottom, r.right))
          if (c.formula) cells.push([row, col]);
        cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        const runs: CellRange[] = [];
        for (const [row, col] of cells) {
          const last = runs[runs.length - 1];
          if (last && last.top === row && last.right === col - 1) last.right = col;
          else runs.push({ top: row, bottom: row, left: col, right: col });
        }
        return runs;
      },
      true
    );
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.ctx, this.sheetName, () => [this.must()]);
  }

  /** Only the column width (points) of the range's columns. */
  get format(): { columnWidth: number } {
    const self = this;
    return {
      get columnWidth(): number {
        throw notLoaded("format/columnWidth");
      },
      set columnWidth(points: number) {
        self.ctx.enqueue({ set: `${self.path()}.format.columnWidth`, points }, () => {
          const r = self.must();
          const sheet = self.sheet();
          for (let c = r.left; c <= r.right; c++) (sheet.columnWidths ??= new Map()).set(c, points);
        });
      },
    };
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
  /** RangeAreas.clear (ExcelApi 1.9): each area as Range.clear would. */
  clear(applyTo: string = "All"): void {
    this.ctx.enqueue({ clear: this.path(), applyTo }, () => {
      for (const r of this.ranges())
        new FakeRange(this.ctx, this.sheetName, () => r).clearNow(applyTo);
    });
  }
  select(): void {
    this.ctx.enqueue({ select: this.path() }, () =>
      this.ctx.model.select(this.sheetName, this.ranges())
    );
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
    const draft: FakeConditionalFormat = {
      id: 0,
      type: type as FakeConditionalFormat["type"],
      ranges: [],
      formula: "",
      format: {},
    };
    const proxy = new FakeConditionalFormat_(this.c, this.sheetName, draft);
    this.c.enqueue({ add: "conditionalFormat", sheet: this.sheetName, type }, () => {
      const sheet = this.c.model.sheet(this.sheetName);
      if (!sheet) throw new Error(`ItemNotFound: ${this.sheetName}`);
      if (sheet.protected)
        throw new Error(`AccessDenied: the sheet ${this.sheetName} is protected`);
      const added = this.c.model.addConditionalFormat(
        sheet,
        this.ranges(),
        draft.formula,
        draft.format,
        draft.type
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
        /** R1C1 reads the same from every cell: stored as A1 relative to the rule's anchor. */
        set formulaR1C1(v: string) {
          set("formulaR1C1", (cf) => {
            const anchor = cf.ranges[0];
            cf.formula = r1c1ToA1(v, anchor.top, anchor.left).replace(/^=/, "");
          });
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
    if (prop === "type") return this.cf.type ?? "Custom";
    if (prop === "custom" || prop === "customOrNullObject") {
      const custom = (this.cf.type ?? "Custom") === "Custom";
      // office-js #2180: loading `custom` of a data bar, colour scale or preset rule fails the whole sync.
      if (!custom && prop === "custom")
        throw new Error(
          "InvalidOperation: This operation is not permitted for the current object."
        );
      return { ...this.cf, isNullObject: !custom };
    }
    throw new Error(`the fake does not model conditionalFormat.${prop}`);
  }
  protected resolve(name: string): void {
    const head = name.split("/")[0];
    super.resolve(head === "custom" || head === "customOrNullObject" ? head : name);
  }
  /** The custom rule, or a null object for any other type (loading it never fails). */
  get customOrNullObject(): { isNullObject: boolean; rule: { formula: string } } {
    const c = this.read<FakeConditionalFormat & { isNullObject: boolean }>("customOrNullObject");
    return { isNullObject: c.isNullObject, rule: { formula: c.formula } };
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
      this.c.addedNames.add(name);

      const parts = reference
        .replace(/^=/, "")
        .split(",")
        .map((p) => parseAddress(p, null));
      const sheet = parts[0].sheet as string;
      this.c.model.addName({
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
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.c, name, true);
  }
}

export class FakeNamedItem extends FakeObject {
  constructor(
    ctx: FakeRequestContext,
    readonly itemName: string,
    private readonly must = false
  ) {
    super(ctx);
  }
  private model() {
    const n = this.ctx.model.findName(this.itemName);
    if (!n && this.must) throw new Error(`ItemNotFound: the name ${this.itemName} does not exist`);
    return n;
  }
  set formula(reference: string) {
    this.ctx.enqueue({ set: `${this.path()}.formula`, reference }, () => {
      const n = this.model();
      if (!n) return;
      const parts = reference
        .replace(/^=/, "")
        .split(",")
        .map((p) => parseAddress(p, null));
      n.sheet = parts[0].sheet as string;
      n.ranges = parts.map((p) => p.range);
      delete n.broken;
    });
  }
  set comment(text: string) {
    this.ctx.enqueue({ set: `${this.path()}.comment`, text }, () => {
      const n = this.model();
      if (n) n.comment = text;
    });
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
        // A name whose sheet was deleted reads "=#REF!$A$7:$I$7".
        if (n.broken)
          return `=${n.ranges
            .map(
              (r) =>
                `#REF!${rangeAddress("S", r)
                  .slice(2)
                  .replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`
            )
            .join(",")}`;
        return `=${n.ranges.map((r) => rangeAddress(n.sheet, r).replace(/!([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/, (_m, c1, r1, c2, r2) => `!$${c1}$${r1}${c2 ? `:$${c2}$${r2}` : ""}`)).join(",")}`;
      case "comment":
        return n.comment;
      case "visible":
        return n.visible;
      case "type":
        // A name whose formula is #REF! evaluates to an error, not a range.
        return n.broken ? "Error" : "Range";
      default:
        throw new Error(`the fake does not model namedItem.${prop}`);
    }
  }

  /** The range the name refers to; on a #REF! name (its sheet deleted) it fails the sync: "Throws an error if the named item's type isn't a range". */
  getRange(): FakeRange {
    const name = () => {
      const n = this.model();
      if (!n) throw new Error(`ItemNotFound: the name ${this.itemName} does not exist`);
      return n;
    };
    const range = new FakeRange(this.ctx, "", () => {
      const n = name();
      if (n.broken)
        throw new Error(`InvalidArgument: the name ${n.name} does not refer to a range (=#REF!)`);
      if (n.ranges.length !== 1)
        throw new Error("the fake does not model getRange of a name over several areas");
      return n.ranges[0];
    });
    Object.defineProperty(range, "sheetName", { get: () => name().sheet });
    return range;
  }

  /** A null object where the name does not refer to a range (=#REF!). */
  getRangeOrNullObject(): FakeRange {
    const range = new FakeRange(
      this.ctx,
      "",
      () => {
        const n = this.model();
        if (n && !n.broken && n.ranges.length !== 1)
          throw new Error("the fake does not model getRange of a name over several areas");
        return n && !n.broken ? n.ranges[0] : null;
      },
      true
    );
    Object.defineProperty(range, "sheetName", { get: () => this.model()?.sheet ?? "" });
    return range;
  }

  get type(): string {
    return this.read("type");
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
      // office-js #3878: hiding a name in the batch that adds it is ignored on Windows.
      if (n && !this.ctx.addedNames.has(n.name)) n.visible = v;
    });
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  delete(): void {
    this.ctx.enqueue({ delete: this.path() }, () => {
      this.ctx.model.removeName(this.itemName);
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
