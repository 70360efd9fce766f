import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "node:util";
import {
  IncidentCase,
  IncidentError,
  ItemProjection,
  logHeader,
  logRow,
  openIncident,
  parseIncident,
  parseIncidentCase,
} from "../incidents";
import { ReportItem } from "../report";
import { SUMMARY_SHEET } from "../layout";
import { XlsxPackage, applyLogToPackage } from "../xlsx";
import { UsageError, langOption, optionError } from "./args";
import { incidentErrorZh } from "./incidentErrorZh";

export interface LogArgs {
  command: "log";
  report: string;
  incident: string;
  out: string;
  lang: "en" | "zh-CN";
}

export const LOG_HELP = `pab-watch log: the incident's row in the root-cause log of an annotated copy
  --report <file>        the report of pab-watch scan --json
  --incident <file>      the incident (JSON: the notices' incident file, or one exported from the pane)
  --out <book.xlsx>      an annotated copy (pab-watch scan plan.xlsx --out book.xlsx); its
                         "PAB Watch Log" table gets the incident's row, added or updated in place
  --lang <en|zh-CN>      language of the table's header and words (default en)
  A row a person edited in the table is theirs: it is kept and the command says so.
`;

export function parseLog(rest: string[]): LogArgs | { command: "help"; topic: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: false,
      options: {
        report: { type: "string" },
        incident: { type: "string" },
        out: { type: "string" },
        lang: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw optionError(e, "log");
  }
  const v = parsed.values;
  if (v.help) return { command: "help", topic: "log" };
  for (const name of ["report", "incident", "out"] as const)
    if (!v[name])
      throw new UsageError(
        `log needs --${name} (try: pab-watch log --help)`,
        `log 需要 --${name}（参见：pab-watch log --help）`
      );
  const lang = langOption(v.lang);
  return {
    command: "log",
    report: v.report as string,
    incident: v.incident as string,
    out: v.out as string,
    lang,
  };
}

const WHAT_ZH = { report: "报告", incident: "事件文件" };

function readText(file: string, what: "report" | "incident"): string {
  try {
    return fs.readFileSync(file, "utf8").replace(/^\ufeff/, "");
  } catch (e) {
    const why = (e as { code?: string }).code ?? (e as Error).message;
    throw new UsageError(
      `cannot open the ${what} ${file} (${why})`,
      `无法打开${WHAT_ZH[what]} ${file}（${why}）`
    );
  }
}

function readJson(file: string, what: "report" | "incident"): unknown {
  try {
    return JSON.parse(readText(file, what));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const why = (e as Error).message;
    throw new UsageError(
      `the ${what} ${file} is not valid JSON (${why})`,
      `${WHAT_ZH[what]} ${file} 不是有效的 JSON（${why}）`
    );
  }
}

/** What the log table's plan notes say, in Chinese: a row or header someone edited is kept. */
function noteZh(note: string): string {
  let m = /^(.*)!A1: the header row was changed by hand: kept as it is$/.exec(note);
  if (m) return `${m[1]}!A1：表头行已被手动修改，保持原样`;
  m = /^(.*)!A(\d+): the row of (.*) was (edited|typed) by hand: kept as it is$/.exec(note);
  if (m)
    return `${m[1]}!A${m[2]}：${m[3]} 这一行已被手动${m[4] === "edited" ? "修改" : "输入"}，保持原样`;
  return note;
}

export function projectionOfReportItem(item: ReportItem, fence: number): ItemProjection {
  return {
    item: item.item,
    site: item.site,
    sheet: item.sheet,
    periods: item.periods,
    periodStarts: item.periodStarts,
    opening: item.opening,
    pastDue: item.pastDue,
    safetyStock: item.safetyStock,
    orders: item.orders,
    mps: item.mps,
    forecast: item.forecast,
    fence,
  };
}

/** The incident file: one the pane exported (with its steps), or the notices' incident file. */
function incidentCase(
  data: unknown,
  file: string,
  report: { items: ReportItem[]; fence?: number },
  today: string
): IncidentCase {
  const fromPane = data !== null && typeof data === "object" && "risks" in data && "steps" in data;
  try {
    if (fromPane) return parseIncidentCase(data);
    const incident = parseIncident(data);
    if (!incident.id)
      throw new UsageError(
        `${file}: the incident needs an "id" (e.g. "INC-2027-004") to have a row of its own`,
        `${file}：事件需要一个 "id"（如 "INC-2027-004"）才能在日志中占一行`
      );
    const names = incident.items?.length ? incident.items : incident.item ? [incident.item] : [];
    if (!names.length)
      throw new UsageError(
        `${file}: the incident names no item ("item": "FG-1001")`,
        `${file}：事件没有指明物料（"item": "FG-1001"）`
      );
    const projections = names.map((name) => {
      const found = report.items.filter((i) => i.item === name);
      if (!found.length)
        throw new UsageError(
          `${file}: item "${name}" is not in the report`,
          `${file}：物料“${name}”不在报告中`
        );
      return projectionOfReportItem(found[0], report.fence ?? 0);
    });
    const detected = incident.review?.detectedOn ?? today;
    const c = openIncident(incident.id, projections, "", `${detected}T00:00:00.000Z`, incident);
    const a = incident.assessment;
    return a
      ? {
          ...c,
          assessment: {
            by: a.by,
            at: new Date(Date.parse(`${a.at}Z`)).toISOString(),
            solvableInTime: a.solvableInTime,
          },
          roles: { ...c.roles, assessor: a.by },
        }
      : c;
  } catch (e) {
    if (e instanceof IncidentError)
      throw new UsageError(
        `${file}: ${e.message}`,
        `事件文件 ${file} 有误：${incidentErrorZh(e.message)}`
      );
    throw e;
  }
}

/** pab-watch log: appends or updates the incident's row in the log table of an annotated copy. */
export function log(args: LogArgs, out: (text: string) => void, today: string): number {
  const report = readJson(args.report, "report") as { items?: ReportItem[]; fence?: number };
  if (!Array.isArray(report.items))
    throw new UsageError(
      `${args.report} is not a PAB Watch report (no items)`,
      `${args.report} 不是 PAB Watch 报告（没有 items）`
    );
  const data = readJson(args.incident, "incident");
  const c = incidentCase(data, args.incident, { items: report.items, fence: report.fence }, today);

  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(args.out);
  } catch {
    throw new UsageError(
      `${args.out} does not exist: make an annotated copy first (pab-watch scan plan.xlsx --out ${args.out})`,
      `${args.out} 不存在：请先生成批注副本（pab-watch scan plan.xlsx --out ${args.out}）`
    );
  }
  const pkg = new XlsxPackage(bytes);
  const workbookXml = pkg.text("xl/workbook.xml");
  if (!workbookXml.includes("_PABWatch") && !workbookXml.includes(`name="${SUMMARY_SHEET}"`))
    throw new UsageError(
      `${args.out} is not an annotated copy: PAB Watch writes the log only into a copy it made (pab-watch scan plan.xlsx --out book.xlsx)`,
      `${args.out} 不是批注副本：PAB Watch 只把日志写入它自己生成的副本（pab-watch scan plan.xlsx --out book.xlsx）`
    );
  const { bytes: written, plan } = applyLogToPackage(pkg, logHeader(args.lang), [
    { key: c.id, cells: logRow(c, args.lang) },
  ]);
  // Written next to the file, then moved over it: a crash never leaves half a workbook.
  const tmp = path.join(
    path.dirname(path.resolve(args.out)),
    `.${path.basename(args.out)}.pab-watch-tmp`
  );
  fs.writeFileSync(tmp, written);
  fs.renameSync(tmp, args.out);
  const row = plan.writes.find((w) => w.row > 0)?.row;
  const zh = args.lang === "zh-CN";
  for (const note of plan.notes) out(`${zh ? noteZh(note) : note}\n`);
  if (plan.notes.some((n) => n.includes(` ${c.id} `))) return 0;
  if (zh)
    out(
      row !== undefined
        ? `${args.out}：${c.id} 已写入“PAB Watch Log”表（第 ${row + 1} 行）\n`
        : `${args.out}：${c.id} 在“PAB Watch Log”表中已是最新\n`
    );
  else
    out(
      row !== undefined
        ? `${args.out}: ${c.id} written to the "PAB Watch Log" table (row ${row + 1})\n`
        : `${args.out}: ${c.id} is already up to date in the "PAB Watch Log" table\n`
    );
  return 0;
}
