import { PlanRecord } from "../layout";
import { CellPos, formulaRef, splitRef } from "./refs";

/**
 * The PAB of period t as a native formula over the planner's cells:
 * previous PAB − demand + every supply row, demand = MAX(forecast, orders) from the fence on,
 * past due taken from period 1. `pab` holds where each period's PAB goes.
 */
export function periodPabFormula(
  record: PlanRecord,
  t: number,
  pab: CellPos[],
  fence: number
): string {
  const on = pab[t].sheet;
  const ref = (cell: string | undefined) => (cell ? formulaRef(splitRef(cell), on) : "0");
  const prev =
    t === 0
      ? record.opening
        ? formulaRef(splitRef(record.opening.cell), on, "both")
        : "0"
      : formulaRef(pab[t - 1], on);
  const orders = ref(record.orders?.cells[t]);
  const demand =
    record.forecast && t >= fence ? `MAX(${ref(record.forecast.cells[t])},${orders})` : orders;
  const pastDue =
    t === 0 && record.pastDue ? `-${formulaRef(splitRef(record.pastDue.cell), on, "both")}` : "";
  const supply = record.supply.map((s) => `+${ref(s.cells[t])}`).join("");
  return `${prev}-${demand}${pastDue}${supply}`;
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
  return `${opening}${pastDue ? `-${pastDue}` : ""}${demand}${supply}`;
}
