import { Diagnostic, LayoutMapping, PlanRecord, WorkbookSnapshot, readPlans } from "../layout";
import { attributeAdapterDiagnostics } from "../layout/adapterDiagnostics";
import { Finding, computeFindings } from "./findings";
import { Report, ReportHead, ReportItem, buildReport, reportItem } from "./report";

export interface ScanOptions {
  startDate?: string | null;
  today?: string | null;
  fence?: number;
  sheets?: string[];
  mapping?: LayoutMapping;
}

/** What a scan read, before the engine runs: the report's head, the records, the reader's diagnostics. */
export interface ReadForReport {
  head: ReportHead;
  records: PlanRecord[];
  /** What the adapter and the reader found; the engine's come after them in the report. */
  diagnostics: Diagnostic[];
}

/** Snapshot → records: the reading half of a scan. */
export function readForReport(
  snapshot: WorkbookSnapshot,
  options: ScanOptions = {}
): ReadForReport {
  const read = readPlans(snapshot, {
    startDate: options.startDate ?? null,
    today: options.today ?? null,
    sheets: options.sheets,
    mapping: options.mapping,
  });
  // What the adapter could not read (an uncalculated formula) is told against the item it concerns.
  const fromAdapter = attributeAdapterDiagnostics(read.records, snapshot.diagnostics ?? []);
  const numbered = read.records.some((r) => r.periodKind === "number");
  return {
    head: {
      schemaVersion: 1,
      workbook: snapshot.name,
      startDate: numbered ? read.startDate : null,
      fence: options.fence ?? 0,
    },
    records: read.records,
    diagnostics: [...fromAdapter, ...read.diagnostics],
  };
}

/** Snapshot → report: the whole read-and-project job, pure, the same in the CLI and the task pane. */
export function scanSnapshot(
  snapshot: WorkbookSnapshot,
  options: ScanOptions = {}
): { report: Report; findings: Finding[] } {
  const read = readForReport(snapshot, options);
  const { head } = read;
  const { findings, diagnostics } = computeFindings(read.records, { fence: head.fence });
  const report = buildReport(head.workbook, head.startDate, head.fence, findings, [
    ...read.diagnostics,
    ...diagnostics,
  ]);
  return { report, findings };
}

/** What a report is made from, its items made as they are asked for. */
export interface ReportSource {
  head: ReportHead;
  /** How many items the report has. */
  count: number;
  /** Hands every item to `emit`, in order, and returns the report's diagnostics. */
  items: (emit: (item: ReportItem) => void) => Diagnostic[];
}

/** The report of what was read, each item projected as it is asked for (eachReportItem). */
export function projectedAsAsked(read: ReadForReport): ReportSource {
  return {
    head: read.head,
    count: read.records.length,
    items: (emit) => eachReportItem(read, emit),
  };
}

/** The report whole, its items made and kept. */
export function wholeReport(source: ReportSource): Report {
  const items: ReportItem[] = [];
  const diagnostics = source.items((item) => items.push(item));
  return { ...source.head, items, diagnostics };
}

/**
 * The report's items one at a time, as `scanSnapshot` makes them: each record projected, its item
 * handed to `each` and let go, so a report of thousands of items is written without holding them
 * (or their projections) all at once. Returns the report's diagnostics, the engine's included.
 */
export function eachReportItem(
  read: ReadForReport,
  each: (item: ReportItem) => void
): Diagnostic[] {
  const all = [...read.diagnostics];
  for (const record of read.records) {
    const { findings, diagnostics } = computeFindings([record], { fence: read.head.fence });
    each(reportItem(findings[0]));
    for (const d of diagnostics) all.push(d);
  }
  return all;
}
