import { OwnedRecord } from "../../../../src/annotate/writePlan";
import { ownedReference } from "../../../../src/annotate/ownedNames";
import { escapeXml } from "./xmlText";

const OUR_NAME =
  /<definedName\b[^>]*\sname="_PABWatch\.[^"]*"[^>]*?(?:\/>|>[\s\S]*?<\/definedName>)/g;

/** Replaces our hidden names with the new records; the planner's names stay byte for byte. */
export function writeOwnedNames(workbook: string, owned: OwnedRecord[]): string {
  let xml = workbook.replace(OUR_NAME, "");
  xml = xml.replace(/<definedNames>\s*<\/definedNames>|<definedNames\/>/, "");
  if (!owned.length) return xml;
  const names = owned
    .map(
      (o) =>
        `<definedName name="${escapeXml(o.name)}" hidden="1" comment="pabw:${o.hash}">${escapeXml(
          ownedReference(o)
        )}</definedName>`
    )
    .join("");
  const close = xml.indexOf("</definedNames>");
  if (close >= 0) return xml.slice(0, close) + names + xml.slice(close);
  const after = ["</externalReferences>", "</functionGroups>", "</sheets>"]
    .map((t) => [t, xml.indexOf(t)] as const)
    .find(([, i]) => i >= 0);
  if (!after) throw new Error("workbook.xml has no sheets element");
  const at = after[1] + after[0].length;
  return `${xml.slice(0, at)}<definedNames>${names}</definedNames>${xml.slice(at)}`;
}

/** Makes Excel recalculate on open, so our cached values are never what a user relies on. */
export function recalculateOnLoad(workbook: string): string {
  const m = /<calcPr\b[^>]*?\/?>/.exec(workbook);
  if (m) {
    if (/fullCalcOnLoad="(1|true)"/.test(m[0])) return workbook;
    return workbook.replace(m[0], m[0].replace(/^<calcPr/, '<calcPr fullCalcOnLoad="1"'));
  }
  const at =
    workbook.indexOf("</definedNames>") >= 0
      ? workbook.indexOf("</definedNames>") + 15
      : workbook.indexOf("</sheets>") + 9;
  return `${workbook.slice(0, at)}<calcPr fullCalcOnLoad="1"/>${workbook.slice(at)}`;
}

/** Adds a sheet entry pointing at relationship `rId`. */
export function addSheetEntry(workbook: string, name: string, rId: string): string {
  const ids = [...workbook.matchAll(/<sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheetId = (ids.length ? Math.max(...ids) : 0) + 1;
  const prefix =
    /xmlns:r="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships"/.test(
      workbook.slice(0, workbook.indexOf(">", workbook.indexOf("<workbook")))
    )
      ? "r"
      : null;
  const rAttr = prefix
    ? `r:id="${rId}"`
    : `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${rId}"`;
  const entry = `<sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${rAttr}/>`;
  const close = workbook.indexOf("</sheets>");
  return workbook.slice(0, close) + entry + workbook.slice(close);
}
