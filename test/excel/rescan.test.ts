import * as fs from "fs";
import * as path from "path";
import {
  DEFAULT_STATE,
  ExcelRun,
  OpenScanOptions,
  WorkbookState,
  applyWritePlan,
  projectSnapshot,
  readWorkbookSnapshot,
  scanOpenWorkbook,
} from "../../src/excel";
import { FakeRequestContext, fakeExcelRun } from "../../src/excel/fake/context";
import { FakeWorkbookModel, modelFromSnapshot, sumOfReferences } from "../../src/excel/fake/model";
import { readXlsxSnapshot } from "../../src/xlsx";
import { classicLiveEvaluate } from "../support/classic";
import { sharedDir } from "../support/shared";
import { stackedGrid } from "../support/stackedGrid";

/**
 * The second scan of an annotated workbook (the planner's every morning): the read leaves out the
 * formulas of cells our names record as ours, and the write's re-read confirms them.
 */

const PORTABLE: WorkbookState = { ...DEFAULT_STATE, writeMode: "portable" };
const OPTIONS: OpenScanOptions = { customFunctions: false, lang: "en", today: "2026-11-30" };

/** A stacked grid whose formulas calculate, as Excel's do (the second read sees our numbers). */
function grid(items: number, periods = 8): FakeWorkbookModel {
  const model = stackedGrid(items, periods);
  model.evaluate = sumOfReferences(model);
  return model;
}

function measured(model: FakeWorkbookModel) {
  const contexts: FakeRequestContext[] = [];
  const run = fakeExcelRun(model, contexts) as unknown as ExcelRun;
  return {
    run,
    contexts,
    syncs: () => contexts.reduce((n, c) => n + c.syncCount, 0),
    responses: () => contexts.reduce((n, c) => n + c.responseBytes.reduce((a, b) => a + b, 0), 0),
  };
}

/** Cells, rules (without the fake's ids) and names: what a second scan must leave as it was. */
function workbookState(model: FakeWorkbookModel, withNames = true): string {
  return JSON.stringify([
    model.sheets.map((s) => [
      s.name,
      [...s.cells.cells()],
      s.conditionalFormats.map((rule) => ({ ...rule, id: 0 })),
    ]),
    withNames ? model.names : [],
  ]);
}

const cellsOnly = (model: FakeWorkbookModel) =>
  JSON.stringify(model.sheets.map((s) => [s.name, [...s.cells.cells()]]));

/** The second scan as it was before: every formula read, then the same projection and write. */
async function fullReadScan(run: ExcelRun): Promise<void> {
  const snapshot = await readWorkbookSnapshot(run, "workbook");
  const { plan } = projectSnapshot(snapshot, {
    state: PORTABLE,
    live: false,
    lang: "en",
    today: "2026-11-30",
  });
  await applyWritePlan(run, plan, { snapshot, mode: "portable" });
}

test("a second scan reads our cells as values only, and leaves the workbook as the first scan did", async () => {
  const model = grid(300);
  const m = measured(model);
  await scanOpenWorkbook(m.run, PORTABLE, OPTIONS);
  const first = workbookState(model);

  // What the read leaves out: our formulas (their numbers come back), not the planner's values.
  const full = measured(model);
  const everything = await readWorkbookSnapshot(full.run, "w.xlsx");
  const deferred = measured(model);
  const snapshot = await readWorkbookSnapshot(deferred.run, "w.xlsx", { deferOwnedFormulas: true });
  const mps = snapshot.sheets[0];
  expect(Object.keys(everything.sheets[0].formulas)).toHaveLength(300 * 8);
  expect(Object.keys(mps.formulas)).toEqual([]);
  expect(mps.values).toEqual(everything.sheets[0].values);
  expect(mps.values[6][1]).toBe(40 - 10 + 0);
  const pabAreas = snapshot.owned!.filter((o) => o.sheet === "MPS");
  expect(pabAreas).toHaveLength(300);
  expect(pabAreas.every((o) => o.formulasUnread)).toBe(true);
  expect(deferred.responses()).toBeLessThan(full.responses() * 0.75);

  const before = m.syncs();
  await scanOpenWorkbook(m.run, PORTABLE, OPTIONS);
  expect(workbookState(model)).toBe(first);
  // The read (3) and the write (first sync re-reads, one block, the last sync).
  expect(m.syncs() - before).toBeLessThanOrEqual(6);
  // And a third.
  await scanOpenWorkbook(m.run, PORTABLE, OPTIONS);
  expect(workbookState(model)).toBe(first);
});

test("a planner's edit inside our area between scans is theirs: the item is left as they have it, as a full read would leave it", async () => {
  const edit = (model: FakeWorkbookModel) => {
    const mps = model.sheet("MPS")!;
    // Item 5: a note typed over a PAB cell; item 9: a PAB cell cleared; item 12: a formula of their own.
    model.setCell(mps, 4 * 7 + 6, 3, { value: "call Li", formula: undefined });
    model.setCell(mps, 8 * 7 + 6, 5, { value: "", formula: undefined });
    model.setCell(mps, 11 * 7 + 6, 2, { value: 7, formula: "=3+4" });
    // Item 20: an order changed (our formulas stay ours, their numbers change).
    model.setCell(mps, 19 * 7 + 4, 4, { value: 99 });
  };
  const ours = grid(40);
  const theirs = grid(40);
  const a = measured(ours);
  const b = measured(theirs);
  await scanOpenWorkbook(a.run, PORTABLE, OPTIONS);
  await scanOpenWorkbook(b.run, PORTABLE, OPTIONS);
  const firstA = ours.sheet("MPS")!;
  const before = (row: number, column: number) => ours.cell(firstA, row, column);
  const item5 = [1, 2, 4, 5, 6, 7, 8].map((c) => before(4 * 7 + 6, c));
  edit(ours);
  edit(theirs);

  const second = await scanOpenWorkbook(a.run, PORTABLE, OPTIONS);
  await fullReadScan(b.run);
  expect(cellsOnly(ours)).toBe(cellsOnly(theirs));
  // Said in the report, naming the cell; none of their cells listed as our PAB.
  const inTheWay = second.report.diagnostics.filter((d) => d.code === "cell-in-the-way");
  expect(inTheWay.map((d) => [d.item, d.cell])).toEqual([
    ["FG-5", "MPS!D35"],
    ["FG-9", "MPS!F63"],
    ["FG-12", "MPS!C84"],
  ]);
  expect(inTheWay[0].message).toMatch(/^MPS!D35 holds "call Li", .*FG-5's PAB is not written/);
  expect(inTheWay[2].message).toContain('holds "=3+4"');
  const pabOf = (item: string) => second.report.items.find((i) => i.item === item)!.pabCells;
  expect([pabOf("FG-5"), pabOf("FG-9"), pabOf("FG-12")]).toEqual([[], [], []]);
  expect(pabOf("FG-20")).toHaveLength(8);

  const mps = ours.sheet("MPS")!;
  expect(ours.cell(mps, 4 * 7 + 6, 3)).toEqual({ value: "call Li", formula: undefined });
  expect([1, 2, 4, 5, 6, 7, 8].map((c) => ours.cell(mps, 4 * 7 + 6, c))).toEqual(item5);
  expect(ours.cell(mps, 8 * 7 + 6, 5)).toBeUndefined();
  expect(ours.cell(mps, 11 * 7 + 6, 2)).toEqual({ value: 7, formula: "=3+4" });
  // The changed order is in item 20's PAB; the items around are written as before.
  expect(ours.cell(mps, 19 * 7 + 6, 4)?.formula).toBe("=D140-E138+E139");
  expect(ours.cell(mps, 19 * 7 + 6, 8)?.value).toBe(
    Number(theirs.cell(theirs.sheet("MPS")!, 19 * 7 + 6, 8)?.value)
  );

  // A third scan leaves everything as it is.
  const afterSecond = workbookState(ours, false);
  await scanOpenWorkbook(a.run, PORTABLE, OPTIONS);
  expect(workbookState(ours, false)).toBe(afterSecond);
});

test("12 on a second scan: a cell of ours the planner types into while the pane computes is kept", async () => {
  const model = grid(60);
  const m = measured(model);
  await scanOpenWorkbook(m.run, PORTABLE, OPTIONS);
  const mps = model.sheet("MPS")!;
  const item30 = [1, 2, 3, 5, 6, 7, 8].map((c) => model.cell(mps, 29 * 7 + 6, c));
  // The order of item 40 changes too, so its PAB is written again.
  model.setCell(mps, 39 * 7 + 4, 1, { value: 50 });
  const second = await scanOpenWorkbook(m.run, PORTABLE, {
    ...OPTIONS,
    onProgress: (p) => {
      if (p.phase === "projecting") {
        model.setCell(mps, 29 * 7 + 6, 4, { value: "checked", formula: undefined });
        model.setCell(mps, 39 * 7 + 4, 2, { value: 1 });
      }
    },
  });
  expect(model.cell(mps, 29 * 7 + 6, 4)).toEqual({ value: "checked", formula: undefined });
  expect(
    second.report.diagnostics.filter((d) => d.code === "cell-in-the-way").map((d) => d.message)
  ).toEqual([
    'MPS!E210 holds "checked", which PAB Watch did not write or which changed after the sheet was read; FG-30\'s PAB is not written, and nothing of yours is changed',
  ]);
  expect([1, 2, 3, 5, 6, 7, 8].map((c) => model.cell(mps, 29 * 7 + 6, c))).toEqual(item30);
  // Item 40's PAB is what the read saw: 5 − 50 (the order typed later is picked up next scan).
  expect(model.cell(mps, 39 * 7 + 6, 1)?.value).toBe(5 - 50);
});

test("a second scan after the planner inserted rows above: our moved cells are still ours", async () => {
  const ours = grid(30);
  const theirs = grid(30);
  const a = measured(ours);
  const b = measured(theirs);
  await scanOpenWorkbook(a.run, PORTABLE, OPTIONS);
  await scanOpenWorkbook(b.run, PORTABLE, OPTIONS);
  for (const model of [ours, theirs]) {
    model.insertRows("MPS", 0, 2);
    model.setCell(model.sheet("MPS")!, 0, 0, { value: "Weekly plan" });
  }
  await scanOpenWorkbook(a.run, PORTABLE, OPTIONS);
  await fullReadScan(b.run);
  expect(workbookState(ours)).toBe(workbookState(theirs));
  expect(ours.cell(ours.sheet("MPS")!, 8, 1)?.formula).toBe("=$B$4-B7+B8");
});

test("live, then portable, through the pane's scan: our spilled cells are ours, nothing is refused", async () => {
  const file = "classic-example.xlsx";
  const model = modelFromSnapshot(
    readXlsxSnapshot(fs.readFileSync(path.join(sharedDir, "samples", file)), file)
  );
  model.evaluate = classicLiveEvaluate(model);
  const run = measured(model).run;
  const live = await scanOpenWorkbook(run, { ...DEFAULT_STATE, writeMode: "live" }, OPTIONS);
  const mps = model.sheet("MPS")!;
  expect(live.report.items[0].pabCells[0]).toBe("MPS!B7");
  expect(model.cell(mps, 6, 2)).toEqual({ value: 14 });
  // Live again: the spill is found from its anchor, whose formula is still read.
  const again = await scanOpenWorkbook(run, { ...DEFAULT_STATE, writeMode: "live" }, OPTIONS);
  expect(again.report.diagnostics.filter((d) => d.code === "cell-in-the-way")).toEqual([]);
  const portable = await scanOpenWorkbook(run, PORTABLE, OPTIONS);
  expect(portable.report.diagnostics.filter((d) => d.code === "cell-in-the-way")).toEqual([]);
  expect(model.cell(mps, 6, 2)?.formula).toBe("=B7-C5+C6");
});
