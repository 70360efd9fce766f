/**
 * The sheets planners really keep (issue #10): numbered periods, months without a year, MRP
 * vocabulary, openings where planners put them, titles as item names, blocks side by side, and
 * rows the reader does not understand. Every workbook is generated here and every answer is
 * computed here from the cells written, never taken from the reader.
 */
import { Diagnostic, PlanRecord, mpsOf, readPlans, roleOf } from "../../src/layout";
import { SheetContext } from "../../src/layout/context";
import { findHeaderRuns } from "../../src/layout/headerRuns";
import { scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";
import { schemaErrors } from "../support/schema";
import { TestCell, TestSheet, buildXlsx } from "../support/xlsxBuilder";

function snapshot(sheets: TestSheet[], date1904 = false) {
  return readXlsxSnapshot(buildXlsx(sheets, { date1904 }), "test.xlsx");
}
function read(
  sheets: TestSheet[],
  options: Parameters<typeof readPlans>[1] = {},
  date1904 = false
) {
  return readPlans(snapshot(sheets, date1904), options);
}
function scan(sheets: TestSheet[], options: Parameters<typeof scanSnapshot>[1] = {}) {
  const { report } = scanSnapshot(snapshot(sheets), options);
  expect(schemaErrors(report)).toEqual([]);
  return report;
}

/** PAB by its definition, from the figures the test wrote. */
function pabOf(opening: number, demand: number[], ...supply: number[][]): number[] {
  let p = opening;
  return demand.map((d, t) => (p = p - d + supply.reduce((s, row) => s + (row[t] ?? 0), 0)));
}
const sum = (...rows: number[][]) => rows[0].map((_v, t) => rows.reduce((s, r) => s + r[t], 0));
const codes = (d: Diagnostic[]) => d.map((x) => x.code);
const errors = (d: Diagnostic[]) => d.filter((x) => x.severity === "error");
const range = (a: number, n: number) => Array.from({ length: n }, (_v, i) => a + i);

const GROSS = [40, 36, 28, 22, 14, 18, 17, 38];
const SCHED = [0, 30, 0, 0, 0, 0, 0, 0];
const PORC = [60, 0, 0, 60, 0, 0, 60, 0];

/** A textbook MRP record: title beside 1…8, on hand in the column before period 1 of the PAB row. */
function mrpRecord(
  title: string,
  opening: number,
  labels = {
    gross: "Gross requirements",
    sched: "Scheduled receipts",
    poh: "Projected on hand",
    net: "Net requirements",
    porc: "Planned order receipts",
    porel: "Planned order releases",
  },
  periods: TestCell[] = range(1, 8)
): TestCell[][] {
  return [
    [title, null, ...periods],
    [labels.gross, null, ...GROSS],
    [labels.sched, null, ...SCHED],
    [labels.poh, opening],
    [labels.net, null, 20, 16, 8, 2, 0, 0, 0, 18],
    [labels.porc, null, ...PORC],
    [labels.porel, null, 0, 60, 0, 0, 60, 0, 0, 0],
  ];
}

describe("periods as plain numbers", () => {
  test("MRP records: 1 … 8 under a title, derived rows read and said as info, the PAB row checked", () => {
    const rows = [
      ["Material requirements plan"],
      [],
      ...mrpRecord("Part 100-A", 23),
      [],
      [],
      ...mrpRecord("Part 200-B", 38),
    ];
    const res = read([{ name: "MRP", rows }]);
    expect(res.records.map((r) => r.item)).toEqual(["Part 100-A", "Part 200-B"]);
    const a = res.records[0];
    expect(a).toMatchObject({
      itemCell: "MRP!A3",
      periods: ["1", "2", "3", "4", "5", "6", "7", "8"],
      periodKind: "number",
      periodStarts: new Array(8).fill(null),
      opening: { value: 23, cell: "MRP!B6" },
    });
    expect(a.orders?.values).toEqual(GROSS);
    expect(a.supply.map((s) => [s.role, s.labelCell])).toEqual([
      ["receipts", "MRP!A5"],
      ["planned", "MRP!A8"],
    ]);
    expect(mpsOf(a)).toEqual(sum(SCHED, PORC));
    expect(a.plannerPab?.row.cells[0]).toBe("MRP!C6");
    expect(errors(res.diagnostics)).toEqual([]);
    expect(res.diagnostics.filter((d) => d.code === "derived-row").map((d) => d.cell)).toEqual([
      "MRP!A7",
      "MRP!A9",
      "MRP!A16",
      "MRP!A18",
    ]);
    const report = scan([{ name: "MRP", rows }]);
    expect(report.items[1].pab).toEqual(pabOf(38, GROSS, SCHED, PORC));
  });

  test("Chinese MRP labels: 毛需求, 计划接收, 预计库存, 净需求, 计划订单接收, 计划订单下达", () => {
    const rows = mrpRecord("成品 A01", 23, {
      gross: "毛需求",
      sched: "计划接收量",
      poh: "预计库存",
      net: "净需求",
      porc: "计划订单接收",
      porel: "计划订单下达",
    });
    const report = scan([{ name: "物料需求计划", rows }]);
    expect(report.items).toHaveLength(1);
    expect(report.items[0]).toMatchObject({
      item: "成品 A01",
      opening: 23,
      orders: GROSS,
      mps: sum(SCHED, PORC),
      pab: pabOf(23, GROSS, SCHED, PORC),
    });
    expect(codes(report.diagnostics)).toEqual(["derived-row", "derived-row"]);
  });

  test("week numbers 21 22 24 …: read in sheet order with a warning; dated weekly from the start date by position", () => {
    const rows = mrpRecord("Part 7", 10, undefined, [21, 22, 24, 25, 26, 27, 28, 29]);
    const res = read([{ name: "MRP", rows }], { startDate: "2026-05-18" });
    const r = res.records[0];
    expect(r.periods.slice(0, 3)).toEqual(["21", "22", "24"]);
    expect(r.periodStarts.slice(0, 4)).toEqual([
      "2026-05-18",
      "2026-05-25",
      "2026-06-01",
      "2026-06-08",
    ]);
    expect(res.diagnostics).toContainEqual(
      expect.objectContaining({ severity: "warning", code: "period-gap", cell: "MRP!E1" })
    );
  });

  test("a repeated week number is read in sheet order, with a warning", () => {
    const rows = mrpRecord("Part 8", 10, undefined, [21, 22, 22, 23, 24, 25, 26, 27]);
    const res = read([{ name: "MRP", rows }]);
    expect(res.records[0].periods).toHaveLength(8);
    expect(res.diagnostics).toContainEqual(
      expect.objectContaining({ code: "period-gap", cell: "MRP!E1" })
    );
  });

  test("numbers in a row of figures are not periods: an orders row counting up stays an orders row", () => {
    const rows: TestCell[][] = [
      ["Item", "FG-1"],
      ["On hand", 5],
      [null, "W1", "W2", "W3", "W4"],
      ["Customer orders", 1, 2, 3, 4],
      ["MPS", 1, 2, 3, 4],
    ];
    const res = read([{ name: "S", rows }]);
    expect(res.records).toHaveLength(1);
    expect(res.records[0].orders?.values).toEqual([1, 2, 3, 4]);
    expect(errors(res.diagnostics)).toEqual([]);
  });

  test("no plan found says what it saw: bare numbers with no plan label below, the labels it met", () => {
    const rows: TestCell[][] = [
      ["Weekly review"],
      [],
      [],
      ["Wk", 21, 22, 23, 24, 25],
      ["Gross Requirement X", 5, 5, 5, 5, 5],
      ["Scrap", 1, 1, 1, 1, 1],
    ];
    const res = read([{ name: "Sheet1", rows }]);
    expect(res.records).toEqual([]);
    const d = res.diagnostics.find((x) => x.code === "no-plan-found");
    expect(d?.message).toContain("Sheet1 row 4 holds 21, 22, 23, 24, 25");
    expect(d?.message).toContain(
      "plain numbers are read as periods when rows below carry plan labels"
    );
    expect(d?.message).toContain("no on-hand found");
  });
});

describe("months without a year", () => {
  const MONTHS = [
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
  ];
  const DEMAND = [12, 15, 30, 22, 18, 9, 14, 20, 26, 31, 12, 8];
  const PROD = [20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20];
  const plan = (headers: TestCell[], extra: TestCell[][] = []): TestCell[][] => [
    ...extra,
    ["Item", "AGG-1"],
    ["Opening inventory", 40],
    [null, ...headers, "Total"],
    ["Demand", ...DEMAND, DEMAND.reduce((a, b) => a + b)],
    ["Production", ...PROD, PROD.reduce((a, b) => a + b)],
  ];

  test.each([
    ["Jan … Dec", MONTHS],
    [
      "January … December",
      [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
      ],
    ],
    ["1月 … 12月", range(1, 12).map((m) => `${m}月`)],
  ])("%s with a start date: dated from it; Total is not a period", (_n, headers) => {
    const res = read([{ name: "Plan", rows: plan(headers) }], { startDate: "2027-01-01" });
    const r = res.records[0];
    expect(r.periods).toHaveLength(12);
    expect(r.periodKind).toBe("month");
    expect(r.periodStarts[0]).toBe("2027-01-01");
    expect(r.periodStarts[11]).toBe("2027-12-01");
    expect(r.orders?.values).toEqual(DEMAND);
    expect(errors(res.diagnostics)).toEqual([]);
    expect(scan([{ name: "Plan", rows: plan(headers) }]).items[0].pab).toEqual(
      pabOf(40, DEMAND, PROD)
    );
  });

  test("the year from a date cell in the sheet (1904 date system), months turning over the year end", () => {
    const headers = [...MONTHS.slice(9), ...MONTHS.slice(0, 9)]; // Oct … Sep
    const rows = plan(headers, [["Prepared", { date: "2026-09-28" }], []]);
    const res = read([{ name: "Plan", rows }], {}, true);
    const r = res.records[0];
    expect(r.periodStarts[0]).toBe("2026-10-01");
    expect(r.periodStarts[3]).toBe("2027-01-01");
    expect(res.diagnostics).toContainEqual(
      expect.objectContaining({ severity: "info", code: "month-year", cell: "Plan!B5" })
    );
  });

  test("numbers 1 … 12 beside a Month label are months", () => {
    const rows = plan(range(1, 12));
    rows[2][0] = "Month";
    const res = read([{ name: "Plan", rows }], { startDate: "2027-01-01" });
    expect(res.records[0].periodKind).toBe("month");
    expect(res.records[0].periodStarts[11]).toBe("2027-12-01");
  });

  test("with neither: undated, never guessed from today", () => {
    const res = read([{ name: "Plan", rows: plan(MONTHS) }]);
    expect(res.records[0].periodStarts).toEqual(new Array(12).fill(null));
    expect(res.diagnostics).toContainEqual(expect.objectContaining({ code: "month-year" }));
  });
});

describe("the MRP and ERP vocabulary", () => {
  test.each([
    ["Gross requirements", "orders"],
    ["Gross Requirement", "orders"],
    ["Requirements", "orders"],
    ["Dependent demand", "orders"],
    ["Allocated", "orders"],
    ["customer order demand", "orders"],
    ["毛需求", "orders"],
    ["需求量", "orders"],
    ["已分配量", "orders"],
    ["Scheduled receipt", "receipts"],
    ["Planned order receipts", "planned"],
    ["Planned receipts", "planned"],
    ["Production", "mps"],
    ["MPS plan", "mps"],
    ["planned production qty", "mps"],
    ["计划产量", "mps"],
    ["计划订单收货", "planned"],
    ["预计入库", "receipts"],
    ["On-hand inventory", "onHand"],
    ["Stock on hand", "onHand"],
    ["在手库存", "onHand"],
    ["库存数量", "onHand"],
    ["Projected on hand", "pab"],
    ["Closing stock", "pab"],
    ["Ending inventory", "pab"],
    ["预计可用库存含在途", "pab"],
    ["期末库存", "pab"],
    ["Net requirements", "derived"],
    ["Planned order release", "derived"],
    ["净需求", "derived"],
    ["计划订单下达", "derived"],
    ["Total", "derived"],
    ["Holding costs", "derived"],
    ["库存成本", "derived"],
    ["合计", "derived"],
  ])("%s → %s", (label, role) => {
    expect(roleOf(label)).toBe(role);
  });

  test.each([["Orders forecast"], ["Part 100-A"], ["Sub-Product 3"], ["Scrap"], ["pcs"]])(
    "%s names no role (its words point nowhere or two ways)",
    (label) => expect(roleOf(label)).toBeNull()
  );
});

describe("the opening where planners put it", () => {
  const ORDERS = [16, 15, 15, 20, 18, 22, 20, 25];
  const MPS = [0, 0, 50, 0, 0, 50, 0, 0];

  test("a Before column before period 1", () => {
    const rows: TestCell[][] = [
      ["Item", "FG-1"],
      [null, "Before", ...range(1, 8)],
      ["Customer orders", null, ...ORDERS],
      ["MPS", null, ...MPS],
      ["Projected on hand", 45],
    ];
    const r = read([{ name: "S", rows }]).records[0];
    expect(r.opening).toEqual({ value: 45, cell: "S!B5" });
    expect(scan([{ name: "S", rows }]).items[0].pab).toEqual(pabOf(45, ORDERS, MPS));
  });

  test("the first cell of a beginning-inventory row; the rest checked against the previous PAB", () => {
    const pab = pabOf(45, ORDERS, MPS);
    const beginning = [45, ...pab.slice(0, 7)];
    beginning[4] += 3; // the planner's sheet is off by 3 in period 5
    const rows: TestCell[][] = [
      ["Item", "FG-1"],
      [null, ...range(1, 8).map((n) => `W${n}`)],
      ["Beginning inventory", ...beginning],
      ["Customer orders", ...ORDERS],
      ["MPS", ...MPS],
    ];
    const r = read([{ name: "S", rows }]).records[0];
    expect(r.opening).toEqual({ value: 45, cell: "S!B3" });
    const report = scan([{ name: "S", rows }]);
    expect(report.items[0].pab).toEqual(pab);
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ severity: "warning", code: "pab-differs", cell: "S!F3" }),
    ]);
  });

  test("期初 column in Chinese, item from a merged title above the periods", () => {
    const rows: TestCell[][] = [
      [null, "成品-Z9"],
      ["项目", "期初", ...range(1, 8).map((n) => `第${n}周`)],
      ["客户订单", null, ...ORDERS],
      ["计划产量", null, ...MPS],
      ["预计库存", 45],
    ];
    const res = read([{ name: "计划", rows, merged: ["B1:J1"] }]);
    expect(res.records[0]).toMatchObject({
      item: "成品-Z9",
      opening: { value: 45, cell: "计划!B5" },
    });
    expect(errors(res.diagnostics)).toEqual([]);
  });
});

test("the README's picture: Before column on the balance row, beginning-inventory row checked, months, Total", () => {
  const demand = [12, 15, 30];
  const production = [20, 20, 20];
  const pab = pabOf(40, demand, production);
  const rows: TestCell[][] = [
    ["Product 1"],
    [null, "Before", "Jan", "Feb", "Mar", "Total"],
    ["Beginning inventory", null, 40, ...pab.slice(0, 2)],
    ["Demand", null, ...demand, 57],
    ["Production", null, ...production, 60],
    ["Ending inventory", 40],
  ];
  const report = scan([{ name: "P", rows }], { startDate: "2027-01-04" });
  expect(report.items[0]).toMatchObject({
    item: "Product 1",
    opening: 40,
    pab,
    periods: ["Jan", "Feb", "Mar"],
  });
  expect(report.items[0].periodStarts).toEqual(["2027-01-01", "2027-02-01", "2027-03-01"]);
  expect(report.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
});

test("a unit column between label and figures is no label: Customer orders | pcs | 16 …", () => {
  const rows: TestCell[][] = [
    ["Item", "FG-1"],
    ["On hand", null, 10],
    [null, null, "W1", "W2"],
    ["Customer orders", "pcs", 3, 4],
    ["MPS", "pcs", 0, 5],
  ];
  const r = read([{ name: "S", rows }]).records[0];
  expect(r.orders?.values).toEqual([3, 4]);
  expect(mpsOf(r)).toEqual([0, 5]);
});

describe("item from a title", () => {
  const body: TestCell[][] = [
    ["Demand", 10, 10, 10],
    ["Production", 0, 20, 0],
    ["Ending inventory", null, null, null],
    ["Beginning inventory", 15, null, null],
  ];
  test.each([["Product 1"], ["Sub-Product 3"]])("a lone cell above the periods: %s", (title) => {
    const rows: TestCell[][] = [[title], [null, 1, 2, 3], ...body];
    const r = read([
      { name: "S", rows },
      { name: "T", rows },
    ]).records;
    expect(r.map((x) => x.item)).toEqual([title, title]);
    expect(r[0].opening?.value).toBe(15);
  });

  test('"Item : X" with a space before the colon', () => {
    const rows: TestCell[][] = [["Item : X-7"], [null, 1, 2, 3], ...body];
    expect(read([{ name: "S", rows }]).records[0].item).toBe("X-7");
  });
});

describe("blocks side by side", () => {
  test("two items on the same rows, each bounded by its own header run, Total columns between", () => {
    const a = { d: [10, 12, 9, 14], p: [0, 30, 0, 0] };
    const b = { d: [5, 5, 6, 7], p: [20, 0, 0, 0] };
    const rows: TestCell[][] = [
      ["Product 1", null, null, null, null, "Total", null, "Product 2"],
      [null, 1, 2, 3, 4, null, null, null, 1, 2, 3, 4, "Total"],
      ["Demand", ...a.d, 45, null, "Demand", ...b.d, 23],
      ["Production", ...a.p, 30, null, "Production", ...b.p, 20],
      ["On hand", 20, null, null, null, null, null, "On hand", 3],
    ];
    // Header rows hold the period numbers; titles sit directly above each block.
    rows[0] = ["Product 1", null, null, null, null, null, null, "Product 2"];
    rows[1] = [null, 1, 2, 3, 4, "Total", null, null, 1, 2, 3, 4, "Total"];
    const report = scan([{ name: "Plan", rows }]);
    expect(report.items.map((i) => i.item)).toEqual(["Product 1", "Product 2"]);
    expect(report.items[0]).toMatchObject({ opening: 20, orders: a.d, pab: pabOf(20, a.d, a.p) });
    expect(report.items[1]).toMatchObject({ opening: 3, orders: b.d, pab: pabOf(3, b.d, b.p) });
    expect(errors(report.diagnostics)).toEqual([]);
  });
});

test("two scenarios of one item side by side: the shared item and opening above, each block named by its title", () => {
  const chase = { d: [10, 12, 9], p: [10, 12, 9] };
  const level = { d: [10, 12, 9], p: [11, 11, 11] };
  const rows: TestCell[][] = [
    ["Item", "PUMP-7"],
    ["On hand", 5],
    ["Chase", null, null, null, null, null, "Level"],
    [null, 1, 2, 3, "Total", null, null, 1, 2, 3],
    ["Demand", ...chase.d, 31, null, "Demand", ...level.d],
    ["Production", ...chase.p, 31, null, "Production", ...level.p],
  ];
  const report = scan([{ name: "Scenarios", rows }]);
  expect(report.items.map((i) => i.item)).toEqual(["PUMP-7 (Chase)", "PUMP-7 (Level)"]);
  expect(report.items[0]).toMatchObject({ opening: 5, pab: pabOf(5, chase.d, chase.p) });
  expect(report.items[1]).toMatchObject({ opening: 5, pab: pabOf(5, level.d, level.p) });
  expect(errors(report.diagnostics)).toEqual([]);
});

describe("nothing dropped in silence", () => {
  test("a row of figures whose label is unknown: row-not-understood names label and cell, item flagged", () => {
    const rows: TestCell[][] = [
      ["Item", "FG-1"],
      ["On hand", 45],
      [null, "W1", "W2", "W3"],
      ["Customer orders", 16, 15, 15],
      ["Scrap allowance", 2, 2, 2],
      ["MPS", 0, 0, 50],
      [null, 1, 1, 1],
    ];
    const res = read([{ name: "S", rows }]);
    const r = res.records[0] as PlanRecord;
    expect(r.flagged).toBe(true);
    const found = res.diagnostics.filter((d) => d.code === "row-not-understood");
    expect(found.map((d) => [d.cell, d.item, d.severity])).toEqual([
      ["S!A5", "FG-1", "error"],
      ["S!B7", "FG-1", "error"],
    ]);
    expect(found[0].message).toContain('"Scrap allowance"');
  });

  test("a column of a long table not understood: named by its header cell, its items flagged", () => {
    const rows: TestCell[][] = [
      ["Item", "Week", "Customer orders", "MPS", "On hand", "Scrap"],
      ["A", "W1", 5, 0, 9, 1],
      ["A", "W2", 5, 10, null, null],
      ["B", "W1", 2, 0, 9, null],
      ["B", "W2", 2, 0, null, null],
    ];
    const res = read([{ name: "Long", rows }]);
    expect(res.diagnostics.filter((d) => d.code === "row-not-understood")).toEqual([
      expect.objectContaining({ severity: "error", cell: "Long!F1" }),
    ]);
    expect(res.records.map((r) => [r.item, r.flagged])).toEqual([
      ["A", true],
      ["B", false],
    ]);
  });

  test("a date under the block is no figure: no row-not-understood for a Last update row", () => {
    const rows: TestCell[][] = [
      ["Item", "FG-1"],
      ["On hand", 45],
      [null, "W1", "W2", "W3"],
      ["Customer orders", 16, 15, 15],
      ["MPS", 0, 0, 50],
      ["Last update", { date: "2026-11-30" }],
    ];
    const res = read([{ name: "S", rows }]);
    expect(res.records[0].flagged).toBe(false);
    expect(res.diagnostics).toEqual([]);
  });

  test("a pivot measure not understood is reported too", () => {
    const rows: TestCell[][] = [
      ["Item", "Measure", "W1", "W2"],
      ["FG-1", "Customer orders", 5, 5],
      [null, "MPS", 0, 10],
      [null, "Scrap", 1, 1],
      [null, "On hand", 20],
    ];
    const res = read([{ name: "Export", rows }]);
    expect(res.diagnostics).toContainEqual(
      expect.objectContaining({ code: "row-not-understood", cell: "Export!B4", item: "FG-1" })
    );
  });
});

describe("period axes down a column (for the periods-down reader)", () => {
  test("findHeaderRuns over a transposed context finds 第1周 … down column A, naming the real cells", () => {
    const rows: TestCell[][] = [
      ["物料编码：FG-77"],
      ["期初库存", 120],
      [],
      ["周", "客户订单", "计划产量"],
      ["第1周", 30, null],
      ["第2周", 45, null],
      ["第3周", 50, 80],
    ];
    const sheet = snapshot([{ name: "周计划", rows }]).sheets[0];
    const ctx = new SheetContext(sheet, false, [], undefined).transposed();
    const runs = findHeaderRuns(ctx);
    expect(runs).toHaveLength(1);
    expect(runs[0].labels).toEqual(["第1周", "第2周", "第3周"]);
    expect(runs[0].columns.map((c) => ctx.ref(runs[0].row, c))).toEqual([
      "周计划!A5",
      "周计划!A6",
      "周计划!A7",
    ]);
    // The measure labels sit where a grid's row labels would: before the first period.
    expect(ctx.text(1, 3)).toBe("客户订单");
    expect(ctx.ref(1, 6)).toBe("周计划!B7");
    expect(ctx.value(1, 6)).toBe(50);
    expect(ctx.transposed().ref(6, 1)).toBe("周计划!B7");
  });
});
