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
  | "row-not-understood"
  | "item-from-sheet-name";
