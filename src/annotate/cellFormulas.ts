import { PlanRecord, SeriesRow, cellOf, cellPos } from "../layout";
import { formulaRef } from "./refs";

/** The opening as a formula on `onSheet` writes it: the on-hand cell, anchored; 0 when there is none. */
export function openingRef(record: PlanRecord, onSheet: string): string {
  return record.opening ? formulaRef(cellPos(record.opening.cell), onSheet, "both") : "0";
}

/**
 * The PAB of period t over the planner's cells named one by one, whatever way the sheet runs
 * (periods down a column, blocks of months per measure): prev − demand + every supply cell,
 * demand = MAX(forecast, orders) from the fence on, past due taken from period 1.
 */
export function cellPabFormula(
  record: PlanRecord,
  t: number,
  prev: string,
  onSheet: string,
  fence: number
): string {
  // A cell reference as written on `onSheet`: the sheet's own cells without their prefix.
  const at = (s: SeriesRow | null): string | null => {
    const p = s ? cellOf(s.at, t) : null;
    return p ? formulaRef(p, onSheet) : null;
  };
  const orders = at(record.orders) ?? "0";
  const forecast = at(record.forecast);
  const demand = forecast !== null && t >= fence ? `MAX(${forecast},${orders})` : orders;
  const pastDue =
    t === 0 && record.pastDue
      ? `-${formulaRef(cellPos(record.pastDue.cell), onSheet, "both")}`
      : "";
  let supply = "";
  for (const s of record.supply) {
    const ref = at(s);
    if (ref) supply += `+${ref}`;
  }
  return [prev, "-", demand, pastDue, supply].join(""); // one flat string (see runFormula)
}
