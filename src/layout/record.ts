import { CellList, CellPos, refOf, refsOf } from "./address";
import { Diagnostic } from "./diagnostics";
import { Role } from "./labels";
import { packedMap } from "./arrays";

/**
 * How a plan is laid out: grid (periods across, one block per item), pivot (one row per item and
 * measure), long (one row per item and period), periods-down (a period column and measure columns,
 * one item per table), row-per-part (one row per part, blocks of period columns per measure).
 */
export type LayoutKind = "grid" | "pivot" | "long" | "periods-down" | "row-per-part";

/**
 * One row (or column) of figures per period, with the cells it came from. Code works with the
 * places (`at`); the A1 text (labelCell, cells) is for messages, reports and the task pane.
 */
export interface SeriesRow {
  role: Role;
  label: string;
  /** The label's cell, e.g. MPS!A6. */
  labelCell: string;
  /** The label's place (null only when a block has no label cell and no first period). */
  labelPos: CellPos | null;
  /** Where each period's figure is (no cell where the item has none for that period). */
  at: CellList;
  /** The same cells as A1 text, e.g. MPS!B6 … MPS!I6 ("" where none): made when first asked for. */
  readonly cells: string[];
  values: number[];
}

/**
 * The A1 views (`cells`, `periodCells`) are own, enumerable accessors sharing one getter, so a
 * record stays plain data (cloned to and from a worker, compared in tests) while the text of
 * thousands of cells is made only when something reads it.
 */
const a1Views = new WeakMap<object, string[]>();
function a1View(of: (x: never) => CellList): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: object) {
      let text = a1Views.get(this);
      if (!text) a1Views.set(this, (text = refsOf(of(this as never))));
      return text;
    },
  };
}
const SERIES_CELLS = a1View((s: SeriesRow) => s.at);
const PERIOD_CELLS = a1View((r: PlanRecord) => r.periodAt);

/** A series row over the given cells; its A1 `cells` are formatted only when someone reads them. */
export function seriesRow(
  role: Role,
  label: string,
  labelPos: CellPos | null,
  at: CellList,
  values: number[],
  labelCell = labelPos ? refOf(labelPos) : ""
): SeriesRow {
  const row = { role, label, labelCell, labelPos, at, values };
  return Object.defineProperty(row, "cells", SERIES_CELLS) as SeriesRow;
}

/** A record's A1 `periodCells`, made from its periodAt when someone reads them. */
export function withPeriodCells(record: Omit<PlanRecord, "periodCells">): PlanRecord {
  return Object.defineProperty(record, "periodCells", PERIOD_CELLS) as PlanRecord;
}

/** The same series row in another role. */
export function withRole(row: SeriesRow, role: Role): SeriesRow {
  return seriesRow(role, row.label, row.labelPos, row.at, row.values, row.labelCell);
}

/** A figure read from one cell (on hand, safety stock, past due); `cellPos` gives its place. */
export interface CellFigure {
  value: number;
  /** The cell as A1 text, e.g. MPS!B3 (maybe on another sheet than the record's). */
  cell: string;
}

/** One item's plan as the sheet gives it; nothing computed yet. */
export interface PlanRecord {
  item: string;
  /** The cell naming the item (in a long table: its first row's). */
  itemCell: string | null;
  itemPos: CellPos | null;
  site: string | null;
  sheet: string;
  layout: LayoutKind;
  /** Period labels as displayed. */
  periods: string[];
  /** ISO start date of each period, null where none can be known. */
  periodStarts: (string | null)[];
  /** What the period headers are: numbered (W1, 第1周), calendar weeks, dates or months. */
  periodKind: "number" | "week" | "date" | "month";
  /**
   * Where the period labels are (a grid's header row; a long table's period column; no cell where
   * the item has no row for that period).
   */
  periodAt: CellList;
  /** The same cells as A1 text ("" where none): made when first asked for. */
  readonly periodCells: string[];
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
  blockEnd?: CellPos | null;
  /** True when an error-level diagnostic concerns this item: its figures need a look. */
  flagged: boolean;
}

export interface ReadResult {
  records: PlanRecord[];
  diagnostics: Diagnostic[];
  /** Start date used for numbered periods (from the caller), or null. */
  startDate: string | null;
}

/** MPS per period: all supply rows summed (a single row as it is: the engine copies its input). */
export function mpsOf(record: PlanRecord): readonly number[] {
  const rows = record.supply;
  const n = record.periods.length;
  if (rows.length === 1 && rows[0].values.length === n) return rows[0].values;
  return packedMap(record.periods, (_period, t) => {
    let sum = 0;
    for (let i = 0; i < rows.length; i++) sum += rows[i].values[t] ?? 0;
    return sum;
  });
}
