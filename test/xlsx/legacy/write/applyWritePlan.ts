import { strToU8, zipSync } from "fflate";
import { SUMMARY_SHEET } from "../../../../src/layout/snapshot";
import { CellWrite, ConditionalRule, WritePlan } from "../../../../src/annotate/writePlan";
import { readWorkbookInfo } from "../workbookParts";
import { XlsxPackage } from "../xlsxPackage";
import { addRules, removeOurRules, splitWorksheet, widenDimension, writeCells } from "./sheetEdit";
import { ensureStyles } from "./stylesEdit";
import { summarySheetXml } from "./summarySheetXml";
import { addSheetEntry, recalculateOnLoad, writeOwnedNames } from "./workbookEdit";

const WORKSHEET_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKSHEET_CONTENT =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

function group<T extends { sheet: string }>(items: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const list = out.get(x.sheet);
    if (list) list.push(x);
    else out.set(x.sheet, [x]);
  }
  return out;
}

/**
 * Applies a write plan to the package in place: only the annotated sheets, the styles, the
 * workbook part (names, summary sheet) and the parts of the summary sheet change; every other part
 * keeps its exact bytes.
 */
export function applyWritePlanToPackage(pkg: XlsxPackage, plan: WritePlan): Uint8Array {
  const info = readWorkbookInfo(pkg);
  const changed: Record<string, string> = {};
  const text = (path: string) => changed[path] ?? pkg.text(path);

  const stylesPath = Object.values(pkg.relationships("xl/workbook.xml")).find((r) =>
    r.type.endsWith("/styles")
  )?.target;
  let dxfIds = { short: 0, low: 0, receipt: 0 };
  let summaryStyles = { title: 0, header: 0 };
  if (stylesPath && pkg.has(stylesPath)) {
    const styles = ensureStyles(pkg.text(stylesPath));
    if (styles.xml !== pkg.text(stylesPath)) changed[stylesPath] = styles.xml;
    dxfIds = styles.dxfIds;
    summaryStyles = { title: styles.title, header: styles.header };
  }

  const writes = group<CellWrite>(plan.writes);
  const rules = group<ConditionalRule>(plan.rules);
  for (const sheet of info.sheets) {
    if (sheet.name === SUMMARY_SHEET) continue;
    const original = pkg.text(sheet.path);
    const mine = writes.get(sheet.name) ?? [];
    const myRules = rules.get(sheet.name) ?? [];
    const { head, sheetData, tail } = splitWorksheet(original);
    if (!mine.length && !myRules.length && !tail.includes("PABW")) continue;
    const newTail = addRules(removeOurRules(tail), myRules, dxfIds);
    if (!mine.length && newTail === tail) continue;
    changed[sheet.path] = widenDimension(head, mine) + writeCells(sheetData, mine) + newTail;
  }

  let workbook = writeOwnedNames(pkg.text("xl/workbook.xml"), plan.owned);
  // The summary sheet also carries the PAB of items whose own sheet had no room for it (and side-sheet plans).
  const summaryParts = splitWorksheet(summarySheetXml(plan.summary, summaryStyles));
  const summaryWrites = writes.get(SUMMARY_SHEET) ?? [];
  const summaryXml =
    widenDimension(summaryParts.head, summaryWrites) +
    writeCells(summaryParts.sheetData, summaryWrites) +
    addRules(summaryParts.tail, rules.get(SUMMARY_SHEET) ?? [], dxfIds);
  const existing = info.sheets.find((s) => s.name === SUMMARY_SHEET);
  const added: Record<string, string> = {};
  if (existing) {
    changed[existing.path] = summaryXml;
  } else {
    let n = info.sheets.length + 1;
    while (pkg.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const path = `xl/worksheets/sheet${n}.xml`;
    const relsPath = "xl/_rels/workbook.xml.rels";
    const rels = text(relsPath);
    let rId = "rIdPABWatch";
    for (let i = 2; rels.includes(`Id="${rId}"`); i++) rId = `rIdPABWatch${i}`;
    changed[relsPath] = rels.replace(
      "</Relationships>",
      `<Relationship Id="${rId}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${n}.xml"/></Relationships>`
    );
    const types = text("[Content_Types].xml");
    changed["[Content_Types].xml"] = types.replace(
      "</Types>",
      `<Override PartName="/${path}" ContentType="${WORKSHEET_CONTENT}"/></Types>`
    );
    workbook = addSheetEntry(workbook, SUMMARY_SHEET, rId);
    added[path] = summaryXml;
  }
  changed["xl/workbook.xml"] = recalculateOnLoad(workbook);

  const files: Record<string, Uint8Array> = {};
  for (const [path, bytes] of Object.entries(pkg.parts))
    files[path] = path in changed ? strToU8(changed[path]) : bytes;
  for (const [path, xml] of Object.entries(added)) files[path] = strToU8(xml);
  // Level 1: the sheets of a large plan compress three times faster, and hardly larger.
  return zipSync(files, { level: 1, mtime: new Date("2020-01-01T00:00:00Z") });
}
