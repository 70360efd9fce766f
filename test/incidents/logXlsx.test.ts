import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import {
  LOG_COLUMNS,
  LOG_SHEET,
  LOG_TABLE,
  addHours,
  logHeader,
  logRow,
} from "../../src/incidents";
import { LOG_SHEET as LAYOUT_LOG_SHEET, cellAt } from "../../src/layout";
import { XlsxPackage, applyLogToPackage, readXlsxSnapshot } from "../../src/xlsx";
import { scanXlsxFile } from "../../src/cli/scanFile";
import { buildXlsx } from "../support/xlsxBuilder";
import { classicRows } from "../support/classic";
import { libreOfficeConvert } from "../support/libreoffice";
import { T0, fullCase } from "../support/incidents";

function workbook(): Uint8Array {
  return buildXlsx([{ name: "MPS", rows: classicRows() }]);
}

function logCells(bytes: Uint8Array) {
  const snap = readXlsxSnapshot(bytes, "book.xlsx");
  const sheet = snap.sheets.find((s) => s.name === LOG_SHEET);
  if (!sheet) throw new Error("no log sheet");
  const rows: (string | number | boolean)[][] = [];
  for (let r = 0; r <= sheet.top + sheet.values.length - 1; r++)
    rows.push(LOG_COLUMNS.map((_c, i) => cellAt(sheet, r, i)));
  return rows;
}

describe("the root-cause log in the .xlsx writer", () => {
  test("one shared sheet name", () => {
    expect(LOG_SHEET).toBe(LAYOUT_LOG_SHEET);
    expect(LOG_SHEET).toBe("PAB Watch Log");
  });

  test("a complete row in a real table part; other parts keep their bytes", () => {
    const c = fullCase();
    const input = workbook();
    const { bytes, plan } = applyLogToPackage(new XlsxPackage(input), logHeader("en"), [
      { key: c.id, cells: logRow(c, "en") },
    ]);
    expect(plan.notes).toEqual([]);
    const parts = unzipSync(bytes);
    const before = unzipSync(input);
    for (const p of Object.keys(before))
      if (!["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"].includes(p))
        expect(parts[p]).toEqual(before[p]);
    const table = strFromU8(parts["xl/tables/table1.xml"]);
    expect(table).toContain(`name="${LOG_TABLE}"`);
    expect(table).toContain(`ref="A1:AE2"`);
    expect(table).toContain(`<tableColumn id="1" name="Incident"/>`);
    expect(strFromU8(parts["[Content_Types].xml"])).toContain(
      `<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`
    );
    const sheetPath = Object.keys(parts).find(
      (p) => p.startsWith("xl/worksheets/sheet") && !(p in before)
    ) as string;
    expect(strFromU8(parts[sheetPath])).toContain('<tableParts count="1"><tablePart r:id=');
    expect(
      strFromU8(parts[sheetPath.replace("worksheets/", "worksheets/_rels/") + ".rels"])
    ).toContain('Target="../tables/table1.xml"');

    const rows = logCells(bytes);
    expect(rows[0]).toEqual(logHeader("en"));
    const row = Object.fromEntries(LOG_COLUMNS.map((col, i) => [col.key, rows[1][i]]));
    expect(row).toMatchObject({
      id: "INC-2027-004",
      items: "FG-1001",
      customers: "Acme Motors: PO-4711/10",
      receipt: "50 W3 (2026-12-14)",
      detectedOn: "2026-12-01",
      leadDays: 13,
      periodsAtRisk: "W3 W6 W8",
      // Short by 11 in W6 if the W6 receipt does not land (the W8 shortage is 6).
      quantityAtRisk: 11,
      actualShort: 6,
      level: "closed",
      internalSent: "2026-12-01 10:00",
      customerRiskSent: "2026-12-01 13:00",
      confirmedSent: "2026-12-01 15:00",
      customerAllClearSent: "2026-12-01 10:00",
      category: "Machine",
      whys: "1) the mould cracked 2) the crack was not found 3) the check was skipped",
      rootCause: "no crack check at start-up",
      freightCost: 4200,
      lineStopped: "no",
      status: "closed",
      closedOn: "2026-12-01",
    });
    // Every column is filled for a closed incident except the ones nobody gave (effectiveness, all-clear).
    const empty = LOG_COLUMNS.filter((_c, i) => rows[1][i] === "").map((c) => c.key);
    expect(empty.sort()).toEqual(["allClearSent", "effectiveness", "site"].sort());
  });

  test("a second write of the same rows gives the same file; a row a person edited survives an update", () => {
    const c = fullCase();
    const first = applyLogToPackage(new XlsxPackage(workbook()), logHeader("en"), [
      { key: c.id, cells: logRow(c, "en") },
    ]).bytes;
    const again = applyLogToPackage(new XlsxPackage(first), logHeader("en"), [
      { key: c.id, cells: logRow(c, "en") },
    ]).bytes;
    expect(again).toEqual(first);

    // The planner types an effectiveness check into the row by hand.
    const parts = unzipSync(first);
    const sheetPath = Object.keys(parts).find((p) =>
      strFromU8(parts[p]).includes("<tableParts")
    ) as string;
    const xml = strFromU8(parts[sheetPath]).replace(
      /(<c r="AD2"[^>]*>)/,
      `<c r="AC2" t="inlineStr"><is><t>checked 2027-03-01: no recurrence</t></is></c>$1`
    );
    const edited = zipSync({ ...parts, [sheetPath]: strToU8(xml) });
    const other = { ...fullCase("INC-2027-005"), closedAt: null };
    const changed = { ...c, log: { ...c.log, rootCause: "a different root cause" } };
    const { bytes, plan } = applyLogToPackage(new XlsxPackage(edited), logHeader("en"), [
      { key: changed.id, cells: logRow(changed, "en") },
      { key: other.id, cells: logRow(other, "en") },
    ]);
    expect(plan.notes).toEqual([
      `${LOG_SHEET}!A2: the row of INC-2027-004 was edited by hand: kept as it is`,
    ]);
    const rows = logCells(bytes);
    expect(rows[1][LOG_COLUMNS.findIndex((x) => x.key === "effectiveness")]).toBe(
      "checked 2027-03-01: no recurrence"
    );
    expect(rows[1][LOG_COLUMNS.findIndex((x) => x.key === "rootCause")]).toBe(
      "no crack check at start-up"
    );
    expect(rows[2][0]).toBe("INC-2027-005");
    expect(rows[2][LOG_COLUMNS.findIndex((x) => x.key === "status")]).toBe("open");
    expect(strFromU8(unzipSync(bytes)["xl/tables/table1.xml"])).toContain('ref="A1:AE3"');
  });

  test("sorted by hand, rows are found by their id; Chinese headers; a re-scan keeps the log and does not read it as a plan", () => {
    const a = fullCase("INC-1");
    const b = { ...fullCase("INC-2"), closedAt: null };
    const first = applyLogToPackage(new XlsxPackage(workbook()), logHeader("zh-CN"), [
      { key: a.id, cells: logRow(a, "zh-CN") },
      { key: b.id, cells: logRow(b, "zh-CN") },
    ]).bytes;
    expect(logCells(first)[0]).toEqual(logHeader("zh-CN"));
    expect(logCells(first)[1][LOG_COLUMNS.findIndex((x) => x.key === "category")]).toBe("机");
    // Swap rows 2 and 3 the way sorting would (contents move, names stay).
    const parts = unzipSync(first);
    const sheetPath = Object.keys(parts).find((p) =>
      strFromU8(parts[p]).includes("<tableParts")
    ) as string;
    const xml = strFromU8(parts[sheetPath])
      .replace(/<row r="2"/, '<row r="X"')
      .replace(/<row r="3"/, '<row r="2"')
      .replace(/<row r="X"/, '<row r="3"')
      .replace(/r="([A-Z]+)2"/g, 'r="$1Y"')
      .replace(/r="([A-Z]+)3"/g, 'r="$12"')
      .replace(/r="([A-Z]+)Y"/g, 'r="$13"');
    const rowsXml = xml.match(/<row r="\d"[\s\S]*?<\/row>/g) as string[];
    const sorted = xml.replace(rowsXml.join(""), [rowsXml[0], rowsXml[2], rowsXml[1]].join(""));
    const swapped = zipSync({ ...parts, [sheetPath]: strToU8(sorted) });
    expect(logCells(swapped)[1][0]).toBe("INC-2");
    const closedB = { ...b, closedAt: addHours(T0, 40) };
    const { bytes, plan } = applyLogToPackage(new XlsxPackage(swapped), logHeader("zh-CN"), [
      { key: a.id, cells: logRow(a, "zh-CN") },
      { key: b.id, cells: logRow(closedB, "zh-CN") },
    ]);
    expect(plan.notes).toEqual([]);
    expect(logCells(bytes)[1][0]).toBe("INC-2");
    expect(logCells(bytes)[1][LOG_COLUMNS.findIndex((x) => x.key === "status")]).toBe("已关闭");

    const scanned = scanXlsxFile(bytes, "book.xlsx", { annotate: true, today: "2026-12-01" });
    expect(scanned.report.items.map((i) => i.item)).toEqual(["FG-1001"]);
    expect(JSON.stringify(scanned.report.diagnostics)).not.toContain(LOG_SHEET);
    const rescanned = scanned.annotated as Uint8Array;
    expect(logCells(rescanned)).toEqual(logCells(bytes));
    // Our log names survive the re-scan, so the rows are still ours.
    const after = applyLogToPackage(new XlsxPackage(rescanned), logHeader("zh-CN"), [
      { key: a.id, cells: logRow({ ...a, log: { ...a.log, effectivenessCheck: "ok" } }, "zh-CN") },
    ]);
    expect(after.plan.notes).toEqual([]);
    expect(logCells(after.bytes)[2][LOG_COLUMNS.findIndex((x) => x.key === "effectiveness")]).toBe(
      "ok"
    );
  });

  test("LibreOffice opens the table", () => {
    const c = fullCase();
    const { bytes } = applyLogToPackage(new XlsxPackage(workbook()), logHeader("en"), [
      { key: c.id, cells: logRow(c, "en") },
    ]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pab-log-"));
    const file = path.join(dir, "log.xlsx");
    fs.writeFileSync(file, bytes);
    const out = path.join(dir, "out");
    fs.mkdirSync(out);
    libreOfficeConvert([file], "xlsx", out);
    const resaved = unzipSync(fs.readFileSync(path.join(out, "log.xlsx")));
    const tables = Object.keys(resaved).filter((p) => p.startsWith("xl/tables/"));
    expect(tables.length).toBe(1);
    const table = strFromU8(resaved[tables[0]]);
    expect(table).toMatch(/ref="A1:AE2"/);
    expect(table).toContain('name="Incident"');
    const rows = logCells(fs.readFileSync(path.join(out, "log.xlsx")));
    expect(rows[1][0]).toBe("INC-2027-004");
    expect(rows[1][LOG_COLUMNS.findIndex((x) => x.key === "leadDays")]).toBe(13);
    fs.mkdirSync("test-artifacts", { recursive: true });
    libreOfficeConvert([file], "pdf", out);
    fs.copyFileSync(path.join(out, "log.pdf"), path.join("test-artifacts", "log-table.pdf"));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 240_000);
});
