import { OwnedArea } from "../../../src/layout/snapshot";
import { BUILTIN_FORMATS } from "./numberFormats";
import { ownedAreaOf } from "../../../src/annotate/ownedNames";
import { UnreadableWorkbookError, XlsxPackage } from "./xlsxPackage";
import { isTrue, parseXml } from "./xml";

export interface SheetEntry {
  name: string;
  path: string;
  visible: boolean;
}

export interface WorkbookInfo {
  date1904: boolean;
  sheets: SheetEntry[];
  owned: OwnedArea[];
}

export function readWorkbookInfo(pkg: XlsxPackage): WorkbookInfo {
  const rels = pkg.relationships("xl/workbook.xml");
  const sheets: SheetEntry[] = [];
  const owned: OwnedArea[] = [];
  let date1904 = false;
  let definedName: { name: string; comment?: string; text: string } | null = null;
  parseXml(pkg.text("xl/workbook.xml"), {
    close: (name) => {
      if (name !== "definedName" || !definedName) return;
      const area = ownedAreaOf(definedName.name, definedName.comment, definedName.text);
      if (area) owned.push(area);
      definedName = null;
    },
    text: (t) => {
      if (definedName) definedName.text += t;
    },
    open: (name, a) => {
      if (name === "definedName") definedName = { name: a.name, comment: a.comment, text: "" };
      if (name === "workbookPr") date1904 = isTrue(a.date1904);
      if (name === "sheet") {
        const id = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
        const rel = id ? rels[id] : undefined;
        if (rel && !pkg.has(rel.target))
          throw new UnreadableWorkbookError(
            `the workbook package lacks ${rel.target}, the part of sheet "${a.name}" (a damaged file)`
          );
        if (rel) {
          sheets.push({
            name: a.name,
            path: rel.target,
            visible: !a.state || a.state === "visible",
          });
        }
      }
    },
  });
  return { date1904, sheets, owned };
}

/** The shared string table: rich-text runs joined, phonetic runs (rPh) left out. */
export function readSharedStrings(pkg: XlsxPackage): string[] {
  const path = Object.values(pkg.relationships("xl/workbook.xml")).find((r) =>
    r.type.endsWith("/sharedStrings")
  )?.target;
  if (!path || !pkg.has(path)) return [];
  const out: string[] = [];
  let current = "";
  let inText = false;
  let phonetic = 0;
  parseXml(pkg.text(path), {
    open: (name) => {
      if (name === "si") current = "";
      else if (name === "t") inText = true;
      else if (name === "rPh") phonetic++;
    },
    close: (name) => {
      if (name === "si") out.push(current);
      else if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
    },
    text: (t) => {
      if (inText && phonetic === 0) current += t;
    },
  });
  return out;
}

/** Number format code of each cell style index (cellXfs), as Office.js reports it. */
export function readStyleFormats(pkg: XlsxPackage): string[] {
  const path = Object.values(pkg.relationships("xl/workbook.xml")).find((r) =>
    r.type.endsWith("/styles")
  )?.target;
  if (!path || !pkg.has(path)) return [];
  const custom: Record<number, string> = {};
  const formats: string[] = [];
  let inCellXfs = false;
  parseXml(pkg.text(path), {
    open: (name, a) => {
      if (name === "numFmt") custom[Number(a.numFmtId)] = a.formatCode;
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        formats.push(custom[id] ?? BUILTIN_FORMATS[id] ?? "General");
      }
    },
    close: (name) => {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return formats;
}
