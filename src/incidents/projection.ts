import { Status, computePlan } from "../engine";

/**
 * What an incident needs to know about one item's plan (a report item fits). The incident re-runs
 * the engine on these inputs, so a refused step is decided by the same math as the sheet.
 */
export interface ItemProjection {
  item: string;
  site: string | null;
  sheet?: string;
  periods: string[];
  /** ISO date each period starts; null for numbered periods without a start date. */
  periodStarts: (string | null)[];
  opening: number;
  pastDue?: number;
  safetyStock?: number | null;
  orders: number[];
  mps: number[];
  forecast?: number[] | null;
  fence?: number;
}

/** An item as the incident saw it when the alert was raised: the prediction the log keeps. */
export interface RiskSnapshot {
  item: string;
  site: string | null;
  sheet: string | null;
  /** Periods that are short or need their receipt on time (planning balance). */
  periodsAtRisk: string[];
  /** The largest quantity short (or short if the receipt at risk does not land). */
  quantityAtRisk: number;
  /** The first period that is short, or that needs its receipt on time when nothing is short yet. */
  firstProblem: { period: string; date: string | null; status: Status } | null;
  receiptAtRisk: { period: string; date: string | null; quantity: number; slack: number } | null;
}

function planOf(p: ItemProjection, ordersOnly: boolean) {
  return computePlan({
    onHand: p.opening,
    orders: p.orders,
    mps: p.mps,
    pastDue: p.pastDue ?? 0,
    safetyStock: p.safetyStock ?? 0,
    forecast: ordersOnly ? null : (p.forecast ?? null),
    fence: p.fence ?? 0,
  });
}

/** Periods where customer orders alone run short (forecast left out), with the quantity short. */
export function ordersOnlyShortages(p: ItemProjection): { period: string; quantity: number }[] {
  return planOf(p, true)
    .pab.map((v, t) => ({ period: p.periods[t], quantity: -v }))
    .filter((x) => x.quantity > 0);
}

/** Customer orders go short unless a receipt lands on time (slack 0 against orders only). */
export function ordersDependOnReceipt(p: ItemProjection): boolean {
  return planOf(p, true).receipts.some((r) => r.slack === 0);
}

export function snapshotRisk(p: ItemProjection): RiskSnapshot {
  const plan = planOf(p, false);
  const periodsAtRisk = plan.status
    .map((s, t) => (s === "stockout" || s === "at-risk" ? p.periods[t] : null))
    .filter((x): x is string => x !== null);
  // Short if the receipt landing that period did not come: PAB - MPS below zero.
  const withoutReceipt = plan.pab.map((v, t) =>
    plan.status[t] === "at-risk" ? -(v - plan.mps[t]) : 0
  );
  const quantityAtRisk = Math.max(0, plan.shortage.peakShortage?.quantity ?? 0, ...withoutReceipt);
  const t = plan.status.findIndex((s) => s === "stockout" || s === "at-risk");
  const critical = plan.receipts
    .filter((r) => r.slack !== null)
    .sort((a, b) => (a.slack as number) - (b.slack as number) || a.index - b.index)[0];
  return {
    item: p.item,
    site: p.site,
    sheet: p.sheet ?? null,
    periodsAtRisk,
    quantityAtRisk,
    firstProblem:
      t >= 0
        ? { period: p.periods[t], date: p.periodStarts[t] ?? null, status: plan.status[t] }
        : null,
    receiptAtRisk:
      critical && critical.slack === 0
        ? {
            period: p.periods[critical.index],
            date: p.periodStarts[critical.index] ?? null,
            quantity: critical.quantity,
            slack: 0,
          }
        : null,
  };
}

/** The projection of the risk's item in a list of projections (same item and site). */
export function projectionOf(
  projections: readonly ItemProjection[],
  risk: { item: string; site: string | null }
): ItemProjection | undefined {
  return projections.find((p) => p.item === risk.item && (p.site ?? null) === risk.site);
}

/** A report item (or anything shaped like one) with the report's demand time fence. */
export function withFence<T extends ItemProjection>(item: T, fence: number): ItemProjection {
  return { ...item, fence };
}
