import { LayoutMapping } from "../../src/layout";
import { columnName } from "../../src/layout/address";
import { addDays } from "../../src/layout/dates";
import { parseLayoutMapping } from "../../src/layout/mappingInput";
import { scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";
import { handPab, seeded } from "../support/layouts";
import { schemaErrors } from "../support/schema";
import { TestCell, TestSheet, buildXlsx } from "../support/xlsxBuilder";

const START = "2026-11-30";

function scan(sheets: TestSheet[], mapping?: LayoutMapping) {
  const snapshot = readXlsxSnapshot(buildXlsx(sheets), "mapped.xlsx");
  const { report } = scanSnapshot(snapshot, { startDate: START, mapping });
  expect(schemaErrors(report)).toEqual([]);
  return report;
}

/** Period names a planner's own sheet uses that the reader cannot know to be periods. */
const NAMES = [
  (t: number) => `KW${49 + t}`,
  (t: number) => `Sprint ${String.fromCharCode(65 + t)}`,
  (t: number) => `Lot ${t + 1}/26`,
  (t: number) => `Zeitraum ${t + 1}`,
];

describe("a mapped period header (periods across)", () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8])(
    "generated plan %i: not read without the mapping; with it, its periods in order and the PAB from the cells",
    (seed) => {
      const rnd = seeded(seed);
      const int = (n: number) => Math.floor(rnd() * n);
      const n = 3 + int(10);
      const name = NAMES[seed % NAMES.length];
      const labels = Array.from({ length: n }, (_, t) => name(t));
      const orders = labels.map(() => int(40));
      const mps = labels.map(() => (rnd() < 0.3 ? 10 + int(60) : 0));
      const opening = int(80);
      const offset = int(3); // the header need not start in column B
      const pad = Array.from({ length: offset }, () => null);
      const rows: TestCell[][] = [
        ["Item", `FG-${seed}`],
        ["On hand", opening],
        [null, ...pad, ...labels],
        ["Customer orders", ...pad, ...orders],
        ["MPS", ...pad, ...mps],
      ];
      const sheets = [{ name: "Plan", rows }];
      const without = scan(sheets);
      expect(without.items).toEqual([]);
      expect(without.diagnostics.map((d) => d.code)).toContain("no-plan-found");

      const from = `${columnName(1 + offset)}3`;
      const to = `${columnName(offset + n)}3`;
      const mapping = parseLayoutMapping({ sheets: { Plan: { periods: `${from}:${to}` } } });
      const report = scan(sheets, mapping);
      expect(report.items).toHaveLength(1);
      const item = report.items[0];
      expect(item.item).toBe(`FG-${seed}`);
      expect(item.periods).toEqual(labels);
      expect(item.periodStarts).toEqual(labels.map((_, t) => addDays(START, 7 * t)));
      expect(item.opening).toBe(opening);
      expect(item.orders).toEqual(orders);
      expect(item.mps).toEqual(mps);
      expect(item.pab).toEqual(handPab(opening, orders, mps));
      expect(report.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    }
  );

  test("bad header cells are reported naming the cell, the item flagged; the good periods are read", () => {
    const rows: TestCell[][] = [
      ["Item", "FG-9"],
      ["On hand", 20],
      [null, "KW49", null, { error: "#REF!" }, "KW52"],
      ["Customer orders", 5, 6, 7, 8],
      ["MPS", 0, 10, 0, 0],
    ];
    const report = scan([{ name: "Plan", rows }], { sheets: { Plan: { periods: "B3:E3" } } });
    const bad = report.diagnostics.filter((d) => d.code === "bad-period");
    expect(bad.map((d) => [d.cell, d.message])).toEqual([
      ["Plan!C3", "Plan!C3: the cell is empty; every period of the mapped header needs a name"],
      ["Plan!D3", "Plan!D3: #REF! is an error value, not a period header"],
    ]);
    expect(bad.every((d) => d.severity === "error" && d.item === "FG-9")).toBe(true);
    expect(report.items[0].flagged).toBe(true);
    expect(report.items[0].periods).toEqual(["KW49", "", "#REF!", "KW52"]);
    expect(report.items[0].pab).toEqual(handPab(20, [5, 6, 7, 8], [0, 10, 0, 0]));
  });

  test("dates in a mapped header stay dates (the start date does not re-date them)", () => {
    const dates = ["2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28"];
    const orders = [10, 20, 30, 5];
    const mps = [0, 40, 0, 0];
    const rows: TestCell[][] = [
      ["Item", "FG-10"],
      ["On hand", 15],
      [null, ...dates.map((d) => ({ date: d, format: "d mmm" }))],
      ["Bedarf", ...orders],
      ["Zugang", ...mps],
    ];
    const mapping = parseLayoutMapping({
      sheets: { Plan: { periods: "B3:E3", rows: { "4": "orders", "5": "mps" } } },
    });
    const report = scan([{ name: "Plan", rows }], mapping);
    expect(report.items[0]).toMatchObject({
      periods: dates,
      periodStarts: dates,
      pab: handPab(15, orders, mps),
    });
  });

  test("control and bidi characters in a mapped header never reach the period names", () => {
    const rows: TestCell[][] = [
      ["Item", "FG-11"],
      ["On hand", 5],
      [null, "Lot\u202e A", "Lot\r\nB"],
      ["Customer orders", 1, 2],
      ["MPS", 0, 0],
    ];
    const report = scan([{ name: "Plan", rows }], { sheets: { Plan: { periods: "B3:C3" } } });
    expect(report.items[0].periods).toEqual(["Lot A", "Lot B"]);
  });
});

describe("a mapped period header (periods down the rows)", () => {
  test.each([11, 12, 13])(
    "generated plan %i: a period column the reader cannot recognise, read with the mapping",
    (seed) => {
      const rnd = seeded(seed);
      const int = (n: number) => Math.floor(rnd() * n);
      const n = 3 + int(9);
      const labels = Array.from({ length: n }, (_, t) => `KW${49 + t}`);
      const demand = labels.map(() => int(50));
      const production = labels.map(() => (rnd() < 0.35 ? 20 + int(60) : 0));
      const opening = int(90);
      const rows: TestCell[][] = [
        ["Item", `W-${seed}`],
        ["On hand", opening],
        [],
        ["Week", "Demand", "Production"],
        ...labels.map((l, t): TestCell[] => [l, demand[t], production[t]]),
      ];
      const sheets = [{ name: "Plan", rows }];
      expect(scan(sheets).items).toEqual([]);
      const report = scan(
        sheets,
        parseLayoutMapping({ sheets: { Plan: { periods: `A5:A${4 + n}` } } })
      );
      expect(report.items).toHaveLength(1);
      expect(report.items[0]).toMatchObject({
        item: `W-${seed}`,
        arrangement: "periods-down",
        periods: labels,
        periodStarts: labels.map((_, t) => addDays(START, 7 * t)),
        opening,
        orders: demand,
        mps: production,
        pab: handPab(opening, demand, production),
      });
      expect(report.items[0].pabCells).toBeDefined();
    }
  );

  test("a bad cell in a mapped period column is reported naming it", () => {
    const rows: TestCell[][] = [
      ["Item", "W-20"],
      ["On hand", 10],
      ["Week", "Demand", "Production"],
      ["KW49", 1, 0],
      [true, 2, 0],
      ["KW51", 3, 5],
    ];
    const report = scan([{ name: "Plan", rows }], { sheets: { Plan: { periods: "A4:A6" } } });
    const bad = report.diagnostics.find((d) => d.code === "bad-period");
    expect(bad).toMatchObject({ cell: "Plan!A5", severity: "error", item: "W-20" });
    expect(bad?.message).toMatch(/^Plan!A5: TRUE is not a period header/);
    expect(report.items[0].periods).toEqual(["KW49", "KW51"]);
  });
});
