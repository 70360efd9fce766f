import { atp, balance, cover, shortage, slack, status } from "../../src/functions/functions";

const ORDERS = [16, 15, 15, 20, 18, 22, 20, 25];
const MPS = [0, 0, 50, 0, 0, 50, 0, 0];
const row = (a: unknown[]) => [a];
const col = (a: unknown[]) => a.map((v) => [v]);

/** Runs a function the way Excel does and returns the error it shows, or fails. */
function excelErrorOf(fn: () => unknown): { code: string; message?: string } {
  try {
    fn();
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (typeof err.code === "string") return { code: err.code, message: err.message };
    throw e;
  }
  throw new Error("expected an Excel error");
}

describe("PAB.BALANCE", () => {
  test("a row spills across", () => {
    expect(balance(45, row(ORDERS), row(MPS))).toEqual([[29, 14, 49, 29, 11, 39, 19, -6]]);
  });

  test("a column spills down", () => {
    expect(balance(45, col(ORDERS), col(MPS))).toEqual(col([29, 14, 49, 29, 11, 39, 19, -6]));
  });

  test.each([
    ["0", 0],
    ["null", null],
    ['""', ""],
  ])("blank cells given as %s count as 0", (_label, blank) => {
    expect(balance(10, row([5, blank, 5]), row([blank, 3, blank]))).toEqual([[5, 8, 3]]);
  });

  test("blank on hand counts as 0", () => {
    expect(balance(null as unknown as number, row([5]), row([10]))).toEqual([[5]]);
  });

  test("forecast and fence", () => {
    const f = row([40, 40, 40, 40, 40]);
    expect(balance(40, row([39, 42, 39, 33, 23]), row([0, 100, 0, 100, 0]), f, 3)).toEqual([
      [1, 59, 20, 80, 40],
    ]);
    expect(
      balance(40, row([39, 42, 39, 33, 23]), row([0, 100, 0, 100, 0]), null as never, null as never)
    ).toEqual([[1, 59, 20, 87, 64]]);
  });

  test("text gives #VALUE! naming the argument and position", () => {
    expect(excelErrorOf(() => balance(45, row([16, "abc", 15]), row([0, 0, 50])))).toEqual({
      code: "#VALUE!",
      message: 'orders, position 2: "abc" is not a quantity',
    });
    expect(excelErrorOf(() => balance(45, col([16, 15]), col([0, " "])))).toMatchObject({
      code: "#VALUE!",
      message: 'mps, position 2: " " is not a quantity',
    });
    expect(excelErrorOf(() => balance(45, row([true, 1]), row([0, 0])))).toMatchObject({
      code: "#VALUE!",
    });
  });

  test("an error value in an input propagates as that error", () => {
    const na = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);
    expect(excelErrorOf(() => balance(45, row([16, na]), row([0, 0]))).code).toBe("#N/A");
    const div0 = new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
    expect(excelErrorOf(() => balance(45, row([16, 1]), col([0, div0]))).code).toBe("#DIV/0!");
    expect(excelErrorOf(() => balance(45, row(["#REF!", 1]), row([0, 0]))).code).toBe("#REF!");
  });

  test("negative quantities, mismatched lengths and 2-D ranges are refused", () => {
    // Excel shows a message only with #VALUE! and #N/A: a bad quantity is #VALUE! with its message.
    expect(excelErrorOf(() => balance(45, row([16, -1]), row([0, 0])))).toEqual({
      code: "#VALUE!",
      message: "orders, position 2: -1 is negative",
    });
    expect(excelErrorOf(() => balance(45, row([16, 1, 2]), row([0, 0])))).toEqual({
      code: "#VALUE!",
      message: "mps has 2 periods but orders has 3",
    });
    expect(
      excelErrorOf(() =>
        balance(
          45,
          [
            [1, 2],
            [3, 4],
          ],
          row([0, 0])
        )
      )
    ).toMatchObject({
      code: "#VALUE!",
      message: "orders: give one row or one column, not 2 rows × 2 columns",
    });
  });

  test("a negative opening balance is a backlog", () => {
    expect(balance(-10, row([5, 5]), row([30, 0]))).toEqual([[15, 10]]);
  });
});

describe("PAB.STATUS", () => {
  test("the classic example", () => {
    expect(status(45, row(ORDERS), row(MPS), 10)).toEqual([
      ["ok", "ok", "at-risk", "ok", "ok", "at-risk", "ok", "stockout"],
    ]);
  });

  test("safety stock makes low periods", () => {
    expect(status(45, col(ORDERS), col(MPS), 20)).toEqual(
      col(["ok", "low", "at-risk", "ok", "low", "at-risk", "low", "stockout"])
    );
  });

  test("a fractional fence is refused", () => {
    expect(excelErrorOf(() => status(45, row(ORDERS), row(MPS), 0, row(ORDERS), 1.5))).toEqual({
      code: "#VALUE!",
      message: "fence: 1.5 is not a whole number of periods",
    });
  });
});

describe("PAB.ATP", () => {
  test("figures in period 1 and MPS periods, blank elsewhere", () => {
    expect(atp(64, row([33, 20, 10, 4, 2, 0, 0, 0]), row([0, 0, 70, 0, 70, 0, 70, 70]))).toEqual([
      [11, "", 56, "", 68, "", 70, 70],
    ]);
  });

  test("look-ahead nets a later shortfall against earlier ATP", () => {
    expect(atp(20, col([5, 0, 30]), col([0, 20, 0]))).toEqual(col([5, 0, ""]));
  });
});

describe("PAB.SHORTAGE", () => {
  test("first short period counted from 1, and the quantity", () => {
    expect(shortage(45, row(ORDERS), row(MPS))).toEqual([[8, 6]]);
  });

  test("#N/A when nothing runs short", () => {
    expect(excelErrorOf(() => shortage(500, row(ORDERS), row(MPS))).code).toBe("#N/A");
  });
});

describe("PAB.COVER", () => {
  test("periods before the first shortage", () => {
    expect(cover(45, row(ORDERS), row(MPS))).toBe(7);
    expect(cover(500, col(ORDERS), col(MPS))).toBe(8);
  });
});

describe("PAB.SLACK", () => {
  test("slack per receipt, blank without one, none when not needed", () => {
    expect(slack(45, row(ORDERS), row(MPS))).toEqual([["", "", 0, "", "", 0, "", ""]]);
    expect(slack(100, row([10, 10, 10, 10]), row([0, 20, 0, 5]))).toEqual([
      ["", "none", "", "none"],
    ]);
    expect(slack(30, col([10, 10, 10, 10, 10]), col([0, 20, 0, 0, 0]))).toEqual(
      col(["", 2, "", "", ""])
    );
  });
});
