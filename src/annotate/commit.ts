import { Diagnostic, SheetSnapshot, WorkbookSnapshot } from "../layout";
import { Finding } from "../report";
import { Ownership, addIntended, contentOf } from "./ownership";
import { Fingerprint, formulaRef, rangeA1 } from "./refs";
import { RuleSet } from "./rules";
import { CellWrite, OWNED_NAME_PREFIX, OwnedRecord } from "./writePlan";

/** What one WritePlan is being built from and into. */
export interface Context {
  workbook: WorkbookSnapshot;
  ownership: Ownership;
  writes: CellWrite[];
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

/** Commits a group of writes when every target is free; otherwise names the first cell in the way. */
export function commit(
  ctx: Context,
  item: string,
  writes: CellWrite[],
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
  parts: CellWrite[][],
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
  writes: CellWrite[],
  what: string,
  otherwise?: string
): boolean {
  for (const w of writes) {
    const sheet = sheetOf(ctx, w.sheet);
    if (!ctx.ownership.free(sheet, w)) {
      const ref = `${formulaRef({ sheet: w.sheet, row: w.row, column: w.column }, "")}`;
      const now = contentOf(sheet, w.row, w.column);
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

function record(ctx: Context, writes: CellWrite[]): void {
  // A loop, not push(...writes): JavaScriptCore (Excel on Mac) caps a call at 65,536 arguments.
  for (const w of writes) ctx.writes.push(w);
  const bySheet = new Map<string, Map<number, CellWrite>>();
  for (const w of writes) {
    let m = bySheet.get(w.sheet);
    if (!m) bySheet.set(w.sheet, (m = new Map()));
    m.set(w.row * COLUMNS + w.column, w);
  }
  for (const [sheet, cells] of bySheet) {
    const areas = compactAreas([...cells.values()].map((w) => [w.row, w.column]));
    // The hash goes over the areas' cells in the order cellsOfRanges gives them.
    const hash = new Fingerprint();
    for (const a of areas)
      for (let row = a.top; row <= a.bottom; row++)
        for (let c = a.left; c <= a.right; c++)
          addIntended(hash, cells.get(row * COLUMNS + c) as CellWrite);
    ctx.owned.push({
      name: `${OWNED_NAME_PREFIX}${ctx.owned.length + 1}`,
      sheet,
      ranges: areas.map((x) => rangeA1(x.top, x.left, x.bottom, x.right)),
      hash: hash.hex(),
    });
  }
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
  const runs: { top: number; bottom: number; left: number; right: number }[] = [];
  const open = new Map<string, { top: number; bottom: number; left: number; right: number }>();
  for (const [row, cols] of [...byRow].sort((a, b) => a[0] - b[0])) {
    cols.sort((a, b) => a - b);
    let start = cols[0];
    for (let i = 1; i <= cols.length; i++) {
      if (i < cols.length && cols[i] === cols[i - 1] + 1) continue;
      const run = { top: row, bottom: row, left: start, right: cols[i - 1] };
      const key = `${run.left},${run.right}`;
      const above = open.get(key);
      if (above && above.bottom === row - 1) above.bottom = row;
      else {
        runs.push(run);
        open.set(key, run);
      }
      start = cols[i];
    }
  }
  return runs;
}
