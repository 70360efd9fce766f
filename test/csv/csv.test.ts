import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { decodeCsv, detectSeparator, parseCsvText, readCsvSnapshot } from "../../src/csv/readCsv";
import { scanSnapshot } from "../../src/report";
import { diagnosticZh } from "../../src/cli/diagnosticsZh";
import { runCli } from "../support/cli";
import { schemaErrors } from "../support/schema";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pab-csv-"));
const write = (name: string, content: string | Uint8Array) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
};

/** GB18030 bytes from glibc's encoder (independent of the decoder under test). */
function gb18030(text: string): Uint8Array {
  const r = spawnSync("iconv", ["-f", "UTF-8", "-t", "GB18030"], { input: text });
  expect(r.status).toBe(0);
  return new Uint8Array(r.stdout);
}

const pabOf = (opening: number, orders: number[], mps: number[]) => {
  let pab = opening;
  return orders.map((o, t) => (pab = pab - o + mps[t]));
};

const orders = [16, 15, 15, 20, 18, 22, 20, 25];
const mps = [0, 0, 50, 0, 0, 50, 0, 0];
const weeks = orders.map((_, t) => `W${t + 1}`);
const grid = (
  sep: string,
  labels = ["Item", "On hand", "Customer orders", "MPS"],
  item = "FG-1001"
) =>
  [
    [labels[0], item],
    [labels[1], "45"],
    ["", ...weeks],
    [labels[2], ...orders.map(String)],
    [labels[3], ...mps.map(String)],
  ]
    .map((r) => r.join(sep))
    .join("\r\n") + "\r\n";

const scan = (bytes: Uint8Array | string, name = "plan.csv") =>
  scanSnapshot(
    readCsvSnapshot(typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes, name)
  ).report;

describe("a CSV export is read as one sheet by the same reader", () => {
  test.each([
    ["comma", ","],
    ["semicolon", ";"],
    ["tab", "\t"],
  ])("%s separated", (_name, sep) => {
    const report = scan(grid(sep));
    expect(schemaErrors(report)).toEqual([]);
    expect(report.items).toHaveLength(1);
    expect(report.items[0]).toMatchObject({
      item: "FG-1001",
      sheet: "plan",
      opening: 45,
      orders,
      mps,
    });
    expect(report.items[0].pab).toEqual(pabOf(45, orders, mps));
    expect(report.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });

  test("UTF-8 with a BOM (Excel's CSV UTF-8)", () => {
    const bytes = new TextEncoder().encode(
      `\uFEFF${grid(",", ["物料", "期初库存", "客户订单", "主生产计划"], "成品-A01")}`
    );
    const report = scan(bytes);
    expect(report.items[0].item).toBe("成品-A01");
    expect(report.items[0].pab).toEqual(pabOf(45, orders, mps));
  });

  test("GB18030 as Chinese Excel saves CSV, with Chinese labels", () => {
    const text = grid(",", ["物料", "期初库存", "客户订单", "主生产计划"], "成品-A01").replace(
      /W(\d)/g,
      "第$1周"
    );
    const bytes = gb18030(text);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(decodeCsv(bytes)).toEqual({ text, encoding: "gb18030" });
    const report = scan(bytes, "计划.csv");
    expect(report.items[0]).toMatchObject({
      item: "成品-A01",
      sheet: "计划",
      periods: weeks.map((_, t) => `第${t + 1}周`),
    });
    expect(report.items[0].pab).toEqual(pabOf(45, orders, mps));
    expect(report.diagnostics).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: "csv-read", severity: "info" })])
    );
    expect(report.diagnostics.find((d) => d.code === "csv-read")?.message).toContain("GB18030");
  });

  test("quoted fields: separators, line breaks and quotes inside; 1,200 quoted in a comma file", () => {
    const text = [
      'Item,"FG, ""big"" one"',
      'On hand,"1,200"',
      'Note,"call the supplier,\nthen the carrier"',
      "," + weeks.join(","),
      "Customer orders," + orders.join(","),
      "MPS," + mps.join(","),
    ].join("\n");
    const report = scan(text);
    expect(report.items[0].item).toBe('FG, "big" one');
    expect(report.items[0].opening).toBe(1200);
    expect(report.items[0].pab).toEqual(pabOf(1200, orders, mps));
  });

  test('"1.200" and "1,5" in a semicolon file are reported, not guessed', () => {
    const text = grid(";")
      .replace("On hand;45", "On hand;1.200")
      .replace(/MPS;0;0;50/, "MPS;0;0;1,5");
    const report = scan(text);
    const codes = report.diagnostics.map((d) => [d.code, d.cell]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ["ambiguous-number", "plan!B2"],
        ["ambiguous-number", "plan!D5"],
      ])
    );
    expect(report.items[0].flagged).toBe(true);
  });

  test("ISO dates as period headers are dated periods (text read by the reader's date rules)", () => {
    const dates = [
      "2026-11-30",
      "2026-12-07",
      "2026-12-14",
      "2026-12-21",
      "2026-12-28",
      "2027-01-04",
      "2027-01-11",
      "2027-01-18",
    ];
    const report = scan(grid(",").replace(weeks.join(","), dates.join(",")));
    expect(report.items[0].periodStarts).toEqual(dates);
    expect(report.items[0].pab).toEqual(pabOf(45, orders, mps));
  });

  test("a field starting with = stays text: never calculated", () => {
    const report = scan(grid(",").replace("Customer orders,16", "Customer orders,=15+1"));
    expect(report.diagnostics).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: "not-a-number", cell: "plan!B4" })])
    );
  });

  test("separator detection and Excel's sep= line", () => {
    expect(detectSeparator("a;b;c\n1;2,5;3\n").sep).toBe(";");
    expect(detectSeparator("a\tb,c\tx\n1\t2\t3\n").sep).toBe("\t");
    expect(detectSeparator('"a,b";c\n"1,2";3\n').sep).toBe(";");
    expect(detectSeparator("sep=;\na,b;c\n")).toEqual({ sep: ";", skipFirstLine: true });
    expect(scan(`sep=;\n${grid(";")}`).items[0].pab).toEqual(pabOf(45, orders, mps));
  });

  test("parser: CRLF, CR, empty fields, quotes", () => {
    expect(parseCsvText('a,,"x""y"\r\n"1\r\n2",b\rc', ",")).toEqual([
      ["a", "", 'x"y'],
      ["1\r\n2", "b"],
      ["c"],
    ]);
  });
});

describe("pab-watch scan plan.csv", () => {
  test("reads it; --out is refused with the reason", () => {
    const file = write("plan.csv", grid(","));
    const r = runCli("scan", file, "--json", "-");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).items[0].pab).toEqual(pabOf(45, orders, mps));
    const out = runCli("scan", file, "--out", path.join(tmp, "plan.xlsx"));
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      "pab-watch: --out: plan.csv is a CSV export, which cannot hold PAB formulas or colours; save it as .xlsx in Excel to get an annotated copy (the report works as it is: --json)\n"
    );
    expect(fs.existsSync(path.join(tmp, "plan.xlsx"))).toBe(false);
  });

  test("--fail-on and --mapping work on a CSV as on a workbook", () => {
    const file = write("plan2.csv", grid(",").replace("On hand,45", ",45"));
    const mapping = write(
      "m.json",
      JSON.stringify({ sheets: { plan2: { cells: { B2: "onHand" } } } })
    );
    const r = runCli("scan", file, "--mapping", mapping, "--fail-on", "stockout", "--json", "-");
    expect(r.code).toBe(1); // W8 runs short
    expect(JSON.parse(r.stdout).items[0].opening).toBe(45);
  });

  test("a CSV with no plan in it exits 2", () => {
    const r = runCli("scan", write("list.csv", "name,phone\nAda,123\n"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^pab-watch: no item found in list\.csv/);
  });

  test("bytes that are no text are one line, not a crash", () => {
    const r = runCli(
      "scan",
      write("bin.csv", new Uint8Array([0x81, 0x20, 0xff, 0xfe, 0x00, 0x81]))
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "pab-watch: the CSV file is neither UTF-8 nor GB18030 text: save it again as CSV UTF-8\n"
    );
    const zh = runCli("scan", path.join(tmp, "bin.csv"), "--lang", "zh-CN");
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe("pab-watch：CSV文件既不是UTF-8也不是GB18030文本：请另存为“CSV UTF-8”\n");
  });

  test("--lang zh-CN: how the export was read, and the progress of a large one, in Chinese", () => {
    const gb = write(
      "计划.csv",
      gb18030(grid(";", ["物料编码", "期初库存", "客户订单", "主生产计划"]))
    );
    const snapshot = readCsvSnapshot(fs.readFileSync(gb), "计划.csv");
    const how = snapshot.diagnostics!.find((d) => d.code === "csv-read")!;
    expect(diagnosticZh(how)).toBe(
      "提示：计划.csv：作为一个工作表“计划”读取，GB18030（中文 Windows）编码，字段以分号分隔"
    );
    // Over 5 MB: a note of what is happening, in the language asked for.
    const big = write("big.csv", `${grid(",")}\nNotes,"${"x".repeat(5.5 * 1024 * 1024)}"\n`);
    const r = runCli("scan", big, "--lang", "zh-CN", "--json", path.join(tmp, "big.json"));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^正在读取 big\.csv（5\.5 MB）…\n/);
    expect(r.stderr).toContain("已推算 1 个物料\n");
    expect(r.stderr).not.toMatch(/reading|projected|sheet \d/);
  });

  test(".xls is a one-line refusal that says to save as .xlsx", () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    for (const name of ["old.xls", "renamed.xlsx"]) {
      const r = runCli("scan", write(name, ole));
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        "pab-watch: not an .xlsx workbook (an Excel 97-2003 .xls file or another OLE document): save it as .xlsx in Excel\n"
      );
    }
  });
});
