export { computeFindings } from "./findings";
export type { Finding, FindingOptions } from "./findings";
export { buildReport, reportItem } from "./report";
export { factsForNotice } from "./noticeFacts";
export type { Report, ReportItem, PeriodRef } from "./report";
export { scanSnapshot } from "./scan";
export type { ScanOptions } from "./scan";
export { STATUS_WORDS } from "./statusWords";
export type { Language } from "./statusWords";
