import * as fc from "fast-check";
import { ordersDemand, projectBalance, promiseCheck } from "../../src/engine";

describe("promise check from ATP", () => {
  // Stevenson's pumps: discrete ATP 11 · 56 · 68 · 70 70, so 11 can be promised in week 1.
  const onHand = 64;
  const orders = [33, 20, 10, 4, 2, 0, 0, 0];
  const mps = [0, 0, 70, 0, 70, 0, 70, 70];

  test("yes when it fits", () => {
    expect(promiseCheck(onHand, orders, mps, 11, 0)).toEqual({
      fits: true,
      available: 11,
      earliestIndex: 0,
    });
  });

  test("no: the largest quantity that fits then, and the earliest period that fits it all", () => {
    expect(promiseCheck(onHand, orders, mps, 30, 0)).toEqual({
      fits: false,
      available: 11,
      earliestIndex: 2,
    });
    expect(promiseCheck(onHand, orders, mps, 300, 3)).toEqual({
      fits: false,
      available: 67,
      earliestIndex: null,
    });
  });

  test("a later order already short leaves nothing to promise before it", () => {
    expect(promiseCheck(10, [0, 0, 20], [0, 0, 0], 1, 0)).toEqual({
      fits: false,
      available: 0,
      earliestIndex: null,
    });
  });

  test("past due counts as period 1 demand", () => {
    expect(promiseCheck(20, [5, 5], [0, 0], 10, 1, 5).available).toBe(5);
  });

  test("a period outside the plan is refused with a message", () => {
    expect(() => promiseCheck(1, [1], [0], 1, 3)).toThrow(
      "there is no period 4 in a 1-period plan"
    );
  });

  test("property: a quantity fits exactly when adding the order keeps every balance from that period on at or above zero", () => {
    const series = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        series,
        series,
        fc.integer({ min: 1, max: 60 }),
        fc.nat(),
        (start, ord, rawMps, q, at) => {
          const m = ord.map((_o, i) => rawMps[i] ?? 0);
          const p = at % ord.length;
          const answer = promiseCheck(start, ord, m, q, p);
          const before = projectBalance(start, ordersDemand(ord, 0), m);
          const lowest = Math.min(...before.slice(p));
          expect(answer.available).toBe(Math.max(0, lowest));
          const more = ord.slice();
          more[p] += q;
          const after = projectBalance(start, ordersDemand(more, 0), m);
          expect(answer.fits).toBe(after.slice(p).every((v) => v >= 0));
        }
      )
    );
  });
});
