import { a1, columnName, parseA1, parseRange } from "../../layout/address";
import {
  CellWrite,
  ConditionalRule,
  PlannedCell,
  RULE_MARKER,
  isPabRun,
  widthOf,
} from "../../annotate/writePlan";
import { expandCells, runFormulas } from "../../annotate/pabRun";
import { attr, escapeXml, needsEscape, withAttr } from "./xmlText";
import { PartContent, Piece } from "../zip";
import { decodePiece, decodeStart, encode, findBytes } from "./bytes";

/** Elements that come after conditionalFormatting in a worksheet (CT_Worksheet order). */
const AFTER_CF = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

function formulaCellXml(
  ref: string,
  s: string,
  formula: string,
  cached: number | undefined
): string {
  const v = cached !== undefined && Number.isFinite(cached) ? `<v>${cached}</v>` : "";
  return `<c r="${ref}"${s}><f>${escapeXml(formula)}</f>${v}</c>`;
}

function cellXml(w: CellWrite, style: string | null): string {
  const ref = a1(w.row, w.column);
  const s = style !== null ? ` s="${style}"` : "";
  if (w.formula !== undefined) return formulaCellXml(ref, s, w.formula, w.cached);
  if (w.value !== undefined && Number.isFinite(w.value))
    return `<c r="${ref}"${s}><v>${w.value}</v></c>`;
  if (w.text === "") return `<c r="${ref}"${s}/>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(w.text ?? "")}</t></is></c>`;
}

const CELL_RE = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

/** Our cells of one row, in the order given, as XML (no style of their own). */
function entriesXml(entries: PlannedCell[]): string {
  const parts: string[] = [];
  for (const e of entries) {
    if (!isPabRun(e)) {
      parts.push(cellXml(e, null));
      continue;
    }
    // What formulaCellXml makes, with what the run's cells share made once: only the sheet
    // prefix, opening and past due can hold text to escape; column letters and digits cannot.
    const row = String(e.row + 1);
    const formula = runFormulas(e);
    const plain = !needsEscape(e.prefix + e.opening + (e.pastDue ?? ""));
    for (let t = 0; t < e.cached.length; t++) {
      const f = formula(t);
      const cached = e.cached[t];
      const v = cached !== undefined && Number.isFinite(cached) ? "<v>" + cached + "</v>" : "";
      parts.push(
        '<c r="' +
          columnName(e.column + t) +
          row +
          '"><f>' +
          (plain ? f : escapeXml(f)) +
          "</f>" +
          v +
          "</c>"
      );
    }
  }
  return parts.join("");
}

/** Puts our cells into one row's XML, keeping every other cell and each replaced cell's style. */
function editRow(rowXml: string, entries: PlannedCell[]): string {
  const selfClosing = /\/>$/.test(rowXml) && !/<\/row>$/.test(rowXml);
  const openTag = (/^<row\b[^>]*?>/.exec(rowXml) as RegExpExecArray)[0].replace(/\/>$/, ">");
  const inner = selfClosing ? "" : rowXml.slice(openTag.length, -"</row>".length);
  // A row with no cell yet (the blank row under a block, or a new one) and our cells in column
  // order, each once: nothing to keep, nothing to sort.
  if (!/<c\b/.test(inner) && inColumnOrder(entries)) {
    return `${withAttr(openTag, "spans", null)}${entriesXml(entries)}</row>`;
  }
  const writes = expandCells(entries);
  const cells: { column: number; xml: string }[] = [];
  let lastColumn = -1;
  for (const m of inner.matchAll(CELL_RE)) {
    const r = attr(m[0], "r");
    const column = r ? parseA1(r).column : lastColumn + 1;
    lastColumn = column;
    cells.push({ column, xml: m[0] });
  }
  for (const w of writes) {
    const i = cells.findIndex((c) => c.column === w.column);
    const style = i >= 0 ? attr(cells[i].xml, "s") : null;
    const xml = cellXml(w, style);
    if (i >= 0) cells[i] = { column: w.column, xml };
    else cells.push({ column: w.column, xml });
  }
  cells.sort((a, b) => a.column - b.column);
  return `${withAttr(openTag, "spans", null)}${cells.map((c) => c.xml).join("")}</row>`;
}

function inColumnOrder(entries: PlannedCell[]): boolean {
  for (let i = 1; i < entries.length; i++)
    if (entries[i].column < entries[i - 1].column + widthOf(entries[i - 1])) return false;
  return true;
}

/** A row the sheet does not have yet, holding only our cells. */
function newRow(row: number, writes: PlannedCell[]): string {
  return editRow(`<row r="${row + 1}">`, writes);
}

const SHEET_DATA = encode("<sheetData");
const SHEET_DATA_END = encode("</sheetData>");
const ROW = encode("<row");
const ROW_END = encode("</row>");
const MARKER = encode("PABW");
const GT = 0x3e;
const SLASH = 0x2f;

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0b || b === 0x0c;
}

/** The row number (0-based) of a row start tag `<row … r="12">` between `from` and `to`, or -1. */
function rowNumberOf(xml: Uint8Array, from: number, to: number): number {
  for (let i = from; i + 4 < to; i++) {
    if (!isSpace(xml[i]) || xml[i + 1] !== 0x72 || xml[i + 2] !== 0x3d || xml[i + 3] !== 0x22)
      continue;
    let n = 0;
    let j = i + 4;
    while (j < to && xml[j] >= 0x30 && xml[j] <= 0x39) n = n * 10 + (xml[j++] - 0x30);
    if (j > i + 4 && xml[j] === 0x22) return n - 1;
  }
  return -1;
}

/**
 * A worksheet part with our cells written and our rules replaced ("keep": left as they are), or
 * null when nothing changes. The content is produced when asked for, piece by piece: existing rows
 * are edited in place, missing rows added in order, and every row we do not touch is handed on as
 * a view of the part's own bytes.
 */
export function editWorksheet(
  part: Uint8Array,
  writes: PlannedCell[],
  rules: ConditionalRule[] | "keep",
  dxfIds: Record<ConditionalRule["kind"], number>
): PartContent | null {
  const list = rules === "keep" ? [] : rules;
  const start = findBytes(part, SHEET_DATA, 0);
  if (start < 0) {
    if (!writes.length && !list.length) return null; // a chart sheet, say: nothing of ours there
    throw new Error("worksheet without sheetData");
  }
  const openEnd = part.indexOf(GT, start);
  const selfClosing = part[openEnd - 1] === SLASH;
  const close = selfClosing ? -1 : findBytes(part, SHEET_DATA_END, openEnd);
  if (openEnd < 0 || (!selfClosing && close < 0)) throw new Error("worksheet sheetData not closed");
  const end = selfClosing ? openEnd + 1 : close + SHEET_DATA_END.length;
  if (!writes.length && !list.length && findBytes(part, MARKER, end) < 0) return null;
  const tail = decodePiece(part.subarray(end));
  const newTail = rules === "keep" ? tail : addRules(removeOurRules(tail), list, dxfIds);
  if (!writes.length && newTail === tail) return null;
  const head = widenDimension(decodeStart(part.subarray(0, start)), writes);
  return (emit) => {
    emit(head);
    if (writes.length)
      writeRows(part, openEnd, selfClosing ? openEnd + 1 : close, selfClosing, writes, emit);
    else emit(part.subarray(start, end));
    emit(newTail);
  };
}

/** The sheetData element with our cells written: rows we do not write are views of the part. */
function writeRows(
  xml: Uint8Array,
  openEnd: number,
  bodyEnd: number,
  selfClosing: boolean,
  writes: PlannedCell[],
  emit: (piece: Piece) => void
): void {
  const byRow = new Map<number, PlannedCell[]>();
  for (const w of writes) {
    const list = byRow.get(w.row);
    if (list) list.push(w);
    else byRow.set(w.row, [w]);
  }
  const targets = [...byRow.keys()].sort((a, b) => a - b);

  emit("<sheetData>");
  const copy = (from: number, to: number) => {
    if (from < to) emit(xml.subarray(from, to));
  };
  const bodyStart = openEnd + 1;
  let copied = bodyStart; // start of the stretch not yet copied
  let next = 0; // next target row
  let lastRow = -1;
  let pos = bodyStart;
  while (!selfClosing && next < targets.length) {
    const rowStart = findBytes(xml, ROW, pos, bodyEnd);
    if (rowStart < 0) break;
    const tagEnd = xml.indexOf(GT, rowStart);
    if (tagEnd < 0) throw new Error("worksheet row not closed");
    let rowEnd = tagEnd + 1;
    if (xml[tagEnd - 1] !== SLASH) {
      const close = findBytes(xml, ROW_END, tagEnd);
      if (close < 0) throw new Error("worksheet row not closed");
      rowEnd = close + ROW_END.length;
    }
    const r = rowNumberOf(xml, rowStart, tagEnd + 1);
    const row = r >= 0 ? r : lastRow + 1;
    lastRow = row;
    while (next < targets.length && targets[next] < row) {
      copy(copied, rowStart);
      emit(newRow(targets[next], byRow.get(targets[next]) as PlannedCell[]));
      copied = rowStart;
      next++;
    }
    if (next < targets.length && targets[next] === row) {
      copy(copied, rowStart);
      emit(editRow(decodePiece(xml.subarray(rowStart, rowEnd)), byRow.get(row) as PlannedCell[]));
      copied = rowEnd;
      next++;
    }
    pos = rowEnd;
  }
  copy(copied, bodyEnd);
  for (; next < targets.length; next++)
    emit(newRow(targets[next], byRow.get(targets[next]) as PlannedCell[]));
  emit("</sheetData>");
}

/** Widens the dimension element to cover every cell written. */
export function widenDimension(xml: string, writes: PlannedCell[]): string {
  const cut = xml.indexOf("<sheetData");
  const head = cut < 0 ? xml : xml.slice(0, cut);
  const m = /<dimension\b[^>]*ref="([^"]*)"[^>]*\/>/.exec(head);
  if (!m || !writes.length) return xml;
  let range;
  try {
    range = parseRange(m[1]);
  } catch {
    return xml;
  }
  for (const w of writes) {
    range.top = Math.min(range.top, w.row);
    range.bottom = Math.max(range.bottom, w.row);
    range.left = Math.min(range.left, w.column);
    range.right = Math.max(range.right, w.column + widthOf(w) - 1);
  }
  const ref = `${a1(range.top, range.left)}:${a1(range.bottom, range.right)}`;
  return head.replace(m[0], m[0].replace(/ref="[^"]*"/, `ref="${ref}"`)) + xml.slice(head.length);
}

const CF_RE = /<conditionalFormatting\b[^>]*>[\s\S]*?<\/conditionalFormatting>/g;
const RULE_RE = /<cfRule\b[^>]*?(?:\/>|>[\s\S]*?<\/cfRule>)/g;
const MARKER_XML = [RULE_MARKER, RULE_MARKER.replace(/"/g, "&quot;")];

/** Removes our earlier rules (found by their marker); the planner's rules stay as they are. */
export function removeOurRules(xml: string): string {
  return xml.replace(CF_RE, (block) => {
    const rules = block.match(RULE_RE) ?? [];
    const kept = rules.filter((r) => !MARKER_XML.some((m) => r.includes(m)));
    if (kept.length === rules.length) return block;
    if (!kept.length) return "";
    const open = (/^<conditionalFormatting\b[^>]*>/.exec(block) as RegExpExecArray)[0];
    return `${open}${kept.join("")}</conditionalFormatting>`;
  });
}

/** Adds our rules after the sheet's own, with priorities after theirs. */
export function addRules(
  xml: string,
  rules: ConditionalRule[],
  dxfIds: Record<ConditionalRule["kind"], number>
): string {
  if (!rules.length) return xml;
  const priorities = [...xml.matchAll(/<cfRule\b[^>]*\spriority="(\d+)"/g)].map((m) =>
    Number(m[1])
  );
  let priority = priorities.length ? Math.max(...priorities) : 0;
  const blocks = rules
    .map(
      (r) =>
        `<conditionalFormatting sqref="${r.ranges.join(" ")}"><cfRule type="expression" dxfId="${dxfIds[r.kind]}" priority="${++priority}"><formula>${escapeXml(
          r.formula
        )}</formula></cfRule></conditionalFormatting>`
    )
    .join("");
  const lastCf = xml.lastIndexOf("</conditionalFormatting>");
  if (lastCf >= 0) {
    const at = lastCf + "</conditionalFormatting>".length;
    return xml.slice(0, at) + blocks + xml.slice(at);
  }
  for (const name of AFTER_CF) {
    const m = new RegExp(`<${name}[\\s/>]`).exec(xml);
    if (m) return xml.slice(0, m.index) + blocks + xml.slice(m.index);
  }
  const close = xml.lastIndexOf("</worksheet>");
  return xml.slice(0, close) + blocks + xml.slice(close);
}
