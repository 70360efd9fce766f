import { applyWhatIf, availableToPromise, computePlan } from "../../src/engine";
import { readShared } from "../support/shared";

interface OracleCase {
  name: string;
  onHand: number;
  safetyStock?: number;
  demandRule: "orders" | "max-after-fence";
  fence?: number;
  forecast?: number[];
  orders: number[];
  mps: number[];
  pab: number[];
  status?: string[];
  atpDiscrete?: (number | null)[];
  atpDiscreteRaw?: (number | null)[];
  atpCumulativeLookAhead?: number[];
  whatIf?: { pab: number[]; status: string[]; mps: number[] };
}

const { cases } = readShared<{ cases: OracleCase[] }>("oracles/mps-textbook.json");

function inputOf(c: OracleCase) {
  return {
    onHand: c.onHand,
    orders: c.orders,
    mps: c.mps,
    safetyStock: c.safetyStock,
    forecast: c.demandRule === "max-after-fence" ? c.forecast : null,
    fence: c.fence ?? 0,
  };
}

describe("published MPS records", () => {
  test("the oracle file has cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const plan = computePlan(inputOf(c));

    test("PAB", () => {
      expect(plan.pab).toEqual(c.pab);
    });

    if (c.status) {
      test("status", () => {
        expect(plan.status).toEqual(c.status);
      });
    }

    if (c.atpDiscrete || c.atpDiscreteRaw || c.atpCumulativeLookAhead) {
      const atp = availableToPromise(c.onHand, c.orders, c.mps);
      if (c.atpDiscrete)
        test("discrete ATP with look-ahead", () => expect(atp.discrete).toEqual(c.atpDiscrete));
      if (c.atpDiscreteRaw)
        test("discrete ATP before netting", () => expect(atp.raw).toEqual(c.atpDiscreteRaw));
      if (c.atpCumulativeLookAhead) {
        test("cumulative ATP with look-ahead", () =>
          expect(atp.cumulative).toEqual(c.atpCumulativeLookAhead));
      }
    }

    if (c.whatIf) {
      const expected = c.whatIf;
      test("what-if: the receipt slips one period", () => {
        const from = c.mps.findIndex((m, i) => m !== expected.mps[i] && m > 0);
        const result = applyWhatIf(inputOf(c), { kind: "move", index: from, by: 1 });
        expect(result.input.mps).toEqual(expected.mps);
        expect(result.plan.pab).toEqual(expected.pab);
        expect(result.plan.status).toEqual(expected.status);
        expect(result.changes.length).toBeGreaterThan(0);
      });
    }
  });
});

describe("the classic example", () => {
  const plan = computePlan({
    onHand: 45,
    safetyStock: 10,
    orders: [16, 15, 15, 20, 18, 22, 20, 25],
    mps: [0, 0, 50, 0, 0, 50, 0, 0],
  });

  test("week 3 is 14 - 15 + 50 = 49", () => {
    expect(plan.pab[1]).toBe(14);
    expect(plan.pab[2]).toBe(49);
  });

  test("shortage figures", () => {
    expect(plan.shortage.firstShortage).toEqual({ index: 7, quantity: 6 });
    expect(plan.shortage.peakShortage).toEqual({ index: 7, quantity: 6 });
    expect(plan.shortage.recoveryIndex).toBeNull();
    expect(plan.shortage.endShortfall).toBe(6);
    expect(plan.shortage.cover).toBe(7);
    expect(plan.orderShortage).toEqual({ index: 7, quantity: 6 });
  });

  test("both receipts are needed on time", () => {
    expect(plan.receipts).toEqual([
      { index: 2, quantity: 50, needByIndex: 2, slack: 0 },
      { index: 5, quantity: 50, needByIndex: 5, slack: 0 },
    ]);
  });
});
