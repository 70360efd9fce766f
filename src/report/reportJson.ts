import { Diagnostic } from "../layout";
import { Report, ReportHead, ReportItem } from "./report";

/**
 * About this much text is handed to `write` at a time: below V8's large-object size (128 KB), so
 * each piece dies young instead of piling up in the old generation until the next full GC.
 */
const BATCH = 64 << 10;

/**
 * The report file, handed to `write` in pieces of about 64 KB: the top level indented as
 * `JSON.stringify(report, null, 2)` would, and each element of a list (an item, a diagnostic) as
 * one compact line, so `grep FG-1001 report.json` shows that item's line and the file is a third
 * of the size it is with every figure on a line of its own (63 MB → 22 MB for 5,000 items × 52
 * weeks).
 */
export function writeReportJson(report: Report, write: (text: string) => void): void {
  // A report made whole (the command line makes its items as it writes them, below).
  const { items, diagnostics, ...head } = report;
  writeReportJsonAsMade(
    head,
    (emit) => {
      for (const item of items) emit(item);
      return diagnostics;
    },
    write
  );
}

/**
 * The same file, its items written as `makeItems` makes them (it hands each to `emit` and returns
 * the diagnostics, which follow the items in the file): the command line's report never holds
 * all its items at once.
 */
export function writeReportJsonAsMade(
  head: ReportHead,
  makeItems: (emit: (item: ReportItem) => void) => Diagnostic[],
  write: (text: string) => void
): void {
  write("{");
  for (const [key, value] of Object.entries(head)) {
    if (value === undefined) continue;
    // `  "key": value`, indented as inside the report
    write(`\n  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  }
  const items = new ListWriter("items", write);
  const diagnostics = makeItems((item) => items.add(item));
  items.end(",");
  const list = new ListWriter("diagnostics", write);
  for (const d of diagnostics) list.add(d);
  list.end("");
  write("\n}\n");
}

/** `  "key": [` and its elements, one per line: `    {…},`; an empty list is `  "key": []`. */
class ListWriter {
  private piece: string;
  private count = 0;

  constructor(
    key: string,
    private readonly write: (text: string) => void
  ) {
    this.piece = `\n  ${JSON.stringify(key)}: [`;
  }

  add(element: unknown): void {
    // An element JSON cannot show (undefined, a function) is null, as in JSON.stringify.
    this.piece += `${this.count++ ? "," : ""}\n    ${JSON.stringify(element) ?? "null"}`;
    if (this.piece.length >= BATCH) {
      this.write(this.piece);
      this.piece = "";
    }
  }

  end(after: string): void {
    this.write(`${this.piece}${this.count ? "\n  " : ""}]${after}`);
  }
}
