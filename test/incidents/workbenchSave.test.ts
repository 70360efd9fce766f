import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { FakeWorkbookModel, modelFromSnapshot } from "../../src/excel/fake/model";
import { INCIDENTS_KEY } from "../../src/excel/incidentStore";
import { LOG_SHEET } from "../../src/incidents";
import { readXlsxSnapshot } from "../../src/xlsx";
import { scanXlsxFile } from "../../src/cli/scanFile";
import { withIncidentLog } from "../../src/workbench/incidentDeps";
import { EditedCell, savedCopy } from "../../src/workbench/saveCopy";
import { buildXlsx } from "../support/xlsxBuilder";
import { classicRows } from "../support/classic";
import { fullCase } from "../support/incidents";
import { libreOfficeConvert } from "../support/libreoffice";

test("the workbench's Save annotated copy keeps the incidents as the PAB Watch Log table", () => {
  const bytes = buildXlsx([{ name: "MPS", rows: classicRows() }]);
  const model = modelFromSnapshot(readXlsxSnapshot(bytes, "b.xlsx"));
  const annotated = scanXlsxFile(bytes, "b.xlsx", { annotate: true }).annotated as Uint8Array;
  expect(withIncidentLog(annotated, model, "en")).toBe(annotated);
  model.settings.set(INCIDENTS_KEY, JSON.parse(JSON.stringify({ incidents: [fullCase()] })));
  const saved = withIncidentLog(annotated, model, "en");
  const parts = unzipSync(saved);
  expect(strFromU8(parts["xl/tables/table1.xml"])).toContain('ref="A1:AE2"');
  const sheet = readXlsxSnapshot(saved, "b").sheets.find((s) => s.name === LOG_SHEET)!;
  expect(sheet.values[1][0]).toBe("INC-2027-004");
  // The annotated sheets are as the scan wrote them.
  for (const p of Object.keys(unzipSync(annotated)).filter((x) =>
    x.startsWith("xl/worksheets/sheet")
  ))
    expect(parts[p]).toEqual(unzipSync(annotated)[p]);
});

/** The PAB of the classic layout's cells (rows 2, 5, 6 of sheet MPS), as the definition gives it. */
function pabOf(values: unknown[][]): number[] {
  let pab = values[1][1] as number;
  return (values[4].slice(1, 9) as number[]).map(
    (order, t) => (pab = pab - order + (values[5][t + 1] as number))
  );
}

/** Types into a cell of the fake as the workbench grid does, and records the edit. */
function type(
  model: FakeWorkbookModel,
  edited: EditedCell[],
  sheet: string,
  row: number,
  column: number,
  cell: { value: string | number; formula?: string }
): void {
  model.setCell(model.sheet(sheet)!, row, column, cell);
  edited.push({ sheet, row, column });
}

describe("Save annotated copy holds what the grid shows", () => {
  const rows = classicRows();
  const bytes = buildXlsx([{ name: "MPS", rows }]);

  function edited() {
    const model = modelFromSnapshot(readXlsxSnapshot(bytes, "b.xlsx"));
    const edits: EditedCell[] = [];
    // W4's orders 20 → 32 (E5), a note typed beside the plan that looks like a formula, W8's MPS as a formula.
    type(model, edits, "MPS", 4, 4, { value: 32 });
    type(model, edits, "MPS", 0, 3, { value: '=HYPERLINK("http://x","click")' });
    type(model, edits, "MPS", 5, 8, { value: "", formula: "=2*5" });
    model.settings.set(INCIDENTS_KEY, JSON.parse(JSON.stringify({ incidents: [fullCase()] })));
    return { model, edits, saved: savedCopy(bytes, "b.xlsx", "en", model, edits) };
  }

  test("the edited values are in the file, text inert, and the PAB follows them", () => {
    const { saved } = edited();
    const snap = readXlsxSnapshot(saved, "saved.xlsx");
    const mps = snap.sheets.find((s) => s.name === "MPS")!;
    const at = (r: number, c: number) => mps.values[r - mps.top]?.[c - mps.left];
    expect(at(4, 4)).toBe(32);
    expect(at(0, 3)).toBe('=HYPERLINK("http://x","click")');
    expect(mps.formulas.D1).toBeUndefined();
    expect(mps.formulas.I6).toBe("=2*5");
    expect(at(5, 8)).toBe(10);
    // The expected PAB from the cells as they now are (the edits applied to the planner's rows).
    const now = rows.map((r) => r.slice()) as unknown[][];
    now[4][4] = 32;
    now[5][8] = 10;
    const expected = pabOf(now);
    const pabRow = mps.values.findIndex((r) => r[0] === "PAB (PAB Watch)");
    expect(pabRow).toBeGreaterThan(5);
    expect(mps.values[pabRow].slice(1, 9)).toEqual(expected);
    // The log is a table on its own sheet.
    const parts = unzipSync(saved);
    const tables = Object.keys(parts).filter((p) => p.startsWith("xl/tables/"));
    expect(tables).toHaveLength(1);
    expect(strFromU8(parts[tables[0]])).toContain('name="PABWatchLog"');
    expect(snap.sheets.find((s) => s.name === LOG_SHEET)!.values[1][0]).toBe("INC-2027-004");
  });

  test("edits typed into the log sheet are kept over the row PAB Watch writes", () => {
    const { model, edits } = edited();
    model.addSheet(LOG_SHEET);
    type(model, edits, LOG_SHEET, 1, 19, { value: "replace the mould, not repair it" });
    const saved = savedCopy(bytes, "b.xlsx", "en", model, edits);
    const log = readXlsxSnapshot(saved, "s").sheets.find((s) => s.name === LOG_SHEET)!;
    expect(log.values[1][0]).toBe("INC-2027-004");
    expect(log.values[1][19]).toBe("replace the mould, not repair it");
  });

  test("LibreOffice opens the saved copy and recalculates the PAB to the same numbers", () => {
    const { saved } = edited();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pab-wb-save-"));
    try {
      const file = path.join(dir, "saved.xlsx");
      fs.writeFileSync(file, saved);
      const out = path.join(dir, "out");
      fs.mkdirSync(out);
      libreOfficeConvert([file], "xlsx", out);
      const mps = readXlsxSnapshot(fs.readFileSync(path.join(out, "saved.xlsx")), "lo").sheets.find(
        (s) => s.name === "MPS"
      )!;
      const now = rows.map((r) => r.slice()) as unknown[][];
      now[4][4] = 32;
      now[5][8] = 10;
      const pabRow = mps.values.findIndex((r) => r[0] === "PAB (PAB Watch)");
      expect(mps.values[pabRow].slice(1, 9)).toEqual(pabOf(now));
      expect(mps.values[5][8]).toBe(10);
      expect(mps.values[4][4]).toBe(32);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a chart and a comment keep their bytes", () => {
    const sample = fs.readFileSync(path.join(__dirname, "../../../shared/samples/with-chart.xlsx"));
    const model = modelFromSnapshot(readXlsxSnapshot(sample, "c.xlsx"));
    const edits: EditedCell[] = [];
    type(model, edits, "MPS", 4, 2, { value: 40 });
    const saved = savedCopy(sample, "c.xlsx", "en", model, edits);
    const before = unzipSync(sample);
    const after = unzipSync(saved);
    const kept = Object.keys(before).filter((p) => /^xl\/(charts\/chart|comments)/.test(p));
    expect(kept.length).toBeGreaterThan(1);
    for (const p of kept) expect(after[p]).toEqual(before[p]);
    const mps = readXlsxSnapshot(saved, "c").sheets.find((s) => s.name === "MPS")!;
    expect(mps.values[4 - mps.top][2 - mps.left]).toBe(40);
  });
});
