import { a1, parseA1, parseRange, CellRange, columnName } from "../../layout/address";
import { insertRowsInFormula } from "../../layout/formulaRefs";

export type FakeValue = number | string | boolean;

export interface FakeCell {
  value: FakeValue;
  formula?: string;
  numberFormat?: string;
}

export interface FakeConditionalFormat {
  id: number;
  ranges: CellRange[];
  formula: string;
  format: {
    fill?: string;
    fontColor?: string;
    bold?: boolean;
    border?: string;
    numberFormat?: string;
  };
}

export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  merged: CellRange[];
  hiddenRows: Set<number>;
  conditionalFormats: FakeConditionalFormat[];
}

export interface FakeName {
  name: string;
  sheet: string;
  ranges: CellRange[];
  comment: string;
  visible: boolean;
}

const key = (row: number, column: number) => `${row},${column}`;

/**
 * The workbook behind the fake: cells, merged areas, hidden rows, conditional formats, names and
 * settings, with Excel's behaviour where the adapter relies on it (inserted rows move names and rules).
 */
export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  readonly names: FakeName[] = [];
  readonly settings = new Map<string, unknown>();
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

  /** Raises worksheet.onChanged as Excel would (nothing when events are off). */
  async emitChanged(event: {
    worksheetId?: string;
    address: string;
    source: "Local" | "Remote";
    changeType?: string;
  }): Promise<void> {
    if (!this.eventsEnabled) return;
    for (const h of this.changeHandlers) await h(event);
  }
  private nextId = 1;

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`A sheet named ${name} already exists`);
    const sheet: FakeSheet = {
      name,
      visibility: "Visible",
      cells: new Map(),
      merged: [],
      hiddenRows: new Set(),
      conditionalFormats: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  deleteSheet(name: string): void {
    const i = this.sheets.findIndex((s) => s.name === name);
    if (i >= 0) this.sheets.splice(i, 1);
  }

  cell(sheet: FakeSheet, row: number, column: number): FakeCell | undefined {
    return sheet.cells.get(key(row, column));
  }

  setCell(sheet: FakeSheet, row: number, column: number, cell: Partial<FakeCell>): void {
    const now = sheet.cells.get(key(row, column)) ?? { value: "" };
    const next = { ...now, ...cell };
    if (next.value === "" && next.formula === undefined && next.numberFormat === undefined)
      sheet.cells.delete(key(row, column));
    else sheet.cells.set(key(row, column), next);
  }

  /** The used range (values only, as getUsedRange(true)): null when the sheet is empty. */
  usedRange(sheet: FakeSheet): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of sheet.cells) {
      if (c.value === "" && c.formula === undefined) continue;
      const [r, col] = k.split(",").map(Number);
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
    format: FakeConditionalFormat["format"]
  ): FakeConditionalFormat {
    const cf = { id: this.nextId++, ranges, formula, format };
    sheet.conditionalFormats.push(cf);
    return cf;
  }

  /** Excel's "insert rows": cells, merged areas, hidden rows, rules and names below move down. */
  insertRows(sheetName: string, at: number, count: number): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const moved = new Map<string, FakeCell>();
    for (const [k, c] of sheet.cells) {
      const [r, col] = k.split(",").map(Number);
      const formula = c.formula && insertRowsInFormula(c.formula, at, count);
      moved.set(key(r >= at ? r + count : r, col), formula ? { ...c, formula } : c);
    }
    sheet.cells.clear();
    for (const [k, c] of moved) sheet.cells.set(k, c);
    const shift = (r: CellRange) => ({
      ...r,
      top: r.top >= at ? r.top + count : r.top,
      bottom: r.bottom >= at ? r.bottom + count : r.bottom,
    });
    sheet.merged = sheet.merged.map(shift);
    sheet.hiddenRows = new Set([...sheet.hiddenRows].map((r) => (r >= at ? r + count : r)));
    for (const cf of sheet.conditionalFormats) cf.ranges = cf.ranges.map(shift);
    for (const n of this.names) if (n.sheet === sheet.name) n.ranges = n.ranges.map(shift);
  }
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
  }[];
}): FakeWorkbookModel {
  const model = new FakeWorkbookModel();
  model.date1904 = snapshot.date1904;
  for (const s of snapshot.sheets) {
    const sheet = model.addSheet(s.name);
    sheet.visibility = s.visible ? "Visible" : "Hidden";
    s.values.forEach((line, i) =>
      line.forEach((v, j) => {
        const address = a1(s.top + i, s.left + j);
        const formula = s.formulas[address];
        const numberFormat = s.numberFormats[address];
        if (v !== "" || formula || numberFormat)
          model.setCell(sheet, s.top + i, s.left + j, { value: v, formula, numberFormat });
      })
    );
    sheet.merged = s.merged.map((m) => parseRange(m));
    sheet.hiddenRows = new Set(s.hiddenRows);
  }
  return model;
}
