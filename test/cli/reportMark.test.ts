import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isOurReport } from "../../src/cli/reportMark";
import { Report, writeReportJson } from "../../src/report";

/** What the check meant before it read the file in pieces: parse it whole, look at four fields. */
function parsedWhole(text: string): boolean {
  try {
    const r = JSON.parse(text.replace(/^\ufeff/, ""));
    return (
      r?.schemaVersion === 1 &&
      typeof r.workbook === "string" &&
      Array.isArray(r.items) &&
      Array.isArray(r.diagnostics)
    );
  } catch {
    return false;
  }
}

function written(r: object): string {
  let text = "";
  writeReportJson(r as Report, (t) => (text += t));
  return text;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pabw-mark-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
function check(text: string): boolean {
  const file = path.join(dir, `r${n++}.json`);
  fs.writeFileSync(file, text);
  return isOurReport(file);
}

const report = {
  schemaVersion: 1,
  workbook: 'plan "A" [v2] {x}.xlsx',
  startDate: null,
  fence: 0,
  items: [
    { item: 'FG-1\\"]}', periods: ["W1", "W2"], pab: [1, -2.5e3], notes: { a: [1, { b: "]" }] } },
  ],
  diagnostics: [{ severity: "info", cell: "MPS!A1", message: 'quote " and backslash \\ ' }],
};

describe("an existing --json file is recognised as ours without parsing it whole", () => {
  const cases: [string, string][] = [
    ["as PAB Watch writes it", written(report)],
    ["indented by two (as PAB Watch wrote it before)", `${JSON.stringify(report, null, 2)}\n`],
    ["on one line", JSON.stringify(report)],
    ["with a byte-order mark", `\ufeff${JSON.stringify(report)}`],
    [
      "members in another order",
      JSON.stringify({ diagnostics: [], items: [], workbook: "w", schemaVersion: 1 }),
    ],
    [
      "schemaVersion written 1.0",
      JSON.stringify(report).replace('"schemaVersion":1', '"schemaVersion":1.0'),
    ],
    ["an escaped key", JSON.stringify(report).replace('"workbook"', '"\\u0077orkbook"')],
    ["schemaVersion 2", JSON.stringify({ ...report, schemaVersion: 2 })],
    ["schemaVersion as text", JSON.stringify({ ...report, schemaVersion: "1" })],
    ["no diagnostics", JSON.stringify({ ...report, diagnostics: undefined })],
    ["items not a list", JSON.stringify({ ...report, items: {} })],
    ["workbook not text", JSON.stringify({ ...report, workbook: 3 })],
    ["cut off", JSON.stringify(report).slice(0, -20)],
    ["something after it", `${JSON.stringify(report)} {}`],
    ["a list", JSON.stringify([report])],
    ["empty", ""],
    ["not JSON", "schemaVersion: 1"],
  ];
  test.each(cases)("%s: the same answer as parsing it whole", (_what, text) => {
    expect(check(text)).toBe(parsedWhole(text));
  });

  test("the cases cover both answers", () => {
    expect(cases.filter(([, t]) => parsedWhole(t)).length).toBeGreaterThanOrEqual(5);
    expect(cases.filter(([, t]) => !parsedWhole(t)).length).toBeGreaterThanOrEqual(8);
  });

  test("a report larger than the piece read at a time, strings crossing the pieces", () => {
    const big = {
      ...report,
      items: Array.from({ length: 3000 }, (_x, i) => ({
        item: `FG-${i} "quoted" \\ ${"x".repeat(i % 700)}`,
        pab: Array.from({ length: 52 }, (_y, t) => t * i - 7),
      })),
    };
    for (const text of [written(big), JSON.stringify(big, null, 2)]) {
      expect(text.length).toBeGreaterThan(1 << 20);
      expect(check(text)).toBe(true);
      expect(check(text.slice(0, -2))).toBe(false);
    }
  });
});
