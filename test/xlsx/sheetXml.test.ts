import { strToU8, unzipSync, zipSync } from "fflate";
import { MalformedXmlError, readXlsxSnapshot, UnreadableWorkbookError } from "../../src/xlsx";
import { buildXlsx } from "../support/xlsxBuilder";
import { expectGolden } from "../support/golden";

/** A workbook whose sheet and shared strings are exactly this XML, as other programs write it. */
function withXml(sheet: string, sharedStrings?: string): Uint8Array {
  const parts = unzipSync(buildXlsx([{ name: "S", rows: [["x", { date: "2026-11-30" }]] }]));
  parts["xl/worksheets/sheet1.xml"] = strToU8(sheet);
  if (sharedStrings !== undefined) parts["xl/sharedStrings.xml"] = strToU8(sharedStrings);
  return zipSync(parts);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

const sst = `<?xml version="1.0"?><sst ${NS}><si><t>plain</t></si><si><r><t>rich </t></r><r><rPr><b/></rPr><t xml:space="preserve">text</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si><si><t>a &amp; b &lt;c&gt; &#x41;&#66;</t></si><si/><si><t>line1\r\nline2</t></si></sst>`;

const cases: [string, string][] = [
  [
    "prefixed names, single quotes, spaces around =",
    `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r='1'><x:c r = 'A1' t = 's'><x:v>0</x:v></x:c><x:c r="B1"><x:v>12.5</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
  ],
  [
    "rows and cells without r",
    `<worksheet ${NS}><sheetData><row><c t="s"><v>1</v></c><c><v>7</v></c></row><row><c/><c><v>-3</v></c></row><row r="5"><c t="s"><v>2</v></c></row></sheetData></worksheet>`,
  ],
  [
    "every value form",
    `<worksheet ${NS}><sheetData><row r="2"><c r="B2"><v>007</v></c><c r="C2"><v> 12 </v></c><c r="D2"><v>1E3</v></c><c r="E2"><v>123456789012345678</v></c><c r="F2" t="b"><v>1</v></c><c r="G2" t="b"><v>0</v></c><c r="H2" t="e"><v>#N/A</v></c><c r="I2" t="str"><v>007</v></c><c r="J2" t="d"><v>2026-11-30T00:00:00</v></c><c r="K2"><v/></c><c r="L2" t="s"><v>3</v></c><c r="M2" t="s"><v>4</v></c><c r="N2"><v><!-- a comment -->4<!-- split -->2</v></c><c r="O2"><v><![CDATA[5]]></v></c></row></sheetData></worksheet>`,
  ],
  [
    "inline strings: entities, line ends, CDATA, runs",
    `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lt;tag&gt; &amp; &quot;q&quot; &apos;a&apos; &#x4E2D;&#25991;</t></is></c><c r="B1" t="inlineStr"><is><r><t>one </t></r><r><t>two</t></r></is></c><c r="C1" t="inlineStr"><is><t>a\r\nb\rc</t></is></c><c r="D1" t="inlineStr"><is><t><![CDATA[<not a tag>]]></t></is></c><c r="E1" t="inlineStr"><is><t/></is></c></row></sheetData></worksheet>`,
  ],
  [
    "formulas: plain, with entities, shared with absolute parts and text",
    `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1&amp;"&lt;x&gt;"</f><v>1&lt;x&gt;</v></c></row><row r="2"><c r="A2"><f t="shared" ref="A2:C3" si="0">$A$1+A1*"B2"&amp;SUM($A1:A1)</f><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>3</v></c><c r="C2"><f t="shared" si="0"/></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>4</v></c><c r="C3"><f t="shared" si="0"></f><v>5</v></c><c r="D3"><f t="shared" si="9"/><v>6</v></c></row></sheetData></worksheet>`,
  ],
  [
    "hidden rows and columns, merged areas, formats, things after sheetData",
    `<worksheet ${NS}><sheetPr/><dimension ref="A1:D4"/><cols><col min="2" max="3" width="3" hidden="1"/><col min="5" max="5" hidden="true"/></cols><sheetData><row r="2" hidden="1"><c r="B2" s="1"><v>46356</v></c><c r="C2" s="1"/></row><row r="3" hidden="0"><c r="C3"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells><conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>A1&gt;0</formula></cfRule></conditionalFormatting><extLst><ext uri="{x}"><x14:conditionalFormattings xmlns:x14="x" xmlns:xm="m"><x14:conditionalFormatting><x14:cfRule type="expression" priority="2"><xm:f>Other!$A$1</xm:f></x14:cfRule><xm:sqref>C3</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>`,
  ],
  ["an empty sheet", `<worksheet ${NS}><sheetData/></worksheet>`],
  [
    "lower-case and $ addresses, a processing instruction and a doctype",
    `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x "y">]><?mso-application progid="Excel.Sheet"?><worksheet ${NS}><sheetData><row r="3"><c r="$c$3"><v>8</v></c><c r="d3"><v>9</v></c></row></sheetData></worksheet>`,
  ],
];

describe("sheets as other programs write them read as the old reader read them (golden)", () => {
  test.each(cases)("%s", (name, sheet) => {
    const bytes = withXml(sheet, sst);
    const snap = readXlsxSnapshot(bytes, "t.xlsx");
    // Golden files written from what the saxes reader (the one before the one-pass reader) gave.
    const slug = name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "");
    expectGolden(`sheet-xml/${slug}.json`, `${JSON.stringify(snap, null, 2)}\n`);
  });
});

describe("what the old reader got wrong or could not read", () => {
  test("phonetic runs of an inline string are left out, as in the shared strings", () => {
    const bytes = withXml(
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c></row></sheetData></worksheet>`
    );
    expect(readXlsxSnapshot(bytes, "t.xlsx").sheets[0].values).toEqual([["東京"]]);
  });

  test.each([
    [
      "a tag that never closes",
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1"`,
      /malformed XML \(the sheet "S": a tag is not closed/,
      MalformedXmlError,
    ],
    [
      "tags that do not nest",
      `<worksheet ${NS}><sheetData><row></sheetData></worksheet>`,
      /malformed XML \(the sheet "S": <\/sheetData> closes <row>/,
      MalformedXmlError,
    ],
    [
      "an element never closed",
      `<worksheet ${NS}><sheetData><row r="1"></row>`,
      /<sheetData> is never closed/,
      MalformedXmlError,
    ],
    [
      "an unquoted attribute",
      `<worksheet ${NS}><sheetData><row r=1></row></sheetData></worksheet>`,
      /not quoted/,
      MalformedXmlError,
    ],
    [
      "an unknown entity",
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row></sheetData></worksheet>`,
      /undefined entity &nbsp;/,
      MalformedXmlError,
    ],
    [
      "a cell address that is not A1",
      `<worksheet ${NS}><sheetData><row r="1"><c r="R1C1"><v>1</v></c></row></sheetData></worksheet>`,
      /the sheet "S" has a cell whose address "R1C1" is not an A1 address/,
      UnreadableWorkbookError,
    ],
  ])("%s: a clear message, no crash", (_name, sheet, message, kind) => {
    const bytes = withXml(sheet);
    expect(() => readXlsxSnapshot(bytes, "t.xlsx")).toThrow(kind);
    expect(() => readXlsxSnapshot(bytes, "t.xlsx")).toThrow(message);
  });
});
