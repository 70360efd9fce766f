export { readWorkbookSnapshot } from "./readSnapshot";
export { WriteStopped, applyWritePlan } from "./applyWritePlan";
export type { ApplyOptions, ApplyResult, WriteMode } from "./applyWritePlan";
export { officeExcelRun, BLOCK_BYTES } from "./run";
export type { ExcelRun } from "./run";
export { removeAnnotations } from "./removeAnnotations";
export type { RemoveResult } from "./removeAnnotations";
export { DEFAULT_STATE, loadWorkbookState, saveWorkbookState } from "./workbookState";
export type { WorkbookState } from "./workbookState";
export { debounce, followEdits, officeExcelRunIn } from "./followEdits";
export type { EditedRange, ExcelRunIn, FollowOptions, Timers } from "./followEdits";
export { ScanCancelled, defaultWriteMode, scanOpenWorkbook } from "./scanOpenWorkbook";
export type {
  OpenScanOptions,
  OpenScanResult,
  ScanProgress,
  WriteModeChoice,
} from "./scanOpenWorkbook";
export { projectHere, projectSnapshot } from "./project";
export type { Projection, ProjectOptions, Projector } from "./project";
export { activeSheetName, selectCells, selectedAddress } from "./selection";
export { loadSetting, saveSetting } from "./settings";
export { readLogTable, writeLogTable } from "./logTable";
export type { LogTableResult } from "./logTable";
export {
  INCIDENTS_KEY,
  loadIncidentStore,
  readSelectionValues,
  saveIncidentStore,
} from "./incidentStore";
export { localToday } from "./today";
