import { Report } from "./report";

/**
 * About this much text is handed to `write` at a time: below V8's large-object size (128 KB), so
 * each piece dies young instead of piling up in the old generation until the next full GC (with
 * 1 MB pieces the 63 MB report of 5,000 items raised the scan's peak by about 15 MB).
 */
const BATCH = 64 << 10;

/**
 * The report file: `JSON.stringify(report, null, 2)` and a newline, handed to `write` in pieces of
 * about 64 KB. The items are serialised a batch at a time, so the whole text never exists at
 * once, and each piece is written as JSON.stringify made it (no joining into a bigger string).
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
    write(`${lead}  ${JSON.stringify(key)}: [`);
    // As many elements per piece as make about BATCH characters, judged from the pieces so far.
    let count = 16;
    for (let i = 0; i < value.length;) {
      const batch = value.slice(i, i + count);
      // Nested twice, the elements come out with the indentation they have inside the report,
      // one after the other with ",\n" between them.
      const text = JSON.stringify([batch], null, 2);
      write(i ? ",\n" : "\n");
      write(text.slice(6, -6));
      i += batch.length;
      count = Math.max(1, Math.min(4096, Math.floor((BATCH * batch.length) / text.length)));
    }
    write("\n  ]");
  }
  write(first ? "}\n" : "\n}\n");
}
