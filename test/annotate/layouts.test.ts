import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { unzipSync } from "fflate";
import { buildWritePlan } from "../../src/annotate";
import { scanXlsxFile } from "../../src/cli/scanFile";
import { SUMMARY_SHEET, cellRef, parseA1, serialToIso } from "../../src/layout";
import { scanSnapshot } from "../../src/report";
import {
  XlsxPackage,
  applyWritePlanToPackage,
  readXlsxSnapshot,
  snapshotOfPackage,
} from "../../src/xlsx";
import { readWorkbookInfo } from "../../src/xlsx/workbookParts";
import { artifactsDir } from "../support/browser";
import { formulaAt, valueAt } from "../support/cells";
import { handPab, makeParts, materialBalanceSheet } from "../support/layouts";
import { libreOfficeConvert } from "../support/libreoffice";
import { TestCell, buildXlsx } from "../support/xlsxBuilder";

jest.setTimeout(240_000);

/**
 * Generated periods-down and row-per-part workbooks, annotated, then recalculated by LibreOffice
 * (the shared samples of both layouts go through test/annotate/samples.test.ts).
 */
interface Case {
  name: string;
  input: Uint8Array;
  /** Expected PAB per item, computed from the cells written. */
  pab: Record<string, number[]>;
  plannerCells: Record<string, string | number>;
  sideSheet?: boolean;
}

const parts = makeParts(25, 6, 3);
const months: TestCell[] = [1, 2, 3, 4, 5, 6].map((m) => ({
  date: `2027-0${m}-01`,
  format: "mmm-yy",
}));
const balanceSheet = materialBalanceSheet(parts, months, {
  sheet: "Material balance",
  part: "Part",
  description: "Description",
  stock: "Stock",
  safety: "Safety stock",
  receipts: "Receipts",
  transit: "In transit",
  demand: "Demand",
  balance: "Balance",
});
const partsPab = Object.fromEntries(
  parts.map((p) => [p.part, handPab(p.stock, p.demand, p.receipts, p.transit)])
);
const plannerCellsOf = (rows: TestCell[][], sheet: string): Record<string, string | number> => {
  const out: Record<string, string | number> = {};
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === "string" || typeof v === "number") out[cellRef(sheet, r, c)] = v;
    })
  );
  return out;
};

const downDemand = [12, 30, 25, 40, 18, 22];
const downSupply = [0, 50, 0, 0, 40, 0];
const downRows: TestCell[][] = [
  ["物料编码：CN-3"],
  ["期初库存", 40],
  ["安全库存", 15],
  ["周", "客户订单", "计划产量", "备注"],
  ...downDemand.map((d, t): TestCell[] => [
    `第${t + 1}周`,
    d,
    downSupply[t],
    t === 1 ? "加急" : null,
  ]),
];

const cases: Case[] = [
  {
    name: "generated-parts.xlsx",
    input: buildXlsx([balanceSheet]),
    pab: partsPab,
    plannerCells: plannerCellsOf(balanceSheet.rows.slice(0, 2), "Material balance"),
  },
  {
    name: "generated-down.xlsx",
    input: buildXlsx([{ name: "周 计划", rows: downRows }], { date1904: true }),
    pab: { "CN-3": handPab(40, downDemand, downSupply) },
    plannerCells: plannerCellsOf(downRows, "周 计划"),
  },
  {
    name: "side-parts.xlsx",
    input: buildXlsx([balanceSheet]),
    pab: partsPab,
    plannerCells: plannerCellsOf(balanceSheet.rows, "Material balance"),
    sideSheet: true,
  },
];

function annotate(c: Case) {
  if (!c.sideSheet) return scanXlsxFile(c.input, c.name, { annotate: true });
  const pkg = new XlsxPackage(c.input);
  const snapshot = snapshotOfPackage(pkg, c.name);
  const { report, findings } = scanSnapshot(snapshot);
  const plan = buildWritePlan(snapshot, findings, { sideSheet: true });
  report.items.forEach((item, i) => (item.pabCells = plan.pabCells[i]));
  return { report, annotated: applyWritePlanToPackage(pkg, plan) };
}

const done = cases.map((c) => ({ c, ...annotate(c) }));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pab-layouts-"));

describe.each(done.map((d) => [d.c.name, d] as const))("%s annotated", (_n, d) => {
  const after = readXlsxSnapshot(d.annotated as Uint8Array, d.c.name);

  test("read without a word of doubt; every planner cell unchanged", () => {
    expect(d.report.diagnostics.filter((x) => x.severity !== "info")).toEqual([]);
    expect(d.report.items.map((i) => i.item).sort()).toEqual(Object.keys(d.c.pab).sort());
    for (const [ref, value] of Object.entries(d.c.plannerCells)) {
      const now = valueAt(after, ref);
      if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && typeof now === "number")
        expect([ref, serialToIso(now, after.date1904)]).toEqual([ref, value]);
      else expect([ref, now]).toEqual([ref, value]);
    }
  });

  test("every item's PAB went in beside its figures (or on the PAB Watch sheet), with our conditional formats", () => {
    for (const item of d.report.items) {
      expect(item.pabCells).toHaveLength(item.periods.length);
      if (d.c.sideSheet) expect(item.pabCells[0]).toMatch(/^'PAB Watch'!/);
      else
        expect(
          item.pabCells[0].startsWith(`${item.sheet}!`) ||
            item.pabCells[0].startsWith(`'${item.sheet}'!`)
        ).toBe(true);
    }
    const info = readWorkbookInfo(new XlsxPackage(d.annotated as Uint8Array));
    const parts = unzipSync(d.annotated as Uint8Array);
    const sheets = d.c.sideSheet
      ? [SUMMARY_SHEET]
      : [...new Set(d.report.items.map((i) => i.sheet))];
    for (const name of sheets) {
      const xml = new TextDecoder().decode(parts[info.sheets.find((x) => x.name === name)!.path]);
      expect(xml).toMatch(/N\((&quot;|")PABW(&quot;|")\)=0/);
    }
  });

  test("scanning the annotated copy again changes nothing, byte for byte", () => {
    const again = annotate({ ...d.c, input: d.annotated as Uint8Array });
    const first = unzipSync(d.annotated as Uint8Array);
    const second = unzipSync(again.annotated as Uint8Array);
    expect(Object.keys(second)).toEqual(Object.keys(first));
    for (const [p, bytes] of Object.entries(first))
      expect([p, Buffer.from(second[p]).equals(Buffer.from(bytes))]).toEqual([p, true]);
    expect(again.report.diagnostics.filter((x) => x.severity !== "info")).toEqual([]);
  });
});

test("the periods-down PAB column and the row-per-part PAB block sit where a planner looks", () => {
  const down = done.find((d) => d.c.name === "generated-down.xlsx")!;
  // 备注 (a note column) is part of the table: the PAB column goes right of it.
  expect(down.report.items[0].pabCells[0]).toBe("'周 计划'!E5");
  const snap = readXlsxSnapshot(down.annotated as Uint8Array, "x");
  expect(valueAt(snap, "'周 计划'!E4")).toBe("PAB (PAB Watch)");
  expect(formulaAt(snap, "'周 计划'!E5")).toBe("=$B$2-B5+C5");
  expect(formulaAt(snap, "'周 计划'!E6")).toBe("=E5-B6+C6");
  const mb = done.find((d) => d.c.name === "generated-parts.xlsx")!;
  // Right of the planner's Balance column (W): a group header, the months again, one row per part.
  expect(mb.report.items[0].pabCells).toEqual(
    ["X", "Y", "Z", "AA", "AB", "AC"].map((c) => `'Material balance'!${c}3`)
  );
  const mbSnap = readXlsxSnapshot(mb.annotated as Uint8Array, "x");
  expect(valueAt(mbSnap, "'Material balance'!X1")).toBe("PAB (PAB Watch)");
  expect(valueAt(mbSnap, "'Material balance'!X2")).toBe("2027-01");
  expect(formulaAt(mbSnap, "'Material balance'!X3")).toBe("=$C$3-Q3+E3+K3");
  expect(formulaAt(mbSnap, "'Material balance'!Y3")).toBe("=X3-R3+F3+L3");
});

describe("LibreOffice, recalculating on load, gives the expected PAB at pabCells", () => {
  const outDir = path.join(tmp, "recalculated");
  beforeAll(() => {
    fs.mkdirSync(outDir, { recursive: true });
    const files = done.map((d) => {
      const file = path.join(tmp, d.c.name);
      fs.writeFileSync(file, d.annotated as Uint8Array);
      return file;
    });
    libreOfficeConvert(files, "xlsx", outDir);
  });

  test.each(done.map((d) => [d.c.name, d] as const))("%s", (_n, d) => {
    const recalculated = readXlsxSnapshot(fs.readFileSync(path.join(outDir, d.c.name)), d.c.name);
    for (const item of d.report.items)
      expect([item.item, item.pabCells.map((ref) => valueAt(recalculated, ref))]).toEqual([
        item.item,
        d.c.pab[item.item],
      ]);
  });
});

test("the annotated periods-down and row-per-part sheets rendered to PNG for a person to look at", () => {
  const files = ["generated-down.xlsx", "generated-parts.xlsx"].map((n) => {
    const file = path.join(tmp, `render-${n}`);
    fs.writeFileSync(file, done.find((d) => d.c.name === n)!.annotated as Uint8Array);
    return file;
  });
  libreOfficeConvert(files, "pdf", tmp);
  fs.mkdirSync(artifactsDir, { recursive: true });
  for (const name of ["generated-down", "generated-parts"])
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "80",
      path.join(tmp, `render-${name}.pdf`),
      path.join(artifactsDir, `annotated-${name}`),
    ]);
  const pngs = fs
    .readdirSync(artifactsDir)
    .filter((f) => /^annotated-generated-(down|parts).*\.png$/.test(f));
  expect(pngs.some((f) => f.includes("down"))).toBe(true);
  expect(pngs.some((f) => f.includes("parts"))).toBe(true);
});

describe("no room right of the table: the PAB goes on the PAB Watch sheet as formulas over the planner's cells", () => {
  test.each(["row per part", "periods down"])("%s at the sheet's right edge", (kind) => {
    const input =
      kind === "row per part"
        ? buildXlsx([
            {
              ...materialBalanceSheet(parts.slice(0, 3), months, {
                sheet: "Edge",
                part: "Part",
                description: "Description",
                stock: "Stock",
                safety: "Safety stock",
                receipts: "Receipts",
                demand: "Demand",
              }),
              offset: { row: 0, column: 16384 - 16 },
            },
          ])
        : buildXlsx([
            {
              name: "Edge",
              rows: downRows.map((r) => r.slice(0, 3)),
              offset: { row: 0, column: 16384 - 3 },
            },
          ]);
    const { report, annotated } = scanXlsxFile(input, "edge.xlsx", { annotate: true });
    expect(report.items.length).toBeGreaterThan(0);
    const after = readXlsxSnapshot(annotated as Uint8Array, "edge.xlsx");
    for (const item of report.items) {
      expect(item.pabCells).toHaveLength(item.periods.length);
      expect(item.pabCells[0]).toMatch(/^'PAB Watch'!/);
      // The first period's formula starts from the part's own on-hand cell on its sheet.
      expect(formulaAt(after, item.pabCells[0])).toMatch(/^=Edge!\$X[A-F][A-Z]?\$\d+-Edge!X/);
      expect(item.pabCells.map((ref) => valueAt(after, ref))).toEqual(item.pab);
    }
    expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

test("a PAB cell the planner typed over is theirs: that part is checked, not rewritten; the other parts stay ours", () => {
  const d = done.find((x) => x.c.name === "generated-parts.xlsx")!;
  const snapshot = readXlsxSnapshot(d.annotated as Uint8Array, d.c.name);
  const sheet = snapshot.sheets.find((s) => s.name === "Material balance")!;
  const target = d.report.items[4].pabCells[2]; // the fifth part, third month
  const { row, column } = parseA1(target.split("!")[1]);
  sheet.values[row - sheet.top][column - sheet.left] = 999;
  delete sheet.formulas[target.split("!")[1]];
  const { report, findings } = scanSnapshot(snapshot);
  const plan = buildWritePlan(snapshot, findings);
  expect(plan.pabCells[4]).toEqual([]);
  plan.pabCells.forEach((cells, i) => {
    if (i !== 4) expect(cells).toEqual(d.report.items[i].pabCells);
  });
  expect(plan.writes.some((w) => w.row === row && w.column === column)).toBe(false);
  expect(report.diagnostics.map((x) => [x.code, x.cell])).toEqual([["pab-differs", target]]);
  expect(plan.diagnostics).toEqual([]);
});

test("live mode writes the same portable formulas for these layouts (=PAB.BALANCE spills only across a grid or pivot row)", () => {
  for (const d of done.filter((x) => !x.c.sideSheet)) {
    const snapshot = readXlsxSnapshot(d.c.input, d.c.name);
    const { findings } = scanSnapshot(snapshot);
    const live = buildWritePlan(snapshot, findings, { live: true });
    expect(live.writes).toEqual(buildWritePlan(snapshot, findings).writes);
    expect(live.writes.some((w) => w.formula?.includes("PAB."))).toBe(false);
  }
});
