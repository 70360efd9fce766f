import * as fs from "fs";
import * as path from "path";
import { buildWritePlan } from "../../src/annotate";
import { scanXlsxFile } from "../../src/cli/scanFile";
import { ExcelRun, applyWritePlan, readWorkbookSnapshot } from "../../src/excel";
import { FakeRequestContext, fakeExcelRun } from "../../src/excel/fake/context";
import { modelFromSnapshot } from "../../src/excel/fake/model";
import { cellRef, readPlans } from "../../src/layout";
import { scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";
import { formulaAt, valueAt } from "../support/cells";
import { sharedDir } from "../support/shared";

/** The periods-down and row-per-part samples through the Office.js adapter and its strict fake. */
const dir = path.join(sharedDir, "samples", "real-layouts");
const files = ["periods-down-chinese.xlsx", "material-balance.xlsx"];

describe.each(files)("%s through the Office.js adapter", (file) => {
  const bytes = fs.readFileSync(path.join(dir, file));
  const fromFile = readXlsxSnapshot(bytes, file);

  test("the same snapshot and plans, the same WritePlan and cells as the .xlsx writer; a second run changes nothing", async () => {
    const model = modelFromSnapshot(fromFile);
    const contexts: FakeRequestContext[] = [];
    const run = fakeExcelRun(model, contexts) as unknown as ExcelRun;
    const snapshot = await readWorkbookSnapshot(run, file);
    expect(snapshot).toEqual(fromFile);
    expect(readPlans(snapshot)).toEqual(readPlans(fromFile));

    const plan = buildWritePlan(snapshot, scanSnapshot(snapshot).findings);
    expect(plan).toEqual(buildWritePlan(fromFile, scanSnapshot(fromFile).findings));
    expect(plan.pabCells.every((cells) => cells.length > 0)).toBe(true);
    const result = await applyWritePlan(run, plan);
    expect(result.cfRules).toBe(plan.rules.length);
    expect(contexts.reduce((n, c) => n + c.syncCount, 0)).toBeLessThanOrEqual(10);

    const annotated = readXlsxSnapshot(
      scanXlsxFile(bytes, file, { annotate: true }).annotated as Uint8Array,
      file
    );
    const after = await readWorkbookSnapshot(fakeExcelRun(model) as unknown as ExcelRun, file);
    for (const w of plan.writes) {
      const ref = cellRef(w.sheet, w.row, w.column);
      if (w.formula !== undefined)
        expect([ref, formulaAt(after, ref)]).toEqual([ref, formulaAt(annotated, ref)]);
      else expect([ref, valueAt(after, ref)]).toEqual([ref, valueAt(annotated, ref)]);
    }

    const again = await readWorkbookSnapshot(run, file);
    const second = buildWritePlan(again, scanSnapshot(again).findings);
    expect(second.diagnostics).toEqual([]);
    expect(second.pabCells).toEqual(plan.pabCells);
    expect(second.writes).toEqual(plan.writes);
  });
});
