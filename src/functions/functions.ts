import "./outsideExcel";
import { availableToPromise } from "../engine";
import { guarded, spill } from "./arguments";
import { excelError } from "./excelErrors";
import { parseArguments, planFor } from "./plan";

/**
 * Projected available balance per period: previous balance − demand + MPS, starting from on hand. Spills in the orientation of the orders.
 * @customfunction BALANCE
 * @helpurl https://localhost:3000/help.html#pab-balance
 * @param {number} onHand On hand at the start of period 1 (negative: backlog carried in).
 * @param {any[][]} orders Customer orders per period: one row or one column.
 * @param {any[][]} mps MPS receipts per period, the same length as orders.
 * @param {any[][]} [forecast] Forecast per period; from the fence on, demand is the larger of forecast and orders.
 * @param {number} [fence] Demand time fence: periods before it use orders only (default 0).
 * @returns {any[][]} The projected available balance of each period.
 */
export function balance(
  onHand: number,
  orders: any[][],
  mps: any[][],
  forecast?: any[][],
  fence?: number
): any[][] {
  return guarded(() => {
    const { plan, orientation } = planFor({ onHand, orders, mps, forecast, fence });
    return spill(plan.pab, orientation);
  });
}

/**
 * Status of each period: stockout, at-risk (covered only if that period's receipt lands on time), low (below safety stock) or ok.
 * @customfunction STATUS
 * @helpurl https://localhost:3000/help.html#pab-status
 * @param {number} onHand On hand at the start of period 1 (negative: backlog carried in).
 * @param {any[][]} orders Customer orders per period: one row or one column.
 * @param {any[][]} mps MPS receipts per period, the same length as orders.
 * @param {number} [safetyStock] Safety stock (default 0).
 * @param {any[][]} [forecast] Forecast per period; from the fence on, demand is the larger of forecast and orders.
 * @param {number} [fence] Demand time fence: periods before it use orders only (default 0).
 * @returns {any[][]} One status code per period.
 */
export function status(
  onHand: number,
  orders: any[][],
  mps: any[][],
  safetyStock?: number,
  forecast?: any[][],
  fence?: number
): any[][] {
  return guarded(() => {
    const { plan, orientation } = planFor({ onHand, orders, mps, safetyStock, forecast, fence });
    return spill<string>(plan.status, orientation);
  });
}

/**
 * Discrete available-to-promise with look-ahead, from customer orders: a figure in period 1 and in each MPS period, blank elsewhere.
 * @customfunction ATP
 * @helpurl https://localhost:3000/help.html#pab-atp
 * @param {number} onHand On hand at the start of period 1.
 * @param {any[][]} orders Customer orders per period: one row or one column.
 * @param {any[][]} mps MPS receipts per period, the same length as orders.
 * @returns {any[][]} Available to promise per period.
 */
export function atp(onHand: number, orders: any[][], mps: any[][]): any[][] {
  return guarded(() => {
    const { input, orientation } = parseArguments({ onHand, orders, mps });
    const { discrete } = availableToPromise(
      input.onHand,
      input.orders as number[],
      input.mps as number[]
    );
    return spill<number | string>(
      discrete.map((v) => (v === null ? "" : v)),
      orientation
    );
  });
}

/**
 * The first period that runs short (counted from 1) and the quantity short there; #N/A when nothing runs short.
 * @customfunction SHORTAGE
 * @helpurl https://localhost:3000/help.html#pab-shortage
 * @param {number} onHand On hand at the start of period 1 (negative: backlog carried in).
 * @param {any[][]} orders Customer orders per period: one row or one column.
 * @param {any[][]} mps MPS receipts per period, the same length as orders.
 * @param {any[][]} [forecast] Forecast per period; from the fence on, demand is the larger of forecast and orders.
 * @param {number} [fence] Demand time fence: periods before it use orders only (default 0).
 * @returns {any[][]} One row: period, quantity short.
 */
export function shortage(
  onHand: number,
  orders: any[][],
  mps: any[][],
  forecast?: any[][],
  fence?: number
): any[][] {
  return guarded(() => {
    const first = planFor({ onHand, orders, mps, forecast, fence }).plan.shortage.firstShortage;
    if (!first) throw excelError("notAvailable", "No period runs short within the horizon");
    return [[first.index + 1, first.quantity]];
  });
}

/**
 * Periods covered before the first shortage; the number of periods when nothing runs short.
 * @customfunction COVER
 * @helpurl https://localhost:3000/help.html#pab-cover
 * @param {number} onHand On hand at the start of period 1 (negative: backlog carried in).
 * @param {any[][]} orders Customer orders per period: one row or one column.
 * @param {any[][]} mps MPS receipts per period, the same length as orders.
 * @param {any[][]} [forecast] Forecast per period; from the fence on, demand is the larger of forecast and orders.
 * @param {number} [fence] Demand time fence: periods before it use orders only (default 0).
 * @returns {number} Periods of cover.
 */
export function cover(
  onHand: number,
  orders: any[][],
  mps: any[][],
  forecast?: any[][],
  fence?: number
): number {
  return guarded(() => planFor({ onHand, orders, mps, forecast, fence }).plan.shortage.cover);
}

/**
 * Per receipt: how many periods it may slip before a period runs short (0 = needed on time); blank without a receipt, "none" when not needed within the horizon.
 * @customfunction SLACK
 * @helpurl https://localhost:3000/help.html#pab-slack
 * @param {number} onHand On hand at the start of period 1 (negative: backlog carried in).
 * @param {any[][]} orders Customer orders per period: one row or one column.
 * @param {any[][]} mps MPS receipts per period, the same length as orders.
 * @param {any[][]} [forecast] Forecast per period; from the fence on, demand is the larger of forecast and orders.
 * @param {number} [fence] Demand time fence: periods before it use orders only (default 0).
 * @returns {any[][]} Slack per period.
 */
export function slack(
  onHand: number,
  orders: any[][],
  mps: any[][],
  forecast?: any[][],
  fence?: number
): any[][] {
  return guarded(() => {
    const { plan, orientation } = planFor({ onHand, orders, mps, forecast, fence });
    const out: (number | string)[] = new Array(plan.periods).fill("");
    for (const r of plan.receipts) out[r.index] = r.slack === null ? "none" : r.slack;
    return spill(out, orientation);
  });
}
