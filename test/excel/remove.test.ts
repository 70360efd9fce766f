import * as fs from "fs";
import * as path from "path";
import { buildWritePlan } from "../../src/annotate";
import {
  ExcelRun,
  applyWritePlan,
  loadWorkbookState,
  readWorkbookSnapshot,
  removeAnnotations,
  saveWorkbookState,
} from "../../src/excel";
import { fakeExcelRun } from "../../src/excel/fake/context";
import { FakeWorkbookModel, modelFromSnapshot } from "../../src/excel/fake/model";
import { scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";
import { sharedDir } from "../support/shared";

function setup(file: string) {
  const fromFile = readXlsxSnapshot(fs.readFileSync(path.join(sharedDir, "samples", file)), file);
  const model = modelFromSnapshot(fromFile);
  return { model, run: fakeExcelRun(model) as unknown as ExcelRun };
}

async function annotate(run: ExcelRun) {
  const snapshot = await readWorkbookSnapshot(run, "w.xlsx");
  await applyWritePlan(run, buildWritePlan(snapshot, scanSnapshot(snapshot).findings));
}

const state = (m: FakeWorkbookModel) =>
  JSON.stringify({
    sheets: m.sheets.map((s) => ({
      ...s,
      cells: [...s.cells].sort(),
      hiddenRows: [...s.hiddenRows],
    })),
    names: m.names,
  });

test.each(["classic-example.xlsx", "multi-item-grid.xlsx", "long-table.xlsx"])(
  "%s: Remove PAB Watch annotations gives the workbook back as it was",
  async (file) => {
    const { model, run } = setup(file);
    const before = state(model);
    await annotate(run);
    expect(state(model)).not.toBe(before);
    const result = await removeAnnotations(run);
    expect(result.kept).toEqual([]);
    expect(state(model)).toBe(before);
    expect(model.eventsEnabled).toBe(true);
  }
);

test("a cell the planner changed after we wrote there is kept, and said", async () => {
  const { model, run } = setup("classic-example.xlsx");
  await annotate(run);
  model.setCell(model.sheets[0], 6, 3, { value: 99, formula: undefined });
  const result = await removeAnnotations(run);
  expect(result.kept).toEqual(["MPS!A7:I7"]);
  expect(model.cell(model.sheets[0], 6, 3)?.value).toBe(99);
  expect(model.sheets[0].conditionalFormats).toEqual([]);
  expect(model.names).toEqual([]);
});

test("workbook state round-trips through the workbook's settings, and bad values fall back", async () => {
  const { model, run } = setup("classic-example.xlsx");
  expect(await loadWorkbookState(run)).toEqual({
    writeMode: null,
    startDate: null,
    fence: 0,
    mapping: null,
    followEdits: false,
  });
  await saveWorkbookState(run, {
    writeMode: "portable",
    startDate: "2026-11-30",
    fence: 2,
    mapping: { sheets: { MPS: { rows: { 7: "orders" } } } },
    followEdits: true,
  });
  expect(await loadWorkbookState(run)).toEqual({
    writeMode: "portable",
    startDate: "2026-11-30",
    fence: 2,
    mapping: { sheets: { MPS: { rows: { 7: "orders" } } } },
    followEdits: true,
  });
  model.settings.set("PABWatch.state", {
    writeMode: "shouting",
    startDate: "next week",
    fence: -1,
  });
  expect(await loadWorkbookState(run)).toEqual({
    writeMode: null,
    startDate: null,
    fence: 0,
    mapping: null,
    followEdits: false,
  });
});
