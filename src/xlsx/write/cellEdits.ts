import { CellWrite } from "../../annotate/writePlan";
import { readWorkbookInfo } from "../workbookParts";
import { XlsxPackage } from "../xlsxPackage";
import { PartContent, PartWriter, ZipEntry, contentOf, dosTime, writeZip } from "../zip";
import { recalculateOnLoad } from "./workbookEdit";
import { editWorksheet } from "./sheetEdit";

const WRITTEN_AT = dosTime(new Date("2020-01-01T00:00:00Z"));

/**
 * Cells a person changed (numbers, inert text, the formulas they typed) written into the package
 * in place: each replaced cell keeps its style, our rules and every other part keep their bytes,
 * and the workbook recalculates on load (the planner's own formulas may read the changed cells).
 * Writes to a sheet the package does not have are refused with its name.
 */
export function applyCellEditsToPackage(pkg: XlsxPackage, writes: CellWrite[]): Uint8Array {
  const info = readWorkbookInfo(pkg);
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    const list = bySheet.get(w.sheet);
    if (list) list.push(w);
    else bySheet.set(w.sheet, [w]);
  }
  const edited: Record<string, PartContent> = {};
  for (const [name, list] of bySheet) {
    const sheet = info.sheets.find((s) => s.name === name);
    if (!sheet)
      throw new Error(`the workbook has no sheet "${name}" to write ${list.length} cell(s) into`);
    const part = editWorksheet(pkg.bytes(sheet.path), list, "keep", {
      short: 0,
      low: 0,
      receipt: 0,
    });
    if (part) edited[sheet.path] = part;
  }
  if (Object.keys(edited).length)
    edited["xl/workbook.xml"] = contentOf(recalculateOnLoad(pkg.text("xl/workbook.xml")));
  const entries: ZipEntry[] = [];
  for (const [path, entry] of pkg.entries) {
    if (!(path in edited)) entries.push(entry);
    else {
      const part = new PartWriter(path, pkg.codec, WRITTEN_AT);
      edited[path]((piece) => part.write(piece));
      entries.push(part.end());
    }
  }
  return writeZip(entries);
}
