import { scanXlsxFile } from "../../src/cli/scanFile";
import { readPlans } from "../../src/layout";
import { readXlsxSnapshot } from "../../src/xlsx";
import { handPab, makeParts, materialBalanceSheet, seeded } from "../support/layouts";
import { TestCell, buildXlsx } from "../support/xlsxBuilder";

/**
 * Items whose names read like something else the reader looks for: a period (W2, 第1周, a date),
 * a total (Total, 合计), a balance (PAB, 期初). In every layout that can name them, each is read
 * as the item it is, with the PAB a planner works out by hand, and the annotated copy reads back
 * to the same plans and annotates to the same file.
 */

const NAMES: [string, string][] = [
  ["W2", "W3"],
  ["第1周", "第2周"],
  ["2026-12-07", "Dec-26"],
  ["Total", "合计"],
  ["PAB", "期初"],
];
const WEEKS = ["W1", "W2", "W3", "W4", "W5"];

interface Plan {
  item: string;
  onHand: number;
  orders: number[];
  mps: number[];
}

function plans(names: string[], seed: number): Plan[] {
  const rnd = seeded(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  return names.map((item) => ({
    item,
    onHand: 10 + int(60),
    orders: WEEKS.map(() => int(40)),
    mps: WEEKS.map((_w, t) => (t % 2 === 1 ? 10 * int(6) : 0)),
  }));
}

function scanTwice(rows: TestCell[][]) {
  const input = buildXlsx([{ name: "Plan", rows }]);
  const first = scanXlsxFile(input, "plan.xlsx", { annotate: true });
  const copy = first.annotated as Uint8Array;
  const again = scanXlsxFile(copy, "plan.xlsx", { annotate: true });
  return {
    first: first.report,
    readBack: readPlans(readXlsxSnapshot(copy, "plan.xlsx")),
    again: again.report,
    sameFile: Buffer.from(again.annotated as Uint8Array).equals(Buffer.from(copy)),
  };
}

function expectRead(rows: TestCell[][], ps: Plan[], arrangement: string) {
  const { first, readBack, again, sameFile } = scanTwice(rows);
  const expected = ps.map((p) => ({
    item: p.item,
    arrangement,
    pab: handPab(p.onHand, p.orders, p.mps),
  }));
  const got = (r: typeof first) =>
    r.items.map((i) => ({ item: i.item, arrangement: i.arrangement, pab: i.pab }));
  expect(got(first)).toEqual(expected);
  expect(first.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  expect(readBack.records.map((r) => r.item)).toEqual(ps.map((p) => p.item));
  expect(got(again)).toEqual(expected);
  expect(sameFile).toBe(true);
}

describe.each(NAMES.map((n, k) => [n.join(", "), n, k] as const))(
  "items named %s",
  (_title, names, k) => {
    const ps = plans(names, 11 + k);

    test("stacked grid blocks, each under Item | name", () => {
      const rows: TestCell[][] = ps.flatMap((p) => [
        ["Item", p.item],
        ["On hand", p.onHand],
        [null, ...WEEKS],
        ["Customer orders", ...p.orders],
        ["MPS", ...p.mps],
        [],
      ]);
      expectRead(rows, ps, "grid");
    });

    test("a pivot: Item | Measure | W1 …", () => {
      const rows: TestCell[][] = [
        ["Item", "Measure", ...WEEKS],
        ...ps.flatMap((p): TestCell[][] => [
          [p.item, "On hand", p.onHand],
          [null, "Customer orders", ...p.orders],
          [null, "MPS", ...p.mps],
        ]),
      ];
      expectRead(rows, ps, "pivot");
    });

    test("a long table: one row per item and week, in mixed order", () => {
      const lines: TestCell[][] = ps.flatMap((p) =>
        WEEKS.map((w, t): TestCell[] => [
          p.item,
          w,
          p.orders[t],
          p.mps[t],
          t === 0 ? p.onHand : null,
        ])
      );
      // Rows of the two items interleaved: the table is read by item, not by row order.
      const mixed = lines.map((_l, i) => lines[(i * 3) % lines.length]);
      expectRead([["Item", "Week", "Customer orders", "MPS", "On hand"], ...mixed], ps, "long");
    });

    test("periods down the rows, under Item | name", () => {
      const p = ps[0];
      const rows: TestCell[][] = [
        ["Item", p.item],
        ["On hand", p.onHand],
        ["Week", "Customer orders", "MPS"],
        ...WEEKS.map((w, t): TestCell[] => [w, p.orders[t], p.mps[t]]),
      ];
      expectRead(rows, [p], "periods-down");
    });
  }
);

describe("one row per part, parts named like periods or balances", () => {
  const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"];
  const words = {
    sheet: "Plan",
    part: "Part",
    description: "Description",
    stock: "Stock",
    safety: "Safety stock",
    receipts: "Receipts",
    demand: "Demand",
  };
  test.each([...NAMES.filter(([a]) => a !== "Total"), ["W2", "第1周"]])(
    "parts %s and %s beside P-numbers: each read as a part, none as a periods-down table",
    (a, b) => {
      const parts = makeParts(4, 6, 5).map((p, i) => ({ ...p, part: [a, b][i] ?? p.part }));
      const sheet = materialBalanceSheet(parts, monthNames, words);
      const { first, readBack, again, sameFile } = scanTwice(sheet.rows);
      const expected = parts.map((p) => ({
        item: p.part,
        arrangement: "row-per-part",
        pab: handPab(p.stock, p.demand, p.receipts),
      }));
      const got = (r: typeof first) =>
        r.items.map((i) => ({ item: i.item, arrangement: i.arrangement, pab: i.pab }));
      expect(got(first)).toEqual(expected);
      expect(readBack.records.map((r) => r.item)).toEqual(parts.map((p) => p.part));
      expect(got(again)).toEqual(expected);
      expect(sameFile).toBe(true);
    }
  );

  test("a row named Total or 合计 under the parts is their totals row: said, not read as a part", () => {
    const parts = makeParts(3, 6, 9);
    const sheet = materialBalanceSheet(parts, monthNames, words);
    const sum = (f: (p: (typeof parts)[number]) => number[]) =>
      monthNames.map((_m, t) => parts.reduce((s, p) => s + f(p)[t], 0));
    const stock = parts.reduce((s, p) => s + p.stock, 0);
    sheet.rows.push([
      "Total",
      null,
      stock,
      null,
      ...sum((p) => p.receipts),
      ...sum((p) => p.demand),
    ]);
    sheet.rows.push([
      "合计",
      null,
      stock,
      null,
      ...sum((p) => p.receipts),
      ...sum((p) => p.demand),
    ]);
    const { first, again, sameFile } = scanTwice(sheet.rows);
    expect(first.items.map((i) => [i.item, i.pab])).toEqual(
      parts.map((p) => [p.part, handPab(p.stock, p.demand, p.receipts)])
    );
    expect(first.diagnostics.filter((d) => d.code === "derived-row")).toEqual([
      expect.objectContaining({
        severity: "info",
        cell: "Plan!A6",
        message: expect.stringContaining('"Total" adds up the parts'),
      }),
      expect.objectContaining({
        severity: "info",
        cell: "Plan!A7",
        message: expect.stringContaining('"合计" adds up the parts'),
      }),
    ]);
    expect(again.items.map((i) => i.item)).toEqual(parts.map((p) => p.part));
    expect(sameFile).toBe(true);
  });
});
