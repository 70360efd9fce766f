/**
 * The annotated copy of the sheets planners really keep (issue #10): the PAB goes into the
 * planner's empty balance row, or a free row under the block, or the PAB Watch sheet, as formulas
 * over the planner's own cells; LibreOffice recalculating the copy gives the PAB computed here
 * from the cells written.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";
import { scanXlsxFile } from "../../src/cli/scanFile";
import { readXlsxSnapshot } from "../../src/xlsx";
import { valueAt } from "../support/cells";
import { libreOfficeConvert } from "../support/libreoffice";
import { TestCell, TestSheet, buildXlsx } from "../support/xlsxBuilder";

jest.setTimeout(240_000);

function pabOf(opening: number, demand: number[], ...supply: number[][]): number[] {
  let p = opening;
  return demand.map((d, t) => (p = p - d + supply.reduce((s, row) => s + (row[t] ?? 0), 0)));
}
const range = (a: number, n: number) => Array.from({ length: n }, (_v, i) => a + i);

const GROSS = [40, 36, 28, 22, 14, 18, 17, 38];
const SCHED = [0, 30, 0, 0, 0, 0, 0, 0];
const PORC = [60, 0, 0, 60, 0, 0, 60, 0];
const D = [10, 12, 9, 14];
const P = [0, 30, 0, 0];
const D2 = [5, 5, 6, 7];
const P2 = [20, 0, 0, 0];
const MONTH_D = [12, 15, 30, 22, 18, 9, 14, 20, 26, 31, 12, 8];
const MONTH_P = new Array<number>(12).fill(20);

interface Case {
  name: string;
  sheets: TestSheet[];
  date1904?: boolean;
  /** Item → the PAB computed from the cells written. */
  pab: Record<string, number[]>;
  /** Where the PAB must go: the first pabCell of each item. */
  firstCell: Record<string, string>;
}

const cases: Case[] = [
  {
    name: "mrp-chinese",
    sheets: [
      {
        name: "物料需求",
        rows: [
          ["成品 A", null, ...range(1, 8)],
          ["毛需求", null, ...GROSS],
          ["计划接收", null, ...SCHED],
          ["预计库存", 23],
          ["净需求", null, 20, 16, 8, 2, 0, 0, 0, 18],
          ["计划订单接收", null, ...PORC],
          ["计划订单下达", null, 0, 60, 0, 0, 60, 0, 0, 0],
        ],
      },
    ],
    pab: { "成品 A": pabOf(23, GROSS, SCHED, PORC) },
    firstCell: { "成品 A": "物料需求!C4" },
  },
  {
    name: "beginning-row",
    sheets: [
      {
        name: "Plan",
        rows: [
          ["Product 1"],
          [null, ...range(21, 4)],
          ["Beginning inventory", 15],
          ["Demand", ...D],
          ["Production", ...P],
          ["Net requirements", 0, 0, 0, 0],
        ],
      },
    ],
    pab: { "Product 1": pabOf(15, D, P) },
    // The row under the block: below its derived row, never over it.
    firstCell: { "Product 1": "Plan!B7" },
  },
  {
    name: "side-by-side",
    sheets: [
      {
        name: "Plan",
        rows: [
          ["Product 1", null, null, null, null, null, null, "Product 2"],
          [null, 1, 2, 3, 4, "Total", null, null, 1, 2, 3, 4, "Total"],
          ["Demand", ...D, 45, null, "Demand", ...D2, 23],
          ["Production", ...P, 30, null, "Production", ...P2, 20],
          ["On hand", 20, null, null, null, null, null, "On hand", 3],
        ],
      },
    ],
    pab: { "Product 1": pabOf(20, D, P), "Product 2": pabOf(3, D2, P2) },
    firstCell: { "Product 1": "Plan!B6", "Product 2": "Plan!I6" },
  },
  {
    name: "months-before-column",
    date1904: true,
    sheets: [
      {
        name: "Aggregate",
        rows: [
          ["Item", "AGG-1", "Prepared", { date: "2026-12-20" }],
          [
            null,
            "Before",
            ...["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
            "Total",
          ],
          ["Demand", null, ...MONTH_D, MONTH_D.reduce((a, b) => a + b)],
          ["Production", null, ...MONTH_P, 240],
          ["Ending inventory", 40],
        ],
      },
    ],
    pab: { "AGG-1": pabOf(40, MONTH_D, MONTH_P) },
    firstCell: { "AGG-1": "Aggregate!C5" },
  },
  {
    name: "scenarios",
    sheets: [
      {
        name: "Scenarios",
        rows: [
          ["Item", "PUMP-7"],
          ["On hand", 5],
          ["Chase", null, null, null, null, null, "Level"],
          [null, 1, 2, 3, 4, "Total", null, 1, 2, 3, 4],
          ["Demand", ...D, 45, "Demand", ...D2],
          ["Production", ...P, 30, "Production", ...P2],
        ],
      },
    ],
    pab: { "PUMP-7 (Chase)": pabOf(5, D, P), "PUMP-7 (Level)": pabOf(5, D2, P2) },
    firstCell: { "PUMP-7 (Chase)": "Scenarios!B7", "PUMP-7 (Level)": "Scenarios!H7" },
  },
  {
    name: "no-room",
    sheets: [
      {
        name: "MRP",
        rows: [
          ["Part 1", null, ...range(1, 4)],
          ["Gross requirements", null, ...D],
          ["Scheduled receipts", null, ...P],
          ["On hand", 20],
          ["Part 2", null, ...range(1, 4)],
          ["Gross requirements", null, ...D2],
          ["Scheduled receipts", null, ...P2],
          ["On hand", 3],
          ["Note: keep this row"],
        ],
      },
    ],
    pab: { "Part 1": pabOf(20, D, P), "Part 2": pabOf(3, D2, P2) },
    firstCell: { "Part 1": "'PAB Watch'!C", "Part 2": "'PAB Watch'!C" },
  },
];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pab-real-"));
const built = cases.map((c) => {
  const input = buildXlsx(c.sheets, { date1904: c.date1904 });
  const out = scanXlsxFile(input, `${c.name}.xlsx`, { annotate: true });
  fs.writeFileSync(path.join(tmp, `${c.name}.xlsx`), out.annotated as Uint8Array);
  return { c, input, ...out, annotated: out.annotated as Uint8Array };
});

describe.each(built.map((b) => [b.c.name, b] as const))("%s", (_n, b) => {
  test("every item read, its PAB placed where planned, nothing in the way", () => {
    expect(b.report.items.map((i) => i.item).sort()).toEqual(Object.keys(b.c.pab).sort());
    for (const item of b.report.items) {
      expect([item.item, item.pab]).toEqual([item.item, b.c.pab[item.item]]);
      expect(item.pabCells).toHaveLength(item.periods.length);
      expect(item.pabCells[0].startsWith(b.c.firstCell[item.item])).toBe(true);
    }
    const severe = b.report.diagnostics.filter((d) => d.severity === "error");
    expect(severe).toEqual([]);
    if (b.c.name !== "no-room")
      expect(b.report.diagnostics.filter((d) => d.code === "cell-in-the-way")).toEqual([]);
  });

  test("every planner cell keeps its value", () => {
    const before = readXlsxSnapshot(b.input, "x");
    const after = readXlsxSnapshot(b.annotated, "x");
    for (const s of before.sheets) {
      const a = after.sheets.find((x) => x.name === s.name)!;
      s.values.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v !== "") expect(a.values[i + s.top - a.top][j + s.left - a.left]).toEqual(v);
        })
      );
    }
  });

  test("a second scan of the copy gives the same package", () => {
    const again = scanXlsxFile(b.annotated, `${b.c.name}.xlsx`, { annotate: true });
    const first = unzipSync(b.annotated);
    const second = unzipSync(again.annotated as Uint8Array);
    for (const [p, bytes] of Object.entries(first))
      expect([p, Buffer.from(second[p]).equals(Buffer.from(bytes))]).toEqual([p, true]);
  });
});

describe("LibreOffice recalculates the copies to the PAB computed from the cells", () => {
  const outDir = path.join(tmp, "out");
  beforeAll(() => {
    fs.mkdirSync(outDir, { recursive: true });
    libreOfficeConvert(
      built.map((b) => path.join(tmp, `${b.c.name}.xlsx`)),
      "xlsx",
      outDir
    );
  });
  test.each(built.map((b) => [b.c.name, b] as const))("%s", (_n, b) => {
    const recalculated = readXlsxSnapshot(
      fs.readFileSync(path.join(outDir, `${b.c.name}.xlsx`)),
      "x"
    );
    for (const item of b.report.items) {
      expect([item.item, item.pabCells.map((ref) => valueAt(recalculated, ref))]).toEqual([
        item.item,
        b.c.pab[item.item],
      ]);
    }
  });
});

test("the planner's own balance row with figures is audited, never overwritten", () => {
  const own = pabOf(15, D, P);
  own[2] += 4;
  const rows: TestCell[][] = [
    ["Product 1"],
    [null, ...range(1, 4)],
    ["Demand", ...D],
    ["Production", ...P],
    ["Closing stock", ...own],
    ["Opening", 15],
  ];
  const input = buildXlsx([{ name: "Plan", rows }]);
  const { report, annotated } = scanXlsxFile(input, "own.xlsx", { annotate: true });
  expect(report.items[0].opening).toBe(15);
  expect(report.items[0].pabCells).toEqual([]);
  expect(report.diagnostics.filter((d) => d.code === "pab-differs").map((d) => d.cell)).toEqual([
    "Plan!D5",
  ]);
  const after = readXlsxSnapshot(annotated as Uint8Array, "x");
  expect(range(1, 4).map((c) => valueAt(after, `Plan!${"ABCDE"[c]}5`))).toEqual(own);
});
