/* eslint-disable no-control-regex -- escaping control characters is what this file is for */
/**
 * Text from cells on its way to a terminal: control characters (which can move the cursor,
 * clear the screen or set the title) and bidi controls (which can reorder what is shown) are
 * printed as visible escapes, \u202e. Line breaks stay when the text is a whole page.
 */
export function terminalText(text: string, keepLineBreaks = false): string {
  const unsafe = new RegExp(
    "[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]|\\n|\\t",
    "g"
  );
  return text.replace(unsafe, (ch) => {
    if (ch === "\n" && keepLineBreaks) return ch;
    if (ch === "\t" && keepLineBreaks) return ch;
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

/** JSON for a terminal: still valid JSON, with bidi controls written as \u escapes. */
export function terminalJson(json: string): string {
  return json.replace(
    /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u0080-\u009f]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
