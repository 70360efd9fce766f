import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { classicRows } from "../support/classic";
import { runCli } from "../support/cli";
import { sharedDir } from "../support/shared";
import { buildXlsx } from "../support/xlsxBuilder";
import { zipBomb } from "../support/zipBomb";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pab-refuse-"));
const at = (name: string) => path.join(tmp, name);
const classic = path.join(sharedDir, "samples", "classic-example.xlsx");
const incidentFile = path.resolve(__dirname, "../fixtures/incident-full.json");

function write(name: string, data: string | Uint8Array): string {
  fs.writeFileSync(at(name), data);
  return at(name);
}

function workbook(name: string, rows = classicRows()): string {
  return write(name, buildXlsx([{ name: "MPS", rows }]));
}

/** The classic workbook with one part replaced (or removed with null). */
function patched(name: string, part: string, text: string | null): string {
  const parts = unzipSync(fs.readFileSync(workbook(`${name}.src.xlsx`)));
  if (text === null) delete parts[part];
  else parts[part] = strToU8(text);
  return write(name, zipSync(parts));
}

/** An OLE compound file, as Excel writes a password-protected workbook (or an .xls). */
function cfb(name: string, encrypted: boolean): string {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const stream = encrypted ? "EncryptedPackage" : "Workbook";
  for (let i = 0; i < stream.length; i++) bytes[1024 + i * 2] = stream.charCodeAt(i);
  return write(name, bytes);
}

function report(name: string, rows = classicRows(), start: string | null = "2026-11-30"): string {
  const file = at(name);
  const args = ["scan", workbook(`${name}.xlsx`, rows), "--json", file];
  if (start) args.push("--start", start);
  expect(runCli(...args).code).toBeLessThan(2);
  return file;
}

const DRAFT = ["--item", "FG-1001", "--to", "buyer@example.com"];

let cases: [string, string[], RegExp][] = [];

beforeAll(() => {
  const classicReport = report("classic.json");
  const resolved = classicRows();
  resolved[5] = ["MPS", 0, 0, 50, 0, 0, 50, 0, 10];
  const shortNow = classicRows();
  shortNow[1] = ["On hand", 5];
  const badCell = classicRows();
  badCell[4] = ["Customer orders", 16, "abc", 15, 20, 18, 22, 20, 25];
  const otherItem = JSON.parse(fs.readFileSync(incidentFile, "utf8"));
  otherItem.item = "FG-9999";
  const notReport = { ...JSON.parse(fs.readFileSync(classicReport, "utf8")), schemaVersion: 2 };
  const foreign = write("notes.txt", "my own notes\n");
  const link = at("link-to-classic.xlsx");
  fs.symlinkSync(classic, link);
  cases = [
    [
      "a zip bomb (declared sizes)",
      ["scan", write("bomb.xlsx", zipBomb(600))],
      /unpacks to 600 MB, over the 500 MB/,
    ],
    [
      "a zip bomb (lying sizes)",
      ["scan", write("liar.xlsx", zipBomb(600, 2048))],
      /zip bomb \(xl\/worksheets\/sheet1\.xml unpacks past the 2048 bytes/,
    ],
    [
      "malformed XML",
      [
        "scan",
        patched(
          "bad-xml.xlsx",
          "xl/worksheets/sheet1.xml",
          "<worksheet><sheetData><row></sheetData>"
        ),
      ],
      /the workbook could not be read: malformed XML/,
    ],
    [
      "a missing sheet part",
      ["scan", patched("no-sheet.xlsx", "xl/worksheets/sheet1.xml", null)],
      /lacks xl\/worksheets\/sheet1\.xml/,
    ],
    [
      "a password-protected workbook",
      ["scan", cfb("secret.xlsx", true)],
      /password-protected \(encrypted\)/,
    ],
    ["an .xls file", ["scan", cfb("old.xls", false)], /save it as \.xlsx/],
    [
      "an unreadable workbook, with an output PAB Watch wrote that would be replaced",
      ["scan", foreign, "--json", classicReport],
      /not an \.xlsx workbook/,
    ],
    ["a text file", ["scan", foreign], /not an \.xlsx workbook/],
    [
      "a workbook that does not exist",
      ["scan", at("nope.xlsx")],
      /cannot open .*nope\.xlsx \(ENOENT\)/,
    ],
    [
      "an output folder that does not exist",
      ["scan", classic, "--json", at("no/such/dir/r.json")],
      /the folder .*no\/such\/dir does not exist/,
    ],
    [
      "--out onto the workbook",
      ["scan", classic, "--out", classic],
      /--out .* is the workbook being read/,
    ],
    [
      "--out onto the workbook through a symlink",
      ["scan", classic, "--out", link],
      /--out .* is the workbook being read/,
    ],
    [
      "--json onto the workbook",
      ["scan", link, "--json", classic],
      /--json .* is the workbook being read/,
    ],
    [
      "--out and --json on one file",
      ["scan", classic, "--out", at("same"), "--json", at("same")],
      /--json and --out name the same file/,
    ],
    [
      "--out over a file PAB Watch did not write",
      ["scan", classic, "--out", foreign],
      /exists and nothing in it says PAB Watch wrote it: name a new file, or add --force/,
    ],
    [
      "--json over a file PAB Watch did not write",
      ["scan", classic, "--json", foreign],
      /exists and nothing in it says PAB Watch wrote it/,
    ],
    [
      "an impossible --start",
      ["scan", classic, "--start", "2026-02-30"],
      /--start 2026-02-30 is not a date/,
    ],
    ["an unknown command", ["rescan", classic], /unknown command "rescan"/],
    [
      "a report that is not JSON",
      ["draft", "--report", foreign, "--notice", "internal", ...DRAFT],
      /is not valid JSON/,
    ],
    [
      "a report that breaks the schema",
      [
        "draft",
        "--report",
        write("v2.json", JSON.stringify(notReport)),
        "--notice",
        "internal",
        ...DRAFT,
      ],
      /is not a PAB Watch report: schemaVersion must be equal to constant \(1\)$/m,
    ],
    [
      "an incident of another item",
      [
        "draft",
        "--report",
        classicReport,
        "--notice",
        "internal",
        "--incident",
        write("other.json", JSON.stringify(otherItem)),
        ...DRAFT,
      ],
      /the incident is for FG-9999, not FG-1001/,
    ],
    [
      "an incident with a wrong type",
      [
        "draft",
        "--report",
        classicReport,
        "--notice",
        "internal",
        "--incident",
        write(
          "wrong.json",
          '{"customer":{"orders":[{"po":"A","quantity":"5","originalDate":"2027-01-18"}]}}'
        ),
        ...DRAFT,
      ],
      /customer\.orders\[1\]\.quantity must be a number, not "5"/,
    ],
    [
      "a customer all-clear while orders are short",
      ["draft", "--report", classicReport, "--notice", "customer-all-clear", ...DRAFT],
      /still short in W8 \(2027-01-18\) by 6; no customer all-clear/,
    ],
    [
      "a potential-risk notice when period 1 is already short",
      [
        "draft",
        "--report",
        report("short-now.json", shortNow),
        "--notice",
        "customer-risk",
        ...DRAFT,
      ],
      /already short in W1 \(2026-11-30\) by 11.*customer-confirmed/,
    ],
    [
      "a customer notice without period dates",
      [
        "draft",
        "--report",
        report("undated.json", classicRows(), null),
        "--notice",
        "customer-confirmed",
        ...DRAFT,
      ],
      /no dates .*--start YYYY-MM-DD/,
    ],
    [
      "a customer notice for an item the sheet could not be read for",
      [
        "draft",
        "--report",
        report("bad-cell.json", badCell),
        "--notice",
        "customer-risk",
        ...DRAFT,
      ],
      /reading problems for this item \(MPS!C5: "abc" is not a quantity.*--force/,
    ],
    [
      "a confirmed-disruption notice when nothing is short",
      [
        "draft",
        "--report",
        report("resolved.json", resolved),
        "--notice",
        "customer-confirmed",
        ...DRAFT,
      ],
      /nothing to confirm/,
    ],
    [
      "draft --out onto the report",
      [
        "draft",
        "--report",
        classicReport,
        "--notice",
        "internal",
        "--out",
        classicReport,
        ...DRAFT,
      ],
      /--out .* is the report being read/,
    ],
    [
      "draft --csv onto the incident",
      [
        "draft",
        "--report",
        classicReport,
        "--notice",
        "internal",
        "--incident",
        incidentFile,
        "--csv",
        incidentFile,
        ...DRAFT,
      ],
      /--csv .* is the incident being read/,
    ],
    [
      "draft --out over a file PAB Watch did not write",
      ["draft", "--report", classicReport, "--notice", "internal", "--out", foreign, ...DRAFT],
      /exists and nothing in it says PAB Watch wrote it/,
    ],
    [
      "an invalid address",
      [
        "draft",
        "--report",
        classicReport,
        "--notice",
        "internal",
        "--item",
        "FG-1001",
        "--to",
        "Boss <b@example.com>",
      ],
      /not a plain e-mail address/,
    ],
    [
      "an unknown item",
      [
        "draft",
        "--report",
        classicReport,
        "--notice",
        "internal",
        "--item",
        "NOPE",
        "--to",
        "a@example.com",
      ],
      /no item "NOPE"/,
    ],
  ];
});

test("every refused case: exit 2, exactly one line on stderr naming the reason, no stack trace, nothing written", () => {
  expect(cases.length).toBeGreaterThan(25);
  const before = new Map(fs.readdirSync(tmp).map((f) => [f, fs.readFileSync(at(f)).length]));
  for (const [what, argv, reason] of cases) {
    const r = runCli(...argv);
    if (process.env.SHOW_REFUSALS) process.stdout.write(`${what}\n  ${r.stderr}`);
    const context = `${what}: ${r.stderr}`;
    expect([context, r.code]).toEqual([context, 2]);
    expect([context, r.stderr.split("\n")]).toEqual([
      context,
      [expect.stringMatching(/^pab-watch: /), ""],
    ]);
    expect([context, reason.test(r.stderr)]).toEqual([context, true]);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:|TypeError/);
  }
  // Nothing was created or changed by a refused command (the symlink's target stays intact).
  const after = new Map(fs.readdirSync(tmp).map((f) => [f, fs.readFileSync(at(f)).length]));
  expect(after).toEqual(before);
  expect(fs.readFileSync(classic).length).toBeGreaterThan(0);
}, 60_000);

test("with --lang zh-CN the command line's refusals and warnings are Chinese", () => {
  const classicReport = at("classic.json");
  const zh = (...argv: string[]) => runCli(...argv, "--lang", "zh-CN");
  expect(
    zh("draft", "--report", classicReport, "--notice", "customer-all-clear", ...DRAFT).stderr
  ).toBe("pab-watch：FG-1001：客户订单在W8（2027-01-18）仍短缺6，仍有短缺时不能发送供货恢复通知\n");
  expect(
    zh(
      "draft",
      "--report",
      classicReport,
      "--notice",
      "internal",
      "--out",
      at("notes.txt"),
      ...DRAFT
    ).stderr
  ).toBe(
    `pab-watch：--out ${at("notes.txt")}已存在，且看不出是PAB Watch写的：请指定新文件，或加--force覆盖\n`
  );
  expect(
    zh(
      "draft",
      "--report",
      classicReport,
      "--notice",
      "internal",
      "--item",
      "NOPE",
      "--to",
      "a@example.com"
    ).stderr
  ).toBe(`pab-watch：${classicReport}中没有物料“NOPE”（物料：FG-1001）\n`);
  const warned = zh(
    "draft",
    "--report",
    classicReport,
    "--notice",
    "customer-risk",
    "--incident",
    incidentFile,
    ...DRAFT
  );
  expect(warned.code).toBe(0);
  expect(warned.stderr.split("\n")).toEqual(
    expect.arrayContaining([
      "pab-watch：警告：订单PO-4712（2027-01-11，属W7）不在短缺期间（W8）内，请核对事件文件中的订单",
      "pab-watch：警告：cause.customer不是中文，与通知的语言不一致",
    ])
  );
});

test("with --lang zh-CN a wrong option is explained in Chinese too", () => {
  expect(runCli("scan", classic, "--start", "2026-02-30", "--lang", "zh-CN").stderr).toBe(
    "pab-watch：--start 2026-02-30不是YYYY-MM-DD格式的有效日期\n"
  );
  expect(runCli("draft", "--report", at("classic.json"), "--lang", "zh-CN").stderr).toBe(
    "pab-watch：draft需要--item（参见pab-watch draft --help）\n"
  );
});

test.each([
  [
    ["scan", "plan.xlsx", "--bogus"],
    "pab-watch: scan has no option --bogus (try: pab-watch scan --help)\n",
    "pab-watch：scan没有选项--bogus（参见pab-watch scan --help）\n",
  ],
  [
    ["scan", "plan.xlsx", "--force=yes"],
    "pab-watch: --force takes no value (try: pab-watch scan --help)\n",
    "pab-watch：--force不带值（参见pab-watch scan --help）\n",
  ],
  [
    ["draft", "--report", "r.json", "extra"],
    'pab-watch: unexpected argument "extra" (try: pab-watch draft --help)\n',
    "pab-watch：多余的参数“extra”（参见pab-watch draft --help）\n",
  ],
  [
    ["log", "--nope"],
    "pab-watch: log has no option --nope (try: pab-watch log --help)\n",
    "pab-watch：log没有选项--nope（参见pab-watch log --help）\n",
  ],
])(
  "a wrong option is one line, in English and under --lang zh-CN in Chinese: %j",
  (argv, en, zh) => {
    expect(runCli(...argv)).toEqual({ code: 2, stdout: "", stderr: en });
    expect(runCli("--lang", "zh-CN", ...argv).code).toBe(2);
    // --lang comes before the mistake or after it: either way the planner asked for Chinese.
    expect(runCli(...argv.slice(0, 1), "--lang", "zh-CN", ...argv.slice(1)).stderr).toBe(zh);
  }
);

test("an option missing its value is said in both languages", () => {
  expect(runCli("scan", classic, "--json").stderr).toBe(
    "pab-watch: --json needs a value (try: pab-watch scan --help)\n"
  );
  expect(runCli("scan", classic, "--lang", "zh-CN", "--json").stderr).toBe(
    "pab-watch：--json后面需要一个值（参见pab-watch scan --help）\n"
  );
});

test("a --lang the command does not know is said in Chinese when it asks for Chinese", () => {
  const draftArgs = ["--report", "r.json", "--item", "X", "--notice", "internal", "--to", "a@b.cn"];
  const logArgs = ["--report", "r.json", "--incident", "i.json", "--out", "b.xlsx"];
  for (const command of [
    ["scan", classic],
    ["draft", ...draftArgs],
    ["log", ...logArgs],
  ]) {
    expect(runCli(...command, "--lang", "fr").stderr).toBe(
      "pab-watch: --lang fr: use en or zh-CN\n"
    );
    expect(runCli(...command, "--lang", "zh").stderr).toBe("pab-watch：--lang zh：请用en或zh-CN\n");
    expect(runCli(...command, "--lang=zh-cn").stderr).toBe(
      "pab-watch：--lang zh-cn：请用en或zh-CN\n"
    );
  }
});

test("a --to address that is not one is said in both languages, before anything is read", () => {
  const draft = (to: string, ...lang: string[]) =>
    runCli(
      "draft",
      "--report",
      "r.json",
      "--item",
      "X",
      "--notice",
      "internal",
      "--to",
      to,
      ...lang
    ).stderr;
  expect(draft("Boss <b@example.com>")).toBe(
    'pab-watch: "Boss <b@example.com>" is not a plain e-mail address (name@example.com, nothing around it)\n'
  );
  expect(draft("Boss <b@example.com>", "--lang", "zh-CN")).toBe(
    'pab-watch："Boss <b@example.com>"不是单纯的电子邮件地址（应为name@example.com，前后不带其他内容）\n'
  );
  expect(draft("boss@example", "--lang", "zh-CN")).toBe(
    'pab-watch："boss@example"不是电子邮件地址（应为name@example.com）\n'
  );
  expect(draft(" , ", "--lang", "zh-CN")).toBe("pab-watch：没有收件人：请至少给一个地址\n");
});

test("--sheet naming no sheet is said in Chinese too", () => {
  expect(runCli("scan", classic, "--sheet", "Nope", "--lang", "zh-CN").stderr).toBe(
    "pab-watch：没有名为“Nope”的工作表（工作表：MPS）\n"
  );
});

test("with --lang zh-CN a workbook that cannot be read is explained in Chinese", () => {
  const zh = (file: string) => runCli("scan", file, "--lang", "zh-CN").stderr;
  expect(zh(at("bomb.xlsx"))).toBe(
    "pab-watch：工作簿解压后为600 MB，超过PAB Watch可读取的500 MB（文件已损坏或为压缩炸弹）\n"
  );
  expect(zh(at("secret.xlsx"))).toMatch(/^pab-watch：工作簿设有密码（已加密）/);
  expect(zh(at("no-sheet.xlsx"))).toBe(
    "pab-watch：工作簿缺少工作表“MPS”的部件xl/worksheets/sheet1.xml（文件已损坏）\n"
  );
  expect(zh(at("bad-xml.xlsx"))).toMatch(/^pab-watch：无法读取工作簿：XML格式错误（/);
});

test("--force drafts a customer notice for a flagged item, naming what was assumed, in the notice's language", () => {
  const flagged = at("bad-cell.json");
  const args = ["draft", "--report", flagged, "--notice", "customer-risk", "--force", ...DRAFT];
  const en = runCli(...args);
  expect(en.code).toBe(0);
  expect(en.stdout).toContain(
    '[to fill: check before sending: the sheet had problems and these figures assume: MPS!C5: "abc" is not a quantity]'
  );
  const zh = runCli(...args, "--lang", "zh-CN");
  expect(zh.stdout).toContain(
    "【待填写：发送前请核实：表格读取有问题，以下数字基于这些假设：MPS!C5，单元格内容不是数量：“abc”】"
  );
});
