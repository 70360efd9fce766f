import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { gridWorkbook } from "../../bench/scan";
import { rowPartWorkbook } from "../../bench/rowPart";
import { seeded } from "../support/layouts";
import { goldenDir } from "../support/golden";
import { sharedDir } from "../support/shared";
import { TestCell, TestSheet, buildXlsx } from "../support/xlsxBuilder";

jest.setTimeout(600_000);

/**
 * test/golden/report-json.json: per input and options, a fingerprint of the report `pab-watch scan
 * --json` writes (with and without --out), taken before the reader and the report writer were made
 * faster. The fingerprint is of the report re-indented as `JSON.stringify(report, null, 2)`, the
 * form the file had then (it now writes each item on a line of its own): the report must stay the
 * same in every character of every value. UPDATE_GOLDEN=1 rewrites the file when the report is
 * meant to change (review the diff).
 */
const goldenFile = path.join(goldenDir, "report-json.json");
const golden: Record<string, string> = fs.existsSync(goldenFile)
  ? JSON.parse(fs.readFileSync(goldenFile, "utf8"))
  : {};
const update = process.env.UPDATE_GOLDEN === "1";
afterAll(() => {
  if (update) fs.writeFileSync(goldenFile, `${JSON.stringify(golden, null, 2)}\n`);
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pab-report-golden-"));

/** The report file's bytes: sha256 and length, so a difference in size shows at a glance. */
function fingerprint(file: string, ...options: string[]): string {
  const json = path.join(tmp, "report.json");
  const out = path.join(tmp, "copy.xlsx");
  fs.rmSync(json, { force: true });
  fs.rmSync(out, { force: true });
  let stderr = "";
  const code = main(
    ["scan", file, "--json", json, ...options.map((o) => (o === "OUT" ? out : o))],
    {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      today: () => "2026-11-30",
    }
  );
  if (!fs.existsSync(json)) return `exit ${code}: ${stderr.trim()}`;
  const text = fs.readFileSync(json, "utf8");
  const report = JSON.parse(text);
  expectLaidOut(text, report);
  const bytes = Buffer.from(`${JSON.stringify(report, null, 2)}\n`);
  return `exit ${code} ${bytes.length} bytes sha256 ${crypto.createHash("sha256").update(bytes).digest("hex")}`;
}

/**
 * The file as written: the top level indented by two, then every item and every diagnostic as one
 * line of compact JSON of its own, in order, and a newline at the end.
 */
function expectLaidOut(text: string, report: Record<string, unknown>): void {
  const lines: string[] = ["{"];
  const keys = Object.keys(report);
  keys.forEach((key, k) => {
    const value = report[key];
    const comma = k < keys.length - 1 ? "," : "";
    if (!Array.isArray(value) || value.length === 0) {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2)}${comma}`);
      return;
    }
    lines.push(`  ${JSON.stringify(key)}: [`);
    value.forEach((v, i) =>
      lines.push(`    ${JSON.stringify(v)}${i < value.length - 1 ? "," : ""}`)
    );
    lines.push(`  ]${comma}`);
  });
  lines.push("}", "");
  // The first line that differs, not a diff of megabytes.
  const actual = text.split("\n");
  const at = lines.findIndex((line, i) => actual[i] !== line);
  expect(at < 0 ? null : { line: at + 1, actual: actual[at], expected: lines[at] }).toBeNull();
  expect(actual.length).toBe(lines.length);
}

function expectSame(key: string, actual: string): void {
  if (update) {
    golden[key] = actual;
    return;
  }
  expect(golden[key]).toBeDefined();
  expect(actual).toBe(golden[key]);
}

/** Cells of every kind the reader meets in planners' sheets, good and bad. */
const JUNK: TestCell[] = [
  "",
  "Item",
  "FG-1",
  "On hand",
  "Safety stock",
  "Customer orders",
  "MPS",
  "Forecast",
  "PAB",
  "W1",
  "第1周",
  "2026-W49",
  "Past due",
  "In transit",
  "Measure",
  "物料编码",
  "期初库存",
  "客户订单",
  "abc",
  "1.200",
  "1,5",
  " 35 ",
  "1,200",
  "-",
  "Note: see mail",
  0,
  5,
  40,
  -3,
  0.5,
  1e9,
  true,
  { error: "#N/A" },
  { date: "2026-12-07" },
  { f: "1+1", v: 2 },
  { f: "B5*2" },
  { f: "XLOOKUP(1,A:A,B:B)" },
  "Gross requirements",
  "Net requirements",
  "Total",
  "Jan",
  "Product 1",
  { inline: "Item : X" },
];

/** A sheet of stacked grid blocks with noise dropped into them: diagnostics of every kind. */
function troubledSheet(seed: number): TestSheet {
  const rnd = seeded(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const rows: TestCell[][] = [];
  const periods = 3 + Math.floor(rnd() * 10);
  const headers = [
    Array.from({ length: periods }, (_, t) => `W${t + 1}`),
    Array.from({ length: periods }, (_, t) => `第${t + 1}周`),
    Array.from({ length: periods }, (_, t) => t + 1),
    Array.from({ length: periods }, (_, t): TestCell => ({
      date: `2026-12-${String(1 + t).padStart(2, "0")}`,
    })),
  ];
  const blocks = 1 + Math.floor(rnd() * 4);
  for (let b = 0; b < blocks; b++) {
    rows.push(["Item", `FG-${seed}-${b}`], ["On hand", pick([20, 0, -5, "abc", 12.5])]);
    if (rnd() < 0.5) rows.push(["Safety stock", pick([5, 10, "1.200"])]);
    rows.push([null, ...pick(headers)]);
    for (const label of [
      "Customer orders",
      "MPS",
      pick(["Forecast", "PAB", "Scrap", "Net requirements"]),
    ]) {
      const row: TestCell[] = [label];
      for (let t = 0; t < periods; t++)
        row.push(rnd() < 0.15 ? pick(JUNK) : Math.floor(rnd() * 50));
      rows.push(row);
    }
    rows.push([]);
    if (rnd() < 0.3)
      rows.push(
        Array.from({ length: 4 }, () => pick(JUNK)),
        []
      );
  }
  return {
    name: `Plan ${seed}`,
    rows,
    hiddenRows: rnd() < 0.3 ? [4] : undefined,
    merged: rnd() < 0.2 ? ["C6:D6"] : undefined,
  };
}

function inputs(): [string, string][] {
  const files: [string, string][] = [];
  for (const dir of ["samples", "samples/real-layouts"])
    for (const f of fs
      .readdirSync(path.join(sharedDir, dir))
      .filter((x) => x.endsWith(".xlsx"))
      .sort())
      files.push([`${dir}/${f}`, path.join(sharedDir, dir, f)]);
  for (let seed = 1; seed <= 12; seed++) {
    const file = path.join(tmp, `troubled-${seed}.xlsx`);
    fs.writeFileSync(file, buildXlsx([troubledSheet(seed), troubledSheet(seed + 100)]));
    files.push([`troubled ${seed}`, file]);
  }
  return files;
}

describe.each(inputs())("%s: the report is as before, value for value", (name, file) => {
  test.each([
    ["report only", []],
    ["with --out", ["--out", "OUT"]],
    ["--start, --fence, zh-CN", ["--start", "2026-11-30", "--fence", "2", "--lang", "zh-CN"]],
  ])("%s", (variant, options) => {
    expectSame(`${name}: ${variant}`, fingerprint(file, ...(options as string[])));
  });
});

test.each([
  ["bench 5000x52", () => gridWorkbook(5000, 52)],
  ["bench rowpart 5000x48", () => rowPartWorkbook(5000, 24)],
])("%s: the report is as before, value for value, with and without --out", (name, make) => {
  const file = make();
  expectSame(`${name}: report only`, fingerprint(file));
  expectSame(`${name}: with --out`, fingerprint(file, "--out", "OUT"));
});
