import fc from "fast-check";
import {
  STATUS_SEVERITY,
  applyWhatIf,
  availableToPromise,
  computePlan,
  PlanInput,
} from "../../src/engine";

const qty = fc.integer({ min: 0, max: 300 });

/** A random plan: orders, sparse receipts, an optional forecast and fence, possibly a backlog. */
const planInput: fc.Arbitrary<PlanInput> = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.record({
    onHand: fc.integer({ min: -100, max: 400 }),
    orders: fc.array(qty, { minLength: n, maxLength: n }),
    mps: fc.array(fc.oneof(fc.constant(0), fc.constant(0), qty), { minLength: n, maxLength: n }),
    forecast: fc.option(fc.array(qty, { minLength: n, maxLength: n }), { nil: null }),
    fence: fc.integer({ min: 0, max: n }),
    safetyStock: fc.integer({ min: 0, max: 100 }),
    pastDue: fc.integer({ min: 0, max: 50 }),
  })
);

describe("definitions hold for any plan", () => {
  test("PAB_t - PAB_(t-1) = MPS_t - demand_t, from on hand", () => {
    fc.assert(
      fc.property(planInput, (input) => {
        const plan = computePlan(input);
        let prev = input.onHand;
        plan.pab.forEach((p, t) => {
          expect(p - prev).toBe(plan.mps[t] - plan.demand[t]);
          prev = p;
        });
      })
    );
  });

  test("demand is orders before the fence and max(forecast, orders) from it; past due lands in period 1", () => {
    fc.assert(
      fc.property(planInput, (input) => {
        const plan = computePlan(input);
        plan.demand.forEach((d, t) => {
          const fc_ =
            input.forecast && t >= (input.fence ?? 0)
              ? Math.max(input.forecast[t], input.orders[t])
              : input.orders[t];
          expect(d).toBe(fc_ + (t === 0 ? (input.pastDue ?? 0) : 0));
        });
      })
    );
  });

  test("the orders-only balance is never below the planning PAB", () => {
    fc.assert(
      fc.property(planInput, (input) => {
        const plan = computePlan(input);
        plan.pab.forEach((p, t) => expect(plan.ordersOnlyPab[t]).toBeGreaterThanOrEqual(p));
        if (plan.orderShortage) expect(plan.shortage.firstShortage).not.toBeNull();
      })
    );
  });

  test("a zero slip changes nothing", () => {
    fc.assert(
      fc.property(planInput, fc.nat(), (input, pick) => {
        const index = pick % input.mps.length;
        const result = applyWhatIf(input, { kind: "move", index, by: 0 });
        expect(result.plan.pab).toEqual(computePlan(input).pab);
        expect(result.changes).toEqual([]);
        expect(result.beyondHorizon).toBe(0);
      })
    );
  });

  test("at-risk exactly when the period's receipt has slack 0 and the period is not short", () => {
    fc.assert(
      fc.property(planInput, (input) => {
        const plan = computePlan(input);
        const slackZero = new Set(plan.receipts.filter((r) => r.slack === 0).map((r) => r.index));
        plan.status.forEach((s, t) => {
          expect(s === "at-risk").toBe(slackZero.has(t) && plan.pab[t] >= 0);
        });
      })
    );
  });

  test("the most severe status wins, and the safety-stock breach is still shown", () => {
    fc.assert(
      fc.property(planInput, (input) => {
        const plan = computePlan(input);
        plan.status.forEach((s, t) => {
          const p = plan.pab[t];
          const applies = [
            p < 0 ? STATUS_SEVERITY.stockout : 0,
            plan.mps[t] > 0 && p - plan.mps[t] < 0 ? STATUS_SEVERITY["at-risk"] : 0,
            p < plan.safetyStock ? STATUS_SEVERITY.low : 0,
          ];
          expect(STATUS_SEVERITY[s]).toBe(Math.max(...applies));
          expect(plan.belowSafety[t]).toBe(p < plan.safetyStock);
        });
      })
    );
  });

  test("a receipt may slip by its slack without a new shortage, and one period more runs short at needBy", () => {
    fc.assert(
      fc.property(planInput, (input) => {
        const base = computePlan(input);
        for (const r of base.receipts) {
          const by = r.slack ?? base.periods - r.index;
          const slipped = applyWhatIf(input, { kind: "move", index: r.index, by });
          slipped.plan.pab.forEach((p, t) => {
            if (base.pab[t] >= 0) expect(p).toBeGreaterThanOrEqual(0);
          });
          if (r.needByIndex !== null) {
            const late = applyWhatIf(input, { kind: "move", index: r.index, by: by + 1 });
            expect(late.plan.pab[r.needByIndex]).toBeLessThan(0);
          }
        }
      })
    );
  });

  test("shortage figures agree with the PAB", () => {
    fc.assert(
      fc.property(planInput, (input) => {
        const { pab, shortage } = computePlan(input);
        const firstIdx = pab.findIndex((p) => p < 0);
        if (firstIdx < 0) {
          expect(shortage.firstShortage).toBeNull();
          expect(shortage.cover).toBe(pab.length);
          expect(shortage.recoveryIndex).toBeNull();
        } else {
          expect(shortage.firstShortage).toEqual({ index: firstIdx, quantity: -pab[firstIdx] });
          expect(shortage.cover).toBe(firstIdx);
          expect(shortage.peakShortage?.quantity).toBe(-Math.min(...pab));
          const rec = pab.findIndex((p, t) => t > firstIdx && p >= 0);
          expect(shortage.recoveryIndex).toBe(rec < 0 ? null : rec);
        }
        expect(shortage.endShortfall).toBe(Math.max(0, -pab[pab.length - 1]));
      })
    );
  });

  test("ATP netting keeps the total and leaves no negative figure after period 1", () => {
    fc.assert(
      fc.property(planInput, (input) => {
        const atp = availableToPromise(input.onHand, input.orders, input.mps);
        const total =
          input.onHand +
          input.mps.reduce((a, b) => a + b, 0) -
          input.orders.reduce((a, b) => a + b, 0);
        expect(atp.cumulative[atp.cumulative.length - 1]).toBe(total);
        atp.discrete.forEach((v, t) => {
          if (t > 0 && v !== null) expect(v).toBeGreaterThanOrEqual(0);
          expect(v === null).toBe(atp.raw[t] === null);
        });
      })
    );
  });

  test("moving a receipt keeps its quantity: in the horizon or beyond it, never dropped", () => {
    fc.assert(
      fc.property(planInput, fc.nat(), fc.integer({ min: -5, max: 40 }), (input, pick, k) => {
        const index = pick % input.mps.length;
        fc.pre(index + k >= 0);
        const result = applyWhatIf(input, { kind: "move", index, by: k });
        const sum = (a: readonly number[]) => a.reduce((x, y) => x + y, 0);
        expect(sum(result.input.mps) + result.beyondHorizon).toBe(sum(input.mps));
      })
    );
  });
});
