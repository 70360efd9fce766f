/* global Excel */
/** Excel.run, or the fake's: the adapter receives it, so it runs the same against both. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Office.js's own Excel.run, for the task pane inside Excel. */
export const officeExcelRun: ExcelRun = (batch) => Excel.run(batch);

/**
 * Requests are cut well below Excel on the web's 5 MB cap: blocks are sized by `requestCost` and
 * every request at 5,000 items × 52 periods is held under 4 MB of real bytes by a test.
 */
export const BLOCK_BYTES = 3 * 1024 * 1024;

/** Responses too (values read back): blocks of rows are sized to this many bytes. */
export const RESPONSE_BYTES = 3 * 1024 * 1024;

/** UTF-8 bytes of a string (CJK text is 3 bytes a character). */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7ff) n += c >= 0xd800 && c < 0xdc00 ? 1 : 2;
    else if (c > 0x7f) n += 1;
  }
  return n;
}

/**
 * What a range write costs in the request Office.js sends, as measured with its own request builder
 * (`@microsoft/office-js`): about 124 B of object path per range object (sent with each action that
 * uses it), about 170 B per action or property set, plus the data as JSON.
 */
export function requestCost(actions: number, data: unknown, extra = 0): number {
  return 250 + 170 * actions + utf8Length(JSON.stringify(data)) + extra;
}
