import * as fs from "fs";
import { Incident, IncidentError, parseIncidentText } from "../incidents";
import { AddressError, NoticeRefused, draftNotice, parseAddressList } from "../mail";
import { Report, factsForNotice } from "../report";
import { DraftArgs, UsageError } from "./args";
import { OutputTarget, checkOutputs, noteLine, writeOutput } from "./outputs";
import { problemZh } from "./diagnosticsZh";
import { incidentErrorZh } from "./incidentErrorZh";
import { reportSchemaError } from "./reportSchema";
import { terminalText } from "./terminal";

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as { code?: string }).code ?? (e as Error).message;
    throw new UsageError(
      `cannot open the ${what} ${file} (${code})`,
      `无法打开${what === "report" ? "报告" : "事件文件"}${file}（${code}）`
    );
  }
}

/** The report of `pab-watch scan --json`, checked against report.schema.json. */
function readReport(file: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(readText(file, "report").replace(/^\ufeff/, ""));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(
      `the report ${file} is not valid JSON (${(e as Error).message})`,
      `报告${file}不是有效的JSON（${(e as Error).message}）`
    );
  }
  const why = reportSchemaError(data);
  if (why)
    throw new UsageError(
      `${file} is not a PAB Watch report: ${why}`,
      `${file}不是PAB Watch报告：${why}`
    );
  return data as Report;
}

function readIncident(file: string): Incident {
  try {
    return parseIncidentText(readText(file, "incident"));
  } catch (e) {
    if (e instanceof IncidentError)
      throw new UsageError(
        `${file}: ${e.message}`,
        `事件文件 ${file} 有误：${incidentErrorZh(e.message)}`
      );
    throw e;
  }
}

export interface DraftIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** pab-watch draft: one notice from a report (and an incident) as a draft; returns the exit code. */
export function draft(args: DraftArgs, io: DraftIo): number {
  let to: string[];
  try {
    to = parseAddressList(args.to);
  } catch (e) {
    if (e instanceof AddressError) throw new UsageError(e.message, e.zh);
    throw e;
  }
  const targets: OutputTarget[] = [];
  if (args.out) targets.push({ option: "--out", file: args.out, kind: "eml" });
  if (args.csv) targets.push({ option: "--csv", file: args.csv, kind: "csv" });
  const inputs = [{ what: "report", file: args.report }];
  if (args.incident) inputs.push({ what: "incident", file: args.incident });
  const replacing = checkOutputs(targets, inputs, args.force);

  const report = readReport(args.report);
  const matches = report.items.filter(
    (i) => i.item === args.item && (args.site === null || i.site === args.site)
  );
  if (!matches.length) {
    const names = [...new Set(report.items.map((i) => i.item))].slice(0, 10).join(", ");
    throw new UsageError(
      `no item "${args.item}"${args.site ? ` at ${args.site}` : ""} in ${args.report} (items: ${names})`,
      `${args.report}中没有物料“${args.item}”${args.site ? `（${args.site}）` : ""}（物料：${names}）`
    );
  }
  if (matches.length > 1) {
    const sites = matches.map((m) => m.site).join(", ");
    throw new UsageError(
      `"${args.item}" is at several sites (${sites}): add --site`,
      `“${args.item}”在多个工厂（${sites}）：请加--site`
    );
  }
  const incident = args.incident ? readIncident(args.incident) : {};
  // An incident over a group of items (items: [...]) that names --item: the notice covers them all.
  const group =
    incident.items && incident.items.length > 1 && incident.items.includes(args.item)
      ? incident.items
      : [args.item];
  const items = group.map((name) => {
    if (name === args.item) return matches[0];
    const hit = report.items.find(
      (i) => i.item === name && (args.site === null || i.site === args.site)
    );
    if (!hit)
      throw new UsageError(
        `the incident covers ${name}, which is not in ${args.report}`,
        `该事件涉及${name}，但${args.report}中没有该物料`
      );
    return hit;
  });
  const facts = items.map((i) =>
    factsForNotice(i, report.diagnostics, args.lang === "zh-CN" ? problemZh : undefined)
  );
  let outputs;
  try {
    outputs = draftNotice(args.notice, facts, to, incident, args.lang, { force: args.force });
  } catch (e) {
    if (e instanceof NoticeRefused) throw new UsageError(e.message, e.message);
    throw e;
  }
  const warn = args.lang === "zh-CN" ? "pab-watch：警告：" : "pab-watch: warning: ";
  for (const w of outputs.notice.warnings) io.stderr(`${warn}${terminalText(w)}\n`);
  if (args.csv) writeOutput(targets.find((t) => t.option === "--csv") as OutputTarget, outputs.csv);
  if (args.out) {
    writeOutput(targets[0], outputs.eml);
    io.stdout(`${args.out}: ${terminalText(outputs.subject)}\n`);
  } else {
    io.stdout(
      terminalText(`Subject: ${outputs.subject}\nTo: ${to.join(", ")}\n\n${outputs.text}`, true)
    );
  }
  for (const note of replacing) io.stderr(noteLine(note, args.lang));
  return 0;
}
