import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";
import { execFileSync } from "child_process";
import { scanXlsxFile } from "../../src/cli/scanFile";
import { SUMMARY_SHEET, serialToIso } from "../../src/layout";
import { XlsxPackage, readXlsxSnapshot } from "../../src/xlsx";
import { readWorkbookInfo } from "../../src/xlsx/workbookParts";
import { artifactsDir } from "../support/browser";
import { valueAt } from "../support/cells";
import { libreOfficeConvert } from "../support/libreoffice";
import { sharedSamples } from "../support/shared";
import { buildXlsx } from "../support/xlsxBuilder";

jest.setTimeout(240_000);

interface Expected {
  workbook: string;
  items: { item: string; pab: number[] }[];
  plannerCells: Record<string, string | number>;
  mustKeepParts?: string[];
}

const { ready, pending } = sharedSamples();
const cases = ready.map((sample) => {
  const expected = JSON.parse(fs.readFileSync(sample.expectedPath, "utf8")) as Expected;
  const input = fs.readFileSync(sample.workbookPath);
  const { report, annotated } = scanXlsxFile(input, expected.workbook, { annotate: true });
  return { expected, input, report, annotated: annotated as Uint8Array };
});
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pab-annotate-"));

if (pending.length) test.skip.each(pending)("%s annotated: pending on %s", () => undefined);

describe.each(cases.map((c) => [c.expected.workbook, c] as const))("%s annotated", (_name, c) => {
  const after = readXlsxSnapshot(c.annotated, c.expected.workbook);
  const before = unzipSync(c.input);
  const parts = unzipSync(c.annotated);

  test("every planner cell is unchanged", () => {
    for (const [ref, value] of Object.entries(c.expected.plannerCells)) {
      const now = valueAt(after, ref);
      if (
        typeof value === "string" &&
        /^\d{4}-\d{2}-\d{2}$/.test(value) &&
        typeof now === "number"
      ) {
        expect([ref, serialToIso(now, after.date1904)]).toEqual([ref, value]);
      } else {
        expect([ref, now]).toEqual([ref, value]);
      }
    }
  });

  test("parts we do not annotate keep their exact bytes; charts and comments stay", () => {
    const annotatedSheets = new Set(c.report.items.map((i) => i.sheet));
    const mayChange = (p: string) =>
      [
        "xl/workbook.xml",
        "xl/styles.xml",
        "xl/_rels/workbook.xml.rels",
        "[Content_Types].xml",
      ].includes(p) ||
      (p.startsWith("xl/worksheets/sheet") && !p.includes("_rels"));
    for (const [p, bytes] of Object.entries(before)) {
      expect(parts[p]).toBeDefined();
      if (!mayChange(p))
        expect([p, Buffer.from(parts[p]).equals(Buffer.from(bytes))]).toEqual([p, true]);
    }
    for (const keep of c.expected.mustKeepParts ?? []) {
      expect(Object.keys(parts).some((p) => p.startsWith(keep))).toBe(true);
    }
    // Only sheets that hold plans change.
    const untouched = after.sheets.filter(
      (s) => s.name !== SUMMARY_SHEET && !annotatedSheets.has(s.name)
    );
    for (const s of untouched)
      expect(s).toEqual(readXlsxSnapshot(c.input, "x").sheets.find((x) => x.name === s.name));
  });

  test("every item's PAB went in, and every annotated sheet carries our conditional formats", () => {
    for (const item of c.report.items) expect(item.pabCells).toHaveLength(item.periods.length);
    const info = readWorkbookInfo(new XlsxPackage(c.annotated));
    const sheetXml = (name: string) =>
      new TextDecoder().decode(parts[info.sheets.find((x) => x.name === name)!.path]);
    for (const sheet of new Set(c.report.items.map((i) => i.sheet))) {
      const xml = sheetXml(sheet);
      expect(xml).toContain("<conditionalFormatting");
      expect(xml).toMatch(/N\((&quot;|")PABW(&quot;|")\)=0/);
    }
  });

  test('a summary sheet named "PAB Watch" lists every item', () => {
    const summary = after.sheets.find((s) => s.name === SUMMARY_SHEET);
    expect(summary).toBeDefined();
    const items = summary!.values.slice(4).map((r) => r[0]);
    expect(items.sort()).toEqual(c.expected.items.map((i) => i.item).sort());
  });

  test("scanning the annotated copy again changes nothing: the same package, byte for byte", () => {
    const again = scanXlsxFile(c.annotated, c.expected.workbook, { annotate: true });
    const second = unzipSync(again.annotated as Uint8Array);
    expect(Object.keys(second)).toEqual(Object.keys(parts));
    for (const [p, bytes] of Object.entries(parts)) {
      expect([p, Buffer.from(second[p]).equals(Buffer.from(bytes))]).toEqual([p, true]);
    }
    expect(again.report.items.map((i) => i.pabCells)).toEqual(
      c.report.items.map((i) => i.pabCells)
    );
    expect(again.report.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });
});

describe("LibreOffice, recalculating on load, checks our formulas (not our cached values)", () => {
  const outDir = path.join(tmp, "recalculated");
  let blockedCells: string[] = [];
  beforeAll(() => {
    fs.mkdirSync(outDir, { recursive: true });
    // Control: a formula whose stored value is wrong; if LibreOffice did not recalculate we would read 5.
    fs.writeFileSync(
      path.join(tmp, "control.xlsx"),
      buildXlsx([{ name: "S", rows: [[2, { f: "A1+A1", v: 5 }]] }])
    );
    const files = [path.join(tmp, "control.xlsx")];
    // A sheet with no free row under the block: its PAB lives on the PAB Watch sheet, referencing the plan.
    const blocked = buildXlsx([
      {
        name: "Weekly plan",
        rows: [
          ["Item", "FG-1001"],
          ["On hand", 45],
          [null, "W1", "W2", "W3"],
          ["Customer orders", 16, 15, 15],
          ["MPS", 0, 0, 50],
          ["Note: no room below"],
        ],
      },
    ]);
    const blockedOut = scanXlsxFile(blocked, "blocked.xlsx", { annotate: true });
    blockedCells = blockedOut.report.items[0].pabCells;
    fs.writeFileSync(path.join(tmp, "blocked.xlsx"), blockedOut.annotated as Uint8Array);
    files.push(path.join(tmp, "blocked.xlsx"));
    for (const c of cases) {
      const file = path.join(tmp, c.expected.workbook);
      fs.writeFileSync(file, c.annotated);
      files.push(file);
    }
    libreOfficeConvert(files, "xlsx", outDir);
  });

  test("a PAB moved to the PAB Watch sheet recalculates from the planner's cells", () => {
    const recalculated = readXlsxSnapshot(
      fs.readFileSync(path.join(outDir, "blocked.xlsx")),
      "blocked.xlsx"
    );
    expect(blockedCells[0]).toMatch(/^'PAB Watch'!/);
    expect(blockedCells.map((ref) => valueAt(recalculated, ref))).toEqual([29, 14, 49]);
  });

  test("the control formula was recalculated", () => {
    const control = readXlsxSnapshot(
      fs.readFileSync(path.join(outDir, "control.xlsx")),
      "control.xlsx"
    );
    expect(valueAt(control, "S!B1")).toBe(4);
  });

  test.each(cases.map((c) => [c.expected.workbook, c] as const))(
    "%s: the expected PAB at pabCells",
    (_n, c) => {
      const recalculated = readXlsxSnapshot(
        fs.readFileSync(path.join(outDir, c.expected.workbook)),
        c.expected.workbook
      );
      for (const exp of c.expected.items) {
        const item = c.report.items.find((i) => i.item === exp.item)!;
        expect([exp.item, item.pabCells.map((ref) => valueAt(recalculated, ref))]).toEqual([
          exp.item,
          exp.pab,
        ]);
      }
    }
  );

  test("one annotated sample rendered to PNG for a person to look at", () => {
    const file = path.join(tmp, "multi-item-grid.xlsx");
    libreOfficeConvert([file], "pdf", tmp);
    fs.mkdirSync(artifactsDir, { recursive: true });
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "80",
      path.join(tmp, "multi-item-grid.pdf"),
      path.join(artifactsDir, "annotated-multi-item-grid"),
    ]);
    expect(
      fs
        .readdirSync(artifactsDir)
        .some((f) => f.startsWith("annotated-multi-item-grid") && f.endsWith(".png"))
    ).toBe(true);
  });
});
