/* global TextDecoder */
import { Diagnostic } from "../layout/diagnostics";
import { CellValue, WorkbookSnapshot } from "../layout/snapshot";

/** Thrown when a CSV file cannot be read as text; the message is one line for the user. */
export class UnreadableCsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableCsvError";
  }
}

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/**
 * The text of a CSV export: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"),
 * else GB18030, which is what Chinese Excel writes for "CSV" (GBK is a subset of it).
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(b.subarray(3)), encoding: "utf-8" };
  if (b[0] === 0xff && b[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(b.subarray(2)), encoding: "utf-16le" };
  if (b[0] === 0xfe && b[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(b.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(b), encoding: "utf-8" };
  } catch {
    // not UTF-8: the Chinese Windows code page
  }
  try {
    return { text: new TextDecoder("gb18030", { fatal: true }).decode(b), encoding: "gb18030" };
  } catch {
    throw new UnreadableCsvError(
      "the CSV file is neither UTF-8 nor GB18030 text: save it again as CSV UTF-8"
    );
  }
}

const CANDIDATES = [",", ";", "\t"] as const;

/** Fields per line for a separator, quotes respected, over the first lines. */
function fieldCounts(text: string, sep: string, lines = 30): number[] {
  const counts: number[] = [];
  let n = 1;
  let quoted = false;
  let nonEmpty = false;
  for (let i = 0; i < text.length && counts.length < lines; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === sep) n++;
    else if (ch === "\n" || ch === "\r") {
      if (nonEmpty) counts.push(n);
      n = 1;
      nonEmpty = false;
      continue;
    }
    nonEmpty = true;
  }
  if (nonEmpty) counts.push(n);
  return counts;
}

/**
 * The separator: an Excel `sep=;` first line if present, else the one of comma, semicolon and tab
 * that splits the first lines into the most fields most consistently.
 */
export function detectSeparator(text: string): { sep: string; skipFirstLine: boolean } {
  const directive = /^sep=(.)\r?\n/.exec(text);
  if (directive) return { sep: directive[1], skipFirstLine: true };
  let best: { sep: string; score: number } = { sep: ",", score: -1 };
  for (const sep of CANDIDATES) {
    const counts = fieldCounts(text, sep);
    if (!counts.length) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [mode, times] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (mode < 2) continue;
    // Consistency first (lines agreeing on the field count), then more fields.
    const score = (times / counts.length) * 1000 + mode;
    if (score > best.score) best = { sep, score };
  }
  return { sep: best.sep, skipFirstLine: false };
}

/** RFC 4180 fields: quotes around a field allow separators, line breaks and "" for a quote. */
export function parseCsvText(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      field = "";
      quoted = true;
    } else if (ch === sep) endField();
    else if (ch === "\r" || ch === "\n") {
      endRow();
      if (ch === "\r" && text[i + 1] === "\n") i++;
    } else field += ch;
    i++;
  }
  if (field !== "" || row.length) endRow();
  return rows;
}

const PLAIN_NUMBER = /^[+-]?(\d+|\d*\.\d+)([eE][+-]?\d+)?$/;
/** "1.200": a decimal point or a thousands separator; left as text for the reader to say so. */
const POINT_OR_THOUSANDS = /^[+-]?[1-9]\d{0,2}\.\d{3}$/;

/**
 * One field as a cell value: plain numbers ("35", "-2.5", "1e3") as numbers, TRUE/FALSE as
 * logical values, everything else as the text it is, read by the reader's own rules for text
 * ("1,200" is accepted, "1.200" and "1,5" are reported, "2026-11-30" is a date header). Nothing is
 * guessed from a locale; a field starting with "=" stays text and is never calculated.
 */
export function csvValue(field: string): CellValue {
  const t = field.trim();
  if (t === "") return "";
  if (PLAIN_NUMBER.test(t) && !POINT_OR_THOUSANDS.test(t)) return Number(t);
  if (/^(true|false)$/i.test(t)) return t.toUpperCase() === "TRUE";
  return field;
}

/** The sheet name Excel gives a CSV it opens: the file name, without characters a sheet cannot have. */
export function csvSheetName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const clean = base
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .slice(0, 31);
  return clean || "Sheet1";
}

/** A CSV export → the snapshot of one sheet, as if the rows had been typed into Excel as text. */
export function readCsvSnapshot(bytes: Uint8Array, name: string): WorkbookSnapshot {
  const { text, encoding } = decodeCsv(bytes);
  const { sep, skipFirstLine } = detectSeparator(text);
  const rows = parseCsvText(skipFirstLine ? text.replace(/^.*\r?\n/, "") : text, sep);
  const values = rows.map((r) => r.map(csvValue));
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  values.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === "") return;
      top = Math.min(top, i);
      bottom = Math.max(bottom, i);
      left = Math.min(left, j);
      right = Math.max(right, j);
    })
  );
  const used: CellValue[][] =
    bottom < 0
      ? [[""]]
      : values.slice(top, bottom + 1).map((r) => {
          const line = new Array<CellValue>(right - left + 1).fill("");
          for (let j = left; j <= right && j < r.length; j++) line[j - left] = r[j];
          return line;
        });
  const sheet = csvSheetName(name);
  const diagnostics: Diagnostic[] = [
    {
      severity: "info",
      code: "csv-read",
      cell: null,
      item: null,
      message: `${name}: read as one sheet "${sheet}", ${encoding === "gb18030" ? "GB18030 (Chinese Windows) text" : encoding.toUpperCase()}, fields separated by ${sep === "\t" ? "tabs" : sep === ";" ? "semicolons" : sep === "," ? "commas" : `"${sep}"`}`,
    },
  ];
  return {
    name,
    date1904: false,
    sheets: [
      {
        name: sheet,
        visible: true,
        top: bottom < 0 ? 0 : top,
        left: bottom < 0 ? 0 : left,
        values: used,
        formulas: {},
        numberFormats: {},
        merged: [],
        hiddenRows: [],
        hiddenColumns: [],
      },
    ],
    diagnostics,
  };
}
