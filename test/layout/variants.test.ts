import { readPlans, mpsOf, PlanRecord, Diagnostic } from "../../src/layout";
import { scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";
import { TestCell, TestSheet, buildXlsx } from "../support/xlsxBuilder";
import { schemaErrors } from "../support/schema";

const W = (n: number) => Array.from({ length: n }, (_, i) => `W${i + 1}`);

function read(
  sheets: TestSheet[],
  options: Parameters<typeof readPlans>[1] = {},
  date1904 = false
) {
  return readPlans(readXlsxSnapshot(buildXlsx(sheets, { date1904 }), "test.xlsx"), options);
}

function only(records: PlanRecord[], item?: string): PlanRecord {
  const r = item ? records.filter((x) => x.item === item) : records;
  expect(r).toHaveLength(1);
  return r[0];
}

const codes = (d: Diagnostic[]) => d.map((x) => x.code);

/** The classic example laid out as a planner might, with `labels` and `headers` swapped in. */
function classicGrid(
  labels: { item?: string; onHand?: string; ss?: string; orders?: string; mps?: string } = {},
  headers: TestCell[] = W(8)
): TestCell[][] {
  return [
    [labels.item ?? "Item", "FG-1001"],
    [labels.onHand ?? "On hand", 45],
    [labels.ss ?? "Safety stock", 10],
    [null, ...headers],
    [labels.orders ?? "Customer orders", 16, 15, 15, 20, 18, 22, 20, 25],
    [labels.mps ?? "MPS", 0, 0, 50, 0, 0, 50, 0, 0],
  ];
}
const CLASSIC_PAB = [29, 14, 49, 29, 11, 39, 19, -6];

describe("grid layouts planners keep", () => {
  test("anywhere on the sheet, with a title, notes and blank rows around", () => {
    const rows: TestCell[][] = [
      ["Weekly MPS review — finished goods"],
      ["Prepared by planning, confidential"],
      [],
      ...classicGrid(),
      [],
      ["Note: W6 receipt depends on mould repair"],
    ];
    const res = read([{ name: "Plan", rows, offset: { row: 3, column: 2 } }]);
    const r = only(res.records);
    expect(r.item).toBe("FG-1001");
    expect(r.orders?.cells[0]).toBe("Plan!D11");
    expect(r.opening).toEqual({ value: 45, cell: "Plan!D8" });
    expect(
      scanSnapshot(
        readXlsxSnapshot(
          buildXlsx([{ name: "Plan", rows, offset: { row: 3, column: 2 } }]),
          "t.xlsx"
        )
      ).report.items[0].pab
    ).toEqual(CLASSIC_PAB);
  });

  test.each([
    [
      {
        item: "Part No.",
        onHand: "Current on hand",
        ss: "SS",
        orders: "Cust. Orders (pcs)",
        mps: "Master production schedule",
      },
    ],
    [
      {
        item: "ＳＫＵ",
        onHand: "ＯＰＥＮＩＮＧ　ＳＴＯＣＫ",
        ss: "Safety-Stock",
        orders: "SALES ORDERS",
        mps: "Ｍ Ｐ Ｓ",
      },
    ],
    [
      {
        item: "物料编码",
        onHand: "期初库存",
        ss: "安全库存",
        orders: "客户订单",
        mps: "MPS生产计划",
      },
    ],
    [
      {
        item: "料号",
        onHand: "上期期末库存",
        ss: "安全库存数量",
        orders: "订单需求数量",
        mps: "主生产计划",
      },
    ],
    [{ item: "品号", onHand: "现有库存", ss: "安全库存", orders: "出货计划", mps: "入库" }],
    [
      {
        item: "Material",
        onHand: "Beginning inventory",
        ss: "Safety stock qty",
        orders: "Orders total",
        mps: "Planned production",
      },
    ],
  ])("labels %o", (labels) => {
    const r = only(read([{ name: "S", rows: classicGrid(labels) }]).records);
    expect(r.opening?.value).toBe(45);
    expect(r.safetyStock?.value).toBe(10);
    expect(r.orders?.values).toEqual([16, 15, 15, 20, 18, 22, 20, 25]);
    expect(mpsOf(r)).toEqual([0, 0, 50, 0, 0, 50, 0, 0]);
  });

  test('the item in one "Item: X" cell', () => {
    const rows = classicGrid();
    rows[0] = ["物料编码：成品-A01"];
    expect(only(read([{ name: "S", rows }]).records).item).toBe("成品-A01");
  });

  test.each([
    ["Wk 1", Array.from({ length: 8 }, (_, i) => `Wk ${i + 1}`), "number"],
    ["Week 1", Array.from({ length: 8 }, (_, i) => `Week ${i + 1}`), "number"],
    ["第1周", Array.from({ length: 8 }, (_, i) => `第${i + 1}周`), "number"],
    [
      "2026-W49",
      [
        "2026-W49",
        "2026-W50",
        "2026-W51",
        "2026-W52",
        "2026-W53",
        "2027-W01",
        "2027-W02",
        "2027-W03",
      ],
      "week",
    ],
    [
      "text dates",
      [
        "2026/11/30",
        "2026/12/07",
        "2026/12/14",
        "2026/12/21",
        "2026/12/28",
        "2027/01/04",
        "2027/01/11",
        "2027/01/18",
      ],
      "date",
    ],
    [
      "months",
      [
        "Jan 2027",
        "Feb 2027",
        "Mar 2027",
        "Apr 2027",
        "May 2027",
        "Jun 2027",
        "Jul 2027",
        "Aug 2027",
      ],
      "month",
    ],
    [
      "中文月份",
      [
        "2027年1月",
        "2027年2月",
        "2027年3月",
        "2027年4月",
        "2027年5月",
        "2027年6月",
        "2027年7月",
        "2027年8月",
      ],
      "month",
    ],
  ])("period headers: %s", (_name, headers, kind) => {
    const r = only(
      read([{ name: "S", rows: classicGrid({}, headers) }], { startDate: "2026-11-30" }).records
    );
    expect(r.periodKind).toBe(kind);
    expect(r.periods).toEqual(headers);
    expect(r.orders?.values).toHaveLength(8);
    if (kind === "number") expect(r.periodStarts[1]).toBe("2026-12-07");
    if (kind === "week") expect(r.periodStarts.slice(0, 2)).toEqual(["2026-11-30", "2026-12-07"]);
    if (kind === "date") expect(r.periodStarts[0]).toBe("2026-11-30");
    if (kind === "month") expect(r.periodStarts[0]).toBe("2027-01-01");
  });

  test("real date headers, in the 1900 and the 1904 date systems", () => {
    const headers = [
      "2026-11-30",
      "2026-12-07",
      "2026-12-14",
      "2026-12-21",
      "2026-12-28",
      "2027-01-04",
      "2027-01-11",
      "2027-01-18",
    ].map((d) => ({ date: d, format: "d-mmm" }));
    for (const date1904 of [false, true]) {
      const r = only(read([{ name: "S", rows: classicGrid({}, headers) }], {}, date1904).records);
      expect(r.periodStarts[0]).toBe("2026-11-30");
      expect(r.periodStarts[7]).toBe("2027-01-18");
    }
  });

  test("numbered periods have no dates without a start date; never today's guess", () => {
    const r = only(read([{ name: "S", rows: classicGrid() }], { today: "2026-11-27" }).records);
    expect(r.periodStarts).toEqual(new Array(8).fill(null));
  });

  test("a start date far behind today is a warning", () => {
    const res = read([{ name: "S", rows: classicGrid() }], {
      startDate: "2026-11-16",
      today: "2026-11-26",
    });
    const stale = res.diagnostics.find((d) => d.code === "stale-start");
    expect(stale?.message).toBe("W1 started 10 days ago (2026-11-16): roll the plan forward?");
  });

  test("several supply rows are summed and kept by type", () => {
    const rows = classicGrid();
    rows.push(
      ["In transit", 0, 5, 0, 0, 0, 0, 0, 0],
      ["Firm planned orders", 0, 0, 0, 0, 0, 0, 10, 0]
    );
    const r = only(read([{ name: "S", rows }]).records);
    expect(r.supply.map((s) => s.role)).toEqual(["mps", "inTransit", "firm"]);
    expect(mpsOf(r)).toEqual([0, 5, 50, 0, 0, 50, 10, 0]);
  });

  test("a past-due column adds to period 1's demand", () => {
    const rows: TestCell[][] = [
      ["Item", "FG-1001"],
      ["On hand", 45],
      [null, "Past due", ...W(8)],
      ["Customer orders", 4, 16, 15, 15, 20, 18, 22, 20, 25],
      ["MPS", null, 0, 0, 50, 0, 0, 50, 0, 0],
    ];
    const { report } = scanSnapshot(readXlsxSnapshot(buildXlsx([{ name: "S", rows }]), "t.xlsx"));
    expect(report.items[0].pastDue).toBe(4);
    expect(report.items[0].demand[0]).toBe(20);
    expect(report.items[0].pab[0]).toBe(25);
  });

  test("逾期 as the past-due column, in Chinese", () => {
    const rows: TestCell[][] = [
      ["物料编码", "成品-A01"],
      ["期初库存", 19],
      [null, "欠交", "第1周", "第2周"],
      ["客户订单", 3, 10, 10],
      ["MPS生产计划", null, 0, 20],
    ];
    expect(only(read([{ name: "计划", rows }]).records).pastDue).toEqual({
      value: 3,
      cell: "计划!B4",
    });
  });

  test("the same item at two plants is two records; a true duplicate is a diagnostic", () => {
    const block = (site: string, onHand: number): TestCell[][] => [
      ["Item", "FG-1001", "Plant", site],
      ["On hand", onHand],
      [null, ...W(3)],
      ["Customer orders", 10, 10, 10],
      ["MPS", 0, 0, 0],
      [],
    ];
    const res = read([{ name: "S", rows: [...block("Suzhou", 40), ...block("Ningbo", 5)] }]);
    expect(res.records.map((r) => [r.item, r.site, r.opening?.value])).toEqual([
      ["FG-1001", "Suzhou", 40],
      ["FG-1001", "Ningbo", 5],
    ]);
    expect(codes(res.diagnostics)).not.toContain("duplicate-item");

    const dup = read([{ name: "S", rows: [...block("Suzhou", 40), ...block("Suzhou", 5)] }]);
    expect(codes(dup.diagnostics)).toContain("duplicate-item");
  });

  test("the planner's PAB row: empty, numbers, or formulas (shared ones too) that disagree", () => {
    const rows = classicGrid();
    rows.push([
      "PAB",
      { f: "B2-B5+B6", v: 29 },
      { f: "B7-C5+C6", v: 14, shared: { si: 0, ref: "C7:I7" } },
      ...Array.from({ length: 6 }, () => ({ f: "", v: 0, shared: { si: 0 } })),
    ]);
    const snap = readXlsxSnapshot(buildXlsx([{ name: "MPS", rows }]), "t.xlsx");
    expect(snap.sheets[0].formulas.D7).toBe("=C7-D5+D6");
    expect(snap.sheets[0].formulas.I7).toBe("=H7-I5+I6");
    const { report } = scanSnapshot(snap);
    expect(report.items).toHaveLength(1);
    expect(report.items[0].plannerPab).toEqual([29, 14, 0, 0, 0, 0, 0, 0]);
    const differs = report.diagnostics.filter((d) => d.code === "pab-differs");
    expect(differs.map((d) => d.cell)).toEqual([
      "MPS!D7",
      "MPS!E7",
      "MPS!F7",
      "MPS!G7",
      "MPS!H7",
      "MPS!I7",
    ]);
    expect(differs[0].message).toBe("MPS!D7: the sheet's PAB for W3 is 0, the projection gives 49");
  });
});

describe("bad cells are named, never a silent 0", () => {
  function withOrders(cells: TestCell[]) {
    const rows = classicGrid();
    rows[4] = ["Customer orders", ...cells];
    return read([{ name: "MPS", rows }]);
  }

  test.each([
    ["abc", "not-a-number", 'MPS!D5: "abc" is not a quantity'],
    [
      "1.200",
      "ambiguous-number",
      'MPS!D5: "1.200" could be read two ways (a decimal point or a thousands separator?)',
    ],
    [
      "1,5",
      "ambiguous-number",
      'MPS!D5: "1,5" could be read two ways (a decimal comma or a thousands separator?)',
    ],
    [{ error: "#N/A" }, "error-value", 'MPS!D5: "#N/A" is an error value, not a quantity'],
    [-3, "negative-quantity", "MPS!D5: -3 is negative; quantities cannot be"],
    [true, "not-a-number", "MPS!D5: true is not a quantity"],
  ])("%p", (bad, code, message) => {
    const res = withOrders([16, 15, bad as TestCell, 20, 18, 22, 20, 25]);
    const d = res.diagnostics.find((x) => x.code === code);
    expect(d).toMatchObject({ severity: "error", cell: "MPS!D5", item: "FG-1001", message });
    expect(res.records[0].flagged).toBe(true);
  });

  test.each([
    ["1,200", 1200],
    [" 35 ", 35],
    ["1,200.5", 1200.5],
    ["35.5", 35.5],
  ])("numbers typed as text in unambiguous forms: %p", (text, value) => {
    const res = withOrders([16, 15, text, 20, 18, 22, 20, 25]);
    expect(res.records[0].orders?.values[2]).toBe(value);
    expect(res.diagnostics).toEqual([]);
  });

  test("merged figure cells", () => {
    const res = read([{ name: "MPS", rows: classicGrid(), merged: ["C5:D5"] }]);
    expect(res.diagnostics.filter((d) => d.code === "merged-cell")).toEqual([
      expect.objectContaining({
        cell: "MPS!C5",
        message: "MPS!C5:D5 is merged: every period needs a cell of its own",
      }),
    ]);
  });

  test("a hidden row of figures is read and said", () => {
    const res = read([{ name: "MPS", rows: classicGrid(), hiddenRows: [5] }]);
    expect(mpsOf(res.records[0])).toEqual([0, 0, 50, 0, 0, 50, 0, 0]);
    expect(res.diagnostics).toEqual([
      expect.objectContaining({ severity: "warning", code: "hidden-row", cell: "MPS!B6" }),
    ]);
  });

  test("a missing opening balance", () => {
    const rows = classicGrid();
    rows[1] = [];
    const res = read([{ name: "MPS", rows }]);
    expect(res.diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "no-opening-balance",
        cell: "MPS!A5",
        item: "FG-1001",
      }),
    ]);
    expect(res.records[0].flagged).toBe(true);
  });

  test("on hand that is text is named", () => {
    const rows = classicGrid();
    rows[1] = ["On hand", "lots"];
    const res = read([{ name: "MPS", rows }]);
    expect(res.diagnostics[0]).toMatchObject({
      code: "not-a-number",
      cell: "MPS!B2",
      message: 'MPS!B2: "lots" is not a quantity',
    });
  });

  test("a negative on hand is a backlog, with a warning naming the cell", () => {
    const rows = classicGrid();
    rows[1] = ["On hand", -12];
    const res = read([{ name: "MPS", rows }]);
    expect(res.records[0].opening?.value).toBe(-12);
    expect(res.diagnostics).toEqual([
      expect.objectContaining({ severity: "warning", code: "negative-opening", cell: "MPS!B2" }),
    ]);
  });

  test("an impossible date header", () => {
    const res = read([
      {
        name: "MPS",
        rows: classicGrid({}, [
          "2026-02-27",
          "2026-02-30",
          "2026-03-06",
          "2026-03-13",
          "2026-03-20",
          "2026-03-27",
          "2026-04-03",
          "2026-04-10",
        ]),
      },
    ]);
    expect(res.diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "bad-period",
        cell: "MPS!C4",
        message: 'MPS!C4: "2026-02-30" is not a real date',
      }),
    ]);
    expect(res.records[0].flagged).toBe(true);
  });

  test("a skipped period is a warning", () => {
    const res = read([
      { name: "MPS", rows: classicGrid({}, ["W1", "W2", "W3", "W5", "W6", "W7", "W8", "W9"]) },
    ]);
    expect(res.diagnostics).toEqual([
      expect.objectContaining({ severity: "warning", code: "period-gap", cell: "MPS!E4" }),
    ]);
  });

  test("figures with no item name, beside another plan: item-missing names the cell", () => {
    const rows = [...classicGrid(), [], []];
    rows[0] = [];
    rows.push(...classicGrid({}, W(8)).map((r) => [...r]));
    rows[8] = ["Item", "FG-2002"];
    const res = read([{ name: "MPS", rows }]);
    expect(res.records.map((r) => r.item)).toEqual(["FG-2002"]);
    expect(res.diagnostics[0]).toMatchObject({ code: "item-missing", cell: "MPS!A5" });
  });

  test("the only plan on a sheet, unnamed: named after the sheet, with an info", () => {
    const rows = classicGrid();
    rows[0] = [];
    const res = read([{ name: "Weekly plan", rows }]);
    expect(only(res.records).item).toBe("Weekly plan");
    expect(res.diagnostics).toEqual([
      expect.objectContaining({
        severity: "info",
        code: "item-from-sheet",
        cell: "'Weekly plan'!A5",
      }),
    ]);
  });
});

describe("when unsure, the reader says so and a mapping decides", () => {
  const rows = (): TestCell[][] => {
    const r = classicGrid();
    r.push(["Sales orders", 1, 1, 1, 1, 1, 1, 1, 1]);
    return r;
  };

  test("two candidate rows for customer orders", () => {
    const res = read([{ name: "MPS", rows: rows() }]);
    expect(res.diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "ambiguous-row",
        cell: "MPS!A7",
        item: "FG-1001",
      }),
    ]);
    expect(res.records[0].orders?.labelCell).toBe("MPS!A5");
  });

  test("a mapping picks the row (plain data: 1-based row → role)", () => {
    const res = read([{ name: "MPS", rows: rows() }], {
      mapping: { sheets: { MPS: { rows: { 5: "ignore", 7: "orders" } } } },
    });
    expect(res.diagnostics).toEqual([]);
    expect(res.records[0].orders?.values).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });

  test("a mapping names an unlabelled opening balance cell", () => {
    const r = classicGrid();
    r[1] = ["", 45];
    const res = read([{ name: "MPS", rows: r }], {
      mapping: { sheets: { MPS: { cells: { B2: "onHand" } } } },
    });
    expect(res.records[0].opening).toEqual({ value: 45, cell: "MPS!B2" });
    expect(res.diagnostics).toEqual([]);
  });
});

describe("ERP / pivot export: one row per item and measure", () => {
  const rows: TestCell[][] = [
    ["Export from ERP 2026-11-27"],
    ["Item", "Plant", "On hand", "Measure", ...W(4)],
    ["A-1", "P1", 30, "Forecast", 10, 10, 10, 10],
    [null, null, null, "Customer orders", 12, 8, 0, 0],
    [null, null, null, "MPS", 0, 20, 0, 0],
    ["B-2", "P1", 5, "Customer orders", 5, 5, 5, 5],
    [null, null, null, "Planned production", 0, 0, 10, 0],
    [null, null, null, "Safety stock", 3],
  ];

  test("records per item, on hand as a column, safety stock as a measure row, blank item cells repeat", () => {
    const res = read([{ name: "Export", rows }]);
    expect(res.diagnostics).toEqual([]);
    expect(
      res.records.map((r) => [
        r.item,
        r.site,
        r.layout,
        r.opening?.value,
        r.safetyStock?.value ?? null,
      ])
    ).toEqual([
      ["A-1", "P1", "pivot", 30, null],
      ["B-2", "P1", "pivot", 5, 3],
    ]);
    expect(res.records[0].forecast?.values).toEqual([10, 10, 10, 10]);
    expect(mpsOf(res.records[1])).toEqual([0, 0, 10, 0]);
  });
});

describe("long table: one row per item and period", () => {
  const shuffled: TestCell[][] = [
    ["Item", "Week", "Customer orders", "MPS"],
    ["SKU-3", 2, 17, 0],
    ["SKU-1", 1, 21, 40],
    ["SKU-3", 1, 15, 0],
    ["SKU-1", 3, 5, 0],
    ["SKU-1", 2, 25, 0],
    ["SKU-3", 3, 13, 40],
  ];
  const inventory: TestCell[][] = [
    ["Item", "On hand", "Safety stock"],
    ["SKU-1", 18, 5],
    ["SKU-3", 28, 5],
  ];

  test("any row order; on hand looked up on another sheet by item", () => {
    const res = read([
      { name: "Orders", rows: shuffled },
      { name: "Inventory", rows: inventory },
    ]);
    expect(res.diagnostics).toEqual([]);
    const sku1 = only(res.records, "SKU-1");
    expect(sku1.layout).toBe("long");
    expect(sku1.orders?.values).toEqual([21, 25, 5]);
    expect(sku1.orders?.cells).toEqual(["Orders!C3", "Orders!C6", "Orders!C5"]);
    expect(sku1.opening).toEqual({ value: 18, cell: "Inventory!B2" });
    expect(only(res.records, "SKU-3").orders?.values).toEqual([15, 17, 13]);
  });

  test("Chinese headers, dates as periods, on hand in the table", () => {
    const rows: TestCell[][] = [
      ["物料编码", "周开始日期", "客户订单", "入库", "期初库存"],
      ["X-9", { date: "2026-12-07", format: "yyyy/m/d" }, 5, 0, 12],
      ["X-9", { date: "2026-11-30", format: "yyyy/m/d" }, 4, 10, 12],
    ];
    const r = only(read([{ name: "明细", rows }]).records);
    expect(r.periodStarts).toEqual(["2026-11-30", "2026-12-07"]);
    expect(r.orders?.values).toEqual([4, 5]);
    expect(r.opening?.value).toBe(12);
  });

  test("a bad period cell is named and its row skipped", () => {
    const res = read([
      { name: "Orders", rows: [...shuffled, ["SKU-1", "soon", 3, 0]] },
      { name: "Inventory", rows: inventory },
    ]);
    expect(res.diagnostics).toEqual([
      expect.objectContaining({ code: "bad-period", cell: "Orders!B8" }),
    ]);
  });
});

test("reports from generated layouts validate against the schema", () => {
  const snap = readXlsxSnapshot(
    buildXlsx([
      { name: "Grid", rows: classicGrid() },
      {
        name: "Weekly plan",
        rows: classicGrid({ item: "Item" }).map((r, i) => (i === 0 ? ["Item", "FG-2"] : r)),
      },
    ]),
    "gen.xlsx"
  );
  const { report } = scanSnapshot(snap, { startDate: "2026-11-30" });
  expect(report.items.map((i) => i.sheet)).toEqual(["Grid", "Weekly plan"]);
  expect(report.startDate).toBe("2026-11-30");
  expect(schemaErrors(report)).toEqual([]);
});
