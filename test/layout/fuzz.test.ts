import fc from "fast-check";
import { CellValue, SheetSnapshot, WorkbookSnapshot, cellAt, readPlans } from "../../src/layout";
import { buildWritePlan } from "../../src/annotate";
import { scanSnapshot } from "../../src/report";
import { schemaErrors } from "../support/schema";

const JUNK: CellValue[] = [
  "",
  "",
  "",
  "Item",
  "FG-1",
  "On hand",
  "SS",
  "Safety stock",
  "Customer orders",
  "MPS",
  "Forecast",
  "PAB",
  "W1",
  "W2",
  "W3",
  "第1周",
  "第2周",
  "2026-W49",
  "Week",
  "Past due",
  "In transit",
  "Plant",
  "Measure",
  "物料编码",
  "期初库存",
  "客户订单",
  "abc",
  "1.200",
  "1,5",
  "#N/A",
  "#REF!",
  " 35 ",
  "-",
  "Note: see mail",
  0,
  5,
  12,
  40,
  -3,
  1e9,
  0.5,
  true,
  46356,
  "2026-02-30",
  "Jan 2027",
  // The sheets planners really keep (issue #10): MRP words, bare period numbers, months, totals.
  "Gross requirements",
  "Scheduled receipts",
  "Projected on hand",
  "Net requirements",
  "Planned order receipts",
  "Beginning inventory",
  "Before",
  "Total",
  "Jan",
  "Feb",
  "1月",
  "2月",
  "Product 1",
  "Item : X",
  "毛需求",
  "预计库存",
  1,
  2,
  3,
  21,
  22,
  "Part",
  "Stock",
  "Demand",
  "Receipts (ETA)",
  "Balance",
  "Opening",
  "周",
  "计划产量",
  "期末库存",
  "物料编码：FG-77",
];

const sheetArb = fc
  .record({
    rows: fc.integer({ min: 1, max: 14 }),
    cols: fc.integer({ min: 1, max: 10 }),
    top: fc.integer({ min: 0, max: 3 }),
    left: fc.integer({ min: 0, max: 3 }),
    seed: fc.array(fc.nat(JUNK.length - 1), { minLength: 140, maxLength: 140 }),
    merged: fc.array(fc.tuple(fc.nat(12), fc.nat(8)), { maxLength: 2 }),
    hidden: fc.array(fc.nat(15), { maxLength: 3 }),
    dateFormats: fc.boolean(),
  })
  .map(({ rows, cols, top, left, seed, merged, hidden, dateFormats }): SheetSnapshot => {
    const values = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => JUNK[seed[r * 10 + c]])
    );
    const numberFormats: Record<string, string> = {};
    if (dateFormats) numberFormats[`${String.fromCharCode(65 + left)}${top + 1}`] = "yyyy-mm-dd";
    return {
      name: "Junk sheet",
      visible: true,
      top,
      left,
      values,
      formulas: {},
      numberFormats,
      merged: merged.map(
        ([r, c]) => `${String.fromCharCode(65 + c)}${r + 1}:${String.fromCharCode(66 + c)}${r + 1}`
      ),
      hiddenRows: hidden,
      hiddenColumns: [],
    };
  });

test("random layouts with junk cells never crash the reader, and every report is valid", () => {
  fc.assert(
    fc.property(
      fc.array(sheetArb, { minLength: 1, maxLength: 3 }),
      fc.boolean(),
      (sheets, date1904) => {
        const wb: WorkbookSnapshot = {
          name: "junk.xlsx",
          date1904,
          sheets: sheets.map((s, i) => ({ ...s, name: `S${i}` })),
        };
        const read = readPlans(wb, { startDate: "2026-11-30", today: "2026-12-01" });
        for (const d of read.diagnostics) {
          expect(d.message.length).toBeGreaterThan(5);
          if (d.cell) expect(d.cell).toMatch(/^('[^']+'|[^!]+)![A-Z]{1,3}[0-9]+$/);
        }
        const { report } = scanSnapshot(wb, { startDate: "2026-11-30" });
        expect(schemaErrors(report)).toEqual([]);
      }
    ),
    { numRuns: 300 }
  );
});

/** The shape of a periods-down table or a row-per-part material balance, with junk swapped into random cells. */
const structuredArb = fc
  .record({
    kind: fc.constantFrom("periods-down", "row-per-part"),
    periods: fc.integer({ min: 1, max: 6 }),
    items: fc.integer({ min: 1, max: 6 }),
    junk: fc.array(fc.tuple(fc.nat(12), fc.nat(16), fc.nat(JUNK.length - 1)), { maxLength: 12 }),
    monthFormat: fc.boolean(),
    merged: fc.boolean(),
  })
  .map(({ kind, periods, items, junk, monthFormat, merged }): SheetSnapshot => {
    const values: CellValue[][] = [];
    const numberFormats: Record<string, string> = {};
    const col = (c: number) => String.fromCharCode(65 + c);
    if (kind === "periods-down") {
      values.push(["物料编码：FG-77", "", "", ""], ["期初库存", 120, "", ""]);
      values.push(["周", "客户订单", "计划产量", "期末库存"]);
      for (let t = 0; t < periods; t++) values.push([`第${t + 1}周`, 10 * t, t % 2 ? 40 : "", ""]);
    } else {
      const group: CellValue[] = ["", "", "Receipts (ETA)"];
      const header: CellValue[] = ["Part", "Stock"];
      for (let k = 0; k < 2; k++)
        for (let t = 0; t < periods; t++) {
          if (k === 1 || t > 0) group.push(t === 0 ? "Demand" : "");
          header.push(46388 + 31 * t);
          if (monthFormat) numberFormats[`${col(header.length - 1)}2`] = "mmm-yy";
        }
      header.push("Balance");
      values.push(group, header);
      for (let i = 0; i < items; i++)
        values.push([
          `C-${i}`,
          50 + i,
          ...Array.from({ length: 2 * periods }, (_, t) => (t * 7 + i) % 30),
          5,
        ]);
    }
    for (const [r, c, j] of junk) {
      while (values.length <= r) values.push([]);
      values[r][c] = JUNK[j];
    }
    const width = Math.max(...values.map((r) => r.length));
    for (const r of values) for (let c = 0; c < width; c++) if (r[c] === undefined) r[c] = "";
    return {
      name: "Structured",
      visible: true,
      top: 0,
      left: 0,
      values,
      formulas: {},
      numberFormats,
      merged: merged && kind === "row-per-part" ? [`C1:${col(1 + periods)}1`] : [],
      hiddenRows: [],
      hiddenColumns: [],
    };
  });

test("periods-down and row-per-part sheets with junk in them never crash the reader or the annotator", () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(structuredArb, fc.boolean(), (sheet, date1904) => {
      const wb: WorkbookSnapshot = { name: "structured.xlsx", date1904, sheets: [sheet] };
      const read = readPlans(wb, { startDate: "2026-11-30" });
      for (const d of read.diagnostics) {
        expect(d.message.length).toBeGreaterThan(5);
        if (d.cell) expect(d.cell).toMatch(/^('[^']+'|[^!]+)![A-Z]{1,3}[0-9]+$/);
      }
      const { report, findings } = scanSnapshot(wb, { startDate: "2026-11-30" });
      expect(schemaErrors(report)).toEqual([]);
      for (const item of report.items) seen.add(item.arrangement);
      const plan = buildWritePlan(wb, findings);
      expect(plan.pabCells).toHaveLength(findings.length);
      // Nothing of the planner's is written over: every target cell is empty in the sheet.
      for (const w of plan.writes) {
        const target = wb.sheets.find((x) => x.name === w.sheet);
        if (target)
          expect([w.row, w.column, cellAt(target, w.row, w.column)]).toEqual([w.row, w.column, ""]);
      }
    }),
    { numRuns: 300 }
  );
  // The junk leaves most tables readable: both new layouts were exercised.
  expect([...seen].sort()).toEqual(expect.arrayContaining(["periods-down", "row-per-part"]));
});

/** Real layouts (MRP records, side-by-side blocks, months with totals) as the base, then cells spoilt. */
const BASES: CellValue[][][] = [
  [
    ["Part 100-A", "", 1, 2, 3, 4],
    ["Gross requirements", "", 40, 36, 28, 22],
    ["Scheduled receipts", "", 0, 30, 0, 0],
    ["Projected on hand", 23, "", "", "", ""],
    ["Net requirements", "", 20, 16, 8, 2],
    ["Planned order receipts", "", 60, 0, 0, 60],
  ],
  [
    ["Product 1", "", "", "", "", "", "Product 2"],
    ["", 1, 2, 3, "Total", "", "", 1, 2, 3, "Total"],
    ["Demand", 5, 6, 7, 18, "", "Demand", 1, 2, 3, 6],
    ["Production", 0, 9, 0, 9, "", "Production", 0, 0, 9, 9],
    ["Beginning inventory", 4, "", "", "", "", "On hand", 3],
  ],
  [
    ["Item", "AGG", "", "", "", ""],
    ["", "Before", "Jan", "Feb", "Mar", "Total"],
    ["Demand", "", 10, 12, 14, 36],
    ["Production", "", 12, 12, 12, 36],
    ["Ending inventory", 40, "", "", "", ""],
  ],
];

test("real layouts with spoilt cells never crash the reader or the annotator; reports stay valid", () => {
  fc.assert(
    fc.property(
      fc.nat(BASES.length - 1),
      fc.array(fc.tuple(fc.nat(6), fc.nat(11), fc.nat(JUNK.length - 1)), { maxLength: 8 }),
      fc.boolean(),
      fc.boolean(),
      (base, spoil, date1904, withStart) => {
        const values = BASES[base].map((r) => [...r]);
        for (const [r, c, j] of spoil) {
          while (values.length <= r) values.push([]);
          values[r][c] = JUNK[j];
        }
        const width = Math.max(...values.map((r) => r.length));
        const sheet: SheetSnapshot = {
          name: "Real",
          visible: true,
          top: 0,
          left: 0,
          values: values.map((r) => Array.from({ length: width }, (_v, c) => r[c] ?? "")),
          formulas: {},
          numberFormats: {},
          merged: [],
          hiddenRows: [],
          hiddenColumns: [],
        };
        const wb: WorkbookSnapshot = { name: "real.xlsx", date1904, sheets: [sheet] };
        const { report, findings } = scanSnapshot(wb, {
          startDate: withStart ? "2026-11-30" : null,
        });
        expect(schemaErrors(report)).toEqual([]);
        for (const d of report.diagnostics)
          if (d.cell) expect(d.cell).toMatch(/^('[^']+'|[^!]+)![A-Z]{1,3}[0-9]+$/);
        const plan = buildWritePlan(wb, findings);
        expect(plan.pabCells).toHaveLength(findings.length);
      }
    ),
    { numRuns: 300 }
  );
});
