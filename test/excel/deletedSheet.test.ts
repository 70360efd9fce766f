/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- the fake's refusals are tested on purpose */
import { buildWritePlan } from "../../src/annotate";
import { ExcelRun, applyWritePlan, readWorkbookSnapshot, removeAnnotations } from "../../src/excel";
import { FakeRequestContext, fakeExcelRun } from "../../src/excel/fake/context";
import { FakeWorkbookModel } from "../../src/excel/fake/model";
import { scanSnapshot } from "../../src/report";
import { stackedGrid } from "../support/stackedGrid";

/** Defect 18 of issue 12: the planner deleted a sheet PAB Watch annotated; its names read =#REF!. */

const runOf = (model: FakeWorkbookModel) => fakeExcelRun(model) as unknown as ExcelRun;

async function annotate(run: ExcelRun, sideSheet = false) {
  const snapshot = await readWorkbookSnapshot(run, "w.xlsx");
  const plan = buildWritePlan(snapshot, scanSnapshot(snapshot).findings, { sideSheet });
  await applyWritePlan(run, plan, { snapshot });
  return plan;
}

/** A sheet's cells, rules and merged areas, comparable with toEqual. */
const sheetState = (model: FakeWorkbookModel, name: string) => {
  const s = model.sheet(name)!;
  return JSON.parse(
    JSON.stringify({ cells: [...s.cells].sort(), rules: s.conditionalFormats, merged: s.merged })
  );
};

describe("18: a deleted annotated sheet", () => {
  test("the fake: its names read =#REF!, getRange() fails the sync, getRangeOrNullObject is null", async () => {
    const model = stackedGrid(2, 8, ["MPS", "Spare parts"]);
    await annotate(runOf(model));
    const ours = model.names.find((n) => n.sheet === "Spare parts")!;
    model.setCell(model.sheet("MPS")!, 40, 0, { value: 0, formula: "='Spare parts'!B2*2" });
    model.deleteSheet("Spare parts");
    expect(model.cell(model.sheet("MPS")!, 40, 0)).toEqual({ value: "#REF!", formula: "=#REF!*2" });

    const ctx = new FakeRequestContext(model);
    const item = ctx.workbook.names.getItem(ours.name);
    item.load("formula,type");
    const orNull = item.getRangeOrNullObject();
    orNull.load("isNullObject");
    await ctx.sync();
    expect(item.formula).toMatch(/^=#REF!\$[A-Z]+\$\d+/);
    expect(item.type).toBe("Error");
    expect(orNull.isNullObject).toBe(true);
    item.getRange().load("formulas");
    await expect(ctx.sync()).rejects.toThrow(/does not refer to a range/);

    // A name whose sheet is still there gives its range.
    const kept = model.names.find((n) => n.sheet === "MPS" && n.ranges.length === 1)!;
    const range = ctx.workbook.names.getItem(kept.name).getRange();
    range.load("address");
    await ctx.sync();
    expect(range.address).toMatch(/^MPS!/);
  });

  test("Remove skips the deleted sheet's names instead of failing, and cleans the others", async () => {
    const model = stackedGrid(3, 8, ["MPS", "Spare parts"]);
    const before = sheetState(model, "MPS");
    const run = runOf(model);
    await annotate(run);
    expect(model.names.some((n) => n.sheet === "Spare parts")).toBe(true);
    model.deleteSheet("Spare parts");
    await expect(removeAnnotations(run)).resolves.toEqual({ kept: [] });
    expect(sheetState(model, "MPS")).toEqual(before);
    expect(model.names).toEqual([]);
    expect(model.sheet("PAB Watch")).toBeUndefined();
    expect(model.eventsEnabled).toBe(true);
  });

  test("a scan after the deletion annotates what is left and drops the #REF! names", async () => {
    const model = stackedGrid(3, 8, ["MPS", "Spare parts"]);
    const run = runOf(model);
    await annotate(run);
    model.deleteSheet("Spare parts");
    const snapshot = await readWorkbookSnapshot(run, "w.xlsx");
    expect(snapshot.owned?.every((o) => o.sheet !== "#REF")).toBe(true);
    const plan = await annotate(run);
    expect(plan.diagnostics).toEqual([]);
    expect(model.names.filter((n) => n.broken)).toEqual([]);
    expect(model.names.length).toBeGreaterThan(0);
  });

  test("Remove after the PAB Watch sheet itself was deleted (side sheet)", async () => {
    const model = stackedGrid(3, 8);
    const before = sheetState(model, "MPS");
    const run = runOf(model);
    await annotate(run, true);
    model.deleteSheet("PAB Watch");
    await expect(removeAnnotations(run)).resolves.toEqual({ kept: [] });
    expect(sheetState(model, "MPS")).toEqual(before);
    expect(model.names).toEqual([]);
  });
});
