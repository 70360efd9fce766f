import { tidy } from "./arithmetic";

/** PAB_t = PAB_(t-1) - demand_t + MPS_t, PAB_0 = onHand. */
export function projectBalance(
  onHand: number,
  demand: readonly number[],
  mps: readonly number[]
): number[] {
  const n = demand.length;
  const pab = new Array<number>(n);
  let prev = onHand;
  for (let t = 0; t < n; t++) {
    prev = tidy(prev - demand[t] + mps[t]);
    pab[t] = prev;
  }
  return pab;
}
