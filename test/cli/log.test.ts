import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { LOG_COLUMNS, LOG_SHEET, logHeader } from "../../src/incidents";
import { cellAt } from "../../src/layout";
import { readXlsxSnapshot } from "../../src/xlsx";
import { runCli } from "../support/cli";
import { sharedDir } from "../support/shared";
import { fullCase } from "../support/incidents";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pab-log-cli-"));
const report = path.join(tmp, "report.json");
const book = path.join(tmp, "book.xlsx");
const incident = path.resolve(__dirname, "../fixtures/incident-full.json");
const sample = path.join(sharedDir, "samples", "classic-example.xlsx");

function logRows(file: string) {
  const sheet = readXlsxSnapshot(fs.readFileSync(file), "b").sheets.find(
    (s) => s.name === LOG_SHEET
  )!;
  const rows: (string | number | boolean)[][] = [];
  for (let r = 0; r < sheet.top + sheet.values.length; r++)
    rows.push(LOG_COLUMNS.map((_c, i) => cellAt(sheet, r, i)));
  return rows;
}
const col = (key: string) => LOG_COLUMNS.findIndex((c) => c.key === key);

beforeAll(() => {
  expect(
    runCli("scan", sample, "--start", "2026-11-30", "--json", report, "--out", book).code
  ).toBe(0);
});

describe("pab-watch log", () => {
  test("appends the incident's row to the log table of an annotated copy, then updates it", () => {
    const r = runCli("log", "--report", report, "--incident", incident, "--out", book);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${book}: INC-2027-004 written to the "PAB Watch Log" table (row 2)\n`);
    const rows = logRows(book);
    expect(rows[0]).toEqual(logHeader("en"));
    expect(rows[1][col("id")]).toBe("INC-2027-004");
    expect(rows[1][col("customers")]).toBe("Acme Motors: PO-4711/10, PO-4712/20");
    expect(rows[1][col("detectedOn")]).toBe("2026-12-28");
    expect(rows[1][col("level")]).toBe("assessed");
    expect(rows[1][col("assessed")]).toBe("2027-01-07 10:00 Zhang Min, not solvable in time");
    expect(rows[1][col("category")]).toBe("Machine");
    expect(rows[1][col("owner")]).toBe("Wang Fang");
    const parts = unzipSync(fs.readFileSync(book));
    expect(Object.keys(parts).filter((p) => p.startsWith("xl/tables/"))).toHaveLength(1);
    // The same again: nothing to change.
    const before = fs.readFileSync(book);
    const again = runCli("log", "--report", report, "--incident", incident, "--out", book);
    expect(again.stdout).toBe(
      `${book}: INC-2027-004 is already up to date in the "PAB Watch Log" table\n`
    );
    expect(fs.readFileSync(book).equals(before)).toBe(true);

    // An incident exported from the pane (with its steps) updates the same row.
    const c = { ...fullCase(), details: { ...fullCase().details, item: "FG-1001" } };
    const exported = path.join(tmp, "exported.json");
    fs.writeFileSync(exported, JSON.stringify(c));
    const updated = runCli(
      "log",
      "--report",
      report,
      "--incident",
      exported,
      "--out",
      book,
      "--lang",
      "en"
    );
    expect(updated.code).toBe(0);
    expect(logRows(book)[1][col("level")]).toBe("closed");
    expect(logRows(book)).toHaveLength(2);
    expect(strFromU8(unzipSync(fs.readFileSync(book))["xl/tables/table1.xml"])).toContain(
      'ref="A1:AE2"'
    );
  });

  test("refuses the planner's own workbook, a missing copy and a bad incident with one line and exit 2", () => {
    const own = path.join(tmp, "own.xlsx");
    fs.copyFileSync(sample, own);
    const cases: [string[], RegExp][] = [
      [["--report", report, "--incident", incident, "--out", own], /is not an annotated copy/],
      [
        ["--report", report, "--incident", incident, "--out", path.join(tmp, "nope.xlsx")],
        /does not exist: make an annotated copy first/,
      ],
      [["--report", report, "--out", book], /log needs --incident/],
    ];
    const bad = path.join(tmp, "bad.json");
    fs.writeFileSync(
      bad,
      JSON.stringify({ id: "INC-1", item: "FG-1001", cause: { category: "weather" } })
    );
    cases.push([["--report", report, "--incident", bad, "--out", book], /cause\.category/]);
    const noId = path.join(tmp, "noid.json");
    fs.writeFileSync(noId, JSON.stringify({ item: "FG-1001" }));
    cases.push([["--report", report, "--incident", noId, "--out", book], /needs an "id"/]);
    const unknown = path.join(tmp, "unknown.json");
    fs.writeFileSync(unknown, JSON.stringify({ id: "INC-2", item: "XX-1" }));
    cases.push([
      ["--report", report, "--incident", unknown, "--out", book],
      /item "XX-1" is not in the report/,
    ]);
    for (const [args, message] of cases) {
      const r = runCli("log", ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
    expect(fs.readFileSync(own).equals(fs.readFileSync(sample))).toBe(true);
  });

  test("--lang zh-CN: what it wrote, and every refusal, in Chinese", () => {
    const copy = path.join(tmp, "book-zh.xlsx");
    fs.copyFileSync(book, copy);
    const zh = (...args: string[]) => runCli("log", ...args, "--lang", "zh-CN");
    const wrote = zh("--report", report, "--incident", incident, "--out", copy);
    expect(wrote.code).toBe(0);
    expect(wrote.stdout).toMatch(
      new RegExp(
        `^${copy.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}：INC-2027-004 (已写入“PAB Watch Log”表（第 2 行）|在“PAB Watch Log”表中已是最新)\n$`
      )
    );
    const again = zh("--report", report, "--incident", incident, "--out", copy);
    expect(again.stdout).toMatch(/：INC-2027-004 在“PAB Watch Log”表中已是最新\n$/);

    const own = path.join(tmp, "own-zh.xlsx");
    fs.copyFileSync(sample, own);
    const bad = path.join(tmp, "bad-zh.json");
    fs.writeFileSync(
      bad,
      JSON.stringify({ id: "INC-1", item: "FG-1001", cause: { category: "weather" } })
    );
    const noId = path.join(tmp, "noid-zh.json");
    fs.writeFileSync(noId, JSON.stringify({ item: "FG-1001" }));
    const unknown = path.join(tmp, "unknown-zh.json");
    fs.writeFileSync(unknown, JSON.stringify({ id: "INC-2", item: "XX-1" }));
    const notJson = path.join(tmp, "notjson-zh.json");
    fs.writeFileSync(notJson, "{ id: ");
    const cases: [string[], RegExp][] = [
      [
        ["--report", report, "--incident", incident, "--out", own],
        /不是批注副本：PAB Watch 只把日志写入它自己生成的副本/,
      ],
      [
        ["--report", report, "--incident", incident, "--out", path.join(tmp, "nope.xlsx")],
        /nope\.xlsx 不存在：请先生成批注副本/,
      ],
      [["--report", report, "--out", copy], /log 需要 --incident（参见：pab-watch log --help）/],
      [
        ["--report", report, "--incident", bad, "--out", copy],
        /事件文件 \S+ 有误：cause\.category：必须是以下之一：.*，而不是 "weather"/,
      ],
      [["--report", report, "--incident", noId, "--out", copy], /事件需要一个 "id"/],
      [["--report", report, "--incident", unknown, "--out", copy], /物料“XX-1”不在报告中/],
      [
        ["--report", report, "--incident", notJson, "--out", copy],
        /事件文件 \S+ 不是有效的 JSON（/,
      ],
      [
        ["--report", path.join(tmp, "none.json"), "--incident", incident, "--out", copy],
        /无法打开报告 \S+none\.json（ENOENT）/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = zh(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^pab-watch：/);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
