import { tidy } from "./arithmetic";
import { packedMap } from "./arrays";

/** PAB_t = PAB_(t-1) - demand_t + MPS_t, PAB_0 = onHand. */
export function projectBalance(
  onHand: number,
  demand: readonly number[],
  mps: readonly number[]
): number[] {
  let prev = onHand;
  return packedMap(demand, (d, t) => (prev = tidy(prev - d + mps[t])));
}
