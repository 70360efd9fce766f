import { parseArgs } from "node:util";
import { isoDate } from "../layout/dates";
import { NOTICE_KINDS, NoticeKind } from "../mail/noticeKinds";

export type FailOn = "stockout" | "at-risk" | "low";

export interface ScanArgs {
  command: "scan";
  input: string;
  json: string | null;
  out: string | null;
  sheet: string | null;
  start: string | null;
  fence: number;
  lang: "en" | "zh-CN";
  failOn: FailOn | null;
  /** Replace an existing output file that PAB Watch did not write. */
  force: boolean;
  /** A mapping file (JSON): rows and cells → roles, when the reader needs telling. */
  mapping: string | null;
}

export interface DraftArgs {
  command: "draft";
  report: string;
  item: string;
  site: string | null;
  notice: NoticeKind;
  to: string;
  incident: string | null;
  lang: "en" | "zh-CN";
  out: string | null;
  csv: string | null;
  /** Replace an existing output file; draft a customer notice for an item with reading problems. */
  force: boolean;
}

export type Args = ScanArgs | DraftArgs | { command: "help"; topic: string | null };

function parseDraft(rest: string[]): Args {
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: false,
      options: {
        report: { type: "string" },
        item: { type: "string" },
        site: { type: "string" },
        notice: { type: "string" },
        to: { type: "string" },
        incident: { type: "string" },
        lang: { type: "string" },
        out: { type: "string" },
        csv: { type: "string" },
        force: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw optionError(e, "draft");
  }
  const v = parsed.values;
  if (v.help) return { command: "help", topic: "draft" };
  for (const name of ["report", "item", "notice", "to"] as const) {
    if (!v[name])
      throw new UsageError(
        `draft needs --${name} (try: pab-watch draft --help)`,
        `draft需要--${name}（参见pab-watch draft --help）`
      );
  }
  if (!NOTICE_KINDS.includes(v.notice as NoticeKind)) {
    throw new UsageError(
      `--notice ${v.notice}: use one of ${NOTICE_KINDS.join(", ")}`,
      `--notice ${v.notice}：请用${NOTICE_KINDS.join("、")}之一`
    );
  }
  const lang = langOption(v.lang);
  return {
    command: "draft",
    report: v.report as string,
    item: v.item as string,
    site: v.site ?? null,
    notice: v.notice as NoticeKind,
    to: v.to as string,
    incident: v.incident ?? null,
    lang,
    out: v.out ?? null,
    csv: v.csv ?? null,
    force: v.force ?? false,
  };
}

/** A mistake node:util's parseArgs found, said as our one line in both languages. */
export function optionError(e: unknown, command: "scan" | "draft" | "log"): UsageError {
  const why = (e as Error).message.split("\n")[0];
  const code = (e as { code?: string }).code;
  const quoted = /'([^']*)'/.exec(why)?.[1] ?? "";
  const option = quoted.split(" ")[0];
  const help = `pab-watch ${command} --help`;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
    return new UsageError(
      `${command} has no option ${option} (try: ${help})`,
      `${command}没有选项${option}（参见${help}）`
    );
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && /argument missing/.test(why))
    return new UsageError(
      `${option} needs a value (try: ${help})`,
      `${option}后面需要一个值（参见${help}）`
    );
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return new UsageError(
      `${option} takes no value (try: ${help})`,
      `${option}不带值（参见${help}）`
    );
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL")
    return new UsageError(
      `unexpected argument "${quoted}" (try: ${help})`,
      `多余的参数“${quoted}”（参见${help}）`
    );
  return new UsageError(why, `命令行有误：${why}（参见${help}）`);
}

/** --lang: en or zh-CN, else a one-line reason (in Chinese too: who types zh-cn or zh wants it). */
export function langOption(lang: string | undefined): "en" | "zh-CN" {
  const value = lang ?? "en";
  if (value === "en" || value === "zh-CN") return value;
  throw new UsageError(`--lang ${value}: use en or zh-CN`, `--lang ${value}：请用en或zh-CN`);
}

/** Whether a failed command line asked for Chinese: its last --lang is zh-CN, or zh anything. */
export function asksForChinese(argv: string[]): boolean {
  let lang = "";
  argv.forEach((a, i) => {
    if (a === "--lang" && i + 1 < argv.length) lang = argv[i + 1];
    else if (a.startsWith("--lang=")) lang = a.slice("--lang=".length);
  });
  return /^zh/i.test(lang);
}

/** A command line the user must correct; exit 2 with this one line. */
export class UsageError extends Error {
  /** The same line in Chinese, printed under --lang zh-CN when given. */
  constructor(
    message: string,
    readonly zh?: string
  ) {
    super(message);
  }
}

export function parseCommandLine(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    return { command: "help", topic: rest[0] ?? null };
  }
  if (command === "draft") return parseDraft(rest);
  if (command !== "scan")
    throw new UsageError(
      `unknown command "${command}" (try: pab-watch --help)`,
      `未知命令“${command}”（参见pab-watch --help）`
    );
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        json: { type: "string" },
        out: { type: "string" },
        sheet: { type: "string" },
        start: { type: "string" },
        fence: { type: "string" },
        lang: { type: "string" },
        "fail-on": { type: "string" },
        force: { type: "boolean" },
        mapping: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw optionError(e, "scan");
  }
  const v = parsed.values;
  if (v.help) return { command: "help", topic: "scan" };
  if (parsed.positionals.length !== 1)
    throw new UsageError(
      "scan takes one workbook: pab-watch scan <in.xlsx>",
      "scan只接受一个工作簿：pab-watch scan <in.xlsx>"
    );
  const start = v.start ?? null;
  if (start !== null) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
    if (!m || !isoDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      throw new UsageError(
        `--start ${start} is not a date in the form YYYY-MM-DD`,
        `--start ${start}不是YYYY-MM-DD格式的有效日期`
      );
    }
  }
  const fence = v.fence === undefined ? 0 : Number(v.fence);
  if (!Number.isInteger(fence) || fence < 0)
    throw new UsageError(
      `--fence ${v.fence} is not a whole number of periods`,
      `--fence ${v.fence}不是整数期数`
    );
  const lang = langOption(v.lang);
  const failOn = v["fail-on"] ?? null;
  if (failOn !== null && !["stockout", "at-risk", "low"].includes(failOn)) {
    throw new UsageError(
      `--fail-on ${failOn}: use stockout, at-risk or low`,
      `--fail-on ${failOn}：请用stockout、at-risk或low`
    );
  }
  return {
    command: "scan",
    input: parsed.positionals[0],
    json: v.json ?? null,
    out: v.out ?? null,
    sheet: v.sheet ?? null,
    start,
    fence,
    lang,
    failOn: failOn as FailOn | null,
    force: v.force ?? false,
    mapping: v.mapping ?? null,
  };
}

export const HELP = `pab-watch: projected available balance and stock-out warnings for an MPS workbook

Usage:
  pab-watch scan <in.xlsx> [options]
  pab-watch draft --report report.json --item ITEM --notice KIND --to ADDR[,ADDR] [options]
  pab-watch log --report report.json --incident incident.json --out book.xlsx [--lang en|zh-CN]

Reads the planner's own sheet (MPS grid, ERP/pivot export or one row per item and week; English or
Chinese labels), projects the available balance per period (previous balance - customer orders + MPS)
and reports where it runs short, which receipts must land on time, and where stock is below safety.
The workbook read is never changed; --out writes an annotated copy.

Options:
  --out <file.xlsx>      write an annotated copy: PAB formulas, colours, a "PAB Watch" summary sheet
                         (not for a CSV export: plan.csv is read as one sheet, UTF-8 or GB18030,
                         comma, semicolon or tab; .xls must be saved as .xlsx first)
  --json <file>          write the report (JSON, ../shared/report.schema.json); "-" for standard output
  --sheet <name>         read only this sheet (default: every visible sheet)
  --start <YYYY-MM-DD>   first day of period 1 when the periods are numbered (W1, Week 1, 第1周)
  --fence <n>            demand time fence: periods that use customer orders only (default 0)
  --lang <en|zh-CN>      language of the summary (default en)
  --fail-on <status>     exit 1 when any item is stockout, at-risk or low (or worse)
  --force                replace an existing --out / --json file that PAB Watch did not write
  --mapping <file.json>  tell the reader what a row or cell is, when it cannot tell by itself:
                         {"sheets": {"MPS": {"rows": {"7": "orders", "9": "ignore"},
                                             "cells": {"B2": "onHand"}}}}
  -h, --help             this help

Outputs never go onto the workbook read; an existing output is replaced only when PAB Watch wrote
it (an annotated copy carries _PABWatch names, a report its schemaVersion) or with --force.

Exit codes: 0 planned; 1 when --fail-on matched; 2 when the workbook cannot be read, no item was
found in it, or an option or the mapping is wrong.

pab-watch draft: one notice from a scan report, as a draft a person reviews and sends
  --report <file>        the report of pab-watch scan --json
  --item <item>          the item (--site <site> when the item is at several plants)
  --notice <kind>        internal | all-clear            (supervisor and colleagues)
                         customer-risk | customer-confirmed | customer-all-clear
                         review                           (blameless review, 复盘)
  --to <addresses>       plain addresses, comma-separated (name@example.com)
  --incident <file>      cause, countermeasures, transport, customer orders, contact (JSON);
                         without it the notice drafts with those parts marked [to fill: …]
  --lang <en|zh-CN>      language of the notice (default en)
  --out <notice.eml>     write the draft (opens as a draft in Outlook for Windows); otherwise
                         the subject and text are printed
  --csv <file>           also write the projection as CSV (a customer notice: their order lines only)
  --force                replace an existing output; draft a customer notice for an item the
                         sheet could not be read for (the notice names what was assumed)
  A notice that the projection contradicts is refused, with the reason: a customer all-clear while
  orders are short, a potential-risk notice when the first period is already short or only the
  forecast is short, customer notices without period dates (scan with --start), an incident for
  another item.
  Exit 2 with the reason on an invalid address, an unknown item or a refused notice.

Examples:
  pab-watch scan plan.xlsx
  pab-watch scan plan.xlsx --start 2026-11-30 --json report.json --fail-on stockout
  pab-watch scan plan.xlsx --out plan-checked.xlsx
  pab-watch draft --report report.json --item FG-1001 --notice internal --to boss@example.com --out alert.eml
`;
