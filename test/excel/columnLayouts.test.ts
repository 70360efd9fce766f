import { OWNED_NAME_PREFIX } from "../../src/annotate";
import { LONG_COLUMN_PART_ROWS } from "../../src/annotate/build";
import { DEFAULT_STATE, ExcelRun, applyWritePlan, scanOpenWorkbook } from "../../src/excel";
import { bulkCost } from "../../src/excel/applyWritePlan";
import { requestCost } from "../../src/excel/run";
import { projectSnapshot } from "../../src/excel/project";
import { measuredExcelRun, newRequestLog } from "../../src/excel/fake/officeJsRequests";
import { FakeRange, fakeExcelRun } from "../../src/excel/fake/context";
import { FakeWorkbookModel, modelFromSnapshot, parseAddress } from "../../src/excel/fake/model";
import { CellRange } from "../../src/layout/address";
import { shownWindow } from "../../src/workbench/evaluate";
import { readXlsxSnapshot } from "../../src/xlsx";
import { ColumnWorkbook, longTableWorkbook, periodsDownWorkbook } from "../support/columnLayouts";
import { handPab, makeParts, materialBalanceSheet } from "../support/layouts";
import { TestCell, buildXlsx } from "../support/xlsxBuilder";

/**
 * Layouts whose PAB is a column (a long table, periods down the rows) and one row per part, generated,
 * scanned through the Office.js adapter against the strict fake: each item's cells go in as one range
 * with the name that records them, and the formulas written give the PAB worked out by hand.
 */

const runOf = (model: FakeWorkbookModel) => fakeExcelRun(model) as unknown as ExcelRun;

function modelOf(sheets: ColumnWorkbook["sheets"]): FakeWorkbookModel {
  return modelFromSnapshot(readXlsxSnapshot(buildXlsx(sheets), "generated.xlsx"));
}

async function scan(model: FakeWorkbookModel) {
  return scanOpenWorkbook(
    runOf(model),
    { ...DEFAULT_STATE, writeMode: "portable" },
    { customFunctions: true, lang: "en", today: "2026-11-30" }
  );
}

/** Every `formulas` or `values` set on a range while `body` runs: the sheet, the range, which. */
async function rangeWrites(body: () => Promise<unknown>) {
  const seen: {
    prop: string;
    sheet: string;
    top: number;
    left: number;
    rows: number;
    columns: number;
  }[] = [];
  const restore: (() => void)[] = [];
  for (const prop of ["formulas", "values"] as const) {
    const d = Object.getOwnPropertyDescriptor(FakeRange.prototype, prop)!;
    Object.defineProperty(FakeRange.prototype, prop, {
      ...d,
      set(this: FakeRange, data: unknown[][]) {
        const at = (this as unknown as { area(): CellRange | null }).area();
        if (at)
          seen.push({
            prop,
            sheet: this.sheetName,
            top: at.top,
            left: at.left,
            rows: at.bottom - at.top + 1,
            columns: at.right - at.left + 1,
          });
        d.set!.call(this, data);
      },
    });
    restore.push(() => Object.defineProperty(FakeRange.prototype, prop, d));
  }
  try {
    await body();
  } finally {
    restore.forEach((r) => r());
  }
  return seen;
}

/** Cells as the formula engine shows them (HyperFormula over the fake), one window per sheet. */
function shownNumbers(model: FakeWorkbookModel, refs: string[]): Map<string, number> {
  const bySheet = new Map<string, CellRange[]>();
  for (const ref of refs) {
    const { sheet, range } = parseAddress(ref, null);
    const list = bySheet.get(sheet!);
    if (list) list.push(range);
    else bySheet.set(sheet!, [range]);
  }
  const out = new Map<string, number>();
  for (const [sheet, ranges] of bySheet) {
    const window = {
      top: Math.min(...ranges.map((r) => r.top)),
      left: Math.min(...ranges.map((r) => r.left)),
      bottom: Math.max(...ranges.map((r) => r.bottom)),
      right: Math.max(...ranges.map((r) => r.right)),
    };
    const shown = shownWindow(model, sheet, window);
    for (const r of ranges) {
      // Short and low cells show a marker beside the number (▼ -18): the number is what counts.
      const text = shown.get(`${r.top},${r.left}`)?.text ?? "";
      const number = /-?\d+(\.\d+)?/.exec(text);
      out.set(`${sheet}!${r.top},${r.left}`, number ? Number(number[0]) : Number.NaN);
    }
  }
  return out;
}

/** The names of ours on a sheet, each with its recorded areas' bounding box. */
function ourNames(model: FakeWorkbookModel, sheet: string) {
  return model.names
    .filter((n) => n.name.startsWith(OWNED_NAME_PREFIX) && n.sheet === sheet)
    .map((n) => ({
      name: n.name,
      top: Math.min(...n.ranges.map((r) => r.top)),
      left: Math.min(...n.ranges.map((r) => r.left)),
      bottom: Math.max(...n.ranges.map((r) => r.bottom)),
      right: Math.max(...n.ranges.map((r) => r.right)),
    }));
}

const parts = makeParts(12, 6, 9);
const months: TestCell[] = [1, 2, 3, 4, 5, 6].map((m) => ({
  date: `2027-0${m}-01`,
  format: "mmm-yy",
}));
const rowPerPart: ColumnWorkbook = {
  sheets: [
    materialBalanceSheet(parts, months, {
      sheet: "Material balance",
      part: "Part",
      description: "Description",
      stock: "Stock",
      safety: "Safety stock",
      receipts: "Receipts",
      demand: "Demand",
    }),
  ],
  pab: Object.fromEntries(parts.map((p) => [p.part, handPab(p.stock, p.demand, p.receipts)])),
};

const workbooks: [string, ColumnWorkbook, string][] = [
  [
    "a long table of 30 items × 10 weeks, rows shuffled",
    longTableWorkbook(30, 10),
    "Orders and MPS",
  ],
  ["five periods-down blocks one under the other", periodsDownWorkbook(5, 7), "周计划"],
  ["one row per part, 12 parts × 6 months", rowPerPart, "Material balance"],
];

describe.each(workbooks)("%s", (_name, wb, sheet) => {
  test("each item's cells go in as one range per kind, the range its name records", async () => {
    const model = modelOf(wb.sheets);
    let result: Awaited<ReturnType<typeof scan>> | undefined;
    const writes = await rangeWrites(async () => (result = await scan(model)));
    expect(result!.wrote).toBe(true);
    expect(result!.report.items.map((i) => i.item).sort()).toEqual(Object.keys(wb.pab).sort());
    const names = ourNames(model, sheet);
    expect(names.length).toBeGreaterThan(0);
    const onSheet = writes.filter((w) => w.sheet === sheet);
    // One formulas operation per name, over exactly its cells (a PAB column with its label, a
    // part's row); a row-per-part block's period headers are text, set once more as values.
    const formulas = onSheet.filter((w) => w.prop === "formulas");
    expect(formulas.length).toBe(names.length);
    for (const w of formulas) {
      const name = names.find(
        (n) =>
          n.top <= w.top &&
          w.top + w.rows - 1 <= n.bottom &&
          n.left <= w.left &&
          w.left + w.columns - 1 <= n.right
      );
      expect([w, name !== undefined]).toEqual([w, true]);
    }
    const texts = onSheet.filter((w) => w.prop === "values");
    expect(texts.length).toBe(sheet === "Material balance" ? 1 : 0);
    // Fewer operations than cells written (one per cell before).
    const cells = result!.report.items.reduce((n, i) => n + i.pabCells.length, 0);
    expect(onSheet.length).toBeLessThan(cells / 4);
  });

  test("the formulas written give the PAB worked out from the cells, and a rescan changes nothing", async () => {
    const model = modelOf(wb.sheets);
    const { report } = await scan(model);
    const shown = shownNumbers(
      model,
      report.items.flatMap((i) => i.pabCells)
    );
    const at = (ref: string) => {
      const { sheet, range } = parseAddress(ref, null);
      return shown.get(`${sheet}!${range.top},${range.left}`);
    };
    for (const item of report.items) {
      expect([item.item, item.pab]).toEqual([item.item, wb.pab[item.item]]);
      expect([item.item, item.pabCells.map(at)]).toEqual([item.item, wb.pab[item.item]]);
    }
    const cellsBefore = JSON.stringify(model.sheets.map((s) => [...s.cells]));
    const namesBefore = JSON.stringify(model.names);
    const again = await scan(model);
    expect(again.report.diagnostics.filter((d) => d.severity === "warning")).toEqual([]);
    expect(JSON.stringify(model.sheets.map((s) => [...s.cells]))).toBe(cellsBefore);
    expect(JSON.stringify(model.names)).toBe(namesBefore);
  });
});

test("the fake, as Office.js: null in a 2-D array leaves that cell as it is; null for the whole range is refused", async () => {
  const model = new FakeWorkbookModel();
  const s = model.addSheet("S");
  model.setCell(s, 0, 0, { value: "keep" });
  model.setCell(s, 1, 0, { value: 7, numberFormat: "0.00" });
  await runOf(model)(async (context) => {
    const range = context.workbook.worksheets.getItem("S").getRange("A1:A3");
    range.numberFormat = [[null as unknown as string], [null as unknown as string], ["0"]];
    range.formulas = [[null], [null], ["=1+1"]];
    await context.sync();
  });
  expect(model.cell(s, 0, 0)).toEqual({ value: "keep" });
  expect(model.cell(s, 1, 0)).toEqual({ value: 7, numberFormat: "0.00" });
  expect(model.cell(s, 2, 0)).toMatchObject({ formula: "=1+1", numberFormat: "0" });
  await expect(
    runOf(model)(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").values = null as unknown as [];
      await context.sync();
    })
  ).rejects.toThrow(/InvalidArgument/);
});

test("a long table's PAB column is recorded in parts of LONG_COLUMN_PART_ROWS rows, the label with the first", async () => {
  const weeks = 10;
  const rows = 30 * weeks;
  const model = modelOf(longTableWorkbook(30, weeks).sheets);
  await scan(model);
  const names = ourNames(model, "Orders and MPS").sort((a, b) => a.top - b.top);
  const parts = Math.ceil(rows / LONG_COLUMN_PART_ROWS);
  expect(parts).toBeGreaterThan(1);
  expect(names.map((n) => [n.top, n.bottom, n.left === n.right])).toEqual(
    Array.from({ length: parts }, (_p, k) => [
      k === 0 ? 0 : 1 + k * LONG_COLUMN_PART_ROWS,
      Math.min(rows, (k + 1) * LONG_COLUMN_PART_ROWS),
      true,
    ])
  );
});

test("a long table of 1,000 items × 52 weeks: the write goes in requests under 4 MB as Office.js builds them, each estimated at no less", async () => {
  const wb = longTableWorkbook(1000, 52);
  const snapshot = readXlsxSnapshot(buildXlsx(wb.sheets), "long.xlsx");
  const model = modelFromSnapshot(snapshot);
  const { plan } = projectSnapshot(snapshot, {
    state: DEFAULT_STATE,
    live: false,
    lang: "en",
    today: "2026-11-30",
  });
  const log = newRequestLog();
  const result = await applyWritePlan(measuredExcelRun(model, log) as unknown as ExcelRun, plan, {
    snapshot,
  });
  expect(log.requests.length).toBe(result.estimates.length);
  log.requests.forEach((real, i) => {
    expect([i, real < 4_000_000, result.estimates[i] >= real]).toEqual([i, true, true]);
  });
  // 52,000 formulas of about 170 bytes: more than one request, no more than the bytes need.
  const total = log.requests.reduce((a, b) => a + b, 0);
  expect(result.syncs).toBeLessThanOrEqual(Math.ceil(total / 3_600_000) + 2);
  const column = model.sheet("Orders and MPS")!;
  expect(column.cells.at(52000, 4)?.formula).toMatch(/^=INDEX\(Inventory!\$B:\$B,/);
}, 120_000);

describe("more than 1,500 cells in one set (Office.js setRangePropertiesInBulk)", () => {
  test("the fake, as Office.js, sets them a block of rows at a time: a failure between blocks leaves the first written", async () => {
    const model = new FakeWorkbookModel();
    const s = model.addSheet("S");
    model.failAt = { sync: 0, op: 2 };
    await expect(
      runOf(model)(async (context) => {
        const range = context.workbook.worksheets.getItem("S").getRangeByIndexes(0, 0, 1000, 2);
        range.values = Array.from({ length: 1000 }, (_r, i) => [i, i]);
        await context.sync();
      })
    ).rejects.toThrow(/injected/);
    // A size check, then blocks of round(1500 / 2) = 750 rows.
    expect(model.opsPerSync).toEqual([3]);
    expect(model.cell(s, 749, 1)?.value).toBe(749);
    expect(model.cell(s, 750, 0)).toBeUndefined();
  });

  test.each([
    [1000, 2],
    [2000, 10],
    [1501, 1],
    [5000, 3],
    [751, 2],
  ])(
    "%i × %i: the adapter's estimate is never below what Office.js builds",
    async (rows, columns) => {
      const measure = async (data: number[][] | null) => {
        const model = new FakeWorkbookModel();
        model.addSheet("S");
        const log = newRequestLog();
        await (measuredExcelRun(model, log) as unknown as ExcelRun)(async (context) => {
          const ws = context.workbook.worksheets.getItem("S");
          ws.getRange("A1").values = [[1]];
          if (data) {
            // As the adapter writes text: one range, its format, then its values.
            const at = ws.getRangeByIndexes(0, 2, rows, columns);
            at.numberFormat = data.map((r) => r.map(() => "@"));
            at.values = data;
          }
          await context.sync();
        });
        return log.requests[0];
      };
      const data = Array.from({ length: rows }, (_r, i) =>
        Array.from({ length: columns }, (_c, j) => i * columns + j)
      );
      const formats = data.map((r) => r.map(() => "@"));
      const real = (await measure(data)) - (await measure(null));
      const estimate = requestCost(1, 2, [formats, data]) + bulkCost(rows, columns, 2);
      expect(estimate).toBeGreaterThanOrEqual(real);
      expect(estimate).toBeLessThan(real * 1.1);
    }
  );
});

test("a long table of 1,000 items × 52 weeks scanned in Excel: the read too stays under 4 MB a request (its date column's formats one range)", async () => {
  const wb = longTableWorkbook(1000, 52);
  const model = modelOf(wb.sheets);
  const log = newRequestLog();
  const result = await scanOpenWorkbook(
    measuredExcelRun(model, log) as unknown as ExcelRun,
    { ...DEFAULT_STATE, writeMode: "portable" },
    { customFunctions: true, lang: "en", today: "2026-11-30" }
  );
  expect(result.wrote).toBe(true);
  expect(result.report.items).toHaveLength(1000);
  // The weeks were read as the dates they are (their number format came back).
  expect(result.report.items[0].periods[0]).toBe("2026-11-30");
  expect(log.requests.filter((bytes) => bytes >= 4_000_000)).toEqual([]);
  const item = result.report.items.find((i) => i.item === "SKU-100")!;
  expect(item.pab).toEqual(wb.pab["SKU-100"]);
}, 120_000);
