import { STATUS_SEVERITY, Status } from "./types";
import { packedMap } from "./arrays";

/** Status of one period, most severe first: stockout, at-risk, low, ok. */
export function periodStatus(pab: number, receipt: number, safetyStock: number): Status {
  if (pab < 0) return "stockout";
  if (receipt > 0 && pab - receipt < 0) return "at-risk";
  if (pab < safetyStock) return "low";
  return "ok";
}

export function statuses(
  pab: readonly number[],
  mps: readonly number[],
  safetyStock: number
): Status[] {
  return packedMap(pab, (p, t) => periodStatus(p, mps[t], safetyStock));
}

export function safetyBreaches(pab: readonly number[], safetyStock: number): boolean[] {
  return packedMap(pab, (p) => p < safetyStock);
}

export function worstStatus(list: readonly Status[]): Status {
  let worst: Status = "ok";
  let severity = 0;
  for (const s of list) {
    const v = STATUS_SEVERITY[s];
    if (v > severity) {
      severity = v;
      worst = s;
    }
  }
  return worst;
}
