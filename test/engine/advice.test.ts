import * as fc from "fast-check";
import { adviseActions, applyWhatIf, computePlan, PlanInput } from "../../src/engine";

const classic: PlanInput = {
  onHand: 45,
  safetyStock: 10,
  orders: [16, 15, 15, 20, 18, 22, 20, 25],
  mps: [0, 0, 50, 0, 0, 50, 0, 0],
};

describe("action messages derived from the plan", () => {
  test("classic example: add 6 by W8; both receipts must land on time", () => {
    expect(adviseActions(classic)).toEqual([
      { kind: "add", quantity: 6, byIndex: 7 },
      { kind: "confirm-receipt", receiptIndex: 2, quantity: 50 },
      { kind: "confirm-receipt", receiptIndex: 5, quantity: 50 },
    ]);
  });

  test("add: the quantity is the peak backlog from the first short period, and adding it there clears every shortage", () => {
    const input: PlanInput = { onHand: 10, orders: [5, 10, 10, 0, 5], mps: [0, 0, 0, 8, 0] };
    // PAB 5, -5, -15, -7, -12: first short W2, peak 15
    const add = adviseActions(input)[0];
    expect(add).toEqual({ kind: "add", quantity: 15, byIndex: 1 });
    const mps = input.mps.slice();
    mps[1] += 15;
    expect(computePlan({ ...input, mps }).shortage.firstShortage).toBeNull();
  });

  test("pull-in: a later receipt that covers the shortage when it lands in the first short period", () => {
    const input: PlanInput = { onHand: 20, orders: [10, 15, 10, 5, 5], mps: [0, 0, 0, 40, 0] };
    // PAB 10, -5, -15, 20, 15: the W4 receipt pulled in by 2 lands in W2
    expect(adviseActions(input)).toEqual([
      { kind: "add", quantity: 15, byIndex: 1 },
      { kind: "pull-in", receiptIndex: 3, quantity: 40, by: 2 },
      { kind: "confirm-receipt", receiptIndex: 3, quantity: 40 },
    ]);
  });

  test("pull-in is not offered when moving the receipt would leave a shortage", () => {
    const input: PlanInput = { onHand: 20, orders: [10, 15, 10, 5, 30], mps: [0, 0, 0, 20, 0] };
    expect(adviseActions(input).map((a) => a.kind)).toEqual(["add", "confirm-receipt"]);
  });

  test("forecast-only: short against forecast, customer orders covered", () => {
    const input: PlanInput = {
      onHand: 20,
      orders: [5, 5, 5],
      forecast: [10, 10, 10],
      mps: [0, 0, 0],
    };
    expect(adviseActions(input)).toEqual([
      { kind: "add", quantity: 10, byIndex: 2 },
      { kind: "forecast-only", byIndex: 2 },
    ]);
  });

  test("confirm-receipt: only receipts with slack 0", () => {
    const input: PlanInput = { onHand: 10, orders: [5, 10, 5, 0], mps: [0, 10, 0, 10] };
    // PAB 5, 5, 0, 10: the W2 receipt is needed at once (slack 0), the W4 one is not needed
    expect(adviseActions(input)).toEqual([
      { kind: "confirm-receipt", receiptIndex: 1, quantity: 10 },
    ]);
  });

  test("top-up-safety: never short, but below safety stock", () => {
    const input: PlanInput = {
      onHand: 30,
      safetyStock: 20,
      orders: [5, 10, 5, 0],
      mps: [0, 0, 0, 0],
    };
    // PAB 25, 15, 10, 10: below 20 from W2, by up to 10
    expect(adviseActions(input)).toEqual([{ kind: "top-up-safety", quantity: 10, byIndex: 1 }]);
  });

  test("covered: nothing to do", () => {
    expect(adviseActions({ onHand: 100, orders: [10, 10], mps: [0, 0] })).toEqual([
      { kind: "covered" },
    ]);
  });

  test("property: every add and pull-in advice, carried out, leaves no shortage", () => {
    const series = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), series, series, (onHand, orders, rawMps) => {
        const mps = orders.map((_o, i) => rawMps[i] ?? 0);
        const input: PlanInput = { onHand, orders, mps };
        for (const a of adviseActions(input)) {
          if (a.kind === "add") {
            const more = mps.slice();
            more[a.byIndex] += a.quantity;
            expect(computePlan({ ...input, mps: more }).shortage.firstShortage).toBeNull();
          }
          if (a.kind === "pull-in") {
            const moved = applyWhatIf(input, { kind: "move", index: a.receiptIndex, by: -a.by });
            expect(moved.plan.shortage.firstShortage).toBeNull();
          }
        }
      })
    );
  });
});
