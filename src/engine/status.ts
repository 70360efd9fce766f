import { STATUS_SEVERITY, Status } from "./types";

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
  const out = new Array<Status>(pab.length);
  for (let t = 0; t < pab.length; t++) out[t] = periodStatus(pab[t], mps[t], safetyStock);
  return out;
}

export function safetyBreaches(pab: readonly number[], safetyStock: number): boolean[] {
  const out = new Array<boolean>(pab.length);
  for (let t = 0; t < pab.length; t++) out[t] = pab[t] < safetyStock;
  return out;
}

export function worstStatus(list: readonly Status[]): Status {
  let worst: Status = "ok";
  for (const s of list) if (STATUS_SEVERITY[s] > STATUS_SEVERITY[worst]) worst = s;
  return worst;
}
