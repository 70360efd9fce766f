/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load -- these tests read properties before load and sync on purpose, to check the fake refuses */
import * as fs from "fs";
import * as path from "path";
import { buildWritePlan } from "../../src/annotate";
import { scanXlsxFile } from "../../src/cli/scanFile";
import { ExcelRun, applyWritePlan, readWorkbookSnapshot } from "../../src/excel";
import { FakeRequestContext, fakeExcelRun } from "../../src/excel/fake/context";
import { FakeWorkbookModel, modelFromSnapshot } from "../../src/excel/fake/model";
import { WorkbookSnapshot, cellRef, readPlans } from "../../src/layout";
import { scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";
import { formulaAt, valueAt } from "../support/cells";
import { sharedDir, sharedSamples } from "../support/shared";

// Workbooks relative to samples/, real-layouts/ included (those still pending elsewhere are skipped by name).
const { ready, pending } = sharedSamples();
const samples = ready.map((s) => s.workbook);
if (pending.length)
  test.skip.each(pending)("%s through the Office.js adapter: pending on %s", () => undefined);
const load = (f: string) =>
  readXlsxSnapshot(fs.readFileSync(path.join(sharedDir, "samples", f)), f);

function setup(file: string) {
  const fromFile = load(file);
  const model = modelFromSnapshot(fromFile);
  const contexts: FakeRequestContext[] = [];
  const run = fakeExcelRun(model, contexts) as unknown as ExcelRun;
  return { fromFile, model, contexts, run };
}

async function annotateInFake(run: ExcelRun, name: string) {
  const snapshot = await readWorkbookSnapshot(run, name);
  const { findings } = scanSnapshot(snapshot);
  const plan = buildWritePlan(snapshot, findings);
  const result = await applyWritePlan(run, plan);
  return { snapshot, plan, result };
}

function modelState(model: FakeWorkbookModel) {
  return JSON.stringify({
    sheets: model.sheets.map((s) => ({
      ...s,
      cells: [...s.cells].sort(),
      hiddenRows: [...s.hiddenRows],
      conditionalFormats: s.conditionalFormats.map(({ ranges, formula, format }) => ({
        ranges,
        formula,
        format,
      })),
    })),
    names: model.names,
  });
}

describe.each(samples)("%s through the Office.js adapter", (file) => {
  test("reads the same snapshot as the .xlsx adapter, hence the same plans", async () => {
    const { fromFile, run } = setup(file);
    const snapshot = await readWorkbookSnapshot(run, file);
    expect(snapshot).toEqual(fromFile);
    expect(readPlans(snapshot)).toEqual(readPlans(fromFile));
  });

  test("gives the same WritePlan and writes the same cells as the .xlsx writer", async () => {
    const { fromFile, model, run } = setup(file);
    const { plan } = await annotateInFake(run, file);
    expect(plan).toEqual(buildWritePlan(fromFile, scanSnapshot(fromFile).findings));

    const annotated = readXlsxSnapshot(
      scanXlsxFile(fs.readFileSync(path.join(sharedDir, "samples", file)), file, { annotate: true })
        .annotated as Uint8Array,
      file
    );
    const after = await readWorkbookSnapshot(fakeExcelRun(model) as unknown as ExcelRun, file);
    for (const w of plan.writes) {
      const ref = cellRef(w.sheet, w.row, w.column);
      if (w.formula !== undefined)
        expect([ref, formulaAt(after, ref)]).toEqual([ref, formulaAt(annotated, ref)]);
      else expect([ref, valueAt(after, ref)]).toEqual([ref, valueAt(annotated, ref)]);
    }
  });

  test("in few round trips, each request under 4 MB, calculation suspended, events back on", async () => {
    const { model, contexts, run } = setup(file);
    const { plan, result } = await annotateInFake(run, file);
    const syncs = contexts.reduce((n, c) => n + c.syncCount, 0);
    expect(syncs).toBeLessThanOrEqual(10);
    expect(Math.max(...contexts.map((c) => c.maxRequestBytes))).toBeLessThan(4 * 1024 * 1024);
    expect(contexts.some((c) => c.suspendedSyncs > 0)).toBe(true);
    expect(model.eventsEnabled).toBe(true);
    expect(result.cfRules).toBe(plan.rules.length);
  });

  test("every planner cell survives, and a second run changes nothing", async () => {
    const { fromFile, model, run } = setup(file);
    await annotateInFake(run, file);
    const after = await readWorkbookSnapshot(run, file);
    for (const s of fromFile.sheets) {
      s.values.forEach((line, i) =>
        line.forEach((v, j) => {
          if (v === "") return;
          const sheet = after.sheets.find(
            (x) => x.name === s.name
          ) as WorkbookSnapshot["sheets"][number];
          expect(sheet.values[s.top + i - sheet.top][s.left + j - sheet.left]).toEqual(v);
        })
      );
    }
    const first = modelState(model);
    await annotateInFake(run, file);
    expect(modelState(model)).toBe(first);
  });
});

describe("the strict fake behaves like Office.js where it matters", () => {
  test("reading a property that was not loaded and synced throws", async () => {
    const model = new FakeWorkbookModel();
    model.setCell(model.addSheet("S"), 0, 0, { value: 5 });
    const ctx = new FakeRequestContext(model);
    const range = ctx.workbook.worksheets.getItem("S").getRange("A1");
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    range.load("values");
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(range.values).toEqual([[5]]);
    expect(() => range.formulas).toThrow(/PropertyNotLoaded/);
  });

  test("writes happen at sync, in order, and requests over 5 MB are refused", async () => {
    const model = new FakeWorkbookModel();
    model.addSheet("S");
    const ctx = new FakeRequestContext(model);
    const range = ctx.workbook.worksheets.getItem("S").getRange("A1:B1");
    range.values = [[1, 2]];
    expect(model.sheets[0].cells.size).toBe(0);
    await ctx.sync();
    expect(model.sheets[0].cells.size).toBe(2);
    range.values = [["x".repeat(6 * 1024 * 1024), 1]];
    await expect(ctx.sync()).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
  });

  test("text written as values turns into a formula unless the cell is text-formatted first", async () => {
    const model = new FakeWorkbookModel();
    model.addSheet("S");
    const ctx = new FakeRequestContext(model);
    const ws = ctx.workbook.worksheets.getItem("S");
    ws.getRange("A1").values = [["=1+1"]];
    const b1 = ws.getRange("B1");
    b1.numberFormat = [["@"]];
    b1.values = [["=1+1"]];
    await ctx.sync();
    expect(model.cell(model.sheets[0], 0, 0)?.formula).toBe("=1+1");
    expect(model.cell(model.sheets[0], 0, 1)).toEqual({ value: "=1+1", numberFormat: "@" });
  });

  test("inserted rows move our names, so ownership follows the cells", async () => {
    const { model, run } = setup("classic-example.xlsx");
    await annotateInFake(run, "classic-example.xlsx");
    model.insertRows("MPS", 0, 2);
    const snapshot = await readWorkbookSnapshot(run, "classic-example.xlsx");
    expect(snapshot.owned?.find((o) => o.name === "_PABWatch.1")?.ranges).toEqual(["A9:I9"]);
    // Excel rewrote the references; the moved cells still hold what we wrote, so the next run may rewrite them.
    expect(snapshot.sheets[0].formulas.C9).toBe("=B9-C7+C8");
    const { findings } = scanSnapshot(snapshot);
    const plan = buildWritePlan(snapshot, findings);
    expect(plan.diagnostics).toEqual([]);
    expect(plan.pabCells[0][0]).toBe("MPS!B9");
  });
});

test("a sheet too large for one response is read in row blocks, each under the cap, and reads the same", async () => {
  const model = new FakeWorkbookModel();
  const sheet = model.addSheet("Big");
  for (let r = 0; r < 6000; r++) {
    model.setCell(sheet, r, 0, { value: `Item ${r}` });
    for (let c = 1; c < 53; c++) model.setCell(sheet, r, c, { value: r * c });
  }
  const contexts: FakeRequestContext[] = [];
  const snapshot = await readWorkbookSnapshot(
    fakeExcelRun(model, contexts) as unknown as ExcelRun,
    "big.xlsx"
  );
  const responses = contexts.flatMap((c) => c.responseBytes);
  expect(responses.filter((b) => b > 1024 * 1024).length).toBeGreaterThan(1);
  expect(Math.max(...responses)).toBeLessThan(4 * 1024 * 1024);
  expect(snapshot.sheets[0].values).toHaveLength(6000);
  expect(snapshot.sheets[0].values[5999][52]).toBe(5999 * 52);
});
