import { SummarySheet } from "../../../../src/annotate/writePlan";
import { a1 } from "../../../../src/layout/address";
import { escapeXml } from "./xmlText";

/** The summary page as a worksheet: text inline (inert), numbers as numbers, fit to one page wide. */
export function summarySheetXml(
  s: SummarySheet,
  styles: { title: number; header: number }
): string {
  const text = (r: number, c: number, t: string, style?: number) =>
    `<c r="${a1(r, c)}"${style !== undefined ? ` s="${style}"` : ""} t="inlineStr"><is><t xml:space="preserve">${escapeXml(t)}</t></is></c>`;
  const cell = (r: number, c: number, v: string | number | null) =>
    v === null || v === ""
      ? ""
      : typeof v === "number"
        ? `<c r="${a1(r, c)}"><v>${v}</v></c>`
        : text(r, c, v);
  const rows: string[] = [
    `<row r="1">${text(0, 0, s.title, styles.title)}</row>`,
    `<row r="2">${text(1, 0, s.legend)}</row>`,
    `<row r="4">${s.header.map((h, c) => text(3, c, h, styles.header)).join("")}</row>`,
    ...s.rows.map(
      (row, i) => `<row r="${i + 5}">${row.map((v, c) => cell(i + 4, c, v)).join("")}</row>`
    ),
  ];
  const last = a1(Math.max(4, s.rows.length + 4) - 1, s.header.length - 1);
  const cols = s.widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const onePage = s.rows.length <= 40;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${rows.join("")}</sheetData>` +
    `<printOptions gridLines="1"/><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="${onePage ? 1 : 0}"/>` +
    `<headerFooter><oddFooter>&amp;L&amp;A&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter></worksheet>`
  );
}
