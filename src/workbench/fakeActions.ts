import {
  ExcelRun,
  Projector,
  ExcelRunIn,
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
import { fakeExcelRun, fakeExcelRunIn } from "../excel/fake/context";
import { FakeWorkbookModel } from "../excel/fake/model";
import { Language } from "../report";
import { WorkbookActions } from "../taskpane/actions";
import { MEMORY_KEY } from "../taskpane/model/riskWatch";

export interface FakeActionsOptions {
  name: string;
  lang: Language;
  today: string;
  project?: Projector;
  /** Called after anything that changed the workbook or its selection. */
  onChange?: () => void;
  /** Quiet time before edits are told (default 1.5 s; tests shorten it). */
  followDelayMs?: number;
}

/** The pane's WorkbookActions over the strict fake of the Excel API: the workbench's, and the component tests'. */
export function fakeWorkbookActions(
  model: FakeWorkbookModel,
  options: FakeActionsOptions
): WorkbookActions {
  const run = fakeExcelRun(model) as unknown as ExcelRun;
  const after = <T>(p: Promise<T>) => p.finally(() => options.onChange?.());
  return {
    loadState: () => loadWorkbookState(run),
    saveState: (s) => saveWorkbookState(run, s),
    scan: (s, request) =>
      after(
        scanOpenWorkbook(run, s, {
          customFunctions: true,
          lang: options.lang,
          name: options.name,
          today: options.today,
          sheets: request?.sheets,
          onProgress: request?.onProgress,
          signal: request?.signal,
          project: options.project,
        })
      ),
    remove: () => after(removeAnnotations(run)),
    loadMemory: () => loadSetting(run, MEMORY_KEY),
    saveMemory: (m) => saveSetting(run, MEMORY_KEY, m),
    select: (addresses) => after(selectCells(run, addresses)),
    selection: () => selectedAddress(run),
    activeSheet: () => activeSheetName(run),
    today: () => options.today,
    followEdits: (onEdits) =>
      followEdits(run, fakeExcelRunIn() as unknown as ExcelRunIn, onEdits, {
        delayMs: options.followDelayMs,
      }),
  };
}
