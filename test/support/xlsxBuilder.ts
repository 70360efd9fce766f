import { strToU8, zipSync } from "fflate";
import { a1 } from "../../src/layout/address";

/** A cell in a test workbook: plain values, or the few special kinds the reader must handle. */
export type TestCell =
  | string
  | number
  | boolean
  | null
  | { f: string; v?: number | string; shared?: { si: number; ref?: string }; array?: string }
  | { date: string; format?: string }
  | { serial: number; format: string }
  | { error: string }
  | { inline: string };

export interface TestSheet {
  name: string;
  rows: TestCell[][];
  hiddenRows?: number[];
  hiddenColumns?: number[];
  merged?: string[];
  state?: "visible" | "hidden";
  /** Start the grid at this row/column (0-based), to test sheets that do not begin at A1. */
  offset?: { row: number; column: number };
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function serialOf(iso: string, date1904: boolean): number {
  const ms =
    Date.parse(`${iso}T00:00:00Z`) - (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30));
  return Math.round(ms / 86_400_000);
}

/** A small but genuine .xlsx package, written the way Excel writes one (shared strings, styles, rels). */
export function buildXlsx(
  sheets: TestSheet[],
  options: {
    date1904?: boolean;
    /** Defined names: `ref` as Excel stores it ("Stock!$B$2"), `sheet` (0-based) for a local name. */
    names?: { name: string; ref: string; sheet?: number }[];
  } = {}
): Uint8Array {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const formats: string[] = [];
  const styleOf = (format: string) => {
    let i = formats.indexOf(format);
    if (i < 0) i = formats.push(format) - 1;
    return i + 1; // style 0 is General
  };
  const sst = (s: string) => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      stringIndex.set(s, i);
    }
    return i;
  };

  const sheetXml = sheets.map((sheet) => {
    const { row: dr = 0, column: dc = 0 } = sheet.offset ?? {};
    const rowsXml = sheet.rows
      .map((cells, r) => {
        const hidden = sheet.hiddenRows?.includes(r + dr) ? ' hidden="1"' : "";
        const cellsXml = cells
          .map((cell, c) => {
            const ref = a1(r + dr, c + dc);
            if (cell === null || cell === undefined || cell === "") return "";
            if (typeof cell === "number") return `<c r="${ref}"><v>${cell}</v></c>`;
            if (typeof cell === "boolean") return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
            if (typeof cell === "string") return `<c r="${ref}" t="s"><v>${sst(cell)}</v></c>`;
            if ("inline" in cell)
              return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(cell.inline)}</t></is></c>`;
            if ("error" in cell) return `<c r="${ref}" t="e"><v>${esc(cell.error)}</v></c>`;
            if ("date" in cell) {
              return `<c r="${ref}" s="${styleOf(cell.format ?? "yyyy-mm-dd")}"><v>${serialOf(cell.date, !!options.date1904)}</v></c>`;
            }
            if ("serial" in cell)
              return `<c r="${ref}" s="${styleOf(cell.format)}"><v>${cell.serial}</v></c>`;
            const shared = cell.shared
              ? ` t="shared" si="${cell.shared.si}"${cell.shared.ref ? ` ref="${cell.shared.ref}"` : ""}`
              : cell.array
                ? ` t="array" ref="${cell.array}"`
                : "";
            const fText = cell.f ? esc(cell.f) : "";
            const t = typeof cell.v === "string" ? ' t="str"' : "";
            const v = cell.v === undefined ? "" : `<v>${esc(String(cell.v))}</v>`;
            return `<c r="${ref}"${t}>${fText || !shared ? `<f${shared}>${fText}</f>` : `<f${shared}/>`}${v}</c>`;
          })
          .join("");
        return `<row r="${r + dr + 1}"${hidden}>${cellsXml}</row>`;
      })
      .join("");
    const cols = sheet.hiddenColumns?.length
      ? `<cols>${sheet.hiddenColumns.map((c) => `<col min="${c + 1}" max="${c + 1}" width="9" hidden="1"/>`).join("")}</cols>`
      : "";
    const merges = sheet.merged?.length
      ? `<mergeCells count="${sheet.merged.length}">${sheet.merged.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
      : "";
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${cols}<sheetData>${rowsXml}</sheetData>${merges}</worksheet>`;
  });

  const files: Record<string, Uint8Array> = {};
  files["[Content_Types].xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
    .map(
      (_s, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    )
    .join(
      ""
    )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`);
  files["_rels/.rels"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  files["xl/workbook.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${
    options.date1904 ? ' date1904="1"' : ""
  }/><sheets>${sheets
    .map(
      (s, i) =>
        `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state === "hidden" ? ' state="hidden"' : ""} r:id="rId${i + 1}"/>`
    )
    .join("")}</sheets>${
    options.names?.length
      ? `<definedNames>${options.names
          .map(
            (n) =>
              `<definedName name="${esc(n.name)}"${n.sheet === undefined ? "" : ` localSheetId="${n.sheet}"`}>${esc(n.ref)}</definedName>`
          )
          .join("")}</definedNames>`
      : ""
  }</workbook>`);
  files["xl/_rels/workbook.xml.rels"] =
    strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_s, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
      )
      .join(
        ""
      )}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  sheetXml.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml)));
  files["xl/styles.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${formats.length}">${formats
    .map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`)
    .join(
      ""
    )}</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${
    formats.length + 1
  }"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${formats
    .map(
      (_f, i) =>
        `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`
    )
    .join("")}</cellXfs></styleSheet>`);
  files["xl/sharedStrings.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings
    .map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`)
    .join("")}</sst>`);
  return zipSync(files);
}
