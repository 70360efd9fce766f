import { ReceiptSlack } from "./types";

/**
 * For a receipt of M in period s: needBy = first t >= s with PAB_t - M < 0, slack = needBy - s
 * (null when it is not needed within the horizon).
 */
export function receiptSlack(pab: readonly number[], mps: readonly number[]): ReceiptSlack[] {
  const n = pab.length;
  const suffixMin = new Array<number>(n + 1);
  suffixMin[n] = Infinity;
  for (let t = n - 1; t >= 0; t--) suffixMin[t] = Math.min(pab[t], suffixMin[t + 1]);

  const out: ReceiptSlack[] = [];
  for (let s = 0; s < n; s++) {
    const m = mps[s];
    if (!(m > 0)) continue;
    let needBy: number | null = null;
    if (suffixMin[s] - m < 0) {
      for (let t = s; t < n; t++) {
        if (pab[t] - m < 0) {
          needBy = t;
          break;
        }
      }
    }
    out.push({
      index: s,
      quantity: m,
      needByIndex: needBy,
      slack: needBy === null ? null : needBy - s,
    });
  }
  return out;
}
