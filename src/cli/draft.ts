import * as fs from "fs";
import { IncidentError, parseIncidentText } from "../incidents";
import { AddressError, NoticeRefused, draftNotice, parseAddressList } from "../mail";
import { ReportItem } from "../report";
import { DraftArgs, UsageError } from "./args";

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(
      `cannot open the ${what} ${file} (${(e as { code?: string }).code ?? (e as Error).message})`
    );
  }
}

function readJson(file: string, what: string): unknown {
  const text = readText(file, what).replace(/^\ufeff/, "");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`the ${what} ${file} is not valid JSON (${(e as Error).message})`);
  }
}

/** pab-watch draft: one notice from a report (and an incident) as a draft; returns the exit code. */
export function draft(args: DraftArgs, out: (text: string) => void): number {
  let to: string[];
  try {
    to = parseAddressList(args.to);
  } catch (e) {
    if (e instanceof AddressError) throw new UsageError(e.message);
    throw e;
  }
  const report = readJson(args.report, "report") as { items?: ReportItem[] };
  if (!Array.isArray(report.items))
    throw new UsageError(`${args.report} is not a PAB Watch report (no items)`);
  const matches = report.items.filter(
    (i) => i.item === args.item && (args.site === null || i.site === args.site)
  );
  if (!matches.length) {
    const names = [...new Set(report.items.map((i) => i.item))].slice(0, 10).join(", ");
    throw new UsageError(
      `no item "${args.item}"${args.site ? ` at ${args.site}` : ""} in ${args.report} (items: ${names})`
    );
  }
  if (matches.length > 1) {
    throw new UsageError(
      `"${args.item}" is at several sites (${matches.map((m) => m.site).join(", ")}): add --site`
    );
  }
  let incident = {};
  if (args.incident) {
    try {
      incident = parseIncidentText(readText(args.incident, "incident"));
    } catch (e) {
      if (e instanceof IncidentError) throw new UsageError(`${args.incident}: ${e.message}`);
      throw e;
    }
  }
  let outputs;
  try {
    outputs = draftNotice(args.notice, matches[0], to, incident, args.lang);
  } catch (e) {
    if (e instanceof NoticeRefused) throw new UsageError(e.message);
    throw e;
  }
  if (args.csv) fs.writeFileSync(args.csv, outputs.csv);
  if (args.out) {
    fs.writeFileSync(args.out, outputs.eml);
    out(`${args.out}: ${outputs.subject}\n`);
  } else {
    out(`Subject: ${outputs.subject}\nTo: ${to.join(", ")}\n\n${outputs.text}`);
  }
  return 0;
}
