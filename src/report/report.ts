import { PeriodShortage, Status, worstStatus } from "../engine";
import { Diagnostic, LayoutKind } from "../layout";
import { Finding } from "./findings";
import { packedMap } from "../engine/arrays";

export interface PeriodRef {
  index: number;
  period: string;
  quantity: number;
}

/** One item of the report (../shared/report.schema.json); fields are added, never renamed. */
export interface ReportItem {
  item: string;
  site: string | null;
  sheet: string;
  /** The schema's three layouts; `arrangement` says exactly which one the sheet has. */
  layout: "grid" | "pivot" | "long";
  arrangement: LayoutKind;
  periods: string[];
  periodStarts: (string | null)[];
  opening: number;
  pastDue: number;
  safetyStock: number | null;
  orders: number[];
  mps: number[];
  forecast: number[] | null;
  demand: number[];
  pab: number[];
  ordersOnlyPab: number[];
  status: Status[];
  worstStatus: Status;
  belowSafety: boolean[];
  firstShortage: PeriodRef | null;
  peakShortage: PeriodRef | null;
  recoveryIndex: number | null;
  /** The first period from which nothing is short again to the end of the horizon. */
  finalRecoveryIndex: number | null;
  /** What goes missing in each period (the backlog's growth), beside `madeUp` (its fall). */
  newShortfall: number[];
  madeUp: number[];
  endShortfall: number;
  cover: number;
  orderShortage: PeriodRef | null;
  /** The same figures for the balance against customer orders only (what customers are told). */
  orderFigures: {
    backlog: number[];
    newShortfall: number[];
    madeUp: number[];
    finalRecoveryIndex: number | null;
    endShortfall: number;
  };
  receipts: {
    index: number;
    period: string;
    quantity: number;
    needByIndex: number | null;
    slack: number | null;
  }[];
  pabCells: string[];
  plannerPab: (number | null)[] | null;
  /** An error-level diagnostic concerns this item: check its figures before acting on them. */
  flagged: boolean;
}

export interface Report {
  schemaVersion: 1;
  workbook: string;
  startDate: string | null;
  fence: number;
  items: ReportItem[];
  diagnostics: Diagnostic[];
}

/** The report's fields before its items, in the file's order. */
export type ReportHead = Pick<Report, "schemaVersion" | "workbook" | "startDate" | "fence">;

/**
 * The nearest of the schema's layouts: a row-per-part table is a pivot of one row per part and
 * measure block; a periods-down table is a long table of one item.
 */
const SCHEMA_LAYOUT: Record<LayoutKind, ReportItem["layout"]> = {
  grid: "grid",
  pivot: "pivot",
  long: "long",
  "periods-down": "long",
  "row-per-part": "pivot",
};

function periodRef(s: PeriodShortage | null, periods: string[]): PeriodRef | null {
  return s ? { index: s.index, period: periods[s.index], quantity: s.quantity } : null;
}

export function reportItem(f: Finding, pabCells: string[] = []): ReportItem {
  const { record: r, plan: p } = f;
  return {
    item: r.item,
    site: r.site,
    sheet: r.sheet,
    layout: SCHEMA_LAYOUT[r.layout],
    arrangement: r.layout,
    periods: r.periods,
    periodStarts: r.periodStarts,
    opening: p.onHand,
    pastDue: p.pastDue,
    safetyStock: r.safetyStock?.value ?? null,
    orders: p.orders,
    // The engine's copy of the supply rows' sum (mpsOf of the record), not summed a second time.
    mps: p.mps,
    forecast: p.forecast,
    demand: p.demand,
    pab: p.pab,
    ordersOnlyPab: p.ordersOnlyPab,
    status: p.status,
    worstStatus: worstStatus(p.status),
    belowSafety: p.belowSafety,
    firstShortage: periodRef(p.shortage.firstShortage, r.periods),
    peakShortage: periodRef(p.shortage.peakShortage, r.periods),
    recoveryIndex: p.shortage.recoveryIndex,
    finalRecoveryIndex: p.shortage.finalRecoveryIndex,
    newShortfall: p.shortage.newShortfall,
    madeUp: p.shortage.madeUp,
    endShortfall: p.shortage.endShortfall,
    cover: p.shortage.cover,
    orderShortage: periodRef(p.orderShortage, r.periods),
    orderFigures: {
      backlog: p.orderFigures.backlog,
      newShortfall: p.orderFigures.newShortfall,
      madeUp: p.orderFigures.madeUp,
      finalRecoveryIndex: p.orderFigures.finalRecoveryIndex,
      endShortfall: p.orderFigures.endShortfall,
    },
    // Written out rather than spread: an object made by spreading carries room for more fields
    // (about four times the memory, 65,000 receipts in a 5,000-item report). Key order as before.
    receipts: packedMap(p.receipts, (x) => ({
      index: x.index,
      quantity: x.quantity,
      needByIndex: x.needByIndex,
      slack: x.slack,
      period: r.periods[x.index],
    })),
    pabCells,
    plannerPab: r.plannerPab?.values ?? null,
    flagged: r.flagged,
  };
}

export function buildReport(
  workbook: string,
  startDate: string | null,
  fence: number,
  findings: Finding[],
  diagnostics: Diagnostic[]
): Report {
  return {
    schemaVersion: 1,
    workbook,
    startDate,
    fence,
    items: findings.map((f) => reportItem(f)),
    diagnostics,
  };
}
