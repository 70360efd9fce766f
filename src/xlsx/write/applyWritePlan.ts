import { SUMMARY_SHEET } from "../../layout/snapshot";
import { ConditionalRule, PlannedCell, WritePlan } from "../../annotate/writePlan";
import { readWorkbookInfo } from "../workbookParts";
import { XlsxPackage } from "../xlsxPackage";
import { PartContent, PartWriter, ZipEntry, contentOf, dosTime, writeZip } from "../zip";
import { encode } from "./bytes";
import { editWorksheet } from "./sheetEdit";
import { ensureStyles } from "./stylesEdit";
import { summarySheetXml } from "./summarySheetXml";
import { addSheetEntry, recalculateOnLoad, writeOwnedNames } from "./workbookEdit";

const WORKSHEET_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKSHEET_CONTENT =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** The time stamp of the parts we write, fixed so that the same input gives the same file. */
const WRITTEN_AT = dosTime(new Date("2020-01-01T00:00:00Z"));

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
 * keeps its exact bytes, compressed bytes included (it is not inflated at all). Changed parts are
 * deflated at a fast level.
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

  const writes = group<PlannedCell>(plan.cells);
  const rules = group<ConditionalRule>(plan.rules);
  const edited: Record<string, PartContent> = {};
  for (const sheet of info.sheets) {
    if (sheet.name === SUMMARY_SHEET) continue;
    const part = editWorksheet(
      pkg.bytes(sheet.path),
      writes.get(sheet.name) ?? [],
      rules.get(sheet.name) ?? [],
      dxfIds
    );
    if (part) edited[sheet.path] = part;
  }

  let workbook = writeOwnedNames(pkg.text("xl/workbook.xml"), plan.owned);
  // The summary sheet also carries the PAB of items whose own sheet had no room for it (and side-sheet plans).
  const summaryPage = encode(summarySheetXml(plan.summary, summaryStyles));
  const summaryXml =
    editWorksheet(
      summaryPage,
      writes.get(SUMMARY_SHEET) ?? [],
      rules.get(SUMMARY_SHEET) ?? [],
      dxfIds
    ) ?? contentOf(summaryPage);
  const existing = info.sheets.find((s) => s.name === SUMMARY_SHEET);
  const added: Record<string, PartContent> = {};
  if (existing) {
    edited[existing.path] = summaryXml;
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

  for (const [path, xml] of Object.entries(changed)) edited[path] = contentOf(xml);
  const entries: ZipEntry[] = [];
  const written = (path: string, content: PartContent, original?: ZipEntry) => {
    const part = new PartWriter(
      path,
      pkg.codec,
      WRITTEN_AT,
      // A part that comes out as it was (a second run over our own copy) keeps its stored bytes.
      original && { entry: original, content: pkg.bytes(path) }
    );
    content((piece) => part.write(piece));
    return part.end();
  };
  for (const [path, entry] of pkg.entries)
    entries.push(path in edited ? written(path, edited[path], entry) : entry);
  for (const [path, content] of Object.entries(added)) entries.push(written(path, content));
  return writeZip(entries);
}
