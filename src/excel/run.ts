/* global Excel */
/** Excel.run, or the fake's: the adapter receives it, so it runs the same against both. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Office.js's own Excel.run, for the task pane inside Excel. */
export const officeExcelRun: ExcelRun = (batch) => Excel.run(batch);

/**
 * Requests are cut well below Excel on the web's 5 MB cap: blocks are filled to this many bytes as
 * `requestCost` estimates them, which is never less than what Office.js sends (a test holds the
 * estimate against Office.js's own request builder), so every request stays under 4 MB.
 */
export const BLOCK_BYTES = 3.6 * 1024 * 1024;

/** Responses too (values read back): blocks of rows are sized to this many bytes. */
export const RESPONSE_BYTES = 3.5 * 1024 * 1024;

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
 * Bytes of a new object in a request, beside its arguments, as Office.js's own request builder
 * (`@microsoft/office-js`) serializes it: its object path and the action that instantiates it,
 * with ids of the size a long batch reaches.
 */
export const OBJECT_BYTES = 215;
/** Bytes of one action on an object (a property set or a method call), beside its data. */
export const ACTION_BYTES = 115;

/** What `objects` new objects and `actions` actions carrying `data` (JSON) cost in a request. */
export function requestCost(objects: number, actions: number, data?: unknown): number {
  return (
    OBJECT_BYTES * objects +
    ACTION_BYTES * actions +
    (data === undefined ? 0 : utf8Length(JSON.stringify(data)))
  );
}
