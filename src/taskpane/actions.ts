/* global AbortSignal */
import { EditedRange, OpenScanResult, RemoveResult, ScanProgress, WorkbookState } from "../excel";

export interface ScanRequest {
  /** Only these sheets (default: all visible sheets). */
  sheets?: string[];
  onProgress?: (progress: ScanProgress) => void;
  signal?: AbortSignal;
}

/** What the pane can do to the open workbook; Office.js (or the workbench's fake) behind it, arriving as props. */
export interface WorkbookActions {
  loadState(): Promise<WorkbookState>;
  saveState(state: WorkbookState): Promise<void>;
  scan(state: WorkbookState, request?: ScanRequest): Promise<OpenScanResult>;
  remove(): Promise<RemoveResult>;
  /** The risks of the last scan (first-detected dates, acknowledgements, snoozes), in the workbook's settings. */
  loadMemory(): Promise<unknown>;
  saveMemory(memory: unknown): Promise<void>;
  /** Shows cells in the sheet: activates their sheet and selects them. */
  select(addresses: string[]): Promise<void>;
  /** The address of the planner's selection, with its sheet ("MPS!B5:I5"). */
  selection(): Promise<string>;
  /** The sheet the planner is looking at. */
  activeSheet(): Promise<string>;
  /** Today on the planner's calendar, YYYY-MM-DD. */
  today(): string;
  /**
   * Tells `onEdits` what the planner changed, once they pause typing (never PAB Watch's own writes);
   * resolves to the function that stops it. Absent where edits cannot be followed.
   */
  followEdits?(onEdits: (edits: EditedRange[]) => void): Promise<() => Promise<void>>;
}
