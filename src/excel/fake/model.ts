import { a1, parseA1, parseRange, CellRange, columnName } from "../../layout/address";
import { insertRowsInFormula, shiftFormula } from "../../layout/formulaRefs";

export type FakeValue = number | string | boolean;

export interface FakeCell {
  value: FakeValue;
  formula?: string;
  numberFormat?: string;
  /** The planner's own cell formatting (what clear("Contents") keeps and clear("All") removes). */
  fill?: string;
  border?: string;
}

/** Conditional-format types as Office.js names them; only "Custom" has a `custom` rule. */
export type FakeConditionalFormatType =
  | "Custom"
  | "DataBar"
  | "ColorScale"
  | "IconSet"
  | "PresetCriteria"
  | "CellValue"
  | "TopBottom"
  | "ContainsText";

export interface FakeConditionalFormat {
  id: number;
  type?: FakeConditionalFormatType;
  ranges: CellRange[];
  /** Relative references read from the top-left cell of ranges[0], the range it was added to (office-js #5194). */
  formula: string;
  format: {
    fill?: string;
    fontColor?: string;
    bold?: boolean;
    border?: string;
    numberFormat?: string;
  };
}

/**
 * A sheet's cells, by row and then column (numbers, so the fake keeps up with 5,000 items × 52
 * periods). It also reads like a Map keyed "row,column" (0-based), which the workbench and tests use.
 */
export class CellStore {
  private readonly rows = new Map<number, Map<number, FakeCell>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  at(row: number, column: number): FakeCell | undefined {
    return this.rows.get(row)?.get(column);
  }

  put(row: number, column: number, cell: FakeCell): void {
    let line = this.rows.get(row);
    if (!line) this.rows.set(row, (line = new Map()));
    const before = line.size;
    line.set(column, cell);
    this.count += line.size - before;
  }

  remove(row: number, column: number): boolean {
    const line = this.rows.get(row);
    if (!line || !line.delete(column)) return false;
    this.count--;
    if (!line.size) this.rows.delete(row);
    return true;
  }

  /** Every cell in rows top..bottom and columns left..right (in no set order), without visiting the rest of the sheet. */
  *within(
    top: number,
    left: number,
    bottom: number,
    right: number
  ): IterableIterator<[number, number, FakeCell]> {
    const byIndex = bottom - top + 1 < this.rows.size;
    const rows: Iterable<number> = byIndex
      ? (function* () {
          for (let r = top; r <= bottom; r++) yield r;
        })()
      : [...this.rows.keys()].filter((r) => r >= top && r <= bottom);
    for (const r of rows) {
      const line = this.rows.get(r);
      if (!line) continue;
      if (right - left + 1 < line.size) {
        for (let c = left; c <= right; c++) {
          const cell = line.get(c);
          if (cell) yield [r, c, cell];
        }
      } else {
        for (const [c, cell] of line) if (c >= left && c <= right) yield [r, c, cell];
      }
    }
  }

  *cells(): IterableIterator<[number, number, FakeCell]> {
    for (const [r, line] of this.rows) for (const [c, cell] of line) yield [r, c, cell];
  }

  clear(): void {
    this.rows.clear();
    this.count = 0;
  }

  private static split(key: string): [number, number] {
    const comma = key.indexOf(",");
    return [Number(key.slice(0, comma)), Number(key.slice(comma + 1))];
  }
  get(key: string): FakeCell | undefined {
    const [r, c] = CellStore.split(key);
    return this.at(r, c);
  }
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  set(key: string, cell: FakeCell): this {
    const [r, c] = CellStore.split(key);
    this.put(r, c, cell);
    return this;
  }
  delete(key: string): boolean {
    const [r, c] = CellStore.split(key);
    return this.remove(r, c);
  }
  *keys(): IterableIterator<string> {
    for (const [r, c] of this.cells()) yield `${r},${c}`;
  }
  *values(): IterableIterator<FakeCell> {
    for (const [, , cell] of this.cells()) yield cell;
  }
  *entries(): IterableIterator<[string, FakeCell]> {
    for (const [r, c, cell] of this.cells()) yield [`${r},${c}`, cell];
  }
  [Symbol.iterator](): IterableIterator<[string, FakeCell]> {
    return this.entries();
  }
}

export interface FakeSheet {
  name: string;
  /** Excel's id of the worksheet ("{…}"): events name the sheet by it. */
  id?: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: CellStore;
  merged: CellRange[];
  hiddenRows: Set<number>;
  hiddenColumns?: Set<number>;
  conditionalFormats: FakeConditionalFormat[];
  /** A protected sheet refuses every write (all cells locked, as by default). */
  protected?: boolean;
  /** Column widths in points, where set. */
  columnWidths?: Map<number, number>;
  /** Spilled dynamic arrays: anchor "row,column" → the range they fill. */
  spills?: Map<string, CellRange>;
}

export interface FakeName {
  name: string;
  sheet: string;
  ranges: CellRange[];
  comment: string;
  visible: boolean;
  /** Its sheet was deleted: the name now refers to =#REF!. */
  broken?: boolean;
}

/** An Excel table: a named range whose first row is its header. */
export interface FakeTable {
  id: number;
  name: string;
  sheet: string;
  range: CellRange;
}

/**
 * The workbook behind the fake: cells, merged areas, hidden rows, conditional formats, names and
 * settings, with Excel's behaviour where the adapter relies on it (inserted rows move names and rules).
 */
export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  readonly names: FakeName[] = [];
  private readonly nameIndex = new Map<string, FakeName>();

  /** A name by its (case-insensitive) name. */
  findName(name: string): FakeName | undefined {
    const hit = this.nameIndex.get(name.toLowerCase());
    return hit;
  }

  addName(n: FakeName): void {
    if (this.findName(n.name)) throw new Error(`InvalidArgument: the name ${n.name} exists`);
    this.names.push(n);
    this.nameIndex.set(n.name.toLowerCase(), n);
  }

  removeName(name: string): void {
    const n = this.findName(name);
    if (!n) return;
    this.names.splice(this.names.indexOf(n), 1);
    this.nameIndex.delete(name.toLowerCase());
  }
  readonly settings = new Map<string, unknown>();
  readonly tables: FakeTable[] = [];
  /** Syncs carried out against this workbook, by every request context, and the operations each sent. */
  readonly opsPerSync: number[] = [];
  /**
   * A failure to inject (tests): the sync with this index (0-based, counted over every context) fails
   * at its operation `op`: the operations before it stay done, the rest never run, nothing loads.
   */
  failAt: { sync: number; op: number } | null = null;
  date1904 = false;
  eventsEnabled = true;
  /** The sheet Excel shows (null: the first visible one). */
  activeSheet: string | null = null;
  /** The cells selected in Excel, as Range.select() or the person left them. */
  selection: { sheet: string; ranges: CellRange[] } | null = null;
  /** Told whenever the selection changes, as worksheet.onSelectionChanged would be. */
  readonly selectionListeners = new Set<() => void>();

  select(sheet: string, ranges: CellRange[]): void {
    const s = this.sheet(sheet);
    if (!s) throw new Error(`ItemNotFound: the worksheet ${sheet} does not exist`);
    this.activeSheet = s.name;
    this.selection = { sheet: s.name, ranges };
    for (const l of this.selectionListeners) l();
  }

  /** The active sheet's name, as getActiveWorksheet() gives it. */
  active(): string {
    const named = this.activeSheet ? this.sheet(this.activeSheet) : undefined;
    const s = named ?? this.sheets.find((x) => x.visibility === "Visible") ?? this.sheets[0];
    if (!s) throw new Error("ItemNotFound: the workbook has no worksheet");
    return s.name;
  }
  readonly changeHandlers = new Set<(event: unknown) => Promise<void> | void>();

  /**
   * Raises worksheets.onChanged as Excel would (nothing when events are off): the sheet by its id and
   * the address within it, so "MPS!B5" arrives as { worksheetId: "{…}", address: "B5" }.
   */
  async emitChanged(event: {
    worksheetId?: string;
    /** "B5:C7" on the sheet of worksheetId, or "MPS!B5" (its sheet named here). */
    address: string;
    source: "Local" | "Remote";
    changeType?: string;
    /** "ThisLocalAddin" when this add-in's own API calls made the change (ExcelApi 1.14). */
    triggerSource?: "ThisLocalAddin" | "Unknown";
  }): Promise<void> {
    if (!this.eventsEnabled) return;
    const bang = event.address.lastIndexOf("!");
    const sheet =
      bang >= 0 ? this.sheet(event.address.slice(0, bang).replace(/^'(.*)'$/, "$1")) : undefined;
    const shaped = {
      ...event,
      worksheetId: event.worksheetId ?? (sheet ? this.sheetId(sheet) : ""),
      address: bang >= 0 ? event.address.slice(bang + 1) : event.address,
    };
    for (const h of [...this.changeHandlers])
      await h({ changeType: "RangeEdited", triggerSource: "Unknown", ...shaped });
  }

  /** The worksheet's id, given it when first asked. */
  sheetId(sheet: FakeSheet): string {
    if (!sheet.id) {
      // Not enumerable: a sheet's state, as tests compare it, stays its cells and formats.
      const id = `{${String(this.nextId++).padStart(8, "0")}-0000-4000-8000-000000000000}`;
      Object.defineProperty(sheet, "id", { value: id, enumerable: false });
    }
    return sheet.id as string;
  }
  private nextId = 1;

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`A sheet named ${name} already exists`);
    const sheet: FakeSheet = {
      name,
      visibility: "Visible",
      cells: new CellStore(),
      merged: [],
      hiddenRows: new Set(),
      conditionalFormats: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  /** A sheet by its (case-insensitive) name, or by its id as worksheets.getItem takes either. */
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase() || s.id === name);
  }

  /** Deleting a sheet turns every reference to it into #REF!: names and other sheets' formulas. */
  deleteSheet(name: string): void {
    const i = this.sheets.findIndex((s) => s.name === name);
    if (i < 0) return;
    this.sheets.splice(i, 1);
    for (const n of this.names) if (n.sheet === name) n.broken = true;
    const quoted = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "''");
    const ref = new RegExp(
      `('${quoted}'|${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? quoted : "(?!)"})!\\$?[A-Z]{1,3}\\$?\\d+(:\\$?[A-Z]{1,3}\\$?\\d+)?`,
      "g"
    );
    for (const s of this.sheets)
      for (const c of s.cells.values())
        if (c.formula && ref.test(c.formula)) {
          ref.lastIndex = 0;
          c.formula = c.formula.replace(ref, "#REF!");
          c.value = "#REF!";
        }
    for (let t = this.tables.length - 1; t >= 0; t--)
      if (this.tables[t].sheet === name) this.tables.splice(t, 1);
  }

  /**
   * tables.add as Excel does it: the range must not overlap another table, the name must be free
   * (no table or defined name of that name), and the header row gets unique, non-empty texts.
   */
  addTable(sheetName: string, range: CellRange, hasHeaders: boolean): FakeTable {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`ItemNotFound: the worksheet ${sheetName} does not exist`);
    if (!hasHeaders) throw new Error("the fake models tables with a header row only");
    if (range.bottom <= range.top)
      throw new Error("InvalidArgument: a table needs a header row and at least one row");
    for (const t of this.tables)
      if (t.sheet === sheet.name && overlaps(t.range, range))
        throw new Error(`InvalidArgument: the range overlaps the table ${t.name}`);
    const seen = new Set<string>();
    for (let c = range.left; c <= range.right; c++) {
      const v = this.cell(sheet, range.top, c)?.value;
      const text = v === undefined || v === "" ? `Column${c - range.left + 1}` : String(v);
      if (seen.has(text.toLowerCase()))
        throw new Error(`InvalidArgument: the header ${text} appears twice`);
      seen.add(text.toLowerCase());
      if (v === undefined || v === "") this.setCell(sheet, range.top, c, { value: text });
    }
    let n = this.tables.length + 1;
    while (this.tables.some((t) => t.name === `Table${n}`)) n++;
    const table = { id: this.nextId++, name: `Table${n}`, sheet: sheet.name, range };
    this.tables.push(table);
    return table;
  }

  renameTable(table: FakeTable, name: string): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
      throw new Error(`InvalidArgument: ${name} is not a valid table name`);
    const taken =
      this.tables.some((t) => t !== table && t.name.toLowerCase() === name.toLowerCase()) ||
      this.names.some((n) => n.name.toLowerCase() === name.toLowerCase());
    if (taken) throw new Error(`InvalidArgument: the name ${name} is taken`);
    table.name = name;
  }

  /** table.resize: the header stays in its row and columns; the new range must not overlap another table. */
  resizeTable(table: FakeTable, range: CellRange): void {
    if (range.top !== table.range.top || range.left !== table.range.left)
      throw new Error("InvalidArgument: the header row of a table cannot move");
    if (range.bottom <= range.top) throw new Error("InvalidArgument: a table needs one row");
    for (const t of this.tables)
      if (t !== table && t.sheet === table.sheet && overlaps(t.range, range))
        throw new Error(`InvalidArgument: the range overlaps the table ${t.name}`);
    table.range = range;
  }

  /** Cells written while calculation was suspended and not calculated since (see Excel.Application). */
  readonly uncalculated = new Set<string>();

  cell(sheet: FakeSheet, row: number, column: number): FakeCell | undefined {
    return sheet.cells.at(row, column);
  }

  setCell(sheet: FakeSheet, row: number, column: number, cell: Partial<FakeCell>): void {
    this.revision++;
    const now = sheet.cells.at(row, column);
    const next = now ? { ...now, ...cell } : { value: "", ...cell };
    if (
      next.value === "" &&
      next.formula === undefined &&
      next.numberFormat === undefined &&
      !next.fill &&
      !next.border
    )
      sheet.cells.remove(row, column);
    else sheet.cells.put(row, column, next);
  }

  /**
   * How formulas calculate in this fake, when a test gives it a way (the workbench and tests plug in
   * the add-in's own functions): a result larger than one cell spills, as dynamic arrays do.
   */
  evaluate:
    ((sheet: string, row: number, column: number, formula: string) => FakeValue[][] | null) | null =
    null;

  /** The cells a dynamic array anchored here spilled into go (its formula was replaced or cleared). */
  dropSpill(sheet: FakeSheet, row: number, column: number): void {
    const k = `${row},${column}`;
    const old = sheet.spills?.get(k);
    if (!old) return;
    this.revision++;
    sheet.spills!.delete(k);
    // The values go; a cell's own formatting stays.
    for (let r = old.top; r <= old.bottom; r++)
      for (let c = old.left; c <= old.right; c++)
        if (r !== row || c !== column) this.setCell(sheet, r, c, { value: "" });
  }

  /** A formula written into a cell: an earlier spill from it goes, a new one fills the cells around. */
  writeFormula(sheet: FakeSheet, row: number, column: number, formula: string): void {
    this.revision++;
    const k = `${row},${column}`;
    this.dropSpill(sheet, row, column);
    const result = this.evaluate?.(sheet.name, row, column, formula) ?? null;
    const now = sheet.cells.at(row, column) ?? { value: "" };
    if (!result || (result.length === 1 && result[0].length === 1)) {
      sheet.cells.put(row, column, { ...now, formula, value: result ? result[0][0] : "" });
      return;
    }
    const area = {
      top: row,
      left: column,
      bottom: row + result.length - 1,
      right: column + result[0].length - 1,
    };
    let blocked = false;
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) {
        const cell = sheet.cells.at(r, c);
        if ((r !== row || c !== column) && cell && (cell.value !== "" || cell.formula))
          blocked = true;
      }
    if (blocked) {
      sheet.cells.put(row, column, { ...now, formula, value: "#SPILL!" });
      return;
    }
    // Spilled cells hold values only: `formulas` reads the value where there is no formula.
    result.forEach((line, i) =>
      line.forEach((v, j) => {
        const cell = sheet.cells.at(row + i, column + j) ?? { value: "" };
        sheet.cells.put(
          row + i,
          column + j,
          i === 0 && j === 0 ? { ...cell, formula, value: v } : { ...cell, value: v }
        );
      })
    );
    (sheet.spills ??= new Map()).set(k, area);
  }

  /**
   * Awaited at the start of every sync, as a real sync is a round trip to Excel during which the page
   * runs on (the workbench yields to the browser here, so a long scan never holds the pane's thread).
   */
  roundTrip: (() => Promise<void>) | null = null;

  /** Bumped by every change to cells, so derived answers (the used range) can be cached. */
  revision = 0;
  private usedCache = new Map<
    FakeSheet,
    { revision: number; size: number; range: CellRange | null }
  >();

  /** The used range (values only, as getUsedRange(true)): null when the sheet is empty. */
  usedRange(sheet: FakeSheet): CellRange | null {
    const hit = this.usedCache.get(sheet);
    if (hit && hit.revision === this.revision && hit.size === sheet.cells.size) return hit.range;
    const range = this.computeUsedRange(sheet);
    this.usedCache.set(sheet, { revision: this.revision, size: sheet.cells.size, range });
    return range;
  }

  private computeUsedRange(sheet: FakeSheet): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [r, col, c] of sheet.cells.cells()) {
      if (c.value === "" && c.formula === undefined) continue;
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  addConditionalFormat(
    sheet: FakeSheet,
    ranges: CellRange[],
    formula: string,
    format: FakeConditionalFormat["format"],
    type: FakeConditionalFormatType = "Custom"
  ): FakeConditionalFormat {
    const cf = { id: this.nextId++, type, ranges, formula, format };
    sheet.conditionalFormats.push(cf);
    return cf;
  }

  /** Excel's "insert rows": cells, merged areas, hidden rows, rules and names below move down. */
  insertRows(sheetName: string, at: number, count: number): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    this.revision++;
    const moved: [number, number, FakeCell][] = [];
    for (const [r, col, c] of sheet.cells.cells()) {
      const formula = c.formula && insertRowsInFormula(c.formula, at, count);
      moved.push([r >= at ? r + count : r, col, formula ? { ...c, formula } : c]);
    }
    sheet.cells.clear();
    for (const [r, col, c] of moved) sheet.cells.put(r, col, c);
    const shift = (r: CellRange) => ({
      ...r,
      top: r.top >= at ? r.top + count : r.top,
      bottom: r.bottom >= at ? r.bottom + count : r.bottom,
    });
    sheet.merged = sheet.merged.map(shift);
    sheet.hiddenRows = new Set([...sheet.hiddenRows].map((r) => (r >= at ? r + count : r)));
    for (const cf of sheet.conditionalFormats) cf.ranges = cf.ranges.map(shift);
    for (const n of this.names) if (n.sheet === sheet.name) n.ranges = n.ranges.map(shift);
    for (const t of this.tables) if (t.sheet === sheet.name) t.range = shift(t.range);
  }
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** The formula a custom rule evaluates at one cell: its references moved from the rule's anchor. */
export function ruleFormulaAt(cf: FakeConditionalFormat, row: number, column: number): string {
  const anchor = cf.ranges[0];
  return shiftFormula(cf.formula, row - anchor.top, column - anchor.left);
}

export function rangeAddress(sheet: string, r: CellRange): string {
  const prefix = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const from = a1(r.top, r.left);
  const to = a1(r.bottom, r.right);
  return `${prefix}!${from === to ? from : `${from}:${to}`}`;
}

/** "B7:I7", "MPS!B7", "'Weekly plan'!$B$7:$I$7", "7:7" → a range on a sheet. */
export function parseAddress(
  address: string,
  defaultSheet: string | null
): { sheet: string | null; range: CellRange } {
  const bang = address.lastIndexOf("!");
  const sheet =
    bang >= 0
      ? address
          .slice(0, bang)
          .replace(/^'(.*)'$/, "$1")
          .replace(/''/g, "'")
      : defaultSheet;
  const ref = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
  const rows = /^(\d+):(\d+)$/.exec(ref);
  if (rows)
    return {
      sheet,
      range: { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: 16383 },
    };
  return { sheet, range: parseRange(ref) };
}

export { a1, parseA1, columnName };

/** A fake workbook holding what a snapshot holds (for tests and the workbench). */
export function modelFromSnapshot(snapshot: {
  date1904: boolean;
  sheets: {
    name: string;
    visible: boolean;
    top: number;
    left: number;
    values: FakeValue[][];
    formulas: Record<string, string>;
    numberFormats: Record<string, string>;
    merged: string[];
    hiddenRows: number[];
    hiddenColumns?: number[];
  }[];
}): FakeWorkbookModel {
  const model = new FakeWorkbookModel();
  model.date1904 = snapshot.date1904;
  for (const s of snapshot.sheets) {
    const sheet = model.addSheet(s.name);
    sheet.visibility = s.visible ? "Visible" : "Hidden";
    s.values.forEach((line, i) =>
      line.forEach((v, j) => {
        if (v !== "") sheet.cells.put(s.top + i, s.left + j, { value: v });
      })
    );
    const extras = (record: Record<string, string>, field: "formula" | "numberFormat") => {
      for (const [address, text] of Object.entries(record)) {
        if (!text) continue;
        const { row, column } = parseA1(address);
        const now = sheet.cells.at(row, column);
        sheet.cells.put(row, column, { ...(now ?? { value: "" }), [field]: text });
      }
    };
    extras(s.formulas, "formula");
    extras(s.numberFormats, "numberFormat");
    sheet.merged = s.merged.map((m) => parseRange(m));
    sheet.hiddenRows = new Set(s.hiddenRows);
    sheet.hiddenColumns = new Set(s.hiddenColumns ?? []);
  }
  return model;
}

/**
 * A calculation for the fake (`model.evaluate`) of formulas that add and subtract cells and numbers
 * (`=$B$2-B5+B6`, `=Plan!B7-C5`), as our portable PAB formulas do, so a sheet read after a scan shows
 * the numbers Excel would; any other formula, or a reference to text, gives no value.
 */
export function sumOfReferences(
  model: FakeWorkbookModel
): (sheet: string, row: number, column: number, formula: string) => FakeValue[][] | null {
  const term =
    /([+-])?\s*(?:((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?\$?([A-Z]{1,3})\$?(\d+)|(\d+(?:\.\d+)?))\s*/y;
  return (sheetName, _row, _column, formula) => {
    let at = 1;
    let total = 0;
    term.lastIndex = at;
    for (let m = term.exec(formula); m; m = term.exec(formula)) {
      if (m[1] === undefined && at > 1) return null;
      let value: FakeValue;
      if (m[5] !== undefined) value = Number(m[5]);
      else {
        const sheet = model.sheet(m[2] ? parseAddress(`${m[2]}A1`, null).sheet! : sheetName);
        if (!sheet) return null;
        const { row, column } = parseA1(`${m[3]}${m[4]}`);
        value = model.cell(sheet, row, column)?.value ?? "";
        if (value === "") value = 0;
      }
      if (typeof value !== "number") return null;
      total += m[1] === "-" ? -value : value;
      at = term.lastIndex;
    }
    return at > 1 && at === formula.length ? [[total]] : null;
  };
}
