import {
  CellList,
  CellPos,
  CellRange,
  a1,
  columnName,
  parseA1,
  parseRange,
  sheetPrefix,
} from "./address";
import { dateFormatKind, serialToIso } from "./dates";
import { Diagnostic, DiagnosticCode, Severity } from "./diagnostics";
import { Role } from "./labels";
import { OwnedCells } from "./ownedCells";
import { describeValue, parseQuantity } from "./quantities";
import { CellValue, SheetSnapshot, bottomRow, cellAt, rightColumn } from "./snapshot";
import { packedMap } from "./arrays";

/** Caller's overrides, plain data: row or column roles per sheet (1-based row or column letter → role or "ignore"). */
export interface LayoutMapping {
  sheets?: Record<
    string,
    {
      rows?: Record<number, Role | "ignore">;
      /** Columns by letter, for tables whose series run down (periods down the rows, one row per part): { "D": "orders" }. */
      columns?: Record<string, Role | "ignore">;
      /** Label/value cells: { "B2": "onHand" } reads B2 as the on hand of the block below it. */
      cells?: Record<string, Role>;
      /**
       * The period header: "B3:I3" (periods across, one row) or "A5:A16" (periods down, one
       * column); its cells are the periods, in order, where the reader could not find them itself.
       */
      periods?: string;
    }
  >;
}

/** One sheet being read: cell access, and diagnostics that name the cell. */
export class SheetContext {
  readonly hiddenRows: Set<number>;
  readonly hiddenColumns: Set<number>;
  readonly merged: CellRange[];
  readonly bottom: number;
  readonly right: number;
  private readonly formats = new Map<number, string>();
  private readonly hasFormulas: boolean;
  /** "MPS!" or "'Weekly plan'!", made once: every cell reference starts with it. */
  private readonly refPrefix: string;
  /** Column letters by column, made once each. */
  private readonly letters: string[] = [];

  constructor(
    readonly sheet: SheetSnapshot,
    readonly date1904: boolean,
    readonly diagnostics: Diagnostic[],
    readonly mapping: NonNullable<LayoutMapping["sheets"]>[string] | undefined,
    /** The cells PAB Watch wrote on this sheet (its owned ranges): never part of a header found. */
    readonly owned: OwnedCells = new OwnedCells([])
  ) {
    this.hiddenRows = new Set(sheet.hiddenRows);
    this.hiddenColumns = new Set(sheet.hiddenColumns);
    this.merged = sheet.merged.map(parseRange);
    this.bottom = bottomRow(sheet);
    this.right = rightColumn(sheet);
    this.hasFormulas = Object.keys(sheet.formulas).length > 0;
    this.refPrefix = `${sheetPrefix(sheet.name)}!`;
    for (const [address, format] of Object.entries(sheet.numberFormats)) {
      const { row, column } = parseA1(address);
      this.formats.set(row * 16384 + column, format);
    }
  }

  get name(): string {
    return this.sheet.name;
  }

  value(row: number, column: number): CellValue {
    return cellAt(this.sheet, row, column);
  }

  text(row: number, column: number): string {
    const v = this.value(row, column);
    return typeof v === "string" ? v.trim() : "";
  }

  isEmpty(row: number, column: number): boolean {
    const v = this.value(row, column);
    return v === "" || (typeof v === "string" && v.trim() === "");
  }

  rowIsEmpty(row: number, from = this.sheet.left, to = this.right): boolean {
    for (let c = from; c <= to; c++) if (!this.isEmpty(row, c)) return false;
    return true;
  }

  /** Whether PAB Watch wrote this cell (an earlier run's PAB, its label or its period headers). */
  isOwned(row: number, column: number): boolean {
    return this.owned.has(row, column);
  }

  /** Whether the row holds nothing of the planner's between the columns: empty, or cells PAB Watch wrote. */
  rowIsEmptyButOurs(row: number, from = this.sheet.left, to = this.right): boolean {
    if (this.owned.isEmpty) return this.rowIsEmpty(row, from, to);
    for (let c = from; c <= to; c++)
      if (!this.isEmpty(row, c) && !this.isOwned(row, c)) return false;
    return true;
  }

  /** Whether any cell of the sheet has a number format (format() is undefined for all when not). */
  get hasFormats(): boolean {
    return this.formats.size > 0;
  }

  format(row: number, column: number): string | undefined {
    return this.formats.size ? this.formats.get(row * 16384 + column) : undefined;
  }

  formula(row: number, column: number): string | undefined {
    return this.hasFormulas ? this.sheet.formulas[a1(row, column)] : undefined;
  }

  /** The place of a cell as this context reads it (the real cell when transposed). */
  at(row: number, column: number): CellPos {
    return this.isTransposed
      ? { sheet: this.sheet.name, row: column, column: row }
      : { sheet: this.sheet.name, row, column };
  }

  /** Cells as this context reads them ([row, column] pairs), as the real cells' list. */
  cells(positions: readonly [number, number][]): CellList {
    const rows = packedMap(positions, ([r, c]) => (this.isTransposed ? c : r));
    const columns = packedMap(positions, ([r, c]) => (this.isTransposed ? r : c));
    return { sheet: this.sheet.name, rows, columns };
  }

  /**
   * The cells of one row across these columns (as this context reads them), as the real cells'
   * list. The columns array becomes the list's own (lists are never changed once made), so every
   * row of a block shares its header's columns instead of a copy per row.
   */
  rowCells(row: number, columns: number[]): CellList {
    const line = packedMap(columns, () => row);
    return this.isTransposed
      ? { sheet: this.sheet.name, rows: columns, columns: line }
      : { sheet: this.sheet.name, rows: line, columns };
  }

  ref(row: number, column: number): string {
    return this.isTransposed ? this.cellRef(column, row) : this.cellRef(row, column);
  }

  private cellRef(row: number, column: number): string {
    const letters = (this.letters[column] ??= columnName(column));
    return `${this.refPrefix}${letters}${row + 1}`;
  }

  /** Whether this context reads the sheet with rows and columns swapped (see transposed()). */
  isTransposed = false;

  /**
   * The same sheet with rows and columns swapped, so a reader written for periods across reads
   * periods down: findHeaderRuns(ctx.transposed()) finds period headers down a column. Cell
   * references (ref, diagnostics) still name the real cells; positions are swapped.
   */
  transposed(): SheetContext {
    const s = this.sheet;
    const width = this.right - s.left + 1;
    const values = Array.from({ length: width }, (_c, j) => s.values.map((row) => row[j] ?? ""));
    const swapKeys = (m: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(m).map(([k, v]) => {
          const { row, column } = parseA1(k);
          return [a1(column, row), v];
        })
      );
    const sheet = {
      ...s,
      top: s.left,
      left: s.top,
      values,
      formulas: swapKeys(s.formulas),
      numberFormats: swapKeys(s.numberFormats),
      merged: s.merged.map((m) => {
        const r = parseRange(m);
        return `${a1(r.left, r.top)}:${a1(r.right, r.bottom)}`;
      }),
      hiddenRows: s.hiddenColumns,
      hiddenColumns: s.hiddenRows,
    };
    const t = new SheetContext(
      sheet,
      this.date1904,
      this.diagnostics,
      this.mapping,
      this.owned.transposed()
    );
    t.isTransposed = !this.isTransposed;
    return t;
  }

  private dateMemo: { iso: string; cell: string } | null | undefined;

  /** The first date cell of the sheet, reading row by row (where months without a year take theirs). */
  firstDate(): { iso: string; cell: string } | null {
    if (this.dateMemo !== undefined) return this.dateMemo;
    this.dateMemo = null;
    for (let r = this.sheet.top; r <= this.bottom && !this.dateMemo; r++) {
      for (let c = this.sheet.left; c <= this.right; c++) {
        const v = this.value(r, c);
        let iso: string | null = null;
        if (typeof v === "number" && dateFormatKind(this.format(r, c)))
          iso = serialToIso(v, this.date1904);
        else if (typeof v === "string") {
          const m = /^\s*(\d{4})[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})日?\s*$/.exec(v);
          if (m) iso = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
        }
        if (iso) {
          this.dateMemo = { iso, cell: this.ref(r, c) };
          break;
        }
      }
    }
    return this.dateMemo;
  }

  mergedAt(row: number, column: number): CellRange | null {
    if (!this.merged.length) return null;
    for (const m of this.merged) {
      if (row >= m.top && row <= m.bottom && column >= m.left && column <= m.right) return m;
    }
    return null;
  }

  /** The caller's role for a 1-based row, if any. */
  mappedRow(row: number): Role | "ignore" | undefined {
    return this.mapping?.rows?.[row + 1];
  }

  /** The role a mapping gives a column (0-based), if any. */
  mappedColumn(column: number): Role | "ignore" | undefined {
    const columns = this.mapping?.columns;
    return columns ? columns[columnName(column)] : undefined;
  }

  report(
    severity: Severity,
    code: DiagnosticCode,
    cell: string | null,
    item: string | null,
    message: string
  ): void {
    this.diagnostics.push({ severity, code, cell: cell || null, item, message });
  }

  /**
   * The quantities of one row across these columns, each as quantityValue() reads it (the row's
   * cells looked up once).
   */
  rowQuantities(row: number, columns: readonly number[], item: string | null): number[] {
    const line = this.sheet.values[row - this.sheet.top];
    const left = this.sheet.left;
    const plain = !this.merged.length;
    return packedMap(columns, (c) => {
      const raw = line?.[c - left];
      return plain && typeof raw === "number" && raw >= 0 && raw !== Infinity
        ? raw
        : this.quantity(row, c, item).value;
    });
  }

  /**
   * The quantity in a cell, as quantity() reads it (0 with an error diagnostic when it cannot be
   * read), without an object per cell for the common case of a plain figure.
   */
  quantityValue(row: number, column: number, item: string | null): number {
    const raw = this.value(row, column);
    if (typeof raw === "number" && raw >= 0 && raw !== Infinity && !this.merged.length) return raw;
    return this.quantity(row, column, item).value;
  }

  /**
   * A quantity from a cell, or 0 with an error diagnostic naming the cell. Returns ok=false when
   * the figure could not be read, so the caller flags the item.
   */
  quantity(
    row: number,
    column: number,
    item: string | null,
    allowNegative = false
  ): { value: number; ok: boolean } {
    const raw = this.value(row, column);
    // The common case, a figure in a cell of its own: no cell reference is made.
    if (typeof raw === "number" && raw >= 0 && raw !== Infinity && !this.merged.length)
      return { value: raw, ok: true };
    const ref = this.ref(row, column);
    const m = this.mergedAt(row, column);
    if (m && (m.top !== m.bottom || m.left !== m.right)) {
      const range = `${ref.split("!")[0]}!${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`;
      // Said once per merged area, at the first of its cells read.
      if (!this.mergeReported.has(range)) {
        this.mergeReported.add(range);
        this.report(
          "error",
          "merged-cell",
          ref,
          item,
          `${range} is merged: every period needs a cell of its own`
        );
      }
      return { value: 0, ok: false };
    }
    const q = parseQuantity(raw);
    if (!q.ok) {
      this.report("error", q.code, ref, item, `${ref}: ${describeValue(raw)} ${q.reason}`);
      return { value: 0, ok: false };
    }
    if (q.value < 0 && !allowNegative) {
      this.report(
        "error",
        "negative-quantity",
        ref,
        item,
        `${ref}: ${q.value} is negative; quantities cannot be`
      );
      return { value: 0, ok: false };
    }
    return { value: q.value, ok: true };
  }

  private readonly mergeReported = new Set<string>();
}
