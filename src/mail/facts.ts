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
  recoveryIndex?: number | null;
  orderShortage?: { index: number; quantity: number } | null;
  receipts: { index: number; quantity: number; needByIndex: number | null; slack: number | null }[];
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

/** The receipt that matters most: the earliest with the least slack. */
export function receiptAtRisk(f: NoticeFacts): (PeriodFact & { slack: number | null }) | null {
  const r = f.receipts
    .filter((x) => x.slack !== null)
    .sort((a, b) => (a.slack as number) - (b.slack as number) || a.index - b.index)[0];
  return r ? { ...periodFact(f, r.index, r.quantity), slack: r.slack } : null;
}

/** The balance against customer orders only (forecast left out). */
export function ordersBalance(f: NoticeFacts): number[] {
  return f.ordersOnlyPab ?? f.pab;
}

/** Periods where customer orders go short, with the quantity short. */
export function orderShortPeriods(f: NoticeFacts): PeriodFact[] {
  return ordersBalance(f)
    .map((p, t) => (p < 0 ? periodFact(f, t, -p) : null))
    .filter((x): x is PeriodFact => x !== null);
}

/** Customer orders go short if this receipt does not come: an order-backed risk. */
export function ordersDependOnReceipt(f: NoticeFacts): boolean {
  const bal = ordersBalance(f);
  return f.receipts.some((r) => bal.slice(r.index).some((p) => p - r.quantity < 0));
}

export function firstOrderShortage(f: NoticeFacts): PeriodFact | null {
  const s = f.orderShortage ?? (f.ordersOnlyPab ? null : f.firstShortage);
  if (s) return periodFact(f, s.index, s.quantity);
  return orderShortPeriods(f)[0] ?? null;
}
