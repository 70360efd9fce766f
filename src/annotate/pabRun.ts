import { columnName } from "../layout";
import { placeRefs } from "./refs";
import { CellWrite, PabRun, PlannedCell, WritePlan, isPabRun } from "./writePlan";

/**
 * The PAB of period t of a run as a native formula over the planner's cells: previous PAB (the
 * opening in period 1) − demand + every supply row, demand = MAX(forecast, orders) from the fence
 * on, past due taken from period 1.
 */
export function runFormula(run: PabRun, t: number): string {
  const col = columnName(run.plannerColumn + t);
  const at = (row: number) => `${run.prefix}${col}${row + 1}`;
  const prev = t === 0 ? run.opening : `${columnName(run.column + t - 1)}${run.row + 1}`;
  const orders = run.orders !== null ? at(run.orders) : "0";
  const demand =
    run.forecast !== null && t >= run.fence ? `MAX(${at(run.forecast)},${orders})` : orders;
  const pastDue = t === 0 && run.pastDue ? `-${run.pastDue}` : "";
  let supply = "";
  for (const r of run.supply) supply += `+${at(r)}`;
  // Joined, not concatenated: a string made with + stays a tree of its pieces in V8 (about four
  // times the memory of the text) for as long as it is kept.
  return [prev, "-", demand, pastDue, supply].join("");
}

/**
 * runFormula for many periods of one run: what every period shares (row numbers, the sheet prefix)
 * is made once. The result is built with + (a rope V8 flattens when it is written out), so make
 * one per run where the formulas are written, and keep no formula it gives.
 */
export function runFormulas(run: PabRun): (t: number) => string {
  const row = String(run.row + 1);
  const orders = run.orders !== null ? String(run.orders + 1) : null;
  const forecast = run.forecast !== null ? String(run.forecast + 1) : null;
  const supply = run.supply.map((r) => String(r + 1));
  const prefix = run.prefix;
  return (t) => {
    const col = prefix + columnName(run.plannerColumn + t);
    const prev = t === 0 ? run.opening : columnName(run.column + t - 1) + row;
    const demandOrders = orders !== null ? col + orders : "0";
    const demand =
      forecast !== null && t >= run.fence
        ? "MAX(" + col + forecast + "," + demandOrders + ")"
        : demandOrders;
    let text = prev + "-" + demand;
    if (t === 0 && run.pastDue) text += "-" + run.pastDue;
    for (const r of supply) text += "+" + col + r;
    return text;
  };
}

/**
 * Periods whose formulas read the same relative to their own cell: period 1 (opening, past due),
 * the periods before the fence and those from it. runFormula(run, t) for every t of a class has the
 * same relative form.
 */
export function formulaClass(run: PabRun, t: number): number {
  if (t === 0) return 0;
  return run.forecast !== null && t >= run.fence ? 2 : 1;
}

/** Cell t of a run as a single write. */
export function runCell(run: PabRun, t: number): CellWrite {
  return {
    sheet: run.sheet,
    row: run.row,
    column: run.column + t,
    formula: runFormula(run, t),
    cached: run.cached[t],
  };
}

/** A plan's cells one entry per cell, runs expanded in place. */
export function expandCells(cells: PlannedCell[]): CellWrite[] {
  const out: CellWrite[] = [];
  for (const c of cells) {
    if (!isPabRun(c)) out.push(c);
    else for (let t = 0; t < c.cached.length; t++) out.push(runCell(c, t));
  }
  return out;
}

/** A WritePlan whose `writes` are expanded from its `cells` the first time they are read. */
export function writePlanOf(plan: Omit<WritePlan, "writes" | "pabCells">): WritePlan {
  let writes: CellWrite[] | null = null;
  let pabCells: string[][] | null = null;
  return Object.defineProperties(plan, {
    writes: { enumerable: true, get: () => (writes ??= expandCells(plan.cells)) },
    pabCells: { enumerable: true, get: () => (pabCells ??= plan.pabPlaces.map(placeRefs)) },
  }) as WritePlan;
}
