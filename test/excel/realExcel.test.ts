/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- the fake's refusals are tested on purpose */
import * as fs from "fs";
import * as path from "path";
import { buildWritePlan } from "../../src/annotate";
import { ExcelRun, applyWritePlan, readWorkbookSnapshot, removeAnnotations } from "../../src/excel";
import { FakeRequestContext, fakeExcelRun } from "../../src/excel/fake/context";
import { FakeWorkbookModel, modelFromSnapshot, ruleFormulaAt } from "../../src/excel/fake/model";
import { scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";
import { classicLiveEvaluate } from "../support/classic";
import { sharedDir } from "../support/shared";
import { stackedGrid } from "../support/stackedGrid";

const sample = (file: string) =>
  modelFromSnapshot(readXlsxSnapshot(fs.readFileSync(path.join(sharedDir, "samples", file)), file));

async function annotate(
  run: ExcelRun,
  options: Parameters<typeof buildWritePlan>[2] = {},
  mode: "portable" | "values" = "portable"
) {
  const snapshot = await readWorkbookSnapshot(run, "w.xlsx");
  const plan = buildWritePlan(snapshot, scanSnapshot(snapshot).findings, options);
  const result = await applyWritePlan(run, plan, { mode, snapshot });
  return { snapshot, plan, result };
}

const runOf = (model: FakeWorkbookModel, contexts: FakeRequestContext[] = []) =>
  fakeExcelRun(model, contexts) as unknown as ExcelRun;

describe("the fake does what Excel does", () => {
  test("a failed sync keeps the operations before the failure and returns no loaded value", async () => {
    const model = new FakeWorkbookModel();
    model.addSheet("S");
    model.addSheet("Locked").protected = true;
    const ctx = new FakeRequestContext(model);
    const a1 = ctx.workbook.worksheets.getItem("S").getRange("A1");
    a1.values = [[1]];
    a1.load("values");
    ctx.workbook.worksheets.getItem("Locked").getRange("A1").values = [[2]];
    ctx.workbook.worksheets.getItem("S").getRange("A2").values = [[3]];
    await expect(ctx.sync()).rejects.toThrow(/AccessDenied/);
    expect(model.cell(model.sheet("S")!, 0, 0)?.value).toBe(1);
    expect(model.cell(model.sheet("S")!, 1, 0)).toBeUndefined();
    expect(() => a1.values).toThrow(/PropertyNotLoaded/);
  });

  test("values are parsed like typing unless the cell is text-formatted", async () => {
    const model = new FakeWorkbookModel();
    const s = model.addSheet("S");
    const ctx = new FakeRequestContext(model);
    ctx.workbook.worksheets.getItem("S").getRange("A1:E1").values = [
      ["12", "1,200", "+B1", "2026-11-30", "FG-1"],
    ];
    await ctx.sync();
    expect(model.cell(s, 0, 0)?.value).toBe(12);
    expect(model.cell(s, 0, 1)?.value).toBe(1200);
    expect(model.cell(s, 0, 2)?.formula).toBe("=+B1");
    expect(model.cell(s, 0, 3)?.value).toBe(46356);
    expect(model.cell(s, 0, 4)?.value).toBe("FG-1");
  });

  test("clear by type: contents keep the planner's fill, formats keep the contents", async () => {
    const model = new FakeWorkbookModel();
    const s = model.addSheet("S");
    model.setCell(s, 0, 0, { value: 5, fill: "#FFFF00", numberFormat: "0.0" });
    model.setCell(s, 0, 1, { value: 6, fill: "#FFFF00" });
    const ctx = new FakeRequestContext(model);
    ctx.workbook.worksheets.getItem("S").getRange("A1").clear("Contents");
    ctx.workbook.worksheets.getItem("S").getRange("B1").clear("Formats");
    await ctx.sync();
    expect(model.cell(s, 0, 0)).toEqual({ value: "", fill: "#FFFF00", numberFormat: "0.0" });
    expect(model.cell(s, 0, 1)).toEqual({ value: 6 });
  });

  test("more than 512 merged areas fail the request", async () => {
    const model = new FakeWorkbookModel();
    const s = model.addSheet("S");
    for (let i = 0; i < 600; i++) s.merged.push({ top: i, bottom: i, left: 0, right: 1 });
    const ctx = new FakeRequestContext(model);
    ctx.workbook.worksheets
      .getItem("S")
      .getRange("A1:B600")
      .getMergedAreasOrNullObject()
      .load("areas");
    await expect(ctx.sync()).rejects.toThrow(/merged areas/);
  });
});

describe("defects found in review (issue 12)", () => {
  test("1: the planner's own data bar neither breaks the scan nor Remove", async () => {
    const model = sample("classic-example.xlsx");
    const mps = model.sheet("MPS")!;
    model.addConditionalFormat(mps, [{ top: 4, bottom: 4, left: 1, right: 8 }], "", {}, "DataBar");
    const run = runOf(model);
    await annotate(run);
    expect(mps.conditionalFormats.filter((c) => c.type === "Custom").length).toBeGreaterThan(0);
    await removeAnnotations(run);
    expect(mps.conditionalFormats.map((c) => c.type)).toEqual(["DataBar"]);
  });

  test("3: colours read each item's own cells, also near the bottom of 1,200 items", async () => {
    const model = stackedGrid(1200);
    // Every other item plans one week more, so the items' PAB rows are bands of their own.
    const sheet = model.sheet("MPS")!;
    for (let i = 1; i < 1200; i += 2) {
      model.setCell(sheet, i * 7 + 3, 9, { value: "W9" });
      model.setCell(sheet, i * 7 + 4, 9, { value: 12 });
      model.setCell(sheet, i * 7 + 5, 9, { value: 0 });
    }
    const { plan } = await annotate(runOf(model));
    const mps = model.sheet("MPS")!;
    const short = mps.conditionalFormats.filter((c) => c.format.fill === "#FFC7CE");
    // The rule's ranges are too long for one address: it is added in chunks, each anchored at its
    // own first range (the case that coloured the wrong rows).
    expect(short.length).toBeGreaterThan(1);
    const rulesAt = (row: number, column: number) =>
      short.filter((cf) =>
        cf.ranges.some(
          (r) => row >= r.top && row <= r.bottom && column >= r.left && column <= r.right
        )
      );
    // Every PAB cell, first item to last, is coloured by its own value.
    for (const cells of plan.pabCells)
      for (const ref of cells) {
        const row = Number(/\d+$/.exec(ref)![0]) - 1;
        const column = /!([A-Z]+)/.exec(ref)![1].charCodeAt(0) - 65;
        const own = `${String.fromCharCode(65 + column)}${row + 1}<0)`;
        const at = rulesAt(row, column).map((cf) => ruleFormulaAt(cf, row, column));
        expect([ref, at.length, at[0].endsWith(own)]).toEqual([ref, 1, true]);
      }
    // Any other cell a rule covers is coloured only where its own row holds our label.
    for (const cf of short)
      for (const r of cf.ranges)
        for (let row = r.top; row <= r.bottom; row++) {
          const f = ruleFormulaAt(cf, row, r.left);
          expect(f.includes(`$A${row + 1}="PAB (PAB Watch)"`) || !/\$A/.test(f)).toBe(true);
          if (f.includes("$A")) expect(f).toContain(`B${row + 1}<0)`);
        }
  });

  test("4: live, then portable: our spilled cells are ours, nothing is refused", async () => {
    const model = sample("classic-example.xlsx");
    model.evaluate = classicLiveEvaluate(model);
    const run = runOf(model);
    await annotate(run, { live: true });
    const mps = model.sheet("MPS")!;
    expect(model.cell(mps, 6, 2)).toEqual({ value: 14 });
    const { plan } = await annotate(run, {});
    expect(plan.diagnostics).toEqual([]);
    expect(model.cell(mps, 6, 2)?.formula).toBe("=B7-C5+C6");
  });

  test("5: portable, then side sheet: no cell of ours is left behind without its owner, no rule anywhere", async () => {
    const model = sample("multi-item-grid.xlsx");
    const run = runOf(model);
    const first = await annotate(run, {});
    const pab = first.plan.pabCells[0][0];
    await annotate(run, { sideSheet: true });
    expect(model.sheet("Plan")!.conditionalFormats).toEqual([]);
    // The portable PAB cells are either gone or still recorded as ours.
    const snapshot = await readWorkbookSnapshot(run, "w.xlsx");
    const [sheet, cell] = pab.split("!");
    const row = Number(/\d+/.exec(cell)![0]) - 1;
    const held = model.cell(model.sheet(sheet)!, row, 1);
    if (held?.formula)
      expect(
        snapshot.owned?.some(
          (o) => o.sheet === sheet && o.ranges.some((r) => r.includes(`${row + 1}`))
        )
      ).toBe(true);
  });

  test("6: values written twice: the second scan sees our numbers as ours", async () => {
    const model = sample("classic-example.xlsx");
    const run = runOf(model);
    await annotate(run, {}, "values");
    const { plan } = await annotate(run, {}, "values");
    expect(plan.diagnostics).toEqual([]);
    expect(plan.pabCells[0][0]).toBe("MPS!B7");
  });

  // 9 (no call over JavaScriptCore's 65,536 arguments): test/excel/argumentLimit.test.ts.

  test("10: the PAB Watch sheet is kept, so the planner's references to it survive", async () => {
    const model = sample("classic-example.xlsx");
    const run = runOf(model);
    await annotate(run);
    const notes = model.addSheet("Notes");
    model.setCell(notes, 0, 0, { value: 0, formula: "='PAB Watch'!A1" });
    await annotate(run);
    expect(model.cell(notes, 0, 0)?.formula).toBe("='PAB Watch'!A1");
  });

  test("14: Remove keeps the planner's formatting and leaves no text format of ours", async () => {
    const model = sample("classic-example.xlsx");
    const mps = model.sheet("MPS")!;
    for (let c = 0; c < 9; c++) model.setCell(mps, 6, c, { fill: "#DDEBF7" });
    const run = runOf(model);
    await annotate(run);
    await removeAnnotations(run);
    for (let c = 0; c < 9; c++)
      expect(model.cell(mps, 6, c)).toEqual({ value: "", fill: "#DDEBF7" });
  });

  test("15: our names end up hidden, also where Excel ignores hiding in the adding batch", async () => {
    const model = sample("classic-example.xlsx");
    await annotate(runOf(model));
    expect(model.names.length).toBeGreaterThan(0);
    expect(model.names.filter((n) => n.visible)).toEqual([]);
  });

  // 18 (a deleted annotated sheet): test/excel/deletedSheet.test.ts.

  test("19: what we wrote is calculated when the scan ends", async () => {
    const model = sample("classic-example.xlsx");
    await annotate(runOf(model));
    expect([...model.uncalculated]).toEqual([]);
  });

  // 20 (follow edits: triggerSource, removal on its own context, the pane's switch): test/excel/follow.test.ts, test/taskpane/followEdits.test.tsx.
});

test("12: a cell the planner edits between the read and the write is left as they typed it", async () => {
  const model = sample("multi-item-grid.xlsx");
  const run = runOf(model);
  const snapshot = await readWorkbookSnapshot(run, "w.xlsx");
  const plan = buildWritePlan(snapshot, scanSnapshot(snapshot).findings);
  const [sheet, cell] = plan.pabCells[0][1].split("!");
  const column = cell.charCodeAt(0) - 65;
  const row = Number(cell.slice(1)) - 1;
  // The planner types into the first item's PAB row while the pane is computing.
  model.setCell(model.sheet(sheet)!, row, column, { value: "checked" });
  const result = await applyWritePlan(run, plan, { snapshot });
  expect(model.cell(model.sheet(sheet)!, row, column)?.value).toBe("checked");
  expect(result.changedSinceRead).toHaveLength(1);
  // The other items are written as planned.
  const [s2, c2] = plan.pabCells[1][0].split("!");
  expect(
    model.cell(model.sheet(s2)!, Number(c2.slice(1)) - 1, c2.charCodeAt(0) - 65)?.formula
  ).toBeDefined();
});

test("8 and 2: hidden rows and columns, 600 merged areas and date headers are read in few round trips", async () => {
  const model = stackedGrid(400);
  const mps = model.sheet("MPS")!;
  for (const r of [5, 100, 101, 102, 2500]) mps.hiddenRows.add(r);
  mps.hiddenColumns = new Set([3]);
  for (let i = 0; i < 600; i++) mps.merged.push({ top: i * 4, bottom: i * 4, left: 10, right: 11 });
  model.setCell(mps, 3, 12, { value: 46356, numberFormat: "yyyy-mm-dd" });
  model.setCell(mps, 4, 12, { value: 46356 });
  const contexts: FakeRequestContext[] = [];
  const snapshot = await readWorkbookSnapshot(runOf(model, contexts), "w.xlsx");
  const s = snapshot.sheets[0];
  expect(s.hiddenRows).toEqual([5, 100, 101, 102, 2500]);
  expect(s.hiddenColumns).toEqual([3]);
  expect(s.merged).toHaveLength(600);
  expect(new Set(s.merged).size).toBe(600);
  expect(s.numberFormats).toEqual({ M4: "yyyy-mm-dd" });
  expect(s.values[4][12]).toBe(46356);
  const syncs = contexts.reduce((n, c) => n + c.syncCount, 0);
  expect(syncs).toBeLessThanOrEqual(20);
  expect(Math.max(...contexts.flatMap((c) => c.responseBytes))).toBeLessThan(4 * 1024 * 1024);
});
