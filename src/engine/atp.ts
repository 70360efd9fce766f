import { tidy } from "./arithmetic";

export interface AtpResult {
  /** Before netting: ATP in period 1 and each MPS period, null elsewhere. */
  raw: (number | null)[];
  /** Discrete ATP with look-ahead: negatives netted against earlier ATP periods. */
  discrete: (number | null)[];
  /** Running total of discrete ATP, carried through periods without one. */
  cumulative: number[];
}

/**
 * Discrete available-to-promise with look-ahead (customer orders only, never forecast): period 1
 * gets on hand + its MPS, every MPS period its MPS, each less the orders up to the next MPS period.
 */
export function availableToPromise(
  onHand: number,
  orders: readonly number[],
  mps: readonly number[]
): AtpResult {
  const n = orders.length;
  const raw = new Array<number | null>(n).fill(null);
  let current = -1;
  for (let t = 0; t < n; t++) {
    if (t === 0 || mps[t] > 0) {
      current = t;
      raw[t] = (t === 0 ? onHand : 0) + mps[t];
    }
    raw[current] = tidy((raw[current] as number) - orders[t]);
  }

  const discrete = raw.slice();
  let carry = 0;
  for (let t = n - 1; t >= 0; t--) {
    const v = discrete[t];
    if (v === null) continue;
    const net = tidy(v + carry);
    if (net < 0 && t > 0) {
      discrete[t] = 0;
      carry = net;
    } else {
      discrete[t] = net;
      carry = 0;
    }
  }

  const cumulative = new Array<number>(n);
  let running = 0;
  for (let t = 0; t < n; t++) {
    const v = discrete[t];
    if (v !== null) running = tidy(running + v);
    cumulative[t] = running;
  }
  return { raw, discrete, cumulative };
}
