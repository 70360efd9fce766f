import { CellValue, LOG_SHEET, SheetSnapshot, a1, emptySheet, sheetPrefix } from "../layout";
import {
  LOG_NAME_PREFIX,
  LogRecord,
  LogTablePlan,
  LogValue,
  planLogTable,
} from "../annotate/logTable";
import { ownedReference, parseOwnedReference } from "../annotate/ownedNames";
import { LOG_TABLE } from "../incidents/logRows";
import { ExcelRun } from "./run";

export interface LogTableResult {
  plan: LogTablePlan;
  /** Syncs this write took. */
  syncs: number;
}

function recordOf(name: string, comment: string, formula: string): LogRecord | null {
  if (!name.startsWith(LOG_NAME_PREFIX)) return null;
  const ref = parseOwnedReference(formula.replace(/^=/, ""));
  if (!ref || ref.sheet !== LOG_SHEET) return null;
  const hash = /^pabw:[0-9a-f]{8}$/.test(comment) ? comment.slice(5) : null;
  return { name, ranges: ref.ranges, hash };
}

/**
 * Writes the root-cause log into the open workbook: an Excel table named PABWatchLog on the sheet
 * "PAB Watch Log" (made with tables.add, grown with resize), each row written in one block through
 * its range (never a rows.add loop); text as text ("@" first, so nothing a person typed becomes a
 * formula or a date). Rows a person edited stay theirs (the fingerprint in our hidden name no longer
 * matches). Four round trips: read the names and the sheet, read the rows, write, hide the names.
 */
export async function writeLogTable(
  run: ExcelRun,
  header: string[],
  rows: { key: string; cells: LogValue[] }[]
): Promise<LogTableResult> {
  let syncs = 0;
  try {
    const plan = await write();
    return { plan, syncs };
  } finally {
    await run(async (context) => {
      context.runtime.enableEvents = true;
      await context.sync();
    });
  }

  function write(): Promise<LogTablePlan> {
    return run(async (context) => {
      context.runtime.enableEvents = false;
      const wb = context.workbook;
      const names = wb.names;
      names.load("items/name,items/formula,items/comment");
      const ws = wb.worksheets.getItemOrNullObject(LOG_SHEET);
      ws.load("isNullObject");
      const table = wb.tables.getItemOrNullObject(LOG_TABLE);
      table.load("isNullObject");
      await context.sync();
      syncs++;

      let sheet: SheetSnapshot | null = null;
      let tableRange: string | null = null;
      if (!ws.isNullObject) {
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("isNullObject,rowIndex,columnIndex,values,formulas");
        const range = table.isNullObject ? null : table.getRange();
        range?.load("address");
        await context.sync();
        syncs++;
        sheet = emptySheet(LOG_SHEET, true);
        if (!used.isNullObject) {
          sheet.top = used.rowIndex;
          sheet.left = used.columnIndex;
          sheet.values = used.values as CellValue[][];
          used.formulas.forEach((line, i) =>
            line.forEach((f, j) => {
              if (typeof f === "string" && f.startsWith("="))
                sheet!.formulas[a1(used.rowIndex + i, used.columnIndex + j)] = f;
            })
          );
        }
        if (range)
          tableRange = range.address.slice(range.address.lastIndexOf("!") + 1).replace(/\$/g, "");
      }
      const records = names.items
        .map((n) => recordOf(n.name, n.comment ?? "", n.formula))
        .filter((r): r is LogRecord => r !== null);
      const plan = planLogTable({ sheet, records, tableRange, header, rows });

      const target = ws.isNullObject
        ? wb.worksheets.add(LOG_SHEET)
        : wb.worksheets.getItem(LOG_SHEET);
      for (const w of plan.writes) {
        const range = target.getRangeByIndexes(w.row, 0, 1, w.cells.length);
        range.numberFormat = [w.cells.map((v) => (typeof v === "number" ? "General" : "@"))];
        range.values = [w.cells.map((v) => (v === null ? "" : v))];
      }
      const address = `${sheetPrefix(LOG_SHEET)}!${plan.range}`;
      if (table.isNullObject) {
        const made = target.tables.add(address, true);
        made.name = LOG_TABLE;
      } else if (tableRange !== plan.range) {
        table.resize(address);
      }
      for (const n of names.items) if (n.name.startsWith(LOG_NAME_PREFIX)) n.delete();
      for (const o of plan.owned) wb.names.add(o.name, `=${ownedReference(o)}`, `pabw:${o.hash}`);
      await context.sync();
      syncs++;
      // Hidden in a later sync: Excel on Windows ignores visible = false in the batch that adds the name.
      for (const o of plan.owned) wb.names.getItem(o.name).visible = false;
      await context.sync();
      syncs++;
      return plan;
    });
  }
}

/**
 * The log table's values as they are now (header row first, every row of the table, whatever a
 * filter hides), for the figures; null when the workbook has no log table. Two round trips: does
 * the table exist, then its values.
 */
export async function readLogTable(run: ExcelRun): Promise<CellValue[][] | null> {
  return run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(LOG_TABLE);
    table.load("isNullObject");
    await context.sync();
    if (table.isNullObject) return null;
    const range = table.getRange();
    range.load("values");
    await context.sync();
    return range.values as CellValue[][];
  });
}
