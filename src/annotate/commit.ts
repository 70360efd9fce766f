import { Diagnostic, SheetSnapshot, WorkbookSnapshot } from "../layout";
import { Finding } from "../report";
import { Ownership, addIntended, addIntendedRun, contentOf } from "./ownership";
import { expandCells, runFormula } from "./pabRun";
import { Fingerprint, formulaRef, rangeA1 } from "./refs";
import { RuleSet } from "./rules";
import {
  CellWrite,
  OWNED_NAME_PREFIX,
  OwnedRecord,
  PabRun,
  PlannedCell,
  isPabRun,
  widthOf,
} from "./writePlan";

/** What one WritePlan is being built from and into. */
export interface Context {
  workbook: WorkbookSnapshot;
  ownership: Ownership;
  /** The plan's cells so far, in write order. */
  writes: PlannedCell[];
  owned: OwnedRecord[];
  rules: RuleSet;
  diagnostics: Diagnostic[];
  fence: number;
  label: string;
  live: boolean;
  /** Items whose sheet has no free row for the PAB: it goes on the PAB Watch sheet instead. */
  fallback: Finding[];
}

export function sheetOf(ctx: Context, name: string): SheetSnapshot {
  const s = ctx.workbook.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`sheet ${name} is not in the snapshot`);
  return s;
}

/** The first cell of an entry that holds something else (not empty, not ours, not this), or -1: its column. */
function blockedColumn(ctx: Context, sheet: SheetSnapshot, w: PlannedCell): number {
  if (!isPabRun(w)) return ctx.ownership.free(sheet, w) ? -1 : w.column;
  for (let t = 0; t < w.cached.length; t++) {
    const column = w.column + t;
    const now = contentOf(sheet, w.row, column);
    if (now === "" || ctx.ownership.owns(sheet.name, w.row, column)) continue;
    if (now !== `=${runFormula(w, t)}`) return column;
  }
  return -1;
}

/** Commits a group of writes when every target is free; otherwise names the first cell in the way. */
export function commit(
  ctx: Context,
  item: string,
  writes: PlannedCell[],
  what: string,
  otherwise?: string
): boolean {
  return commitParts(ctx, item, [writes], what, otherwise);
}

/**
 * Commits parts that go together (all or none, as commit does), each part recorded by a name of its
 * own: a large area can then be written over several round trips, each part with its name.
 */
export function commitParts(
  ctx: Context,
  item: string,
  parts: PlannedCell[][],
  what: string,
  otherwise?: string
): boolean {
  for (const writes of parts) if (!allFree(ctx, item, writes, what, otherwise)) return false;
  for (const writes of parts) record(ctx, writes);
  return true;
}

function allFree(
  ctx: Context,
  item: string,
  writes: PlannedCell[],
  what: string,
  otherwise?: string
): boolean {
  for (const w of writes) {
    const sheet = sheetOf(ctx, w.sheet);
    const blocked = blockedColumn(ctx, sheet, w);
    if (blocked >= 0) {
      const ref = `${formulaRef({ sheet: w.sheet, row: w.row, column: blocked }, "")}`;
      const now = contentOf(sheet, w.row, blocked);
      ctx.diagnostics.push({
        severity: "warning",
        code: "cell-in-the-way",
        cell: ref,
        item,
        message: `${ref} holds "${now}", which PAB Watch did not write; ${otherwise ?? `${what} is not written`}, and nothing of yours is changed`,
      });
      return false;
    }
  }
  return true;
}

function record(ctx: Context, writes: PlannedCell[]): void {
  // A loop, not push(...writes): JavaScriptCore (Excel on Mac) caps a call at 65,536 arguments.
  for (const w of writes) ctx.writes.push(w);
  const bySheet = new Map<string, PlannedCell[]>();
  for (const w of writes) {
    const list = bySheet.get(w.sheet);
    if (list) list.push(w);
    else bySheet.set(w.sheet, [w]);
  }
  for (const [sheet, list] of bySheet) {
    const rows = rowsOf(list);
    const areas = stackRuns(
      [...rows].map(([row, spans]) => [
        row,
        spans.map((w) => [w.column, w.column + widthOf(w) - 1]),
      ])
    );
    // The hash goes over the areas' cells in the order cellsOfRanges gives them.
    const hash = new Fingerprint();
    const forms = new Map<PabRun, string[]>();
    for (const a of areas)
      for (let row = a.top; row <= a.bottom; row++) {
        // The row's entries in column order, each for its part of the area's columns.
        for (const w of rows.get(row) as PlannedCell[]) {
          const from = Math.max(a.left, w.column);
          const to = Math.min(a.right, w.column + widthOf(w) - 1);
          if (from > to) continue;
          if (!isPabRun(w)) {
            addIntended(hash, w);
            continue;
          }
          let known = forms.get(w);
          if (!known) forms.set(w, (known = []));
          for (let c = from; c <= to; c++) addIntendedRun(hash, w, c - w.column, known);
        }
      }
    ctx.owned.push({
      name: `${OWNED_NAME_PREFIX}${ctx.owned.length + 1}`,
      sheet,
      ranges: areas.map((x) => rangeA1(x.top, x.left, x.bottom, x.right)),
      hash: hash.hex(),
    });
  }
}

/**
 * One sheet's entries by row, rows in order and each row's entries in column order, no two on one
 * cell (where two are, the later one counts, each cell then an entry of its own).
 */
function rowsOf(list: PlannedCell[]): Map<number, PlannedCell[]> {
  const sorted = list.slice().sort((a, b) => a.row - b.row || a.column - b.column);
  const overlap = sorted.some(
    (w, i) =>
      i > 0 &&
      sorted[i - 1].row === w.row &&
      w.column < sorted[i - 1].column + widthOf(sorted[i - 1])
  );
  if (overlap) {
    const cells = new Map<number, CellWrite>();
    for (const w of expandCells(list)) cells.set(w.row * COLUMNS + w.column, w);
    return rowsOf([...cells.values()]);
  }
  const rows = new Map<number, PlannedCell[]>();
  for (const w of sorted) {
    const spans = rows.get(w.row);
    if (spans) spans.push(w);
    else rows.set(w.row, [w]);
  }
  return rows;
}

/** Columns a sheet may have: row * COLUMNS + column keys a cell. */
const COLUMNS = 16384;

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Cells → few A1 ranges: runs along a row, then identical runs in consecutive rows stacked. */
export function compactRanges(cells: [number, number][]): string[] {
  return compactAreas(cells).map((x) => rangeA1(x.top, x.left, x.bottom, x.right));
}

function compactAreas(cells: [number, number][]): Area[] {
  const byRow = new Map<number, number[]>();
  for (const [r, c] of cells) {
    const list = byRow.get(r);
    if (list) list.push(c);
    else byRow.set(r, [c]);
  }
  const rows: [number, [number, number][]][] = [];
  for (const [row, cols] of byRow) {
    cols.sort((a, b) => a - b);
    rows.push([row, cols.map((c) => [c, c])]);
  }
  return stackRuns(rows);
}

/** Spans [left, right] per row (in column order, none overlapping) → areas: adjacent spans joined along a row, identical runs in consecutive rows stacked. */
function stackRuns(rows: [number, [number, number][]][]): Area[] {
  const runs: Area[] = [];
  const open = new Map<string, Area>();
  for (const [row, spans] of rows.slice().sort((a, b) => a[0] - b[0])) {
    let [left, right] = spans[0];
    for (let i = 1; i <= spans.length; i++) {
      if (i < spans.length && spans[i][0] === right + 1) {
        right = spans[i][1];
        continue;
      }
      const run = { top: row, bottom: row, left, right };
      const key = `${left},${right}`;
      const above = open.get(key);
      if (above && above.bottom === row - 1) above.bottom = row;
      else {
        runs.push(run);
        open.set(key, run);
      }
      if (i < spans.length) [left, right] = spans[i];
    }
  }
  return runs;
}
