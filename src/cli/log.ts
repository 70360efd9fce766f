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
import { UsageError } from "./args";

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
    throw new UsageError((e as Error).message.split("\n")[0]);
  }
  const v = parsed.values;
  if (v.help) return { command: "help", topic: "log" };
  for (const name of ["report", "incident", "out"] as const)
    if (!v[name]) throw new UsageError(`log needs --${name} (try: pab-watch log --help)`);
  const lang = v.lang ?? "en";
  if (lang !== "en" && lang !== "zh-CN") throw new UsageError(`--lang ${lang}: use en or zh-CN`);
  return {
    command: "log",
    report: v.report as string,
    incident: v.incident as string,
    out: v.out as string,
    lang,
  };
}

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, "utf8").replace(/^\ufeff/, "");
  } catch (e) {
    throw new UsageError(
      `cannot open the ${what} ${file} (${(e as { code?: string }).code ?? (e as Error).message})`
    );
  }
}

function readJson(file: string, what: string): unknown {
  try {
    return JSON.parse(readText(file, what));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`the ${what} ${file} is not valid JSON (${(e as Error).message})`);
  }
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
        `${file}: the incident needs an "id" (e.g. "INC-2027-004") to have a row of its own`
      );
    const names = incident.items?.length ? incident.items : incident.item ? [incident.item] : [];
    if (!names.length)
      throw new UsageError(`${file}: the incident names no item ("item": "FG-1001")`);
    const projections = names.map((name) => {
      const found = report.items.filter((i) => i.item === name);
      if (!found.length) throw new UsageError(`${file}: item "${name}" is not in the report`);
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
    if (e instanceof IncidentError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
}

/** pab-watch log: appends or updates the incident's row in the log table of an annotated copy. */
export function log(args: LogArgs, out: (text: string) => void, today: string): number {
  const report = readJson(args.report, "report") as { items?: ReportItem[]; fence?: number };
  if (!Array.isArray(report.items))
    throw new UsageError(`${args.report} is not a PAB Watch report (no items)`);
  const data = readJson(args.incident, "incident");
  const c = incidentCase(data, args.incident, { items: report.items, fence: report.fence }, today);

  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(args.out);
  } catch {
    throw new UsageError(
      `${args.out} does not exist: make an annotated copy first (pab-watch scan plan.xlsx --out ${args.out})`
    );
  }
  const pkg = new XlsxPackage(bytes);
  const workbookXml = pkg.text("xl/workbook.xml");
  if (!workbookXml.includes("_PABWatch") && !workbookXml.includes(`name="${SUMMARY_SHEET}"`))
    throw new UsageError(
      `${args.out} is not an annotated copy: PAB Watch writes the log only into a copy it made (pab-watch scan plan.xlsx --out book.xlsx)`
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
  for (const note of plan.notes) out(`${note}\n`);
  if (plan.notes.some((n) => n.includes(` ${c.id} `))) return 0;
  out(
    row !== undefined
      ? `${args.out}: ${c.id} written to the "PAB Watch Log" table (row ${row + 1})\n`
      : `${args.out}: ${c.id} is already up to date in the "PAB Watch Log" table\n`
  );
  return 0;
}
