import { Diagnostic } from "../layout";

/** One cell PAB Watch writes: a formula (with its cached value) or inert text. */
export interface CellWrite {
  sheet: string;
  row: number;
  column: number;
  /** A formula without the leading "=". */
  formula?: string;
  /** The value the formula gives now, stored so viewers that do not recalculate still show it. */
  cached?: number;
  /** Text, written so it can never turn into a formula. */
  text?: string;
  /** A plain number (what a person typed, say), no formula. */
  value?: number;
}

export type RuleKind = "short" | "low" | "receipt";

/** One conditional-format rule: one formula (relative to the first range's top-left cell) over all its ranges. */
export interface ConditionalRule {
  sheet: string;
  kind: RuleKind;
  formula: string;
  ranges: string[];
}

/** What one hidden defined name records: the areas written and a hash of what was written there. */
export interface OwnedRecord {
  name: string;
  sheet: string;
  ranges: string[];
  hash: string;
}

export type SummaryCell = string | number | null;

export interface SummarySheet {
  name: string;
  title: string;
  legend: string;
  header: string[];
  rows: SummaryCell[][];
  /** Column widths in characters. */
  widths: number[];
}

/** Findings → everything the adapters write; the same plan for the .xlsx file and the open workbook. */
export interface WritePlan {
  writes: CellWrite[];
  rules: ConditionalRule[];
  owned: OwnedRecord[];
  summary: SummarySheet;
  /** Per finding (same order), the cells holding its PAB, in period order; empty when none were written. */
  pabCells: string[][];
  diagnostics: Diagnostic[];
}

/** The inert term every rule of ours carries, so it can be found and replaced: N("PABW") is 0. */
export const RULE_MARKER = 'N("PABW")=0';
/** Prefix of our hidden defined names. */
export const OWNED_NAME_PREFIX = "_PABWatch.";

/** How each rule shows, in both adapters: colours as RRGGBB, and a number format that adds a symbol so the status reads without colour. */
export const RULE_STYLES: Readonly<
  Record<
    RuleKind,
    { fill?: string; font: string; bold: boolean; border?: string; numberFormat: string }
  >
> = {
  short: { fill: "FFC7CE", font: "9C0006", bold: true, numberFormat: '#,##0" ▼";-#,##0" ▼"' },
  low: { fill: "FFEB9C", font: "9C5700", bold: false, numberFormat: '#,##0" ▽";-#,##0" ▽"' },
  receipt: { font: "C05000", bold: true, border: "FF8C00", numberFormat: '#,##0" ◆";-#,##0" ◆"' },
};
