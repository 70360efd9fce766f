import {
  ExcelRun,
  ExcelRunIn,
  Projector,
  activeSheetName,
  followEdits,
  loadSetting,
  loadWorkbookState,
  removeAnnotations,
  saveSetting,
  saveWorkbookState,
  scanOpenWorkbook,
  selectCells,
  selectedAddress,
} from "../excel";
import { Language } from "../report";
import { WorkbookActions } from "./actions";
import { MEMORY_KEY } from "./model/riskWatch";

export interface WorkbookActionsOptions {
  /** Whether the =PAB.* functions run here (live mode is offered only then). */
  customFunctions: boolean;
  lang: Language;
  /** The workbook's name for the report, where the Excel API gives none. */
  name?: string;
  /** Today on the planner's calendar, YYYY-MM-DD, asked at each scan. */
  today: () => string;
  /** Where the scan's projection runs (default: here). */
  project?: Projector;
  /** Called after anything that changed the workbook or its selection. */
  onChange?: () => void;
  /** Quiet time before edits are told (default 1.5 s; tests shorten it). */
  followDelayMs?: number;
}

/**
 * The pane's WorkbookActions over an Excel API: Office.js's in Excel, the strict fake's in the
 * workbench and the component tests. Every call goes through the same src/excel functions.
 */
export function workbookActions(
  run: ExcelRun,
  runIn: ExcelRunIn,
  options: WorkbookActionsOptions
): WorkbookActions {
  const after = <T>(p: Promise<T>) => (options.onChange ? p.finally(options.onChange) : p);
  return {
    loadState: () => loadWorkbookState(run),
    saveState: (state) => saveWorkbookState(run, state),
    scan: (state, request) =>
      after(
        scanOpenWorkbook(run, state, {
          customFunctions: options.customFunctions,
          lang: options.lang,
          name: options.name,
          today: options.today(),
          sheets: request?.sheets,
          onProgress: request?.onProgress,
          signal: request?.signal,
          project: options.project,
        })
      ),
    remove: () => after(removeAnnotations(run)),
    loadMemory: () => loadSetting(run, MEMORY_KEY),
    saveMemory: (memory) => saveSetting(run, MEMORY_KEY, memory),
    select: (addresses) => after(selectCells(run, addresses)),
    selection: () => selectedAddress(run),
    activeSheet: () => activeSheetName(run),
    today: () => options.today(),
    followEdits: (onEdits) => followEdits(run, runIn, onEdits, { delayMs: options.followDelayMs }),
  };
}
