import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeOutput, writeOutputStream } from "../../src/cli/outputs";
import { classicRows } from "../support/classic";
import { runCli } from "../support/cli";
import { sharedDir } from "../support/shared";
import { buildXlsx } from "../support/xlsxBuilder";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pab-out-"));
const at = (name: string) => path.join(tmp, name);
const classic = path.join(sharedDir, "samples", "classic-example.xlsx");

test("the schema the command line validates with is the shared one, byte for byte", () => {
  expect(
    fs.readFileSync(path.resolve(__dirname, "../../src/report/report.schema.json"), "utf8")
  ).toBe(fs.readFileSync(path.join(sharedDir, "report.schema.json"), "utf8"));
});

/** pab-watch draft of FG-1001's internal alert from a fresh report of the classic example. */
function draftFrom(report: string, ...options: string[]) {
  runCli("scan", classic, "--start", "2026-11-30", "--json", report);
  return (...extra: string[]) =>
    runCli(
      "draft",
      "--report",
      report,
      "--item",
      "FG-1001",
      "--notice",
      "internal",
      "--to",
      "a@example.com",
      ...options,
      ...extra
    );
}

describe("an existing output is replaced only when PAB Watch wrote it, or with --force", () => {
  test("our annotated copy and our report are replaced on the next run, saying why", () => {
    const out = at("checked.xlsx");
    const json = at("report.json");
    expect(runCli("scan", classic, "--out", out, "--json", json).code).toBe(0);
    const again = runCli("scan", classic, "--out", out, "--json", json);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(
      [
        `pab-watch: replacing ${out}: an annotated copy PAB Watch wrote (it carries PAB Watch's _PABWatch names)`,
        `pab-watch: replacing ${json}: a PAB Watch report (schemaVersion 1)`,
        "",
      ].join("\n")
    );
  });

  test("our .eml and CSV are replaced; someone else's file only with --force", () => {
    const draft = draftFrom(at("r.json"));
    const eml = at("alert.eml");
    const csv = at("alert.csv");
    expect(draft("--out", eml, "--csv", csv).code).toBe(0);
    const again = draft("--out", eml, "--csv", csv);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`replacing ${eml}: a draft PAB Watch wrote`);
    expect(again.stderr).toContain(`replacing ${csv}: a CSV PAB Watch wrote`);

    const theirs = at("theirs.eml");
    fs.writeFileSync(theirs, "From: someone\r\n\r\nhello\r\n");
    expect(draft("--out", theirs).code).toBe(2);
    expect(fs.readFileSync(theirs, "utf8")).toBe("From: someone\r\n\r\nhello\r\n");
    const forced = draft("--out", theirs, "--force");
    expect(forced.code).toBe(0);
    expect(forced.stderr).toBe(`pab-watch: replacing ${theirs} (--force)\n`);
    expect(fs.readFileSync(theirs, "utf8")).toContain("X-Unsent: 1");
  });

  test("under --lang zh-CN the notes on what is replaced are Chinese", () => {
    const out = at("checked-zh.xlsx");
    const json = at("report-zh.json");
    const zh = (...extra: string[]) =>
      runCli("scan", classic, "--out", out, "--json", json, "--lang", "zh-CN", ...extra);
    expect(zh().code).toBe(0);
    expect(zh().stderr).toBe(
      [
        `pab-watch：覆盖${out}：它是PAB Watch写的批注副本（带有PAB Watch的_PABWatch名称）`,
        `pab-watch：覆盖${json}：它是PAB Watch写的报告（schemaVersion 1）`,
        "",
      ].join("\n")
    );
    expect(zh("--force").stderr).toBe(
      [`pab-watch：覆盖${out}（--force）`, `pab-watch：覆盖${json}（--force）`, ""].join("\n")
    );
    const draft = draftFrom(at("r-zh.json"), "--lang", "zh-CN");
    const eml = at("alert-zh.eml");
    const csv = at("alert-zh.csv");
    expect(draft("--out", eml, "--csv", csv).code).toBe(0);
    expect(draft("--out", eml, "--csv", csv).stderr.split("\n")).toEqual(
      expect.arrayContaining([
        `pab-watch：覆盖${eml}：它是PAB Watch写的草稿`,
        `pab-watch：覆盖${csv}：它是PAB Watch写的CSV文件`,
      ])
    );
  });

  test("a workbook the planner keeps is not ours: --out over it is refused, and --force never reaches the input", () => {
    const planners = at("planners.xlsx");
    fs.writeFileSync(planners, buildXlsx([{ name: "MPS", rows: classicRows() }]));
    const before = fs.readFileSync(planners);
    expect(runCli("scan", classic, "--out", planners).code).toBe(2);
    expect(fs.readFileSync(planners)).toEqual(before);
    expect(runCli("scan", planners, "--out", planners, "--force").code).toBe(2);
    const hardLink = at("hard-link.xlsx");
    fs.linkSync(planners, hardLink);
    const r = runCli("scan", planners, "--out", hardLink, "--force");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is the workbook being read/);
    expect(fs.readFileSync(planners)).toEqual(before);
  });
});

describe("text from cells on the terminal", () => {
  test("control and bidi characters in an item name are escaped in the summary", () => {
    const rows = classicRows();
    rows[0] = ["Item", "FG-\u202e1001\u009b2J"];
    const file = at("hostile.xlsx");
    fs.writeFileSync(file, buildXlsx([{ name: "MPS", rows }]));
    const r = runCli("scan", file);
    expect(r.stdout).toContain("FG-\\u202e1001\\u009b2J");
    expect(r.stdout).not.toMatch(/[\u202e\u009b]/);
    const json = runCli("scan", file, "--json", "-").stdout;
    expect(json).not.toMatch(/[\u202e\u009b]/);
    expect(JSON.parse(json).items[0].item).toBe("FG-\u202e1001\u009b2J");
  });
});

describe("fractional quantities", () => {
  test("the summary rounds to three decimals with digit grouping; the report keeps full precision", () => {
    const rows: (string | number | null)[][] = [
      ["Item", "STEEL-T"],
      ["On hand", 1000.25],
      [null, "W1", "W2"],
      ["Customer orders", 2234.56789, 1.1],
      ["MPS", 0, 0],
    ];
    const file = at("tonnes.xlsx");
    fs.writeFileSync(file, buildXlsx([{ name: "MPS", rows }]));
    const en = runCli("scan", file);
    expect(en.stdout).toContain("first short W1 by 1,234.318");
    expect(runCli("scan", file, "--lang", "zh-CN").stdout).toContain(
      "STEEL-T：预计缺货；W1首次缺货1,234.318"
    );
    const report = JSON.parse(runCli("scan", file, "--json", "-").stdout);
    expect(report.items[0].firstShortage.quantity).toBeCloseTo(1234.31789, 10);
    expect(String(report.items[0].pab[0])).toMatch(/^-1234\.3178/);
  });
});

describe("an output is put in place only once it is complete", () => {
  const target = (file: string) => ({ option: "--json", file, kind: "json" as const });
  const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.includes("partial"));

  test("a failure while the report is being written leaves the earlier file as it was", () => {
    const dir = fs.mkdtempSync(path.join(tmp, "partial-"));
    const file = path.join(dir, "report.json");
    fs.writeFileSync(file, '{"schemaVersion": 1}\n');
    expect(() =>
      writeOutputStream(target(file), (write) => {
        write('{\n  "schemaVersion": 1,');
        throw new Error("the engine stopped half-way");
      })
    ).toThrow("the engine stopped half-way");
    expect(fs.readFileSync(file, "utf8")).toBe('{"schemaVersion": 1}\n');
    expect(leftovers(dir)).toEqual([]);
  });

  test("a complete one replaces it, keeping its permissions, written through a link", () => {
    const dir = fs.mkdtempSync(path.join(tmp, "whole-"));
    const real = path.join(dir, "real.json");
    const link = path.join(dir, "link.json");
    fs.writeFileSync(real, "old");
    fs.chmodSync(real, 0o640);
    fs.symlinkSync(real, link);
    writeOutputStream(target(link), (write) => {
      write("new ");
      write("text");
    });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, "utf8")).toBe("new text");
    expect(fs.statSync(real).mode & 0o777).toBe(0o640);
    writeOutput(target(path.join(dir, "fresh.eml")), "mail");
    expect(fs.readFileSync(path.join(dir, "fresh.eml"), "utf8")).toBe("mail");
    expect(leftovers(dir)).toEqual([]);
  });
});
