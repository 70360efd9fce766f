import { a1, parseA1, parseRange } from "../../../../src/layout/address";
import { CellWrite, ConditionalRule, RULE_MARKER } from "../../../../src/annotate/writePlan";
import { attr, escapeXml, withAttr } from "./xmlText";

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

function cellXml(w: CellWrite, style: string | null): string {
  const ref = a1(w.row, w.column);
  const s = style !== null ? ` s="${style}"` : "";
  if (w.formula !== undefined) {
    const v = w.cached !== undefined && Number.isFinite(w.cached) ? `<v>${w.cached}</v>` : "";
    return `<c r="${ref}"${s}><f>${escapeXml(w.formula)}</f>${v}</c>`;
  }
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(w.text ?? "")}</t></is></c>`;
}

const CELL_RE = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

/** Puts our cells into one row's XML, keeping every other cell and each replaced cell's style. */
function editRow(rowXml: string, writes: CellWrite[]): string {
  const selfClosing = /\/>$/.test(rowXml) && !/<\/row>$/.test(rowXml);
  const openTag = (/^<row\b[^>]*?>/.exec(rowXml) as RegExpExecArray)[0].replace(/\/>$/, ">");
  const inner = selfClosing ? "" : rowXml.slice(openTag.length, -"</row>".length);
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

/** A worksheet cut around its sheetData: everything we edit lies in one of the three pieces. */
export function splitWorksheet(xml: string): { head: string; sheetData: string; tail: string } {
  const start = xml.indexOf("<sheetData");
  if (start < 0) throw new Error("worksheet without sheetData");
  const openEnd = xml.indexOf(">", start);
  const end =
    xml[openEnd - 1] === "/"
      ? openEnd + 1
      : xml.indexOf("</sheetData>", openEnd) + "</sheetData>".length;
  return { head: xml.slice(0, start), sheetData: xml.slice(start, end), tail: xml.slice(end) };
}

const ROW_NUMBER = /\sr="(\d+)"/;

/**
 * Writes cells into a worksheet's sheetData: existing rows edited in place, missing rows added in
 * order; the rows we do not touch are copied as they are, in long unchanged stretches.
 */
export function writeCells(xml: string, writes: CellWrite[]): string {
  if (!writes.length) return xml;
  const byRow = new Map<number, CellWrite[]>();
  for (const w of writes) {
    const list = byRow.get(w.row);
    if (list) list.push(w);
    else byRow.set(w.row, [w]);
  }
  const targets = [...byRow.keys()].sort((a, b) => a - b);

  const start = xml.indexOf("<sheetData");
  if (start < 0) throw new Error("worksheet without sheetData");
  const openEnd = xml.indexOf(">", start);
  const selfClosing = xml[openEnd - 1] === "/";
  const bodyStart = openEnd + 1;
  const bodyEnd = selfClosing ? bodyStart : xml.indexOf("</sheetData>", bodyStart);
  const after = selfClosing ? xml.slice(openEnd + 1) : xml.slice(bodyEnd);

  const out: string[] = [xml.slice(0, start), "<sheetData>"];
  let copied = bodyStart; // start of the stretch not yet copied
  let next = 0; // next target row
  let lastRow = -1;
  let pos = bodyStart;
  while (!selfClosing && next < targets.length) {
    const rowStart = xml.indexOf("<row", pos);
    if (rowStart < 0 || rowStart >= bodyEnd) break;
    const tagEnd = xml.indexOf(">", rowStart);
    const tag = xml.slice(rowStart, tagEnd + 1);
    const rowEnd = tag.endsWith("/>")
      ? tagEnd + 1
      : xml.indexOf("</row>", tagEnd) + "</row>".length;
    const r = ROW_NUMBER.exec(tag);
    const row = r ? Number(r[1]) - 1 : lastRow + 1;
    lastRow = row;
    while (next < targets.length && targets[next] < row) {
      out.push(
        xml.slice(copied, rowStart),
        editRow(`<row r="${targets[next] + 1}">`, byRow.get(targets[next]) as CellWrite[])
      );
      copied = rowStart;
      next++;
    }
    if (next < targets.length && targets[next] === row) {
      out.push(
        xml.slice(copied, rowStart),
        editRow(xml.slice(rowStart, rowEnd), byRow.get(row) as CellWrite[])
      );
      copied = rowEnd;
      next++;
    }
    pos = rowEnd;
  }
  out.push(xml.slice(copied, bodyEnd));
  for (; next < targets.length; next++)
    out.push(editRow(`<row r="${targets[next] + 1}">`, byRow.get(targets[next]) as CellWrite[]));
  out.push(selfClosing ? "</sheetData>" : "", after);
  return out.join("");
}

/** Widens the dimension element to cover every cell written. */
export function widenDimension(xml: string, writes: CellWrite[]): string {
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
    range.right = Math.max(range.right, w.column);
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
