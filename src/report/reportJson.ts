import { Report } from "./report";

/**
 * About this much text is handed to `write` at a time: below V8's large-object size (128 KB), so
 * each piece dies young instead of piling up in the old generation until the next full GC.
 */
const BATCH = 64 << 10;

/**
 * The report file, handed to `write` in pieces of about 64 KB: the top level indented as
 * `JSON.stringify(report, null, 2)` would, and each element of a list (an item, a diagnostic) as
 * one compact line, so `grep FG-1001 report.json` shows that item's line and the file is a third
 * of the size it is with every figure on a line of its own (63 MB → 23 MB for 5,000 items × 52
 * weeks). The items are serialised one at a time, so the whole text never exists at once.
 */
export function writeReportJson(report: Report, write: (text: string) => void): void {
  write("{");
  let first = true;
  for (const [key, value] of Object.entries(report)) {
    if (value === undefined || typeof value === "function") continue;
    const lead = first ? "\n" : ",\n";
    first = false;
    if (!Array.isArray(value) || value.length === 0) {
      // `  "key": value`, indented as inside the report
      write(lead + JSON.stringify({ [key]: value }, null, 2).slice(2, -2));
      continue;
    }
    let piece = `${lead}  ${JSON.stringify(key)}: [\n    `;
    for (let i = 0; i < value.length; i++) {
      // An element JSON cannot show (undefined, a function) is null, as in JSON.stringify.
      piece += (i ? ",\n    " : "") + (JSON.stringify(value[i]) ?? "null");
      if (piece.length >= BATCH) {
        write(piece);
        piece = "";
      }
    }
    write(`${piece}\n  ]`);
  }
  write(first ? "}\n" : "\n}\n");
}
