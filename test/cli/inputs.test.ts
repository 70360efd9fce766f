import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { classicRows } from "../support/classic";
import { runCli } from "../support/cli";
import { schemaErrors } from "../support/schema";
import { TestCell, buildXlsx } from "../support/xlsxBuilder";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pab-inputs-"));
const file = (name: string, content: string | Uint8Array) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
};

/** PAB as the definition gives it, computed here from the figures the test wrote. */
const pabOf = (opening: number, orders: number[], mps: number[]) => {
  let pab = opening;
  return orders.map((o, t) => (pab = pab - o + mps[t]));
};

const oneLine = (text: string) => {
  expect(text.endsWith("\n")).toBe(true);
  expect(text.trimEnd().split("\n")).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at /);
};

describe("a scan that found no item exits 2 with the reader's explanation", () => {
  const nothing = file(
    "notes.xlsx",
    buildXlsx([
      {
        name: "Notes",
        rows: [["Meeting notes"], ["Call the supplier about the resin"], [1, 2, 3]],
      },
    ])
  );

  test.each([[[]], [["--fail-on", "stockout"]], [["--fail-on", "low"]]])("options %p", (extra) => {
    const r = runCli("scan", nothing, ...extra);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/^pab-watch: no item found in notes\.xlsx, nothing was checked: /);
    expect(r.stderr).toContain("No plan found");
    // The usual summary still says what was seen.
    expect(r.stdout).toContain("notes.xlsx: 0 items");
  });

  test("--lang zh-CN says it in Chinese, on one line", () => {
    const r = runCli("scan", nothing, "--lang", "zh-CN");
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toBe(
      "pab-watch：notes.xlsx 中没有找到任何物料，未做任何检查（原因见上方摘要）\n"
    );
  });

  test("--json - still prints the report (it validates), and the reason goes to stderr", () => {
    const r = runCli("scan", nothing, "--json", "-", "--fail-on", "stockout");
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(schemaErrors(report)).toEqual([]);
    expect(report.items).toEqual([]);
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toContain("no-plan-found");
    oneLine(r.stderr);
  });

  test("no annotated copy is written for a workbook with no item", () => {
    const out = path.join(tmp, "notes-checked.xlsx");
    const r = runCli("scan", nothing, "--out", out);
    expect(r.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a workbook with items still exits 0", () => {
    const ok = file("classic.xlsx", buildXlsx([{ name: "MPS", rows: classicRows() }]));
    expect(runCli("scan", ok).code).toBe(0);
  });
});

describe("--mapping mapping.json", () => {
  // Two rows could be the customer orders: the reader takes the first and says so.
  const orders = [16, 15, 15, 20, 18, 22, 20, 25];
  const sales = [3, 1, 4, 1, 5, 9, 2, 6];
  const mps = [0, 0, 50, 0, 0, 50, 0, 0];
  const rows: TestCell[][] = [
    ["Item", "FG-1001"],
    ["", 45],
    [null, "W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8"],
    ["Customer orders", ...orders],
    ["MPS", ...mps],
    ["Sales orders", ...sales],
  ];
  const workbook = file("ambiguous.xlsx", buildXlsx([{ name: "MPS", rows }]));
  const mapping = (data: unknown, name = "mapping.json") =>
    file(name, typeof data === "string" ? data : JSON.stringify(data));

  test("rows and cells mapped to roles decide what the reader could not", () => {
    const without = JSON.parse(runCli("scan", workbook, "--json", "-").stdout);
    const codes = without.diagnostics.map((d: { code: string }) => d.code);
    expect(codes).toEqual(expect.arrayContaining(["ambiguous-row", "no-opening-balance"]));

    const m = mapping({
      sheets: { MPS: { rows: { "4": "ignore", "6": "orders" }, cells: { B2: "onHand" } } },
    });
    const r = runCli("scan", workbook, "--mapping", m, "--json", "-");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(schemaErrors(report)).toEqual([]);
    expect(report.diagnostics).toEqual([]);
    expect(report.items[0].orders).toEqual(sales);
    expect(report.items[0].opening).toBe(45);
    expect(report.items[0].pab).toEqual(pabOf(45, sales, mps));
  });

  test("a UTF-8 BOM in the mapping file is fine", () => {
    const m = mapping(`\uFEFF${JSON.stringify({ sheets: { MPS: { cells: { B2: "onHand" } } } })}`);
    const r = runCli("scan", workbook, "--mapping", m, "--json", "-");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).items[0].pab).toEqual(pabOf(45, orders, mps));
  });

  test.each([
    [
      { sheets: { MPS: { rows: { "6": "customer orders" } } } },
      /sheets\.MPS\.rows\.6: "customer orders" is not one of orders, /,
    ],
    [
      { sheets: { MPS: { rows: { "0": "orders" } } } },
      /sheets\.MPS\.rows\.0: a row is its number as Excel shows it/,
    ],
    [{ sheets: { MPS: { rows: { A6: "orders" } } } }, /sheets\.MPS\.rows\.A6: a row is its number/],
    [
      { sheets: { MPS: { rows: { "600": "orders" } } } },
      /sheets\.MPS\.rows\.600: row 600 is below the last row of MPS \(6\)/,
    ],
    [
      { sheets: { MPS: { cells: { B2: "orders" } } } },
      /sheets\.MPS\.cells\.B2: "orders" is not one of item, site, onHand, safetyStock, pastDue/,
    ],
    [
      { sheets: { MPS: { cells: { "2B": "onHand" } } } },
      /sheets\.MPS\.cells\.2B: a cell is its A1 address/,
    ],
    [{ sheets: { MPS: { cells: { C2: "onHand" } } } }, /sheets\.MPS\.cells\.C2: MPS!C2 is empty/],
    [
      { sheets: { MPS: { colums: { B: "orders" } } } },
      /sheets\.MPS\.colums: unknown entry \(a sheet's mapping holds rows, columns, cells, periods\)/,
    ],
    [
      { sheets: { MPS: { columns: { B2: "orders" } } } },
      /sheets\.MPS\.columns\.B2: a column is its letter/,
    ],
    [
      { sheets: { MPS: { columns: { ZZ: "orders" } } } },
      /sheets\.MPS\.columns\.ZZ: column ZZ is right of the last column of MPS/,
    ],
    [
      { sheets: { MPS: { columns: { B: "onHand" } } } },
      /sheets\.MPS\.columns\.B: "onHand" is not one of/,
    ],
    [
      { sheets: { Plan: { rows: { "6": "orders" } } } },
      /sheets\.Plan: there is no sheet "Plan" \(sheets: MPS\)/,
    ],
    [
      { sheets: { MPS: { periods: "B3:I4" } } },
      /sheets\.MPS\.periods: "B3:I4" covers several rows and columns; the period header is one row or one column/,
    ],
    [{ sheets: { MPS: { periods: "B3" } } }, /sheets\.MPS\.periods: "B3" is one cell/],
    [
      { sheets: { MPS: { periods: 3 } } },
      /sheets\.MPS\.periods: 3 is not a period header: give its cells in one row or one column/,
    ],
    [
      { sheets: { MPS: { periods: "B30:I30" } } },
      /sheets\.MPS\.periods: row 30 is below the last row of MPS \(6\)/,
    ],
    [
      { sheets: { MPS: { periods: "B3:Z3" } } },
      /sheets\.MPS\.periods: column Z is right of the last column of MPS \(I\)/,
    ],
    [{ sheets: { MPS: [] } }, /sheets\.MPS: must be an object/],
    [{ sheet: {} }, /sheet: unknown entry \(the mapping holds "sheets"\)/],
    [[1, 2], /the mapping: must be an object/],
    ["{ sheets: ", /is not JSON \(/],
  ])("a bad mapping is exit 2 naming the entry: %j", (data, message) => {
    const m = mapping(data, "bad.json");
    const r = runCli("scan", workbook, "--mapping", m);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/^pab-watch: --mapping \S*bad\.json(:| is not JSON)/);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
  });

  test("a period header the reader does not know, mapped: read with its names, PAB from the cells", () => {
    const names = ["KW49", "KW50", "KW51", "KW52"];
    const kw = file(
      "kw.xlsx",
      buildXlsx([
        {
          name: "Plan",
          rows: [
            ["Item", "FG-77"],
            ["On hand", 30],
            [null, ...names],
            ["Customer orders", 10, 25, 5, 20],
            ["MPS", 0, 0, 40, 0],
          ],
        },
      ])
    );
    expect(runCli("scan", kw).code).toBe(2);
    const m = mapping({ sheets: { Plan: { periods: "B3:E3" } } }, "periods.json");
    const r = runCli("scan", kw, "--mapping", m, "--start", "2026-11-30", "--json", "-");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(schemaErrors(report)).toEqual([]);
    expect(report.items[0]).toMatchObject({
      item: "FG-77",
      periods: names,
      periodStarts: ["2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21"],
      pab: pabOf(30, [10, 25, 5, 20], [0, 0, 40, 0]),
    });
    const summary = runCli("scan", kw, "--mapping", m);
    expect(summary.stdout).toContain("KW50");
  });

  test.each([
    [
      { sheets: { MPS: { rows: { "6": "customer orders" } } } },
      /^pab-watch：--mapping \S*bad\.json：sheets\.MPS\.rows\.6："customer orders" 不是以下用途之一：orders, /,
    ],
    [
      { sheets: { MPS: { periods: "B3:I4" } } },
      /sheets\.MPS\.periods："B3:I4" 跨越多行多列；期间表头只能是一行或一列/,
    ],
    [{ sheets: { Plan: {} } }, /sheets\.Plan：没有名为“Plan”的工作表（工作表：MPS）/],
    [{ sheets: { MPS: { cells: { C2: "onHand" } } } }, /sheets\.MPS\.cells\.C2：MPS!C2 是空单元格/],
    [{ sheet: {} }, /sheet：未知条目（映射只包含 "sheets"）/],
    ["{ sheets: ", /^pab-watch：--mapping \S*bad\.json 不是 JSON 文件（/],
  ])("--lang zh-CN: a bad mapping is said in Chinese, naming the entry: %j", (data, message) => {
    const m = mapping(data, "bad.json");
    const r = runCli("scan", workbook, "--mapping", m, "--lang", "zh-CN");
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/[a-z]{3,} (is|are|not|a|the) /);
  });

  test("--lang zh-CN: a missing mapping file is said in Chinese", () => {
    const r = runCli("scan", workbook, "--mapping", path.join(tmp, "nope.json"), "--lang", "zh-CN");
    expect(r.stderr).toMatch(/^pab-watch：--mapping：无法打开 \S*nope\.json（ENOENT）\n$/);
  });

  test("a missing mapping file is exit 2", () => {
    const r = runCli("scan", workbook, "--mapping", path.join(tmp, "nope.json"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^pab-watch: --mapping: cannot open \S*nope\.json \(ENOENT\)\n$/);
  });
});
