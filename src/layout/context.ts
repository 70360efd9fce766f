import { CellRange, a1, cellRef, parseA1, parseRange } from "./address";
import { Diagnostic, DiagnosticCode, Severity } from "./diagnostics";
import { Role } from "./labels";
import { describeValue, parseQuantity } from "./quantities";
import { CellValue, SheetSnapshot, bottomRow, cellAt, rightColumn } from "./snapshot";

/** Caller's overrides, plain data: row roles per sheet (1-based row → role or "ignore"). */
export interface LayoutMapping {
  sheets?: Record<
    string,
    {
      rows?: Record<number, Role | "ignore">;
      /** Label/value cells: { "B2": "onHand" } reads B2 as the on hand of the block below it. */
      cells?: Record<string, Role>;
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

  constructor(
    readonly sheet: SheetSnapshot,
    readonly date1904: boolean,
    readonly diagnostics: Diagnostic[],
    readonly mapping: NonNullable<LayoutMapping["sheets"]>[string] | undefined
  ) {
    this.hiddenRows = new Set(sheet.hiddenRows);
    this.hiddenColumns = new Set(sheet.hiddenColumns);
    this.merged = sheet.merged.map(parseRange);
    this.bottom = bottomRow(sheet);
    this.right = rightColumn(sheet);
    this.hasFormulas = Object.keys(sheet.formulas).length > 0;
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

  format(row: number, column: number): string | undefined {
    return this.formats.size ? this.formats.get(row * 16384 + column) : undefined;
  }

  formula(row: number, column: number): string | undefined {
    return this.hasFormulas ? this.sheet.formulas[a1(row, column)] : undefined;
  }

  ref(row: number, column: number): string {
    return cellRef(this.sheet.name, row, column);
  }

  mergedAt(row: number, column: number): CellRange | null {
    for (const m of this.merged) {
      if (row >= m.top && row <= m.bottom && column >= m.left && column <= m.right) return m;
    }
    return null;
  }

  /** The caller's role for a 1-based row, if any. */
  mappedRow(row: number): Role | "ignore" | undefined {
    return this.mapping?.rows?.[row + 1];
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
