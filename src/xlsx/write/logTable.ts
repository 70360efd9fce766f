import { strToU8, zipSync } from "fflate";
import { LOG_SHEET, a1, parseA1 } from "../../layout";
import { ownedReference, parseOwnedReference } from "../../annotate/ownedNames";
import {
  LOG_NAME_PREFIX,
  LogRecord,
  LogTablePlan,
  LogValue,
  planLogTable,
} from "../../annotate/logTable";
import { LOG_TABLE } from "../../incidents/logRows";
import { readSheet } from "../sheetReader";
import { readSharedStrings, readStyleFormats, readWorkbookInfo } from "../workbookParts";
import { XlsxPackage, resolvePath } from "../xlsxPackage";
import { parseXml } from "../xml";
import { addSheetEntry } from "./workbookEdit";
import { attr, escapeXml } from "./xmlText";

/** The log table's name in the workbook (tables need a name without spaces). */
export const LOG_TABLE_NAME = LOG_TABLE;

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TABLE_TYPE = `${NS_REL}/table`;
const WORKSHEET_TYPE = `${NS_REL}/worksheet`;
const TABLE_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const WORKSHEET_CONTENT =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

export interface LogWriteResult {
  bytes: Uint8Array;
  plan: LogTablePlan;
}

/** Our log names in workbook.xml, with the fingerprint each carries in its comment. */
export function readLogRecords(workbookXml: string): LogRecord[] {
  const out: LogRecord[] = [];
  let current: { name: string; comment?: string; text: string } | null = null;
  parseXml(workbookXml, {
    open: (name, a) => {
      if (name === "definedName") current = { name: a.name, comment: a.comment, text: "" };
    },
    text: (t) => {
      if (current) current.text += t;
    },
    close: (name) => {
      if (name !== "definedName" || !current) return;
      const c = current as { name: string; comment?: string; text: string };
      current = null;
      if (!c.name.startsWith(LOG_NAME_PREFIX)) return;
      const ref = parseOwnedReference(c.text);
      const hash = c.comment && /^pabw:[0-9a-f]{8}$/.test(c.comment) ? c.comment.slice(5) : null;
      if (ref && ref.sheet === LOG_SHEET) out.push({ name: c.name, ranges: ref.ranges, hash });
    },
  });
  return out;
}

function cellXml(row: number, column: number, v: LogValue, style: string | null): string {
  const s = style !== null ? ` s="${style}"` : "";
  const ref = a1(row, column);
  if (v === null || v === "") return "";
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
}

const CELL_RE = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;
const ROW_RE = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;

/** Our cells in one row (columns 0..width-1) replaced; cells right of the table and cell styles kept. */
function editRow(rowXml: string | null, row: number, values: LogValue[]): string {
  const openTag = rowXml
    ? (/^<row\b[^>]*?>/.exec(rowXml) as RegExpExecArray)[0].replace(/\/>$/, ">")
    : `<row r="${row + 1}">`;
  const inner = rowXml && !rowXml.endsWith("/>") ? rowXml.slice(openTag.length, -6) : "";
  const kept: { column: number; xml: string }[] = [];
  const styles = new Map<number, string>();
  let lastColumn = -1;
  for (const m of inner.matchAll(CELL_RE)) {
    const r = attr(m[0], "r");
    const column = r ? parseA1(r).column : lastColumn + 1;
    lastColumn = column;
    if (column < values.length) {
      const s = attr(m[0], "s");
      if (s !== null) styles.set(column, s);
    } else kept.push({ column, xml: m[0] });
  }
  const ours = values.map((v, c) => ({
    column: c,
    xml: cellXml(row, c, v, styles.get(c) ?? null),
  }));
  const cells = [...ours, ...kept].sort((a, b) => a.column - b.column);
  return `${openTag.replace(/\sspans="[^"]*"/, "")}${cells.map((c) => c.xml).join("")}</row>`;
}

function editSheetData(sheetXml: string, writes: LogTablePlan["writes"]): string {
  const start = sheetXml.indexOf("<sheetData");
  const openEnd = sheetXml.indexOf(">", start);
  const selfClosing = sheetXml[openEnd - 1] === "/";
  const end = selfClosing
    ? openEnd + 1
    : sheetXml.indexOf("</sheetData>", openEnd) + "</sheetData>".length;
  const body = selfClosing ? "" : sheetXml.slice(openEnd + 1, end - "</sheetData>".length);
  const rows = new Map<number, string>();
  let last = -1;
  for (const m of body.matchAll(ROW_RE)) {
    const r = attr(m[0], "r");
    last = r ? Number(r) - 1 : last + 1;
    rows.set(last, m[0]);
  }
  for (const w of writes) rows.set(w.row, editRow(rows.get(w.row) ?? null, w.row, w.cells));
  const xml = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, x]) => x)
    .join("");
  return `${sheetXml.slice(0, start)}<sheetData>${xml}</sheetData>${sheetXml.slice(end)}`;
}

const WIDE = new Set([3, 4, 7, 12, 19, 20, 21, 22, 23, 28]);

function newSheetXml(width: number): string {
  const cols = Array.from(
    { length: width },
    (_x, i) =>
      `<col min="${i + 1}" max="${i + 1}" width="${WIDE.has(i) ? 36 : 18}" customWidth="1"/>`
  ).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData/>` +
    `<printOptions gridLines="1"/><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="3" fitToHeight="0"/></worksheet>`
  );
}

function tableXml(id: number, name: string, range: string, header: string[]): string {
  const columns = header
    .map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${name}" displayName="${name}" ref="${range}" totalsRowShown="0">` +
    `<autoFilter ref="${range}"/><tableColumns count="${header.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** Header text as a table column name: one line, unique (Excel refuses duplicates). */
function columnNames(header: string[]): string[] {
  const seen = new Set<string>();
  return header.map((h, i) => {
    let name = h.replace(/[\r\n\t]+/g, " ").trim() || `Column${i + 1}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${h} ${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Replaces our log names with the plan's; every other name stays byte for byte. */
function writeLogNames(workbook: string, owned: LogTablePlan["owned"]): string {
  const ours = new RegExp(
    `<definedName\\b[^>]*\\sname="${LOG_NAME_PREFIX.replace(".", "\\.")}[^"]*"[^>]*?(?:/>|>[\\s\\S]*?</definedName>)`,
    "g"
  );
  let xml = workbook
    .replace(ours, "")
    .replace(/<definedNames>\s*<\/definedNames>|<definedNames\/>/, "");
  const names = owned
    .map(
      (o) =>
        `<definedName name="${escapeXml(o.name)}" hidden="1" comment="pabw:${o.hash}">${escapeXml(ownedReference(o))}</definedName>`
    )
    .join("");
  const close = xml.indexOf("</definedNames>");
  if (close >= 0) return xml.slice(0, close) + names + xml.slice(close);
  const after = ["</externalReferences>", "</functionGroups>", "</sheets>"]
    .map((t) => [t, xml.indexOf(t)] as const)
    .find(([, i]) => i >= 0);
  if (!after) throw new Error("workbook.xml has no sheets element");
  const at = after[1] + after[0].length;
  xml = `${xml.slice(0, at)}<definedNames>${names}</definedNames>${xml.slice(at)}`;
  return xml;
}

function uniqueId(existing: string, base: string): string {
  let id = base;
  for (let i = 2; existing.includes(`Id="${id}"`); i++) id = `${base}${i}`;
  return id;
}

/**
 * Writes the root-cause log (one row per incident) as a real Excel table on the sheet
 * "PAB Watch Log", editing the package in place: only that sheet, its table part, their
 * relationships, the content types and our hidden log names change; rows a person edited stay.
 */
export function applyLogToPackage(
  pkg: XlsxPackage,
  header: string[],
  rows: { key: string; cells: LogValue[] }[]
): LogWriteResult {
  const info = readWorkbookInfo(pkg);
  const changed: Record<string, string> = {};
  const text = (path: string) => changed[path] ?? pkg.text(path);
  const entry = info.sheets.find((s) => s.name === LOG_SHEET);

  let sheetPath: string;
  let sheetXml: string;
  let workbook = pkg.text("xl/workbook.xml");
  if (entry) {
    sheetPath = entry.path;
    sheetXml = pkg.text(sheetPath);
  } else {
    let n = info.sheets.length + 1;
    while (pkg.has(`xl/worksheets/sheet${n}.xml`)) n++;
    sheetPath = `xl/worksheets/sheet${n}.xml`;
    sheetXml = newSheetXml(header.length);
    const relsPath = "xl/_rels/workbook.xml.rels";
    const rId = uniqueId(text(relsPath), "rIdPABWatchLog");
    changed[relsPath] = text(relsPath).replace(
      "</Relationships>",
      `<Relationship Id="${rId}" Type="${WORKSHEET_TYPE}" Target="${sheetPath.slice(3)}"/></Relationships>`
    );
    changed["[Content_Types].xml"] = text("[Content_Types].xml").replace(
      "</Types>",
      `<Override PartName="/${sheetPath}" ContentType="${WORKSHEET_CONTENT}"/></Types>`
    );
    workbook = addSheetEntry(workbook, LOG_SHEET, rId);
  }

  // Our table on that sheet, if an earlier run made it.
  const sheetRels = pkg.relationships(sheetPath);
  let tablePath: string | null = null;
  let tableRange: string | null = null;
  let tableId: number | null = null;
  for (const rel of Object.values(sheetRels)) {
    if (rel.type !== TABLE_TYPE || !pkg.has(rel.target)) continue;
    const xml = pkg.text(rel.target);
    const open = /<table\b[^>]*>/.exec(xml)?.[0] ?? "";
    if (attr(open, "name") === LOG_TABLE_NAME || attr(open, "displayName") === LOG_TABLE_NAME) {
      tablePath = rel.target;
      tableRange = attr(open, "ref");
      tableId = Number(attr(open, "id"));
    }
  }

  const snapshot = entry
    ? readSheet(
        sheetXml,
        LOG_SHEET,
        entry.visible,
        readSharedStrings(pkg),
        readStyleFormats(pkg),
        info.date1904
      )
    : null;
  const plan = planLogTable({
    sheet: snapshot,
    records: readLogRecords(workbook),
    tableRange,
    header,
    rows,
  });

  sheetXml = editSheetData(sheetXml, plan.writes).replace(
    /<dimension\b[^>]*\/>/,
    `<dimension ref="${plan.range}"/>`
  );
  const names = columnNames(plan.header);
  if (!tablePath) {
    const ids = Object.keys(pkg.parts)
      .filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))
      .map((p) => Number(attr(/<table\b[^>]*>/.exec(pkg.text(p))?.[0] ?? "", "id") ?? 0));
    tableId = Math.max(0, ...ids) + 1;
    let n = 1;
    while (pkg.has(`xl/tables/table${n}.xml`)) n++;
    tablePath = `xl/tables/table${n}.xml`;
    const relsPath = resolvePath(
      "",
      `${sheetPath.replace(/[^/]+$/, "")}_rels/${sheetPath.split("/").pop()}.rels`
    );
    const rels = pkg.has(relsPath)
      ? text(relsPath)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const rId = uniqueId(rels, "rIdPABWatchLogTable");
    changed[relsPath] = rels.replace(
      "</Relationships>",
      `<Relationship Id="${rId}" Type="${TABLE_TYPE}" Target="../tables/table${n}.xml"/></Relationships>`
    );
    changed["[Content_Types].xml"] = text("[Content_Types].xml").replace(
      "</Types>",
      `<Override PartName="/${tablePath}" ContentType="${TABLE_CONTENT}"/></Types>`
    );
    const part = `<tablePart r:id="${rId}"/>`;
    sheetXml = /<tableParts\b[^>]*>/.test(sheetXml)
      ? sheetXml
          .replace(/<tableParts\b[^>]*?count="(\d+)"[^>]*>/, (m, c) =>
            m.replace(`count="${c}"`, `count="${Number(c) + 1}"`)
          )
          .replace("</tableParts>", `${part}</tableParts>`)
      : sheetXml.replace(
          /(<extLst\b|<\/worksheet>)/,
          `<tableParts count="1">${part}</tableParts>$1`
        );
  }
  changed[tablePath] = tableXml(tableId as number, LOG_TABLE_NAME, plan.range, names);
  changed[sheetPath] = sheetXml;
  changed["xl/workbook.xml"] = writeLogNames(workbook, plan.owned);

  const files: Record<string, Uint8Array> = {};
  for (const [path, bytes] of Object.entries(pkg.parts))
    files[path] = path in changed ? strToU8(changed[path]) : bytes;
  for (const [path, xml] of Object.entries(changed))
    if (!(path in files)) files[path] = strToU8(xml);
  return { bytes: zipSync(files, { level: 6, mtime: new Date("2020-01-01T00:00:00Z") }), plan };
}
