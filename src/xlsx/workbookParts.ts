import { OwnedArea } from "../layout/snapshot";
import { BUILTIN_FORMATS } from "./numberFormats";
import { ownedAreaOf } from "../annotate/ownedNames";
import { UnreadableWorkbookError, XlsxPackage } from "./xlsxPackage";
import { isTrue, parseXml } from "./xml";
import { END, OPEN, TEXT, XmlScanner } from "./xmlScanner";

export interface SheetEntry {
  name: string;
  path: string;
  visible: boolean;
}

export interface WorkbookInfo {
  date1904: boolean;
  sheets: SheetEntry[];
  owned: OwnedArea[];
  /** The workbook's own defined names (not Excel's _xlnm.* nor PAB Watch's), for formulas. */
  names: { name: string; text: string; sheet: string | null }[];
}

export function readWorkbookInfo(pkg: XlsxPackage): WorkbookInfo {
  const rels = pkg.relationships("xl/workbook.xml");
  const sheets: SheetEntry[] = [];
  const owned: OwnedArea[] = [];
  let date1904 = false;
  const names: WorkbookInfo["names"] = [];
  const sheetOrder: string[] = [];
  let definedName: { name: string; comment?: string; text: string; local?: string } | null = null;
  parseXml(pkg.text("xl/workbook.xml"), {
    close: (name) => {
      if (name !== "definedName" || !definedName) return;
      const area = ownedAreaOf(definedName.name, definedName.comment, definedName.text);
      if (area) owned.push(area);
      else if (!/^_xlnm\.|^_PABWatch\./i.test(definedName.name)) {
        const local = definedName.local === undefined ? null : Number(definedName.local);
        names.push({
          name: definedName.name,
          text: definedName.text,
          sheet: local === null ? null : (sheetOrder[local] ?? `#${local}`),
        });
      }
      definedName = null;
    },
    text: (t) => {
      if (definedName) definedName.text += t;
    },
    open: (name, a) => {
      if (name === "definedName")
        definedName = { name: a.name, comment: a.comment, text: "", local: a.localSheetId };
      if (name === "workbookPr") date1904 = isTrue(a.date1904);
      if (name === "sheet") {
        sheetOrder.push(a.name);
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
  return { date1904, sheets, owned, names };
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
  const s = new XmlScanner(pkg.readText(path), "the shared strings");
  for (let kind = s.next(); kind !== END; kind = s.next()) {
    if (kind === TEXT) {
      if (inText && phonetic === 0) current += s.text();
    } else if (kind === OPEN) {
      if (s.is("si")) {
        current = "";
        if (s.selfClosing) out.push(current);
      } else if (s.is("t")) inText = !s.selfClosing;
      else if (s.is("rPh") && !s.selfClosing) phonetic++;
    } else if (s.is("si")) out.push(current);
    else if (s.is("t")) inText = false;
    else if (s.is("rPh")) phonetic--;
  }
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
