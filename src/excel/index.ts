export { readWorkbookSnapshot } from "./readSnapshot";
export { applyWritePlan } from "./applyWritePlan";
export type { ApplyOptions, ApplyResult, WriteMode } from "./applyWritePlan";
export { officeExcelRun, BLOCK_BYTES } from "./run";
export type { ExcelRun } from "./run";
export { removeAnnotations } from "./removeAnnotations";
export type { RemoveResult } from "./removeAnnotations";
export { DEFAULT_STATE, loadWorkbookState, saveWorkbookState } from "./workbookState";
export type { WorkbookState } from "./workbookState";
