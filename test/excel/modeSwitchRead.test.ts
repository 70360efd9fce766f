import {
  DEFAULT_STATE,
  ExcelRun,
  OpenScanOptions,
  WriteModeChoice,
  scanOpenWorkbook,
} from "../../src/excel";
import { FakeRequestContext, fakeExcelRun } from "../../src/excel/fake/context";
import { FakeWorkbookModel, modelFromSnapshot } from "../../src/excel/fake/model";
import { readXlsxSnapshot } from "../../src/xlsx";
import { longTableWorkbook } from "../support/columnLayouts";
import { buildXlsx } from "../support/xlsxBuilder";

/**
 * A second scan in another write mode: the read leaves out our formulas, and the write's re-read
 * brings back what the first run wrote, which can be far longer than what this run writes (a long
 * table's SUMIFS where values mode writes a number, or where side-sheet mode writes nothing). The
 * re-read blocks must be sized for that, or Excel refuses the response and the scan cannot go on.
 */

const OPTIONS: OpenScanOptions = { customFunctions: false, lang: "en", today: "2026-11-30" };
const CAP = 4_000_000;

function longTable(items: number, weeks: number): FakeWorkbookModel {
  const wb = longTableWorkbook(items, weeks);
  return modelFromSnapshot(readXlsxSnapshot(buildXlsx(wb.sheets), "long.xlsx"));
}

test.each(["values", "side-sheet", "live"] as WriteModeChoice[])(
  "a 1,000-item × 52-week long table scanned portable, then %s: every response under 4 MB",
  async (second) => {
    const model = longTable(1000, 52);
    const contexts: FakeRequestContext[] = [];
    const run = fakeExcelRun(model, contexts) as unknown as ExcelRun;
    await scanOpenWorkbook(run, { ...DEFAULT_STATE, writeMode: "portable" }, OPTIONS);
    contexts.length = 0;
    const { report } = await scanOpenWorkbook(
      run,
      { ...DEFAULT_STATE, writeMode: second },
      { ...OPTIONS, customFunctions: second === "live" }
    );
    expect(contexts.reduce((n, c) => n + c.refusedResponses, 0)).toBe(0);
    expect(contexts.flatMap((c) => c.responseBytes).filter((b) => b >= CAP)).toEqual([]);
    expect(report.items).toHaveLength(1000);
    // Nothing left behind as the planner's: the earlier run's cells were all confirmed as ours.
    expect(report.diagnostics.filter((d) => d.code === "cell-in-the-way")).toEqual([]);
  },
  300_000
);
