import { cellPos, columnName } from "../layout";
import { Finding } from "../report";
import { cellPabFormula, openingRef } from "./cellFormulas";
import { Context, commit, sheetOf } from "./commit";
import { contentOf } from "./ownership";
import { CellPos, cellAt, formulaRef, placed } from "./refs";
import { CellWrite, RULE_MARKER } from "./writePlan";

/** Consecutive rows as [top, bottom] runs. */
export function rowRuns(rows: number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/**
 * Periods down the rows: the PAB as a column of formulas beside the measure columns, in the
 * planner's own empty balance column when there is one, else in the first free column right of
 * the table. Returns where the PAB went, [] when the planner's balance column holds figures
 * (audited, never overwritten), or null when there is no room (the PAB Watch sheet takes it).
 */
export function annotatePeriodsDown(ctx: Context, f: Finding, otherwise: string): CellPos[] | null {
  const r = f.record;
  const sheetName = r.sheet;
  const sheet = sheetOf(ctx, sheetName);
  const rows = r.periodAt.rows.map((_row, t) => cellAt(r.periodAt, t).row);
  const series = [r.orders, r.forecast, ...r.supply].filter((s): s is NonNullable<typeof s> => !!s);
  // The measure labels sit in the table's header row, above the first period.
  const headerRow = series[0] ? placed(series[0].labelPos).row : cellAt(r.periodAt, 0).row - 1;
  const free = (row: number, column: number) =>
    contentOf(sheet, row, column) === "" || ctx.ownership.owns(sheetName, row, column);

  let column: number;
  let label: string | null = null;
  const own = r.plannerPab;
  if (own) {
    const cells = own.row.at.rows.map((_row, t) => cellAt(own.row.at, t));
    if (!cells.every((p) => free(p.row, p.column))) return [];
    column = cells[0].column;
    // Our own column from an earlier run: its header is ours to write again.
    const at = placed(own.row.labelPos);
    if (ctx.ownership.owns(sheetName, at.row, at.column)) label = ctx.label;
  } else {
    const used = [cellAt(r.periodAt, 0).column, ...series.map((s) => placed(s.labelPos).column)];
    column = Math.max(...used) + 1;
    const fits = (c: number) => free(headerRow, c) && rows.every((row) => free(row, c));
    while (!fits(column) && column < Math.max(...used) + 30) column++;
    if (!fits(column) || column > 16383) return null;
    label = ctx.label;
  }

  const pab: CellPos[] = rows.map((row) => ({ sheet: sheetName, row, column }));
  const writes: CellWrite[] = pab.map((p, t) => ({
    ...p,
    formula: cellPabFormula(
      r,
      t,
      t === 0 ? openingRef(r, sheetName) : formulaRef(pab[t - 1], sheetName),
      sheetName,
      ctx.fence
    ),
    cached: f.plan.pab[t],
  }));
  if (label !== null) writes.unshift({ sheet: sheetName, row: headerRow, column, text: label });
  if (!commit(ctx, r.item, writes, `${r.item}'s PAB`, otherwise)) return null;

  const col = columnName;
  const runs = rowRuns(rows);
  for (const [top, bottom] of runs) {
    ctx.rules.add(
      sheetName,
      "short",
      (ar, ac) => `AND(${RULE_MARKER},${col(ac)}${ar + 1}<0)`,
      top,
      column,
      bottom,
      column
    );
    if (r.safetyStock && r.safetyStock.value > 0) {
      const ss = formulaRef(cellPos(r.safetyStock.cell), sheetName, "both");
      ctx.rules.add(
        sheetName,
        "low",
        (ar, ac) => `AND(${RULE_MARKER},${col(ac)}${ar + 1}>=0,${col(ac)}${ar + 1}<${ss})`,
        top,
        column,
        bottom,
        column
      );
    }
  }
  const supplyColumns = r.supply.map((s) => cellAt(s.at, 0).column);
  for (const sc of supplyColumns) {
    const at = (ar: number, ac: number, c: number) => `${col(ac + c - sc)}${ar + 1}`;
    const total = (ar: number, ac: number) => supplyColumns.map((c) => at(ar, ac, c)).join("+");
    for (const [top, bottom] of runs) {
      ctx.rules.add(
        sheetName,
        "receipt",
        (ar, ac) =>
          `AND(${RULE_MARKER},${at(ar, ac, sc)}>0,${at(ar, ac, column)}>=0,${at(ar, ac, column)}-(${total(ar, ac)})<0)`,
        top,
        sc,
        bottom,
        sc
      );
    }
  }
  return pab;
}
