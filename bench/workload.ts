import { PlanInput } from "../src/engine";

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same plans. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Items the way a weekly MPS looks: steady orders, a lot every few weeks, a forecast on a third of them. */
export function workload(items: number, periods: number, seed = 42): PlanInput[] {
  const rnd = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const plans: PlanInput[] = [];
  for (let i = 0; i < items; i++) {
    const base = int(5, 60);
    const lot = base * int(3, 6);
    const orders = Array.from({ length: periods }, () => Math.max(0, base + int(-base, base)));
    const mps = Array.from({ length: periods }, () => (rnd() < 0.25 ? lot : 0));
    const forecast = i % 3 === 0 ? Array.from({ length: periods }, () => base + int(0, 10)) : null;
    plans.push({
      onHand: int(-20, 4 * base),
      orders,
      mps,
      forecast,
      fence: forecast ? 2 : 0,
      safetyStock: int(0, base),
    });
  }
  return plans;
}
