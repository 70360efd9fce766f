import { PlanRecord, SeriesRow, cellPos, sheetPrefix } from "../layout";
import { cellAt, formulaRef } from "./refs";

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
 * The PAB of period t as a native formula over the planner's cells:
 * previous PAB − demand + every supply row, demand = MAX(forecast, orders) from the fence on,
 * past due taken from period 1. `pabRow` is the 1-based row the PAB goes in.
 */
export function periodPabFormula(
  rows: AlignedRows,
  t: number,
  pabRow: number,
  fence: number
): string {
  const col = rows.columns[t];
  const prev = t === 0 ? rows.opening : `${rows.columns[t - 1]}${pabRow}`;
  const orders = rows.orders !== null ? `${col}${rows.orders}` : "0";
  const demand =
    rows.forecast !== null && t >= fence ? `MAX(${col}${rows.forecast},${orders})` : orders;
  const pastDue = t === 0 && rows.pastDue ? `-${rows.pastDue}` : "";
  const supply = rows.supply.map((r) => `+${col}${r}`).join("");
  // Joined, not concatenated: the plan holds one formula per period of every item, and a string
  // made with + stays a tree of its pieces in V8 (about four times the memory of the text).
  return [prev, "-", demand, pastDue, supply].join("");
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
  return [opening, pastDue ? `-${pastDue}` : "", demand, supply].join(""); // flat (periodPabFormula)
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

/** The same PAB on the PAB Watch sheet: previous PAB local, the planner's cells through their sheet name. */
export function sidePabFormula(
  rows: AlignedRows,
  t: number,
  pabRow: number,
  pabColumns: string[],
  plannerSheet: string,
  fence: number
): string {
  const at = (col: string, row: number) => `${sheetPrefix(plannerSheet)}!${col}${row}`;
  const col = rows.columns[t];
  const prev = t === 0 ? rows.opening : `${pabColumns[t - 1]}${pabRow}`;
  const orders = rows.orders !== null ? at(col, rows.orders) : "0";
  const demand =
    rows.forecast !== null && t >= fence ? `MAX(${at(col, rows.forecast)},${orders})` : orders;
  const pastDue = t === 0 && rows.pastDue ? `-${rows.pastDue}` : "";
  const supply = rows.supply.map((r) => `+${at(col, r)}`).join("");
  return [prev, "-", demand, pastDue, supply].join(""); // one flat string (see periodPabFormula)
}
