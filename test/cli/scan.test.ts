import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { classicRows } from "../support/classic";
import { runCli } from "../support/cli";
import { schemaErrors } from "../support/schema";
import { sharedDir } from "../support/shared";
import { buildXlsx } from "../support/xlsxBuilder";
import { scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";

const sample = (name: string) => path.join(sharedDir, "samples", name);

const run = runCli;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pab-cli-"));

describe("pab-watch scan", () => {
  test("writes a report that validates against the schema, and a summary a planner reads", () => {
    const out = path.join(tmp, "report.json");
    const r = run("scan", sample("multi-item-grid.xlsx"), "--json", out);
    expect(r.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(schemaErrors(report)).toEqual([]);
    expect(report.items.map((i: { item: string }) => i.item)).toEqual([
      "PUMP-10",
      "PUMP-20",
      "VALVE-7",
    ]);
    expect(report.items.every((i: { pabCells: string[] }) => i.pabCells.length === 0)).toBe(true);
    expect(r.stdout).toBe(
      [
        "multi-item-grid.xlsx: 3 items",
        "  PUMP-10: projected short; first short W1 by 2; receipts W2, W6 must land on time",
        "  VALVE-7: projected short; first short W4 by 2; receipts W5, W9 must land on time",
        "  PUMP-20: needs its receipt on time; receipt W10 must land on time",
        "",
      ].join("\n")
    );
  });

  test("--json - prints the report itself", () => {
    const r = run("scan", sample("classic-example.xlsx"), "--json", "-");
    expect(JSON.parse(r.stdout).items[0].pab).toEqual([29, 14, 49, 29, 11, 39, 19, -6]);
  });

  test("--start dates numbered periods; without it they have none", () => {
    const withStart = JSON.parse(
      run("scan", sample("classic-example.xlsx"), "--json", "-", "--start", "2026-11-30").stdout
    );
    expect(withStart.startDate).toBe("2026-11-30");
    expect(withStart.items[0].periodStarts.slice(0, 2)).toEqual(["2026-11-30", "2026-12-07"]);
    const without = JSON.parse(run("scan", sample("classic-example.xlsx"), "--json", "-").stdout);
    expect(without.startDate).toBeNull();
    expect(without.items[0].periodStarts).toEqual(new Array(8).fill(null));
  });

  test("--fence changes the planning demand", () => {
    const report = JSON.parse(
      run("scan", sample("forecast-pumps.xlsx"), "--json", "-", "--fence", "2").stdout
    );
    expect(report.fence).toBe(2);
    expect(report.items[0].demand.slice(0, 3)).toEqual([33, 20, 30]);
  });

  test("--fail-on", () => {
    expect(run("scan", sample("classic-example.xlsx"), "--fail-on", "stockout").code).toBe(1);
    expect(run("scan", sample("forecast-pumps.xlsx"), "--fail-on", "stockout").code).toBe(0);
    expect(run("scan", sample("forecast-pumps.xlsx"), "--fail-on", "at-risk").code).toBe(1);
    expect(run("scan", sample("classic-example.xlsx")).code).toBe(0);
  });

  test("--lang zh-CN", () => {
    const r = run("scan", sample("chinese-grid.xlsx"), "--lang", "zh-CN");
    expect(r.stdout).toContain("成品-A01：预计缺货；第1周首次缺货8；第3周到货必须准时");
  });

  test("--lang zh-CN gives the sheet's problems in Chinese, with the cell and the value read", () => {
    const rows = classicRows();
    rows[4] = ["Customer orders", 16, "abc", 15, 20, 18, 22, 20, 25];
    const file = path.join(tmp, "bad-cell.xlsx");
    fs.writeFileSync(file, buildXlsx([{ name: "MPS", rows }]));
    expect(run("scan", file, "--lang", "zh-CN").stdout).toContain(
      "表格中有1个问题：\n  错误：MPS!C5，单元格内容不是数量：“abc”\n"
    );
    expect(run("scan", file).stdout).toContain('  error: MPS!C5: "abc" is not a quantity\n');
  });

  test("--sheet picks a sheet; an unknown one is refused", () => {
    expect(
      JSON.parse(
        run("scan", sample("long-table.xlsx"), "--sheet", "Orders and MPS", "--json", "-").stdout
      ).items
    ).toHaveLength(3);
    const r = run("scan", sample("long-table.xlsx"), "--sheet", "Nope");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'pab-watch: there is no sheet "Nope" (sheets: Orders and MPS, Inventory)\n'
    );
  });

  test.each([
    [
      ["scan", "README.md"],
      "pab-watch: not an .xlsx workbook (it is not a zip package; a CSV export is read when its name ends in .csv)\n",
    ],
    [["scan", "missing.xlsx"], "pab-watch: cannot open missing.xlsx (ENOENT)\n"],
    [
      ["scan", sample("classic-example.xlsx"), "--start", "2026-02-30"],
      "pab-watch: --start 2026-02-30 is not a date in the form YYYY-MM-DD\n",
    ],
    [
      ["scan", sample("classic-example.xlsx"), "--lang", "fr"],
      "pab-watch: --lang fr: use en or zh-CN\n",
    ],
    [
      ["scan", sample("classic-example.xlsx"), "--fence", "2.5"],
      "pab-watch: --fence 2.5 is not a whole number of periods\n",
    ],
    [
      ["scan", sample("classic-example.xlsx"), "--fail-on", "late"],
      "pab-watch: --fail-on late: use stockout, at-risk or low\n",
    ],
    [["scan"], "pab-watch: scan takes one workbook: pab-watch scan <in.xlsx>\n"],
    [["export"], 'pab-watch: unknown command "export" (try: pab-watch --help)\n'],
  ])("exit 2 with one line: %p", (argv, message) => {
    const r = run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
    expect(r.stdout).toBe("");
  });

  test("--help explains the command to a planner's IT colleague", () => {
    for (const argv of [["--help"], ["scan", "--help"], []]) {
      const r = run(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("pab-watch scan <in.xlsx> [options]");
      expect(r.stdout).toContain("--fail-on");
      expect(r.stdout).toContain("Exit codes");
    }
  });
});

test("the built command runs as npx pab-watch does (package.json bin)", () => {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8"));
  const bin = path.resolve(__dirname, "../..", pkg.bin["pab-watch"]);
  const r = spawnSync(process.execPath, [bin, "scan", sample("with-chart.xlsx"), "--json", "-"], {
    encoding: "utf8",
  });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout).items.map((i: { item: string }) => i.item)).toEqual([
    "CHT-1",
    "CHT-2",
  ]);
  const bad = spawnSync(process.execPath, [bin, "scan", __filename], { encoding: "utf8" });
  expect(bad.status).toBe(2);
});

test("a long list is cut, with counts by status and the rest in the report", () => {
  const { buildXlsx } = jest.requireActual(
    "../support/xlsxBuilder"
  ) as typeof import("../support/xlsxBuilder");
  const rows = Array.from({ length: 30 }, (_, i) => [
    ["Item", `FG-${i}`],
    ["On hand", i],
    [null, "W1", "W2"],
    ["Customer orders", 10, 10],
    ["MPS", 0, 0],
    [],
  ]).flat();
  const file = path.join(tmp, "thirty.xlsx");
  fs.writeFileSync(file, buildXlsx([{ name: "MPS", rows }]));
  const r = run("scan", file);
  const lines = r.stdout.trim().split("\n");
  expect(lines[0]).toBe("thirty.xlsx: 30 items");
  expect(lines[1]).toBe("by worst status: projected short 20; ok 10");
  expect(lines[2]).toBe("  FG-0: projected short; first short W1 by 10");
  expect(lines[lines.length - 1]).toBe(
    "  … and 5 more items (all of them are in the --json report)"
  );
});

/** What only the annotated copy reports: a cell in the way of the PAB, an item it could not place. */
const COPY_CODES = ["cell-in-the-way", "not-on-side-sheet"];

describe("the report alone (each item projected as it is written) says what a scan with --out says", () => {
  const inputs = ["samples", "samples/real-layouts"].flatMap((dir) =>
    fs
      .readdirSync(path.join(sharedDir, dir))
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => path.join(sharedDir, dir, f))
  );
  test.each(inputs.map((f) => [path.basename(f), f]))("%s", (_name, file) => {
    for (const options of [[], ["--lang", "zh-CN", "--fail-on", "low", "--fence", "1"]]) {
      const alone = path.join(tmp, "alone.json");
      const withCopy = path.join(tmp, "with-copy.json");
      const a = run("scan", file, "--json", alone, "--force", ...options);
      const b = run(
        "scan",
        file,
        "--json",
        withCopy,
        "--out",
        path.join(tmp, "copy.xlsx"),
        "--force",
        ...options
      );
      expect(a.stdout).toBe(b.stdout);
      expect(a.code).toBe(b.code);
      const reportAlone = JSON.parse(fs.readFileSync(alone, "utf8"));
      const reportWithCopy = JSON.parse(fs.readFileSync(withCopy, "utf8"));
      // What the task pane's scan makes of the same workbook, whole.
      const whole = scanSnapshot(readXlsxSnapshot(fs.readFileSync(file), path.basename(file)), {
        today: "2026-11-27",
        fence: options.includes("--fence") ? 1 : undefined,
      }).report;
      expect(reportAlone).toEqual(JSON.parse(JSON.stringify(whole)));
      // The copy adds where it wrote the PAB and what it could not write, nothing else.
      const added = reportWithCopy.diagnostics.slice(reportAlone.diagnostics.length);
      expect(added.filter((d: { code: string }) => !COPY_CODES.includes(d.code))).toEqual([]);
      for (const it of reportWithCopy.items) it.pabCells = [];
      reportWithCopy.diagnostics = reportWithCopy.diagnostics.slice(
        0,
        reportAlone.diagnostics.length
      );
      expect(reportAlone).toEqual(reportWithCopy);
      expect(reportAlone.items.length).toBeGreaterThan(0);
    }
  });
});
