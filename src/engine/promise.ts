import { availableToPromise } from "./atp";
import { EngineInputError } from "./errors";
import { checkQuantity, checkSeries } from "./validate";

export interface PromiseAnswer {
  /** The whole quantity can be promised in the period asked. */
  fits: boolean;
  /** The largest quantity that can be promised in that period (0 when nothing can). */
  available: number;
  /** The earliest period (0-based, at or after the one asked) where the whole quantity fits; null if none within the horizon. */
  earliestIndex: number | null;
}

/**
 * Can we take `quantity` more in period `index`? From cumulative ATP with look-ahead (customer
 * orders only, never forecast): an extra order in period p fits when it leaves every later
 * period's available-to-promise at or above zero, so what fits is the smallest cumulative ATP
 * from p on.
 */
export function promiseCheck(
  onHand: number,
  orders: readonly number[],
  mps: readonly number[],
  quantity: number,
  index: number,
  pastDue = 0
): PromiseAnswer {
  checkSeries("orders", orders);
  checkSeries("mps", mps, orders.length);
  checkQuantity("quantity", quantity);
  if (!Number.isInteger(index) || index < 0 || index >= orders.length) {
    throw new EngineInputError(
      "index",
      null,
      `index: there is no period ${index + 1} in a ${orders.length}-period plan`
    );
  }
  const withPastDue = orders.slice();
  if (withPastDue.length) withPastDue[0] += pastDue;
  const { cumulative } = availableToPromise(onHand, withPastDue, mps);
  const n = cumulative.length;
  // fromHere[t] = min over s >= t of cumulative ATP: what an order in period t may take.
  const fromHere = new Array<number>(n);
  let min = Infinity;
  for (let t = n - 1; t >= 0; t--) {
    min = Math.min(min, cumulative[t]);
    fromHere[t] = Math.max(0, min);
  }
  let earliestIndex: number | null = null;
  for (let t = index; t < n; t++) {
    if (fromHere[t] >= quantity) {
      earliestIndex = t;
      break;
    }
  }
  return { fits: fromHere[index] >= quantity, available: fromHere[index], earliestIndex };
}
