import { Report } from "./report";

const BATCH = 1 << 20;

/**
 * The report file: `JSON.stringify(report, null, 2)` and a newline, handed to `write` in pieces of
 * about a megabyte. Each item is serialised on its own, so the whole text never exists at once.
 */
export function writeReportJson(report: Report, write: (text: string) => void): void {
  let pending = "";
  const put = (text: string) => {
    pending += text;
    if (pending.length >= BATCH) {
      write(pending);
      pending = "";
    }
  };
  put("{");
  let first = true;
  for (const [key, value] of Object.entries(report)) {
    if (value === undefined || typeof value === "function") continue;
    put(first ? "\n" : ",\n");
    first = false;
    if (!Array.isArray(value) || value.length === 0) {
      // `  "key": value`, indented as inside the report
      put(JSON.stringify({ [key]: value }, null, 2).slice(2, -2));
      continue;
    }
    put(`  ${JSON.stringify(key)}: [`);
    value.forEach((element, i) => {
      // Nested twice, an element comes out with the indentation it has inside the report.
      put((i ? ",\n" : "\n") + JSON.stringify([[element]], null, 2).slice(6, -6));
    });
    put("\n  ]");
  }
  put(first ? "}\n" : "\n}\n");
  write(pending);
}
