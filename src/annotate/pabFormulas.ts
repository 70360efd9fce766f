import { PlanRecord, SeriesRow, cellPos, sheetPrefix } from "../layout";
import { cellAt, formulaRef } from "./refs";
import { PabRun } from "./writePlan";

/** Where an aligned record's rows sit (grid and pivot: every row spans the period columns). */
export interface AlignedRows {
  sheet: string;
  /** Column letters of the periods. */
  columns: string[];
  orders: number | null;
  forecast: number | null;
  supply: number[];
  opening: string;
  pastDue: string | null;
}

export function alignedRows(record: PlanRecord, sheet: string, columns: string[]): AlignedRows {
  const rowOf = (s: SeriesRow | null) => (s ? cellAt(s.at, 0).row + 1 : null);
  return {
    sheet,
    columns,
    orders: rowOf(record.orders),
    forecast: rowOf(record.forecast),
    supply: record.supply.map((s) => rowOf(s) as number),
    opening: record.opening ? formulaRef(cellPos(record.opening.cell), sheet, "both") : "0",
    pastDue: record.pastDue ? formulaRef(cellPos(record.pastDue.cell), sheet, "both") : null,
  };
}

/**
 * An aligned record's PAB along row `row` of `onSheet` from `column` on, one cell per period of
 * `periods` (its own sheet: the period columns themselves; the PAB Watch sheet: columns of its own).
 * `pab` gives the cached values.
 */
export function pabRun(
  record: PlanRecord,
  onSheet: string,
  row: number,
  column: number,
  periods: number,
  pab: ArrayLike<number>,
  fence: number
): PabRun {
  const rowOf = (s: SeriesRow | null) => (s ? cellAt(s.at, 0).row : null);
  return {
    sheet: onSheet,
    row,
    column,
    cached: pab.length === periods ? pab : Array.from({ length: periods }, (_v, t) => pab[t]),
    prefix: record.sheet === onSheet ? "" : `${sheetPrefix(record.sheet)}!`,
    plannerColumn: cellAt(record.periodAt, 0).column,
    orders: rowOf(record.orders),
    forecast: rowOf(record.forecast),
    supply: record.supply.map((s) => cellAt(s.at, 0).row),
    opening: record.opening ? formulaRef(cellPos(record.opening.cell), onSheet, "both") : "0",
    pastDue: record.pastDue ? formulaRef(cellPos(record.pastDue.cell), onSheet, "both") : null,
    fence,
  };
}

/** Whether an aligned record's periods are adjacent columns (a PabRun can name its cells by offset). */
export function adjacentPeriods(record: PlanRecord): boolean {
  const first = cellAt(record.periodAt, 0).column;
  return record.periodAt.columns.every((c, t) => c === first + t);
}

export interface LongTableColumns {
  sheet: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  item: number;
  period: number;
  orders: number | null;
  forecast: number | null;
  supply: number[];
}

/**
 * A long table's PAB for one row, independent of row order: opening − orders + supply of the same
 * item in every period up to this row's. Whole-column ranges so rows added later count too.
 */
export function longRowPabFormula(
  cols: LongTableColumns,
  row: number,
  opening: string,
  pastDue: string | null,
  forecastFrom: number | null
): string {
  const col = (c: number) =>
    formulaRef({ sheet: cols.sheet, row: 0, column: c }, cols.sheet, "column").replace(/\d+$/, "");
  const whole = (c: number) => `${col(c)}:${col(c)}`;
  const item = `${col(cols.item)}${row + 1}`;
  const period = `${col(cols.period)}${row + 1}`;
  const upTo = (c: number) =>
    `SUMIFS(${whole(c)},${whole(cols.item)},${item},${whole(cols.period)},"<="&${period})`;
  let demand = cols.orders !== null ? `-${upTo(cols.orders)}` : "";
  if (cols.forecast !== null && cols.orders !== null) {
    const span = (c: number) => `${col(c)}$${cols.firstRow + 1}:${col(c)}$${cols.lastRow + 1}`;
    const same = `(${span(cols.item)}=${item})*(${span(cols.period)}<=${period})`;
    const f = span(cols.forecast);
    const o = span(cols.orders);
    const fenced = forecastFrom === null ? "1" : `(${span(cols.period)}>=${forecastFrom})`;
    demand = `-SUMPRODUCT(${same}*(${o}+${fenced}*(${f}>${o})*(${f}-${o})))`;
  }
  const supply = cols.supply.map((c) => `+${upTo(c)}`).join("");
  return [opening, pastDue ? `-${pastDue}` : "", demand, supply].join(""); // flat (runFormula)
}

/** Whether an aligned record can be one spilled =PAB.BALANCE: a single supply row and no past due. */
export function liveEligible(record: PlanRecord): boolean {
  return record.supply.length === 1 && !record.pastDue && record.orders !== null;
}

/** =PAB.BALANCE(onHand, orders, mps[, forecast, fence]) over the planner's rows, spilling across. */
export function livePabFormula(rows: AlignedRows, fence: number): string {
  const span = (row: number) =>
    `${rows.columns[0]}${row}:${rows.columns[rows.columns.length - 1]}${row}`;
  const args = [rows.opening, span(rows.orders as number), span(rows.supply[0])];
  if (rows.forecast !== null) args.push(span(rows.forecast), String(fence));
  return `PAB.BALANCE(${args.join(",")})`;
}
