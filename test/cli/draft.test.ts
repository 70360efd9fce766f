import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import PostalMime from "postal-mime";
import { runCli } from "../support/cli";
import { sharedDir } from "../support/shared";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pab-draft-"));
const report = path.join(tmp, "report.json");
const incident = path.resolve(__dirname, "../fixtures/incident-full.json");

const run = runCli;

beforeAll(() => {
  expect(
    run(
      "scan",
      path.join(sharedDir, "samples", "classic-example.xlsx"),
      "--start",
      "2026-11-30",
      "--json",
      report
    ).code
  ).toBe(0);
});

describe("pab-watch draft", () => {
  test("writes a draft .eml a mail client opens", async () => {
    const out = path.join(tmp, "alert.eml");
    const r = run(
      "draft",
      "--report",
      report,
      "--item",
      "FG-1001",
      "--notice",
      "internal",
      "--to",
      "boss@example.com,qa@example.com",
      "--out",
      out
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `${out}: [PAB Watch] Internal alert: FG-1001 projected short in W8 (2027-01-18) by 6\n`
    );
    const parsed = await PostalMime.parse(fs.readFileSync(out, "utf8"));
    expect(parsed.to?.map((a) => ("address" in a ? a.address : ""))).toEqual([
      "boss@example.com",
      "qa@example.com",
    ]);
    expect(parsed.text).toContain("[to fill: ");
  });

  test("with an incident, in Chinese, and the projection as CSV", () => {
    const csv = path.join(tmp, "p.csv");
    const r = run(
      "draft",
      "--report",
      report,
      "--item",
      "FG-1001",
      "--notice",
      "customer-risk",
      "--to",
      "buyer@example.com",
      "--incident",
      incident,
      "--lang",
      "zh-CN",
      "--csv",
      csv
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Subject: 潜在供货风险通知：AC-778（FG-1001），贵司订单PO-4711、PO-4712\nTo: buyer@example.com\n\n尊敬的Ms Chen：/
    );
    expect(r.stdout).not.toContain("SECRET");
    // The customer's CSV holds their order lines only, never our projection.
    expect(fs.readFileSync(csv, "utf8")).toBe(
      "\ufeff贵司料号,订单号,行号,数量,原交期,新交期,新数量\r\nAC-778,PO-4711,10,25,2027-01-18,2027-01-22,19\r\nAC-778,PO-4712,20,20,2027-01-11,,20\r\n"
    );
  });

  test.each([
    [
      ["--to", "Boss <boss@example.com>"],
      'pab-watch: "Boss <boss@example.com>" is not a plain e-mail address (name@example.com, nothing around it)\n',
    ],
    [
      ["--to", "boss@example.com", "--item", "NOPE"],
      `pab-watch: no item "NOPE" in ${report} (items: FG-1001)\n`,
    ],
    [
      ["--to", "boss@example.com", "--notice", "gossip"],
      "pab-watch: --notice gossip: use one of internal, all-clear, customer-risk, customer-confirmed, customer-all-clear, review\n",
    ],
  ])("exit 2 with the reason: %p", (extra, message) => {
    const args = [
      "draft",
      "--report",
      report,
      "--item",
      "FG-1001",
      "--notice",
      "internal",
      "--to",
      "x@example.com",
    ];
    for (let i = 0; i < extra.length; i += 2) {
      const at = args.indexOf(extra[i]);
      if (at >= 0) args[at + 1] = extra[i + 1];
      else args.push(extra[i], extra[i + 1]);
    }
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
  });

  test("a missing option and a broken incident file are explained", () => {
    expect(run("draft", "--report", report).stderr).toBe(
      "pab-watch: draft needs --item (try: pab-watch draft --help)\n"
    );
    const bad = path.join(tmp, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ transport: [{ mode: "rocket" }] }));
    const r = run(
      "draft",
      "--report",
      report,
      "--item",
      "FG-1001",
      "--notice",
      "internal",
      "--to",
      "x@example.com",
      "--incident",
      bad
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "transport[1].mode must be one of truck, air, hand-carry, sea, rail, courier"
    );
  });

  test("an incident over a group of items drafts one notice covering each, with its own facts", () => {
    const multi = path.join(tmp, "multi.json");
    const sample = path.join(sharedDir, "samples", "multi-item-grid.xlsx");
    expect(run("scan", sample, "--start", "2026-11-30", "--json", multi).code).toBe(0);
    const expected = JSON.parse(
      fs.readFileSync(path.join(sharedDir, "samples", "multi-item-grid.expected.json"), "utf8")
    ).items as { item: string; firstShortage: { index: number; quantity: number } | null }[];
    const group = path.join(tmp, "group.json");
    fs.writeFileSync(group, JSON.stringify({ id: "INC-9", items: ["PUMP-10", "VALVE-7"] }));
    const r = run(
      "draft",
      "--report",
      multi,
      "--item",
      "VALVE-7",
      "--notice",
      "internal",
      "--to",
      "boss@example.com",
      "--incident",
      group
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Subject: \[PAB Watch\] Internal alert: PUMP-10, VALVE-7 /);
    for (const name of ["PUMP-10", "VALVE-7"]) {
      const e = expected.find((x) => x.item === name)!;
      const week = `W${e.firstShortage!.index + 1}`;
      expect(r.stdout).toMatch(
        new RegExp(
          `${name}: the projected available balance goes short in ${week} \\(\\d{4}-\\d\\d-\\d\\d\\) by ${e.firstShortage!.quantity}\\.`
        )
      );
    }
    expect(r.stdout).not.toContain("PUMP-20");
    fs.writeFileSync(group, JSON.stringify({ id: "INC-9", items: ["PUMP-10", "GONE-1"] }));
    const missing = run(
      "draft",
      "--report",
      multi,
      "--item",
      "PUMP-10",
      "--notice",
      "internal",
      "--to",
      "boss@example.com",
      "--incident",
      group
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`the incident covers GONE-1, which is not in ${multi}`);
  });
});
