import { Diagnostic } from "./diagnostics";
import { Role } from "./labels";

/**
 * How a plan is laid out: grid (periods across, one block per item), pivot (one row per item and
 * measure), long (one row per item and period), periods-down (a period column and measure columns,
 * one item per table), row-per-part (one row per part, blocks of period columns per measure).
 */
export type LayoutKind = "grid" | "pivot" | "long" | "periods-down" | "row-per-part";

/** One row (or column) of figures per period, with the cells it came from. */
export interface SeriesRow {
  role: Role;
  label: string;
  /** The label's cell, e.g. MPS!A6. */
  labelCell: string;
  /** One cell per period, e.g. MPS!B6 … MPS!I6. */
  cells: string[];
  values: number[];
}

/** A figure read from one cell (on hand, safety stock, past due). */
export interface CellFigure {
  value: number;
  cell: string;
}

/** One item's plan as the sheet gives it; nothing computed yet. */
export interface PlanRecord {
  item: string;
  /** The cell naming the item (in a long table: its first row's). */
  itemCell: string | null;
  site: string | null;
  sheet: string;
  layout: LayoutKind;
  /** Period labels as displayed. */
  periods: string[];
  /** ISO start date of each period, null where none can be known. */
  periodStarts: (string | null)[];
  /** What the period headers are: numbered (W1, 第1周), calendar weeks, dates or months. */
  periodKind: "number" | "week" | "date" | "month";
  /** Cells holding the period labels (a grid's header row; a long table's period column). */
  periodCells: string[];
  opening: CellFigure | null;
  safetyStock: CellFigure | null;
  pastDue: CellFigure | null;
  orders: SeriesRow | null;
  forecast: SeriesRow | null;
  /** Every supply row (MPS, firm, planned, in transit, receipts); their sum is the MPS. */
  supply: SeriesRow[];
  /** The planner's own PAB row: numbers (null where blank), and whether it holds formulas. */
  plannerPab: { row: SeriesRow; values: (number | null)[]; formulas: boolean } | null;
  /**
   * The planner's beginning-inventory row (one per period), when the sheet has one: its first cell
   * is the opening, and each later one should equal the previous period's PAB (checked).
   */
  plannerBeginning?: { row: SeriesRow; values: (number | null)[] } | null;
  /**
   * Other figures of the planner's to check against the projection: each cell should hold the PAB
   * at the end of `period` (a row-per-part closing-balance column holds the last period's).
   */
  plannerChecks?: { cell: string; label: string; period: number; value: number }[];
  /**
   * The bottom-right cell of the block the record was read from (grid: its last row read, derived
   * and unknown rows included, and its last period or total column), so writers keep clear of it.
   */
  blockEnd?: string | null;
  /** True when an error-level diagnostic concerns this item: its figures need a look. */
  flagged: boolean;
}

export interface ReadResult {
  records: PlanRecord[];
  diagnostics: Diagnostic[];
  /** Start date used for numbered periods (from the caller), or null. */
  startDate: string | null;
}

/** MPS per period: all supply rows summed. */
export function mpsOf(record: PlanRecord): number[] {
  const n = record.periods.length;
  const out = new Array<number>(n).fill(0);
  for (const row of record.supply) for (let t = 0; t < n; t++) out[t] += row.values[t] ?? 0;
  return out;
}
