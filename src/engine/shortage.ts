import { PeriodShortage, ShortageFigures } from "./types";
import { packedMap } from "./arrays";

export function firstShortage(pab: readonly number[]): PeriodShortage | null {
  for (let t = 0; t < pab.length; t++) if (pab[t] < 0) return { index: t, quantity: -pab[t] };
  return null;
}

/**
 * The first period after a shortage from which the balance stays >= 0 to the end of the horizon;
 * null when nothing is short, or when the last period is short.
 */
export function finalRecoveryIndex(pab: readonly number[]): number | null {
  const n = pab.length;
  if (n === 0 || pab[n - 1] < 0) return null;
  let t = n - 1;
  while (t > 0 && pab[t - 1] >= 0) t--;
  return t > 0 ? t : null;
}

/**
 * Per period, what goes missing there (the backlog's growth) and what is made up there (its fall);
 * the backlog carried in (a negative opening) is not a new shortfall of period 1.
 * Sum(newShortfall) - Sum(madeUp) = end backlog - opening backlog.
 */
export function shortfallChanges(
  pab: readonly number[],
  opening = 0
): { newShortfall: number[]; madeUp: number[] } {
  const carried = Math.max(0, -opening);
  let before = carried;
  const newShortfall = packedMap(pab, (p) => {
    const backlog = Math.max(0, -p);
    const grew = Math.max(0, backlog - before);
    before = backlog;
    return grew;
  });
  before = carried;
  const madeUp = packedMap(pab, (p) => {
    const backlog = Math.max(0, -p);
    const fell = Math.max(0, before - backlog);
    before = backlog;
    return fell;
  });
  return { newShortfall, madeUp };
}

export function shortageFigures(pab: readonly number[], opening = 0): ShortageFigures {
  const n = pab.length;
  const backlog = packedMap(pab, (p) => (p < 0 ? -p : 0));
  let first: PeriodShortage | null = null;
  let peak: PeriodShortage | null = null;
  let recoveryIndex: number | null = null;
  for (let t = 0; t < n; t++) {
    const short = backlog[t];
    if (short > 0) {
      if (first === null) first = { index: t, quantity: short };
      if (peak === null || short > peak.quantity) peak = { index: t, quantity: short };
    } else if (first !== null && recoveryIndex === null) {
      recoveryIndex = t;
    }
  }
  return {
    backlog,
    firstShortage: first,
    peakShortage: peak,
    recoveryIndex,
    finalRecoveryIndex: finalRecoveryIndex(pab),
    ...shortfallChanges(pab, opening),
    endShortfall: n > 0 ? backlog[n - 1] : 0,
    cover: first === null ? n : first.index,
  };
}
