import { buildWritePlan } from "../annotate";
import { Language, Report, scanSnapshot } from "../report";
import { applyWritePlan } from "./applyWritePlan";
import { readWorkbookSnapshot } from "./readSnapshot";
import { ExcelRun } from "./run";
import { WorkbookState } from "./workbookState";

export type WriteModeChoice = "live" | "portable" | "side-sheet" | "values";

/** With nothing stored: live where the add-in's functions run (per item where the layout allows), else portable. */
export function defaultWriteMode(customFunctions: boolean): WriteModeChoice {
  return customFunctions ? "live" : "portable";
}

export interface OpenScanResult {
  report: Report;
  mode: WriteModeChoice;
  syncs: number;
}

/** The pane's "Scan sheet": read, project, annotate in the chosen (or default) mode, report. */
export async function scanOpenWorkbook(
  run: ExcelRun,
  state: WorkbookState,
  options: { customFunctions: boolean; lang: Language; today?: string; name?: string }
): Promise<OpenScanResult> {
  const mode = state.writeMode ?? defaultWriteMode(options.customFunctions);
  const snapshot = await readWorkbookSnapshot(run, options.name ?? "workbook");
  const { report, findings } = scanSnapshot(snapshot, {
    startDate: state.startDate,
    today: options.today ?? null,
    fence: state.fence,
    mapping: state.mapping ?? undefined,
  });
  const plan = buildWritePlan(snapshot, findings, {
    fence: state.fence,
    lang: options.lang,
    live: mode === "live",
    sideSheet: mode === "side-sheet",
  });
  report.items.forEach((item, i) => (item.pabCells = plan.pabCells[i]));
  for (const d of plan.diagnostics) report.diagnostics.push(d);
  const applied = await applyWritePlan(run, plan, {
    snapshot,
    mode: mode === "values" ? "values" : "portable",
  });
  return { report, mode, syncs: applied.syncs };
}
