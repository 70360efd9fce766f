export type Severity = "error" | "warning" | "info";

/** One finding about the sheet, naming the cell; codes are stable, messages are for planners. */
export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  cell: string | null;
  item: string | null;
  message: string;
}

export type DiagnosticCode =
  | "not-a-number"
  | "ambiguous-number"
  | "error-value"
  | "negative-quantity"
  | "negative-opening"
  | "no-opening-balance"
  | "ambiguous-row"
  | "duplicate-item"
  | "merged-cell"
  | "hidden-row"
  | "hidden-column"
  | "bad-period"
  | "period-gap"
  | "stale-start"
  | "no-plan-found"
  | "pab-differs"
  | "mapping-invalid"
  | "item-missing"
  | "cell-in-the-way"
  | "not-on-side-sheet"
  /** A row (or table column) of figures in a plan whose label names no role: not used, item flagged. */
  | "row-not-understood"
  /** A derived row (net requirements, planned order releases, Total): read and not used. */
  | "derived-row"
  /** Months without a year: where the year came from, or that they stay undated. */
  | "month-year"
  /** A plan with no item name, the only one on its sheet: named after the sheet. */
  | "item-from-sheet"
  /** A formula the file carries without a saved value that could not be calculated. */
  | "formula-not-evaluated"
  /** Formulas without a saved value that were calculated (one line per sheet). */
  | "formula-evaluated"
  /** How a CSV export was read: its encoding and separator. */
  | "csv-read";
