import { readPlans } from "../../src/layout";
import { scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";
import { handPab } from "../support/layouts";
import { schemaErrors } from "../support/schema";
import { TestCell, TestSheet, buildXlsx } from "../support/xlsxBuilder";

function scan(sheets: TestSheet[], date1904 = false) {
  const snapshot = readXlsxSnapshot(buildXlsx(sheets, { date1904 }), "down.xlsx");
  const { report } = scanSnapshot(snapshot, { startDate: "2026-11-30" });
  expect(schemaErrors(report)).toEqual([]);
  return { report, records: readPlans(snapshot, { startDate: "2026-11-30" }).records };
}

const demand = [30, 45, 50, 20, 60, 35, 40, 55];
const production = [0, 0, 80, 0, 0, 80, 0, 0];

describe("periods down the rows", () => {
  test("English: a title names the item, plain week numbers, an Opening row, the planner's inventory column audited", () => {
    const opening = 100;
    const pab = handPab(opening, demand, production);
    const planner = pab.map((v, t) => (t === 5 ? v + 3 : v)); // one figure off
    const rows: TestCell[][] = [
      ["Widget W-9 weekly plan"],
      [],
      ["Week", "Demand", "Production", "Inventory"],
      ["Opening", null, null, opening],
      ...demand.map((d, t): TestCell[] => [t + 1, d, production[t] || null, planner[t]]),
    ];
    const { report } = scan([{ name: "Plan", rows }]);
    expect(report.items).toHaveLength(1);
    expect(report.items[0]).toMatchObject({
      item: "Widget W-9 weekly plan",
      arrangement: "periods-down",
      layout: "long",
      periods: ["1", "2", "3", "4", "5", "6", "7", "8"],
      periodStarts: [
        "2026-11-30",
        "2026-12-07",
        "2026-12-14",
        "2026-12-21",
        "2026-12-28",
        "2027-01-04",
        "2027-01-11",
        "2027-01-18",
      ],
      opening,
      orders: demand,
      mps: production,
      pab,
      plannerPab: planner,
      flagged: false,
    });
    expect(report.diagnostics.map((d) => [d.code, d.cell])).toEqual([["pab-differs", "Plan!D10"]]);
  });

  test("a mapping gives a column the reader does not know its role", () => {
    const opening = 100;
    const rows: TestCell[][] = [
      ["Widget W-9"],
      [],
      ["Week", "Kundenbedarf", "Production"],
      ["Opening", null, opening],
      ...demand.map((d, t): TestCell[] => [t + 1, d, production[t] || null]),
    ];
    const without = scan([{ name: "Plan", rows }]).report;
    expect(without.diagnostics.find((d) => d.code === "row-not-understood")?.cell).toBe("Plan!B5");
    const snapshot = readXlsxSnapshot(buildXlsx([{ name: "Plan", rows }]), "down.xlsx");
    const mapping = { sheets: { Plan: { columns: { B: "orders" as const } } } };
    const { report } = scanSnapshot(snapshot, { startDate: "2026-11-30", mapping });
    expect(report.diagnostics.filter((d) => d.code === "row-not-understood")).toEqual([]);
    expect(report.items[0]).toMatchObject({
      orders: demand,
      mps: production,
      pab: handPab(opening, demand, production),
    });
  });

  test("Chinese: item and opening as label/value pairs, dates in the 1904 system, two supply columns", () => {
    const transit = [20, 0, 0, 0, 0, 0, 0, 0];
    const dates = [
      "2027-01-04",
      "2027-01-11",
      "2027-01-18",
      "2027-01-25",
      "2027-02-01",
      "2027-02-08",
      "2027-02-15",
      "2027-02-22",
    ];
    const rows: TestCell[][] = [
      ["物料编码", "成品-A01"],
      ["期初库存", 35],
      ["安全库存", 10],
      ["日期", "客户订单", "计划产量", "在途", "预计库存"],
      ...dates.map((d, t): TestCell[] => [
        { date: d, format: "yyyy/m/d" },
        demand[t],
        production[t],
        transit[t],
        null,
      ]),
    ];
    const { report } = scan([{ name: "周计划", rows }], true);
    expect(report.diagnostics).toEqual([]);
    expect(report.items[0]).toMatchObject({
      item: "成品-A01",
      opening: 35,
      safetyStock: 10,
      periodStarts: dates,
      orders: demand,
      mps: production.map((p, t) => p + transit[t]),
      pab: handPab(35, demand, production, transit),
      plannerPab: new Array(8).fill(null),
    });
  });

  test("no item named anywhere: the sheet names it, said as info", () => {
    const rows: TestCell[][] = [
      ["On hand", 50],
      [],
      ["Period", "Customer orders", "MPS"],
      ...["W1", "W2", "W3"].map((w, t): TestCell[] => [w, demand[t], production[t]]),
    ];
    const { report } = scan([{ name: "FG-500", rows }]);
    expect(report.items.map((i) => [i.item, i.opening, i.pab])).toEqual([
      ["FG-500", 50, handPab(50, demand.slice(0, 3), production.slice(0, 3))],
    ]);
    expect(report.diagnostics.map((d) => [d.severity, d.code, d.cell])).toEqual([
      ["info", "item-from-sheet", "'FG-500'!A3"],
    ]);
  });

  test("a row that is not a period and a column without a role, both holding figures: row-not-understood, naming the cell", () => {
    const rows: TestCell[][] = [
      ["Item: FG-7"],
      ["Opening stock", 60],
      ["Week", "Orders", "Receipts", "Scrap"],
      ["W1", 10, 0, null],
      ["Adjustment", 5, null, null],
      ["W2", 10, 30, 2],
      ["W3", 10, 0, null],
      ["Total", 30, 30, 2],
    ];
    const { report } = scan([{ name: "S", rows }]);
    const rnu = report.diagnostics.filter((d) => d.code === "row-not-understood");
    expect(rnu.map((d) => [d.severity, d.cell])).toEqual([
      ["error", "S!A5"],
      ["error", "S!D6"],
    ]);
    expect(rnu[0].message).toContain("Adjustment");
    expect(rnu[1].message).toContain('"Scrap"');
    expect(report.items[0]).toMatchObject({
      item: "FG-7",
      periods: ["W1", "W2", "W3"],
      pab: handPab(60, [10, 10, 10], [0, 30, 0]),
      flagged: true,
    });
  });

  test("a beginning-inventory column: its first cell is the opening, the rest are checked as the PAB before", () => {
    const opening = 80;
    const pab = handPab(opening, demand, production);
    const beginning = [opening, ...pab.slice(0, -1)];
    beginning[4] += 1;
    const rows: TestCell[][] = [
      ["Part", "X-1"],
      ["Week", "Beginning inventory", "Demand", "Production"],
      ...demand.map((d, t): TestCell[] => [`Wk ${t + 1}`, beginning[t], d, production[t]]),
    ];
    const { report } = scan([{ name: "MRP", rows }]);
    expect(report.items[0]).toMatchObject({ item: "X-1", opening, pab });
    expect(report.diagnostics.map((d) => [d.code, d.cell])).toEqual([["pab-differs", "MRP!B7"]]);
  });

  test("months without a year down the rows take theirs from the start date", () => {
    const rows: TestCell[][] = [
      ["Item", "AGG-1"],
      ["Month", "Demand", "Production", "Ending inventory"],
      ["Opening", null, null, 25],
      ...["Nov", "Dec", "Jan"].map((m, t): TestCell[] => [m, demand[t], production[t] + 30, null]),
    ];
    const { report } = scan([{ name: "Agg", rows }]);
    expect(report.items[0]).toMatchObject({
      item: "AGG-1",
      opening: 25,
      periods: ["Nov", "Dec", "Jan"],
      periodStarts: ["2026-11-01", "2026-12-01", "2027-01-01"],
      pab: handPab(25, demand.slice(0, 3), [30, 30, 110]),
    });
    expect(report.diagnostics.map((d) => [d.severity, d.code, d.cell])).toEqual([
      ["info", "month-year", "Agg!A4"],
    ]);
  });

  test("two tables stacked on one sheet: each its own item, opening and periods", () => {
    const rows: TestCell[][] = [
      ["Item: A-1"],
      ["On hand", 10],
      ["Week", "Orders", "MPS"],
      ["W1", 4, 0],
      ["W2", 4, 5],
      [],
      ["Item: B-2"],
      ["On hand", 3],
      ["Week", "Orders", "MPS"],
      ["W1", 1, 0],
      ["W2", 5, 10],
      ["W3", 2, 0],
    ];
    const { report } = scan([{ name: "Two", rows }]);
    expect(report.items.map((i) => [i.item, i.opening, i.periods, i.pab])).toEqual([
      ["A-1", 10, ["W1", "W2"], handPab(10, [4, 4], [0, 5])],
      ["B-2", 3, ["W1", "W2", "W3"], handPab(3, [1, 5, 2], [0, 10, 0])],
    ]);
    expect(report.diagnostics).toEqual([]);
  });
});
