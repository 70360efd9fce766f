import { PeriodShortage, ShortageFigures } from "./types";

export function firstShortage(pab: readonly number[]): PeriodShortage | null {
  for (let t = 0; t < pab.length; t++) if (pab[t] < 0) return { index: t, quantity: -pab[t] };
  return null;
}

export function shortageFigures(pab: readonly number[]): ShortageFigures {
  const n = pab.length;
  const backlog = new Array<number>(n);
  let first: PeriodShortage | null = null;
  let peak: PeriodShortage | null = null;
  let recoveryIndex: number | null = null;
  for (let t = 0; t < n; t++) {
    const short = pab[t] < 0 ? -pab[t] : 0;
    backlog[t] = short;
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
    endShortfall: n > 0 ? backlog[n - 1] : 0,
    cover: first === null ? n : first.index,
  };
}
