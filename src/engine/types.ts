/** Status codes are fixed English words; the UI translates them, never the engine. */
export type Status = "stockout" | "at-risk" | "low" | "ok";

export const STATUS_SEVERITY: Readonly<Record<Status, number>> = {
  stockout: 3,
  "at-risk": 2,
  low: 1,
  ok: 0,
};

export interface PlanInput {
  /** On hand at the start of period 1; negative = backlog carried in. */
  onHand: number;
  /** Customer orders per period. */
  orders: readonly number[];
  /** MPS receipts per period (all supply types already summed). */
  mps: readonly number[];
  /** Forecast per period; where given, demand is max(forecast, orders) from the fence on. */
  forecast?: readonly number[] | null;
  /** Demand time fence: periods before this index use orders only. Default 0. */
  fence?: number;
  /** Safety stock; default 0. */
  safetyStock?: number;
  /** Past-due orders, added to period 1's demand. Default 0. */
  pastDue?: number;
}

/** A quantity short in one period (index is 0-based). */
export interface PeriodShortage {
  index: number;
  quantity: number;
}

export interface ReceiptSlack {
  /** Period of the receipt, 0-based. */
  index: number;
  quantity: number;
  /** First period that runs short if this receipt is missing; null if none within the horizon. */
  needByIndex: number | null;
  /** needByIndex - index: how many periods it may slip; null = not needed within the horizon. */
  slack: number | null;
}

export interface ShortageFigures {
  /** max(0, -PAB) per period. */
  backlog: number[];
  firstShortage: PeriodShortage | null;
  peakShortage: PeriodShortage | null;
  /** First period after the first shortage whose PAB is back to >= 0. */
  recoveryIndex: number | null;
  /**
   * Final recovery: the first period after a shortage from which no period is short again to the
   * end of the horizon; null when nothing is short or the horizon ends short.
   */
  finalRecoveryIndex: number | null;
  /** What goes missing in each period: the growth of the backlog there (never negative). */
  newShortfall: number[];
  /** Backlog made up in each period (a receipt or lower demand paying it back). */
  madeUp: number[];
  /** -PAB in the last period when negative, else 0. */
  endShortfall: number;
  /** Periods covered before the first shortage (the horizon length if none). */
  cover: number;
}

export interface Warning {
  code: string;
  message: string;
}

export interface Plan {
  periods: number;
  onHand: number;
  safetyStock: number;
  orders: number[];
  mps: number[];
  forecast: number[] | null;
  fence: number;
  pastDue: number;
  /** What the planning PAB subtracts (past due included in period 1). */
  demand: number[];
  /** Planning PAB. */
  pab: number[];
  /** Balance against customer orders only: the one that can justify a customer notice. */
  ordersOnlyPab: number[];
  status: Status[];
  belowSafety: boolean[];
  receipts: ReceiptSlack[];
  shortage: ShortageFigures;
  /** First shortage of the orders-only balance. */
  orderShortage: PeriodShortage | null;
  /** The shortage figures of the orders-only balance: what a customer notice may state. */
  orderFigures: ShortageFigures;
  warnings: Warning[];
}
