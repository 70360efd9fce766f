import * as fs from "fs";
import * as path from "path";
import {
  DEFAULT_STATE,
  ExcelRun,
  ScanCancelled,
  activeSheetName,
  loadSetting,
  saveSetting,
  scanOpenWorkbook,
  selectCells,
  selectedAddress,
} from "../../src/excel";
import { fakeExcelRun } from "../../src/excel/fake/context";
import { FakeWorkbookModel, modelFromSnapshot } from "../../src/excel/fake/model";
import { readXlsxSnapshot } from "../../src/xlsx";
import { sharedDir } from "../support/shared";

const classic = () =>
  modelFromSnapshot(
    readXlsxSnapshot(
      fs.readFileSync(path.join(sharedDir, "samples", "classic-example.xlsx")),
      "c.xlsx"
    )
  );
const runOf = (m: FakeWorkbookModel) => fakeExcelRun(m) as unknown as ExcelRun;

test("selectCells activates the sheet and selects the cells; selectedAddress reads the selection back", async () => {
  const m = classic();
  m.addSheet("Notes");
  const run = runOf(m);
  await expect(activeSheetName(run)).resolves.toBe("MPS");
  await selectCells(run, ["Notes!C3"]);
  await expect(activeSheetName(run)).resolves.toBe("Notes");
  await expect(selectedAddress(run)).resolves.toBe("Notes!C3");
  await selectCells(run, ["MPS!B5:I5", "MPS!B7:I7"]);
  expect(m.selection?.ranges.length).toBe(2);
  await expect(selectedAddress(run)).resolves.toBe("MPS!B5:I5");
});

test("selectCells refuses what is not a cell address", async () => {
  await expect(selectCells(runOf(classic()), ["MPS!B5", "=HYPERLINK()"])).rejects.toThrow(
    "=HYPERLINK() is not a cell address"
  );
});

test("settings keep a JSON value per key; a missing key reads as null", async () => {
  const run = runOf(classic());
  await expect(loadSetting(run, "PABWatch.risks")).resolves.toBeNull();
  await saveSetting(run, "PABWatch.risks", { a: [1, 2] });
  await expect(loadSetting(run, "PABWatch.risks")).resolves.toEqual({ a: [1, 2] });
});

test("a scan that reads no plan writes nothing: no PAB Watch sheet, no names, no rules", async () => {
  const m = new FakeWorkbookModel();
  const s = m.addSheet("Notes");
  m.setCell(s, 0, 0, { value: "Call the supplier on Monday" });
  const result = await scanOpenWorkbook(runOf(m), DEFAULT_STATE, {
    customFunctions: true,
    lang: "en",
  });
  expect(result.wrote).toBe(false);
  expect(result.report.items).toEqual([]);
  expect(result.report.diagnostics.map((d) => d.code)).toContain("no-plan-found");
  expect(m.sheets.map((x) => x.name)).toEqual(["Notes"]);
  expect(m.names).toEqual([]);
});

test("a cancelled scan stops before writing; progress names each stage", async () => {
  const m = classic();
  const controller = new AbortController();
  const phases: string[] = [];
  const scan = scanOpenWorkbook(runOf(m), DEFAULT_STATE, {
    customFunctions: true,
    lang: "en",
    signal: controller.signal,
    onProgress: (p) => {
      phases.push(p.phase);
      if (p.phase === "projecting") controller.abort();
    },
  });
  await expect(scan).rejects.toBeInstanceOf(ScanCancelled);
  expect(phases).toEqual(["reading", "projecting"]);
  expect(m.sheets.map((x) => x.name)).toEqual(["MPS"]);

  const done: string[] = [];
  const result = await scanOpenWorkbook(runOf(m), DEFAULT_STATE, {
    customFunctions: true,
    lang: "en",
    // A stage reports again with its counts (rows read, items written per block).
    onProgress: (p) => done[done.length - 1] !== p.phase && done.push(p.phase),
  });
  expect(done).toEqual(["reading", "projecting", "writing"]);
  expect(result.records[0].orders?.cells[0]).toBe("MPS!B5");
});

test("only the sheets asked for are scanned", async () => {
  const m = classic();
  const other = m.addSheet("Other");
  m.setCell(other, 0, 0, { value: "Item" });
  m.setCell(other, 0, 1, { value: "X-1" });
  const result = await scanOpenWorkbook(runOf(m), DEFAULT_STATE, {
    customFunctions: true,
    lang: "en",
    sheets: ["MPS"],
  });
  expect(result.report.items.map((i) => i.item)).toEqual(["FG-1001"]);
});

test("scanning again in live mode: the spill ranges of blocks that do not spill load as null objects, as in Office.js", async () => {
  const m = modelFromSnapshot(
    readXlsxSnapshot(
      fs.readFileSync(path.join(sharedDir, "samples", "multi-item-grid.xlsx")),
      "m.xlsx"
    )
  );
  const run = runOf(m);
  for (let i = 0; i < 2; i++) {
    const r = await scanOpenWorkbook(run, DEFAULT_STATE, { customFunctions: true, lang: "en" });
    expect(r.report.items.map((x) => x.pabCells[0])).toEqual(["Plan!B7", "Plan!B14", "Plan!B22"]);
  }
});
