/** Shortage figures of one balance (the engine's definitions, carried by the report). */
export interface BalanceFigures {
  /** max(0, -balance) per period: what is still owed then. */
  backlog: number[];
  /** What goes missing in each period (the backlog's growth). */
  newShortfall: number[];
  /** What is made up in each period (the backlog's fall). */
  madeUp: number[];
  /** First period from which nothing is short again to the end; null when none. */
  finalRecoveryIndex: number | null;
  /** What is still short in the last period. */
  endShortfall: number;
}

/** What a notice needs from the report (a ReportItem fits); mail never reads the sheet itself. */
export interface NoticeFacts {
  item: string;
  site?: string | null;
  periods: string[];
  periodStarts: (string | null)[];
  orders: number[];
  demand: number[];
  mps: number[];
  pab: number[];
  ordersOnlyPab?: number[];
  status: string[];
  safetyStock?: number | null;
  firstShortage: { index: number; quantity: number } | null;
  peakShortage?: { index: number; quantity: number } | null;
  /** Final recovery of the planning PAB. */
  finalRecoveryIndex: number | null;
  endShortfall: number;
  orderShortage?: { index: number; quantity: number } | null;
  /** The figures of the balance against customer orders only: all a customer is told. */
  orderFigures: BalanceFigures;
  receipts: { index: number; quantity: number; needByIndex: number | null; slack: number | null }[];
  /** An error-level reading problem concerns this item. */
  flagged?: boolean;
  /** What the reader assumed for this item (its diagnostics), said in the notice. */
  assumptions?: string[];
}

export interface PeriodFact {
  index: number;
  period: string;
  date: string | null;
  quantity: number;
}

export function periodFact(f: NoticeFacts, index: number, quantity: number): PeriodFact {
  return { index, period: f.periods[index], date: f.periodStarts[index] ?? null, quantity };
}

/** The balance against customer orders only (forecast left out). */
export function ordersBalance(f: NoticeFacts): number[] {
  return f.ordersOnlyPab ?? f.pab;
}

/** Periods where customer orders are owed, with the new shortfall, what is made up and the backlog. */
export function orderShortRows(
  f: NoticeFacts
): (PeriodFact & { newShortfall: number; madeUp: number; backlog: number })[] {
  const g = f.orderFigures;
  return g.backlog.flatMap((backlog, t) =>
    backlog > 0 || g.madeUp[t] > 0
      ? [
          {
            ...periodFact(f, t, g.newShortfall[t]),
            newShortfall: g.newShortfall[t],
            madeUp: g.madeUp[t],
            backlog,
          },
        ]
      : []
  );
}

/** The first period customer orders go short, with what goes missing there. */
export function firstOrderShortage(f: NoticeFacts): PeriodFact | null {
  const t = f.orderFigures.backlog.findIndex((b) => b > 0);
  return t < 0 ? null : periodFact(f, t, f.orderFigures.backlog[t]);
}

/** Receipts customer orders depend on: without them, an order-backed period goes short. */
export function receiptsOrdersNeed(f: NoticeFacts): NoticeFacts["receipts"] {
  const bal = ordersBalance(f);
  return f.receipts
    .filter((r) => bal.slice(r.index).some((p) => p - r.quantity < 0))
    .sort((a, b) => a.index - b.index);
}

export function ordersDependOnReceipt(f: NoticeFacts): boolean {
  return receiptsOrdersNeed(f).length > 0;
}

/** Receipts with no slack: any slip makes a period short. */
export function receiptsOnTime(f: NoticeFacts): NoticeFacts["receipts"] {
  return f.receipts.filter((r) => r.slack === 0).sort((a, b) => a.index - b.index);
}

/** The receipt that matters most: the earliest with the least slack. */
export function receiptAtRisk(f: NoticeFacts): (PeriodFact & { slack: number | null }) | null {
  const r = f.receipts
    .filter((x) => x.slack !== null)
    .sort((a, b) => (a.slack as number) - (b.slack as number) || a.index - b.index)[0];
  return r ? { ...periodFact(f, r.index, r.quantity), slack: r.slack } : null;
}

/**
 * The periods a customer notice is about: where orders are short, or, when only a receipt holds
 * them up, the periods that go short without it.
 */
export function affectedPeriods(f: NoticeFacts): number[] {
  const short = f.orderFigures.backlog.flatMap((b, t) => (b > 0 ? [t] : []));
  if (short.length) return short;
  const bal = ordersBalance(f);
  const without = new Set<number>();
  for (const r of receiptsOrdersNeed(f))
    for (let t = r.index; t < bal.length; t++) if (bal[t] - r.quantity < 0) without.add(t);
  return [...without].sort((a, b) => a - b);
}

const DAY = 86_400_000;

/** The period a date falls in (its start on or before the date, the next start after); null outside. */
export function periodOfDate(f: NoticeFacts, date: string): number | null {
  const at = Date.parse(`${date}T00:00:00Z`);
  const starts = f.periodStarts.map((s) => (s ? Date.parse(`${s}T00:00:00Z`) : NaN));
  for (let t = starts.length - 1; t >= 0; t--) {
    if (Number.isNaN(starts[t]) || starts[t] > at) continue;
    const next =
      t + 1 < starts.length && !Number.isNaN(starts[t + 1])
        ? starts[t + 1]
        : starts[t] + (t > 0 && !Number.isNaN(starts[t - 1]) ? starts[t] - starts[t - 1] : 7 * DAY);
    return at < next ? t : null;
  }
  return null;
}

/** Every period has a date: what a customer notice needs. */
export function hasDates(f: NoticeFacts): boolean {
  return f.periodStarts.length > 0 && f.periodStarts.every((d) => !!d);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}
