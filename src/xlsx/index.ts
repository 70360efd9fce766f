export { readXlsxSnapshot, snapshotOfPackage } from "./readSnapshot";
export type { SnapshotOptions } from "./readSnapshot";
export { XlsxPackage, UnreadableWorkbookError } from "./xlsxPackage";
export { applyWritePlanToPackage } from "./write/applyWritePlan";
export { applyCellEditsToPackage } from "./write/cellEdits";
export { applyLogToPackage, readLogRecords, LOG_TABLE_NAME } from "./write/logTable";
export type { LogWriteResult } from "./write/logTable";
export { MalformedXmlError } from "./xml";
