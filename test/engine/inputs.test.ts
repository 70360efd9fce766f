import { EngineInputError, applyWhatIf, computePlan, worstStatus } from "../../src/engine";

const classic = {
  onHand: 45,
  safetyStock: 10,
  orders: [16, 15, 15, 20, 18, 22, 20, 25],
  mps: [0, 0, 50, 0, 0, 50, 0, 0],
};

function errorOf(fn: () => unknown): EngineInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof EngineInputError) return e;
    throw e;
  }
  throw new Error("expected an EngineInputError");
}

describe("bad input is refused with the argument and period named", () => {
  test("negative orders", () => {
    const e = errorOf(() => computePlan({ onHand: 0, orders: [1, -2], mps: [0, 0] }));
    expect(e.argument).toBe("orders");
    expect(e.index).toBe(1);
    expect(e.message).toBe("orders, period 2: -2 is negative");
  });

  test("negative receipts", () => {
    expect(errorOf(() => computePlan({ onHand: 0, orders: [1, 2], mps: [-1, 0] })).message).toBe(
      "mps, period 1: -1 is negative"
    );
  });

  test.each([NaN, Infinity, -Infinity])("non-finite %p", (bad) => {
    const e = errorOf(() => computePlan({ onHand: 0, orders: [1, 2, 3], mps: [0, 0, bad] }));
    expect(e.argument).toBe("mps");
    expect(e.index).toBe(2);
    expect(e.message).toContain("is not a finite number");
  });

  test("series of different lengths", () => {
    expect(errorOf(() => computePlan({ onHand: 0, orders: [1, 2, 3], mps: [0, 0] })).message).toBe(
      "mps has 2 periods but orders has 3"
    );
    expect(
      errorOf(() => computePlan({ onHand: 0, orders: [1], mps: [0], forecast: [1, 2] })).argument
    ).toBe("forecast");
  });

  test("a non-finite opening balance, a fractional fence, a negative safety stock", () => {
    expect(errorOf(() => computePlan({ onHand: NaN, orders: [1], mps: [0] })).argument).toBe(
      "onHand"
    );
    expect(
      errorOf(() => computePlan({ onHand: 1, orders: [1], mps: [0], fence: 1.5 })).argument
    ).toBe("fence");
    expect(
      errorOf(() => computePlan({ onHand: 1, orders: [1], mps: [0], safetyStock: -1 })).argument
    ).toBe("safetyStock");
  });
});

describe("opening balance", () => {
  test("a negative opening balance is a backlog, with a warning", () => {
    const plan = computePlan({ onHand: -10, orders: [5, 5], mps: [30, 0] });
    expect(plan.pab).toEqual([15, 10]);
    expect(plan.warnings).toEqual([expect.objectContaining({ code: "opening-backlog" })]);
  });

  test("no warning for a positive opening balance", () => {
    expect(computePlan(classic).warnings).toEqual([]);
  });
});

describe("forecast and the orders-only balance", () => {
  test("a shortage that exists only because of forecast has no order shortage", () => {
    const plan = computePlan({
      onHand: 50,
      orders: [10, 10, 10],
      forecast: [30, 30, 30],
      mps: [0, 0, 0],
    });
    expect(plan.pab).toEqual([20, -10, -40]);
    expect(plan.ordersOnlyPab).toEqual([40, 30, 20]);
    expect(plan.shortage.firstShortage).toEqual({ index: 1, quantity: 10 });
    expect(plan.orderShortage).toBeNull();
  });

  test("past due adds to period 1 in both balances", () => {
    const plan = computePlan({
      onHand: 20,
      orders: [5, 5],
      forecast: [8, 8],
      pastDue: 12,
      mps: [0, 0],
    });
    expect(plan.demand).toEqual([20, 8]);
    expect(plan.pab).toEqual([0, -8]);
    expect(plan.ordersOnlyPab).toEqual([3, -2]);
  });

  test("decimal quantities do not leave float dust that reads as a stock-out", () => {
    const plan = computePlan({ onHand: 0.3, orders: [0.1, 0.2], mps: [0, 0] });
    expect(plan.pab[1]).toBe(0);
    expect(plan.status[1]).toBe("ok");
  });
});

describe("receipt slack", () => {
  test("a receipt not needed within the horizon has no need-by period", () => {
    const plan = computePlan({ onHand: 100, orders: [10, 10, 10], mps: [0, 20, 0] });
    expect(plan.receipts).toEqual([{ index: 1, quantity: 20, needByIndex: null, slack: null }]);
  });

  test("a receipt that may slip two periods", () => {
    const plan = computePlan({ onHand: 30, orders: [10, 10, 10, 10, 10], mps: [0, 20, 0, 0, 0] });
    expect(plan.pab).toEqual([20, 30, 20, 10, 0]);
    expect(plan.receipts[0]).toEqual({ index: 1, quantity: 20, needByIndex: 3, slack: 2 });
  });
});

describe("what-if", () => {
  test("a pull-in by one period", () => {
    const r = applyWhatIf(classic, { kind: "move", index: 5, by: -1 });
    expect(r.input.mps).toEqual([0, 0, 50, 0, 50, 0, 0, 0]);
    expect(r.plan.pab).toEqual([29, 14, 49, 29, 61, 39, 19, -6]);
    expect(r.changes).toEqual([{ index: 5, before: "at-risk", after: "ok" }]);
  });

  test("a slip past the horizon is kept as beyond the horizon", () => {
    const r = applyWhatIf(classic, { kind: "move", index: 5, by: 3 });
    expect(r.beyondHorizon).toBe(50);
    expect(r.input.mps).toEqual([0, 0, 50, 0, 0, 0, 0, 0]);
    expect(r.plan.shortage.firstShortage).toEqual({ index: 5, quantity: 11 });
  });

  test("a pull-in before period 1 is refused", () => {
    expect(() => applyWhatIf(classic, { kind: "move", index: 2, by: -3 })).toThrow(
      /before period 1/
    );
  });

  test("a cut by quantity and by percent", () => {
    expect(applyWhatIf(classic, { kind: "cut", index: 2, quantity: 20 }).input.mps[2]).toBe(30);
    expect(applyWhatIf(classic, { kind: "cut", index: 2, quantity: 80 }).input.mps[2]).toBe(0);
    const pct = applyWhatIf(classic, { kind: "cut", index: 2, percent: 40 });
    expect(pct.input.mps[2]).toBe(30);
    expect(pct.plan.pab[2]).toBe(29);
    expect(() => applyWhatIf(classic, { kind: "cut", index: 2 })).toThrow(
      /either a quantity or a percent/
    );
    expect(() => applyWhatIf(classic, { kind: "cut", index: 2, percent: 120 })).toThrow(
      /between 0 and 100/
    );
  });

  test("a split: part on time, the rest two periods late", () => {
    const r = applyWhatIf(classic, { kind: "split", index: 2, onTime: 30, by: 2 });
    expect(r.input.mps).toEqual([0, 0, 30, 0, 20, 50, 0, 0]);
    expect(r.plan.pab).toEqual([29, 14, 29, 9, 11, 39, 19, -6]);
    expect(r.changes).toContainEqual({ index: 3, before: "ok", after: "low" });
  });

  test("a period that does not exist", () => {
    expect(() => applyWhatIf(classic, { kind: "move", index: 8, by: 1 })).toThrow(/no period 9/);
  });
});

test("worst status", () => {
  expect(worstStatus(["ok", "low", "at-risk"])).toBe("at-risk");
  expect(worstStatus(["ok", "stockout", "at-risk"])).toBe("stockout");
  expect(worstStatus([])).toBe("ok");
});
