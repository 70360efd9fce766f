/* global Excel */
/** Excel.run, or the fake's: the adapter receives it, so it runs the same against both. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Office.js's own Excel.run, for the task pane inside Excel. */
export const officeExcelRun: ExcelRun = (batch) => Excel.run(batch);

/** Requests are cut well below Excel on the web's 5 MB cap (the estimate leaves room for its own error). */
export const BLOCK_BYTES = 3 * 1024 * 1024;
