import { LayoutMapping, WorkbookSnapshot, readPlans } from "../layout";
import { attributeAdapterDiagnostics } from "../layout/adapterDiagnostics";
import { computeFindings } from "./findings";
import { Report, buildReport } from "./report";

export interface ScanOptions {
  startDate?: string | null;
  today?: string | null;
  fence?: number;
  sheets?: string[];
  mapping?: LayoutMapping;
}

/** Snapshot → report: the whole read-and-project job, pure, the same in the CLI and the task pane. */
export function scanSnapshot(
  snapshot: WorkbookSnapshot,
  options: ScanOptions = {}
): { report: Report; findings: ReturnType<typeof computeFindings>["findings"] } {
  const read = readPlans(snapshot, {
    startDate: options.startDate ?? null,
    today: options.today ?? null,
    sheets: options.sheets,
    mapping: options.mapping,
  });
  // What the adapter could not read (an uncalculated formula) is told against the item it concerns.
  const fromAdapter = attributeAdapterDiagnostics(read.records, snapshot.diagnostics ?? []);
  const { findings, diagnostics } = computeFindings(read.records, { fence: options.fence });
  const numbered = read.records.some((r) => r.periodKind === "number");
  const startDate = numbered ? read.startDate : null;
  const report = buildReport(snapshot.name, startDate, options.fence ?? 0, findings, [
    ...fromAdapter,
    ...read.diagnostics,
    ...diagnostics,
  ]);
  return { report, findings };
}
