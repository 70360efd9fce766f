import {
  Advice,
  PlanInput,
  PromiseAnswer,
  WhatIf,
  WhatIfResult,
  adviseActions,
  applyWhatIf,
  availableToPromise,
  promiseCheck,
} from "../../engine";
import { PlanRecord, sheetPrefix } from "../../layout";
import { ReportItem } from "../../report";

/** A figure and the cell it came from (null: computed, or the sheet has no cell for it). */
export interface Traced {
  value: number;
  cell: string | null;
}

export interface DriverRow {
  index: number;
  period: string;
  date: string | null;
  demand: Traced;
  supply: Traced[];
  pab: Traced;
  ordersOnly: number;
  atp: number | null;
  /** The receipt's slack: a number, "none" (not needed within the horizon), or null where there is no receipt. */
  slack: number | "none" | null;
  status: ReportItem["status"][number];
  belowSafety: boolean;
}

export interface Drivers {
  supplyLabels: string[];
  rows: DriverRow[];
}

export function planInput(item: ReportItem, fence: number): PlanInput {
  return {
    onHand: item.opening,
    orders: item.orders,
    mps: item.mps,
    forecast: item.forecast,
    fence,
    safetyStock: item.safetyStock ?? 0,
    pastDue: item.pastDue,
  };
}

/** The drivers table: one row per period, every figure with the cell it came from. */
export function driversOf(item: ReportItem, record: PlanRecord | null): Drivers {
  const n = item.periods.length;
  const ordersWithPastDue = item.orders.slice();
  if (n) ordersWithPastDue[0] += item.pastDue;
  const atp = availableToPromise(item.opening, ordersWithPastDue, item.mps).discrete;
  const supplyRows = record?.supply ?? [];
  const supplyLabels = supplyRows.length ? supplyRows.map((s) => s.label || s.role) : ["MPS"];
  const slackAt = new Map(item.receipts.map((r) => [r.index, r.slack]));
  const pabCells = item.pabCells.length ? item.pabCells : (record?.plannerPab?.row.cells ?? []);
  const rows: DriverRow[] = [];
  for (let t = 0; t < n; t++) {
    const fromForecast = item.forecast !== null && item.demand[t] !== ordersWithPastDue[t];
    const demandCell = fromForecast ? record?.forecast?.cells[t] : record?.orders?.cells[t];
    const slack = slackAt.has(t) ? (slackAt.get(t) ?? "none") : null;
    rows.push({
      index: t,
      period: item.periods[t],
      date: item.periodStarts[t],
      demand: { value: item.demand[t], cell: demandCell ?? null },
      supply: supplyRows.length
        ? supplyRows.map((s) => ({ value: s.values[t] ?? 0, cell: s.cells[t] ?? null }))
        : [{ value: item.mps[t], cell: null }],
      pab: { value: item.pab[t], cell: pabCells[t] || null },
      ordersOnly: item.ordersOnlyPab[t],
      atp: atp[t],
      slack,
      status: item.status[t],
      belowSafety: item.belowSafety[t],
    });
  }
  return { supplyLabels, rows };
}

/** The cells that make up an item on its sheet: what choosing it in the Risks list selects. */
export function itemCells(item: ReportItem, record: PlanRecord | null): string[] {
  if (!record) return item.pabCells.length ? [span(item.pabCells)] : [];
  const rows = [
    record.periodCells,
    record.orders?.cells ?? [],
    record.forecast?.cells ?? [],
    ...record.supply.map((s) => s.cells),
    item.pabCells.length ? item.pabCells : (record.plannerPab?.row.cells ?? []),
  ].filter((r) => r.length);
  // Excel selects on one sheet: PAB on the PAB Watch sheet is shown in the drivers table instead.
  const prefix = `${sheetPrefix(record.sheet)}!`;
  return rows.filter((r) => r[0].startsWith(prefix)).map(span);
}

/** "MPS!B5" … "MPS!I5" → "MPS!B5:I5". */
function span(cells: string[]): string {
  if (cells.length === 1) return cells[0];
  const last = cells[cells.length - 1];
  return `${cells[0]}:${last.slice(last.lastIndexOf("!") + 1)}`;
}

export type WhatIfChoice =
  | { kind: "slip"; index: number; by: number }
  | { kind: "pull"; index: number; by: number }
  | { kind: "cut-quantity"; index: number; quantity: number }
  | { kind: "cut-percent"; index: number; percent: number }
  | { kind: "split"; index: number; onTime: number; by: number };

export function scenarioOf(choice: WhatIfChoice): WhatIf {
  switch (choice.kind) {
    case "slip":
      return { kind: "move", index: choice.index, by: choice.by };
    case "pull":
      return { kind: "move", index: choice.index, by: -choice.by };
    case "cut-quantity":
      return { kind: "cut", index: choice.index, quantity: choice.quantity };
    case "cut-percent":
      return { kind: "cut", index: choice.index, percent: choice.percent };
    case "split":
      return { kind: "split", index: choice.index, onTime: choice.onTime, by: choice.by };
  }
}

/** A what-if on the item's plan alone: the sheet is never touched. */
export function tryWhatIf(item: ReportItem, fence: number, choice: WhatIfChoice): WhatIfResult {
  return applyWhatIf(planInput(item, fence), scenarioOf(choice));
}

export function adviceFor(item: ReportItem, fence: number): Advice[] {
  return adviseActions(planInput(item, fence));
}

export function checkPromise(item: ReportItem, quantity: number, index: number): PromiseAnswer {
  return promiseCheck(item.opening, item.orders, item.mps, quantity, index, item.pastDue);
}
