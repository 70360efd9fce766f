import { CellWrite } from "../../annotate/writePlan";
import { readWorkbookInfo } from "../workbookParts";
import { XlsxPackage } from "../xlsxPackage";
import { Piece, ZipEntry, deflatedEntry, dosTime, writeZip } from "../zip";
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
  const edited: Record<string, Piece[]> = {};
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
    edited["xl/workbook.xml"] = [recalculateOnLoad(pkg.text("xl/workbook.xml"))];
  const entries: ZipEntry[] = [];
  for (const [path, entry] of pkg.entries)
    entries.push(path in edited ? deflatedEntry(path, edited[path], pkg.codec, WRITTEN_AT) : entry);
  return writeZip(entries);
}
