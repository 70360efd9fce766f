import fc from "fast-check";
import { readSheet } from "../../src/xlsx/sheetReader";

/**
 * The sheet reader reads cells written the way Excel writes them straight from the text and
 * leaves every other form to the XML scanner. Both must give the same snapshot: the same sheet
 * with a second space after every `<c` (still the same XML) takes the scanner for every cell.
 */
const strings = ["Item", "W1", "Customer orders", "a & b", "第1周"];
const formats = ["General", "0.00", "yyyy-mm-dd", "General"];

function read(xml: string): unknown {
  try {
    return readSheet(xml, "S", true, strings, formats, false, []);
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const throughScanner = (xml: string) => xml.replace(/<c /g, "<c  ");

const letters = fc.constantFrom("A", "B", "Z", "AA", "az", "$C", "XFD", "", "1A", "A$");
const text = fc.constantFrom(
  "",
  "0",
  "3",
  "42",
  "007",
  "12.5",
  "-3",
  "1E3",
  " 12 ",
  "123456789012345678",
  "#N/A",
  "true",
  "1",
  "2026-11-30T00:00:00",
  "a &amp; b",
  "x\r\ny",
  "&#65;"
);

const cell = fc.record({
  column: letters,
  row: fc.constantFrom("1", "2", "9", "", "$4", "0x"),
  withR: fc.boolean(),
  style: fc.constantFrom(null, "0", "1", "2", "3", "x"),
  type: fc.constantFrom(null, "s", "n", "b", "e", "str", "d", "inlineStr", "q"),
  order: fc.constantFrom("rst", "tsr", "rts"),
  body: fc.constantFrom("value", "none", "empty-v", "formula", "inline", "spaced", "other-attr"),
  value: text,
});

type Cell = typeof cell extends fc.Arbitrary<infer T> ? T : never;

function cellXml(c: Cell, rowNumber: number): string {
  const attrs: Record<string, string | null> = {
    r: c.withR ? `${c.column}${c.row === "" ? rowNumber : c.row}` : null,
    s: c.style,
    t: c.type,
  };
  const a = [...c.order]
    .filter((k) => attrs[k] !== null)
    .map((k) => ` ${k}="${attrs[k]}"`)
    .join("");
  switch (c.body) {
    case "none":
      return `<c${a}/>`;
    case "empty-v":
      return `<c${a}><v></v></c>`;
    case "formula":
      return `<c${a}><f>A1+1</f><v>${c.value}</v></c>`;
    case "inline":
      return `<c${a}><is><t>${c.value}</t></is></c>`;
    case "spaced":
      return `<c${a} ><v>${c.value}</v> </c>`;
    case "other-attr":
      return `<c${a} cm="1"><v>${c.value}</v></c>`;
    default:
      return `<c${a}><v>${c.value}</v></c>`;
  }
}

function sheetXml(rows: Cell[][]): string {
  const body = rows
    .map((cells, i) => `<row r="${i + 1}">${cells.map((c) => cellXml(c, i + 1)).join("")}</row>`)
    .join("");
  return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

test("cells read straight from the text give what the XML scanner gives", () => {
  fc.assert(
    fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 5 }), (rows) => {
      const xml = sheetXml(rows);
      expect(read(xml)).toEqual(read(throughScanner(xml)));
    }),
    { numRuns: 800 }
  );
});

test("a bad address is told the same way by both; Excel's usual cells read as before", () => {
  const xml = sheetXml([
    [
      {
        column: "1A",
        row: "",
        withR: true,
        style: null,
        type: null,
        order: "rst",
        body: "value",
        value: "1",
      },
    ],
  ]);
  expect(read(xml)).toEqual({
    error: 'the sheet "S" has a cell whose address "1A1" is not an A1 address',
  });
  expect(read(throughScanner(xml))).toEqual(read(xml));
  const ok = `<worksheet><sheetData><row r="1"><c r="B1" s="1" t="s"><v>2</v></c><c r="C1"><v>7</v></c><c r="D1" s="2"/></row></sheetData></worksheet>`;
  expect(read(ok)).toEqual(read(throughScanner(ok)));
  expect((read(ok) as { values: unknown[][] }).values).toEqual([["Customer orders", 7]]);
});
