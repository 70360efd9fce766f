/* global TextEncoder */
import { LOG_SHEET, SheetSnapshot, a1, bottomRow, columnName, parseRange } from "../layout";
import { contentOf, hashOf } from "./ownership";

/** Prefix of the hidden names recording the log rows we wrote (apart from `_PABWatch.`, which a re-scan replaces). */
export const LOG_NAME_PREFIX = "_PABWatchLog.";
const HEADER_NAME = `${LOG_NAME_PREFIX}header`;

export type LogValue = string | number | null;

/** One of our hidden log names as read back: where it points and the fingerprint it carries. */
export interface LogRecord {
  name: string;
  ranges: string[];
  hash: string | null;
}

export interface LogTableInput {
  /** The log sheet as it is now; null when the workbook has none yet. */
  sheet: SheetSnapshot | null;
  records: LogRecord[];
  /** The log table's range now ("A1:AE4"), when the sheet holds it. */
  tableRange: string | null;
  header: string[];
  /** The rows we want, one per incident; the key (the incident id) is the first cell. */
  rows: { key: string; cells: LogValue[] }[];
}

export interface LogTablePlan {
  sheet: string;
  /** Rows to write (0 = the header row), each from column A, as wide as the header. */
  writes: { row: number; cells: LogValue[] }[];
  /** The header the table ends up with (the user's, when they renamed a column). */
  header: string[];
  /** Every log name after this write. */
  owned: { name: string; sheet: string; ranges: string[]; hash: string }[];
  /** The table's range after this write. */
  range: string;
  /** Rows left alone because a person edited them, and why. */
  notes: string[];
}

/** A defined name may hold letters, digits, "_" and "."; the incident id is kept readable where it can be. */
export function logNameOf(key: string): string {
  const plain = /^[A-Za-z0-9_]{1,200}$/.test(key);
  const hex = [...new TextEncoder().encode(key)]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
  return `${LOG_NAME_PREFIX}${plain ? `i_${key}` : `x_${hex}`}`.slice(0, 250);
}

function cellText(v: LogValue): string {
  return v === null ? "" : typeof v === "number" ? String(v) : v;
}

function rowCells(row: number, width: number): [number, number][] {
  return Array.from({ length: width }, (_x, c) => [row, c] as [number, number]);
}

/**
 * Where each incident's row goes and which rows are ours to rewrite. A row is found by its id in
 * column A (so sorting the table by hand is fine), and rewritten only while it still holds exactly
 * what we wrote (the fingerprint in its hidden name); a row a person edited or typed is theirs.
 */
export function planLogTable(input: LogTableInput): LogTablePlan {
  const width = input.header.length;
  const sheet = input.sheet;
  const contents = (row: number) =>
    rowCells(row, width).map(([r, c]) => (sheet ? contentOf(sheet, r, c) : ""));
  const hashOfRow = (row: number, cells: string[]) => hashOf(rowCells(row, width), cells);
  const records = new Map(input.records.map((r) => [r.name, r]));
  const writes: LogTablePlan["writes"] = [];
  const owned: LogTablePlan["owned"] = [];
  const notes: string[] = [];
  const lastColumn = columnName(width - 1);
  const rangeOf = (row: number) => [`A${row + 1}:${lastColumn}${row + 1}`];

  // The header row.
  let header = input.header;
  const nowHeader = contents(0);
  const headerRecord = records.get(HEADER_NAME);
  const headerOurs =
    nowHeader.every((c) => c === "") ||
    (headerRecord?.hash != null && headerRecord.hash === hashOfRow(0, nowHeader));
  if (nowHeader.join("\u0000") !== input.header.join("\u0000")) {
    if (headerOurs) writes.push({ row: 0, cells: input.header });
    else {
      header = nowHeader.map((h, c) => h || input.header[c]);
      notes.push(`${LOG_SHEET}!A1: the header row was changed by hand: kept as it is`);
    }
  }
  owned.push({
    name: HEADER_NAME,
    sheet: LOG_SHEET,
    ranges: rangeOf(0),
    hash: hashOfRow(0, header),
  });

  // Rows already there, by the id in column A.
  const last = sheet ? bottomRow(sheet) : 0;
  const rowOfKey = new Map<string, number>();
  let lastUsed = 0;
  for (let r = 1; r <= last; r++) {
    const cells = contents(r);
    if (cells.some((c) => c !== "")) lastUsed = r;
    if (cells[0] && !rowOfKey.has(cells[0])) rowOfKey.set(cells[0], r);
  }
  let tableBottom = 1;
  if (input.tableRange) {
    try {
      tableBottom = Math.max(1, parseRange(input.tableRange).bottom);
    } catch {
      /* a range we cannot read: the rows decide */
    }
  }

  let next = lastUsed + 1;
  const wanted = new Set<string>();
  for (const want of input.rows) {
    wanted.add(want.key);
    const name = logNameOf(want.key);
    const target = want.cells.map(cellText);
    const at = rowOfKey.get(want.key);
    if (at === undefined) {
      const row = next++;
      writes.push({ row, cells: want.cells });
      owned.push({ name, sheet: LOG_SHEET, ranges: rangeOf(row), hash: hashOfRow(row, target) });
      continue;
    }
    const now = contents(at);
    const record = records.get(name);
    const ours = record?.hash != null && record.hash === hashOfRow(at, now);
    if (!ours) {
      notes.push(
        `${LOG_SHEET}!A${at + 1}: the row of ${want.key} was ${record ? "edited" : "typed"} by hand: kept as it is`
      );
      if (record) owned.push({ name, sheet: LOG_SHEET, ranges: rangeOf(at), hash: record.hash! });
      continue;
    }
    if (now.join("\u0000") !== target.join("\u0000")) writes.push({ row: at, cells: want.cells });
    owned.push({ name, sheet: LOG_SHEET, ranges: rangeOf(at), hash: hashOfRow(at, target) });
  }
  // Rows of earlier incidents not asked for now keep their records, pointed at where they are.
  for (const [key, row] of rowOfKey) {
    if (wanted.has(key)) continue;
    const record = records.get(logNameOf(key));
    if (record?.hash)
      owned.push({ ...record, sheet: LOG_SHEET, ranges: rangeOf(row), hash: record.hash });
  }

  const bottom = Math.max(tableBottom, next - 1, 1);
  return {
    sheet: LOG_SHEET,
    writes: writes.sort((a, b) => a.row - b.row),
    header,
    owned,
    range: `A1:${a1(bottom, width - 1)}`,
    notes,
  };
}
