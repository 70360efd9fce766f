import { Diagnostic } from "../layout";
import type { PabPlace } from "./refs";

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

/**
 * The PAB of one aligned record (grid, pivot, or on the PAB Watch sheet) along one row: cells
 * `column` … `column + cached.length - 1`, one formula per period. The formulas are made where they
 * are written (`runFormula`), so a plan of 5,000 items holds no 260,000 formula strings.
 */
export interface PabRun {
  sheet: string;
  row: number;
  /** The first period's column; period t is in column + t. */
  column: number;
  /** What each period's formula gives now, stored so viewers that do not recalculate still show it. */
  cached: ArrayLike<number>;
  /** Where the planner's cells are: sheet prefix for the formula (`'MPS'!`, or "" on their own sheet) and their first period's column. */
  prefix: string;
  plannerColumn: number;
  /** 0-based rows of the planner's series (orders, forecast, every supply row). */
  orders: number | null;
  forecast: number | null;
  supply: number[];
  /** The opening and past due as written in period 1's formula (`$B$2`, `'MPS'!$B$2`); "0" without opening. */
  opening: string;
  pastDue: string | null;
  /** From this period on, demand is MAX(forecast, orders). */
  fence: number;
}

/** One entry of a plan's cells in write order: a single cell or a run of PAB formulas. */
export type PlannedCell = CellWrite | PabRun;

export function isPabRun(c: PlannedCell): c is PabRun {
  return (c as PabRun).plannerColumn !== undefined;
}

/** How many cells an entry covers along its row. */
export function widthOf(c: PlannedCell): number {
  return isPabRun(c) ? c.cached.length : 1;
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
  /**
   * Every cell, one entry each, in write order: the Office.js adapter's form. Expanded from `cells`
   * when first read (the .xlsx writer never reads it).
   */
  readonly writes: CellWrite[];
  /** The same cells, compactly, in the same order: the .xlsx writer's form. */
  cells: PlannedCell[];
  rules: ConditionalRule[];
  owned: OwnedRecord[];
  summary: SummarySheet;
  /**
   * Per finding (same order), the cells holding its PAB as references (`MPS!B7`), in period order;
   * empty when none were written. Made from `pabPlaces` when first read: the command line makes
   * each item's as it writes the item, not 260,000 strings for 5,000 items kept to the end.
   */
  readonly pabCells: string[][];
  /** The same places, compactly (one row span for most items). */
  pabPlaces: PabPlace[];
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
