export { readWorkbookSnapshot } from "./readSnapshot";
export { applyWritePlan } from "./applyWritePlan";
export type { ApplyOptions, ApplyResult, WriteMode } from "./applyWritePlan";
export { officeExcelRun, BLOCK_BYTES } from "./run";
export type { ExcelRun } from "./run";
