import { OpenScanResult, RemoveResult, WorkbookState } from "../excel";

/** What the pane can do to the open workbook; Office.js (or the workbench's fake) behind it, arriving as props. */
export interface WorkbookActions {
  loadState(): Promise<WorkbookState>;
  saveState(state: WorkbookState): Promise<void>;
  scan(state: WorkbookState): Promise<OpenScanResult>;
  remove(): Promise<RemoveResult>;
}
