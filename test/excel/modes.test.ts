import * as fs from "fs";
import * as path from "path";
import { buildWritePlan } from "../../src/annotate";
import { ExcelRun, applyWritePlan, readWorkbookSnapshot } from "../../src/excel";
import { fakeExcelRun } from "../../src/excel/fake/context";
import { modelFromSnapshot } from "../../src/excel/fake/model";
import { scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";
import { sharedDir } from "../support/shared";

function setup(file: string) {
  const fromFile = readXlsxSnapshot(fs.readFileSync(path.join(sharedDir, "samples", file)), file);
  const model = modelFromSnapshot(fromFile);
  return { fromFile, model, run: fakeExcelRun(model) as unknown as ExcelRun };
}

async function annotate(
  run: ExcelRun,
  options: Parameters<typeof buildWritePlan>[2],
  mode: "portable" | "values" = "portable"
) {
  const snapshot = await readWorkbookSnapshot(run, "w.xlsx");
  const plan = buildWritePlan(snapshot, scanSnapshot(snapshot).findings, options);
  await applyWritePlan(run, plan, { mode });
  return plan;
}

const plannerCells = (m: ReturnType<typeof setup>["model"], sheet: string) =>
  JSON.stringify([...m.sheet(sheet)!.cells].sort());

test("side sheet: no planner cell touched, the PAB on the PAB Watch sheet references theirs", async () => {
  const { model, run } = setup("multi-item-grid.xlsx");
  const before = plannerCells(model, "Plan");
  const plan = await annotate(run, { sideSheet: true });
  expect(plannerCells(model, "Plan")).toBe(before);
  expect(model.sheet("Plan")!.conditionalFormats).toEqual([]);
  const side = model.sheet("PAB Watch")!;
  const pabRow = plan.pabCells[0][0];
  expect(pabRow).toMatch(/^'PAB Watch'!C\d+$/);
  const row = Number(/\d+$/.exec(pabRow)![0]) - 1;
  expect(model.cell(side, row, 2)?.formula).toBe("=Plan!$B$2-Plan!B5+Plan!B6");
  expect(model.cell(side, row, 3)?.formula).toBe(`=C${row + 1}-Plan!C5+Plan!C6`);
  expect(side.conditionalFormats.length).toBeGreaterThan(0);
  // A second run gives the same workbook.
  const snapshotState = () =>
    JSON.stringify(model.sheets.map((s) => [s.name, [...s.cells].sort()]));
  const first = snapshotState();
  await annotate(run, { sideSheet: true });
  expect(snapshotState()).toBe(first);
});

test("values mode writes the numbers, not formulas", async () => {
  const { model, run } = setup("classic-example.xlsx");
  await annotate(run, {}, "values");
  const mps = model.sheet("MPS")!;
  expect([1, 2, 3, 8].map((c) => model.cell(mps, 6, c))).toEqual([
    { value: 29 },
    { value: 14 },
    { value: 49 },
    { value: -6 },
  ]);
});

test("live mode writes one =PAB.BALANCE per item", async () => {
  const { model, run } = setup("classic-example.xlsx");
  await annotate(run, { live: true });
  const mps = model.sheet("MPS")!;
  expect(model.cell(mps, 6, 1)?.formula).toBe("=PAB.BALANCE($B$2,B5:I5,B6:I6)");
  expect(model.cell(mps, 6, 2)).toBeUndefined();
});

test("a planner's own sheet named PAB Watch is never deleted", async () => {
  const { model, run } = setup("classic-example.xlsx");
  model.setCell(model.addSheet("PAB Watch"), 0, 0, { value: "my notes" });
  await expect(annotate(run, {})).rejects.toThrow(/is not PAB Watch's/);
  expect(model.cell(model.sheet("PAB Watch")!, 0, 0)?.value).toBe("my notes");
  expect(model.eventsEnabled).toBe(true);
});
