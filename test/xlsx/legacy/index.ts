export { readXlsxSnapshot, snapshotOfPackage } from "./readSnapshot";
export type { SnapshotOptions } from "./readSnapshot";
export { XlsxPackage, UnreadableWorkbookError } from "./xlsxPackage";
export { applyWritePlanToPackage } from "./write/applyWritePlan";
