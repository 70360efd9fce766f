/* global Excel */
import { CellValue, OwnedArea, SheetSnapshot, WorkbookSnapshot, a1 } from "../layout";
import { ownedAreaOf } from "../annotate/ownedNames";
import { cellsOfRanges, contentOf, hashOf } from "../annotate/ownership";
import { BLOCK_BYTES, ExcelRun } from "./run";

/** Bytes a cell costs in a read response (values, formulas, number formats), for sizing row blocks. */
const BYTES_PER_CELL = 48;

export interface ReadOptions {
  /** Only these sheets (default: all). */
  sheets?: string[];
}

/**
 * The open workbook as a SheetSnapshot per sheet: one batch of loads and one sync per sheet (row
 * blocks for sheets whose response would pass the 5 MB cap of Excel on the web).
 */
export async function readWorkbookSnapshot(
  run: ExcelRun,
  name: string,
  options: ReadOptions = {}
): Promise<WorkbookSnapshot> {
  return run(async (context) => {
    const wb = context.workbook;
    const sheets = wb.worksheets;
    sheets.load("items/name,items/visibility");
    const names = wb.names;
    names.load("items/name,items/formula,items/comment");
    const used: { ws: Excel.Worksheet; range: Excel.Range }[] = [];
    await context.sync();

    const wanted = sheets.items.filter((s) => !options.sheets || options.sheets.includes(s.name));
    for (const ws of wanted) {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount,rowHidden");
      used.push({ ws, range });
    }
    // Office.js has no 1904 flag; DATE(1904,1,1) is serial 0 in the 1904 system and 1462 in the 1900 one.
    const probe = wb.functions.date(1904, 1, 1);
    probe.load("value");
    await context.sync();
    const date1904 = probe.value === 0;

    const out: SheetSnapshot[] = [];
    for (const { ws, range } of used) {
      const snapshot: SheetSnapshot = {
        name: ws.name,
        visible: ws.visibility === "Visible",
        top: 0,
        left: 0,
        values: [[""]],
        formulas: {},
        numberFormats: {},
        merged: [],
        hiddenRows: [],
        hiddenColumns: [],
      };
      out.push(snapshot);
      if (range.isNullObject) continue;
      snapshot.top = range.rowIndex;
      snapshot.left = range.columnIndex;
      snapshot.values = [];
      const rowsPerBlock = Math.max(
        1,
        Math.floor(BLOCK_BYTES / (BYTES_PER_CELL * range.columnCount))
      );
      const merged = range.getMergedAreasOrNullObject();
      merged.load("isNullObject,areas/items/address");
      for (let start = 0; start < range.rowCount; start += rowsPerBlock) {
        const rows = Math.min(rowsPerBlock, range.rowCount - start);
        const block = ws.getRangeByIndexes(
          range.rowIndex + start,
          range.columnIndex,
          rows,
          range.columnCount
        );
        block.load("values,formulas,numberFormat");
        const hidden: Excel.Range[] = [];
        if (range.rowHidden !== false) {
          for (let r = 0; r < rows; r++) {
            const row = ws
              .getRangeByIndexes(range.rowIndex + start + r, range.columnIndex, 1, 1)
              .getEntireRow();
            row.load("rowHidden");
            hidden.push(row);
          }
        }
        await context.sync();
        const formulas = block.formulas;
        const formats = block.numberFormat;
        block.values.forEach((line, i) => {
          const row = range.rowIndex + start + i;
          snapshot.values.push(line as CellValue[]);
          line.forEach((_v, j) => {
            const column = range.columnIndex + j;
            const f = formulas[i][j];
            if (typeof f === "string" && f.startsWith("=")) snapshot.formulas[a1(row, column)] = f;
            const nf = formats[i][j];
            if (nf && nf !== "General") snapshot.numberFormats[a1(row, column)] = nf;
          });
        });
        hidden.forEach((h, i) => {
          if (h.rowHidden) snapshot.hiddenRows.push(range.rowIndex + start + i);
        });
      }
      if (!merged.isNullObject) {
        snapshot.merged = merged.areas.items.map((a) =>
          a.address.slice(a.address.lastIndexOf("!") + 1).replace(/\$/g, "")
        );
      }
    }

    const owned: OwnedArea[] = [];
    for (const n of names.items) {
      const area = ownedAreaOf(n.name, n.comment, n.formula.replace(/^=/, ""));
      if (area) owned.push(area);
    }

    // Cells spilled from our own =PAB.BALANCE hold values only (`formulas` gives the value), so
    // they are recorded as ours here, from the spill range Excel reports (ExcelApi 1.12).
    const anchors: { area: OwnedArea; sheet: SheetSnapshot; spill: Excel.Range }[] = [];
    for (const area of owned) {
      const sheet = out.find((s) => s.name === area.sheet);
      if (!sheet) continue;
      for (const [r, c] of cellsOfRanges(area.ranges)) {
        if (!sheet.formulas[a1(r, c)]?.startsWith("=PAB.BALANCE(")) continue;
        const spill = wb.worksheets
          .getItem(area.sheet)
          .getRangeByIndexes(r, c, 1, 1)
          .getSpillingToRangeOrNullObject();
        spill.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
        anchors.push({ area, sheet, spill });
      }
    }
    if (anchors.length) {
      await context.sync();
      for (const { area, sheet, spill } of anchors) {
        if (spill.isNullObject) continue;
        const cells: [number, number][] = [];
        for (let r = spill.rowIndex; r < spill.rowIndex + spill.rowCount; r++)
          for (let c = spill.columnIndex; c < spill.columnIndex + spill.columnCount; c++)
            if (!sheet.formulas[a1(r, c)]) cells.push([r, c]);
        if (!cells.length) continue;
        owned.push({
          name: `${area.name}.spill`,
          sheet: area.sheet,
          ranges: cells.map(([r, c]) => a1(r, c)),
          hash: hashOf(
            cells,
            cells.map(([r, c]) => contentOf(sheet, r, c))
          ),
        });
      }
    }
    return { name, date1904, sheets: out, ...(owned.length ? { owned } : {}) };
  });
}
