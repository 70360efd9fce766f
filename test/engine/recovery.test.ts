import fc from "fast-check";
import { computePlan, finalRecoveryIndex, shortfallChanges } from "../../src/engine";

const balance = fc.array(fc.integer({ min: -60, max: 60 }), { minLength: 1, maxLength: 30 });

describe("final recovery and the new shortfall per period, for any balance", () => {
  test("final recovery: short just before it, never short from it to the end; null when nothing is short or the end is short", () => {
    fc.assert(
      fc.property(balance, (pab) => {
        const r = finalRecoveryIndex(pab);
        const anyShort = pab.some((p) => p < 0);
        if (!anyShort || pab[pab.length - 1] < 0) {
          expect(r).toBeNull();
          return;
        }
        expect(r).not.toBeNull();
        const t = r as number;
        expect(pab[t - 1]).toBeLessThan(0);
        for (let s = t; s < pab.length; s++) expect(pab[s]).toBeGreaterThanOrEqual(0);
      })
    );
  });

  test("final recovery is never before the first recovery, and equals it when the balance goes short only once", () => {
    fc.assert(
      fc.property(balance, (pab) => {
        const plan = computePlan({
          onHand: 0,
          orders: pab.map((p) => Math.max(0, -p)),
          mps: pab.map((p) => Math.max(0, p)),
        });
        const { recoveryIndex, finalRecoveryIndex: final } = plan.shortage;
        if (final !== null) expect(final).toBeGreaterThanOrEqual(recoveryIndex as number);
        const runs = plan.pab.filter((p, t) => p < 0 && (t === 0 || plan.pab[t - 1] >= 0)).length;
        if (runs === 1 && plan.pab[plan.pab.length - 1] >= 0) expect(final).toBe(recoveryIndex);
      })
    );
  });

  test("a shortage, a recovery, a second shortage and a final recovery: the final one is the second", () => {
    expect(finalRecoveryIndex([5, -3, 2, -4, -1, 6, 8])).toBe(5);
    expect(finalRecoveryIndex([5, -3, 2, -4])).toBeNull();
    expect(finalRecoveryIndex([5, 3])).toBeNull();
  });

  test("new shortfall and made-up quantities are never negative and add up to the end backlog", () => {
    fc.assert(
      fc.property(balance, fc.integer({ min: -50, max: 50 }), (pab, opening) => {
        const { newShortfall, madeUp } = shortfallChanges(pab, opening);
        newShortfall.forEach((x, t) => {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(madeUp[t]).toBeGreaterThanOrEqual(0);
          expect(x === 0 || madeUp[t] === 0).toBe(true);
        });
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        const end = Math.max(0, -pab[pab.length - 1]);
        expect(sum(newShortfall) - sum(madeUp)).toBe(end - Math.max(0, -opening));
        // Running the changes forward gives the cumulative backlog of every period.
        let backlog = Math.max(0, -opening);
        pab.forEach((p, t) => {
          backlog += newShortfall[t] - madeUp[t];
          expect(backlog).toBe(Math.max(0, -p));
        });
      })
    );
  });

  test("when the backlog only grows, the new shortfalls total the end-of-horizon shortfall", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 20 }),
        (steps) => {
          let p = 0;
          const pab = steps.map((s) => (p -= s));
          const { newShortfall } = shortfallChanges(pab);
          expect(newShortfall).toEqual(steps);
          expect(newShortfall.reduce((a, b) => a + b, 0) === -pab[pab.length - 1]).toBe(true);
        }
      )
    );
  });

  test("a backlog carried in is not a new shortfall of period 1", () => {
    expect(shortfallChanges([-15, -20, 5], -10)).toEqual({
      newShortfall: [5, 5, 0],
      madeUp: [0, 0, 20],
    });
  });

  test("the plan carries the figures of the orders-only balance too", () => {
    const plan = computePlan({
      onHand: 10,
      orders: [5, 10, 5, 0],
      forecast: [20, 20, 20, 20],
      mps: [0, 0, 0, 30],
    });
    expect(plan.ordersOnlyPab).toEqual([5, -5, -10, 20]);
    expect(plan.orderFigures.newShortfall).toEqual([0, 5, 5, 0]);
    expect(plan.orderFigures.finalRecoveryIndex).toBe(3);
    expect(plan.shortage.finalRecoveryIndex).toBeNull();
  });
});
