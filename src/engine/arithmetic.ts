/** Snaps float drift (0.1 + 0.2 - 0.3) back to the integer it should be, so 1e-17 is never a stock-out. */
export function tidy(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - r) < 1e-9 ? r + 0 : x; // + 0 turns -0 into 0
}
