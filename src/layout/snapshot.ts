import { Diagnostic } from "./diagnostics";

/**
 * The one input shape of the reader, filled the same way by every adapter: values as Office.js
 * reports them (numbers, strings, booleans; "" for empty; errors as their text such as "#N/A"),
 * dates as serial numbers with their number format.
 */
export type CellValue = number | string | boolean;

export interface SheetSnapshot {
  name: string;
  /** Hidden or very hidden sheets are read but reported as such. */
  visible: boolean;
  /** Absolute 0-based row and column of values[0][0] (the used range's top-left). */
  top: number;
  left: number;
  /** The used range, rectangular. */
  values: CellValue[][];
  /** Formulas by A1 address ("D7": "=C7-D5+D6"), only for cells that hold one. */
  formulas: Record<string, string>;
  /** Number formats by A1 address, only where not "General". */
  numberFormats: Record<string, string>;
  /** Merged areas, A1 ranges ("A1:D1"). */
  merged: string[];
  /** Hidden rows and columns, absolute 0-based. */
  hiddenRows: number[];
  hiddenColumns: number[];
}

/** A sheet with nothing used yet (one empty cell at A1), filled in as its ranges are read. */
export function emptySheet(name: string, visible: boolean): SheetSnapshot {
  return {
    name,
    visible,
    top: 0,
    left: 0,
    values: [[""]],
    formulas: {},
    numberFormats: {},
    merged: [],
    hiddenRows: [],
    hiddenColumns: [],
  };
}

/** An area PAB Watch wrote, as its hidden defined name records it; hash = what was written there. */
export interface OwnedArea {
  name: string;
  sheet: string;
  /** A1 ranges on that sheet, as the name refers to them now (they move when rows are inserted). */
  ranges: string[];
  /** Hash of the contents PAB Watch wrote; null when unknown. */
  hash: string | null;
  /**
   * Set by the Office.js read of a second scan: some formulas of these cells were not read (the
   * snapshot holds their values only). The area is taken as ours until the write re-reads it and
   * confirms it still hashes to `hash`; where it does not, nothing of it is written or cleared.
   */
  formulasUnread?: true;
}

export interface WorkbookSnapshot {
  /** File name or workbook name, for the report. */
  name: string;
  /** The 1904 date system (old Mac workbooks): serial 0 is 1904-01-01. */
  date1904: boolean;
  sheets: SheetSnapshot[];
  /** What earlier runs of PAB Watch wrote (from its hidden defined names). */
  owned?: OwnedArea[];
  /**
   * What the adapter could not give as Office.js would, cell by cell (a formula without a saved
   * value that could not be calculated); the scan puts them in the report against their items.
   */
  diagnostics?: Diagnostic[];
}

/** The sheet PAB Watch writes its summary to; never read as a plan. */
export const SUMMARY_SHEET = "PAB Watch";
/** The root-cause log sheet (one Excel table, one row per incident); never read as a plan. */
export const LOG_SHEET = "PAB Watch Log";

/** Reads one cell by absolute position; outside the used range is empty. */
export function cellAt(sheet: SheetSnapshot, row: number, column: number): CellValue {
  const r = sheet.values[row - sheet.top];
  if (!r) return "";
  const v = r[column - sheet.left];
  return v === undefined || v === null ? "" : v;
}

export function bottomRow(sheet: SheetSnapshot): number {
  return sheet.top + sheet.values.length - 1;
}

export function rightColumn(sheet: SheetSnapshot): number {
  return sheet.left + (sheet.values.reduce((w, r) => Math.max(w, r.length), 0) || 1) - 1;
}
