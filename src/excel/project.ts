import { WritePlan, buildWritePlan } from "../annotate";
import { PlanRecord, WorkbookSnapshot } from "../layout";
import { Language, Report, scanSnapshot } from "../report";
import { WorkbookState } from "./workbookState";

export interface ProjectOptions {
  state: WorkbookState;
  live: boolean;
  lang: Language;
  today: string | null;
  /** Only these sheets (default: every visible sheet). */
  sheets?: string[];
}

export interface Projection {
  report: Report;
  /** The plan records the report's items came from (same order): the cells behind every figure. */
  records: PlanRecord[];
  plan: WritePlan;
}

/**
 * Snapshot → report and WritePlan: the pure middle of a scan (read, project, annotate). Plain data
 * in and out, so it can run off the pane's thread (a worker) as well as on it.
 */
export function projectSnapshot(snapshot: WorkbookSnapshot, options: ProjectOptions): Projection {
  const { state } = options;
  const { report, findings } = scanSnapshot(snapshot, {
    startDate: state.startDate,
    today: options.today,
    fence: state.fence,
    mapping: state.mapping ?? undefined,
    sheets: options.sheets,
  });
  const plan = buildWritePlan(snapshot, findings, {
    fence: state.fence,
    lang: options.lang,
    live: options.live,
    sideSheet: state.writeMode === "side-sheet",
  });
  report.items.forEach((item, i) => (item.pabCells = plan.pabCells[i]));
  // No spread: a large workbook has more diagnostics than a call may take arguments.
  for (const d of plan.diagnostics) report.diagnostics.push(d);
  return { report, records: findings.map((f) => f.record), plan };
}

/** Runs projectSnapshot somewhere (here, or in a worker). */
export type Projector = (
  snapshot: WorkbookSnapshot,
  options: ProjectOptions
) => Promise<Projection>;

export const projectHere: Projector = async (snapshot, options) =>
  projectSnapshot(snapshot, options);
