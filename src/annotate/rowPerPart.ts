import { SUMMARY_SHEET, SheetSnapshot, cellOf, cellPos, columnName, parseRange } from "../layout";
import { Finding } from "../report";
import { cellPabFormula, openingRef } from "./cellFormulas";
import { Context, commit, sheetOf } from "./commit";
import { contentOf } from "./ownership";
import { rowRuns } from "./periodsDown";
import { CellPos, cellAt, placed } from "./refs";
import { CellWrite, RULE_MARKER } from "./writePlan";

/** The last non-empty column of a row (absolute) that `skip` does not pass over, or -1. */
function lastUsedColumn(
  sheet: SheetSnapshot,
  row: number,
  skip: (column: number) => boolean = () => false
): number {
  const values = sheet.values[row - sheet.top];
  if (!values) return -1;
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v !== "" && v !== null && v !== undefined && !skip(sheet.left + i)) return sheet.left + i;
  }
  return -1;
}

/** Cells of a sheet that a name of ours records (whatever they hold now), by row. */
function recordedByRow(ctx: Context, sheetName: string): Map<number, [number, number][]> {
  const byRow = new Map<number, [number, number][]>();
  for (const area of ctx.workbook.owned ?? []) {
    if (area.sheet !== sheetName) continue;
    for (const ref of area.ranges) {
      const r = parseRange(ref);
      for (let row = r.top; row <= r.bottom; row++) {
        const list = byRow.get(row);
        if (list) list.push([r.left, r.right]);
        else byRow.set(row, [[r.left, r.right]]);
      }
    }
  }
  return byRow;
}

/** Runs of periods whose columns step by one together: [first t, last t]. */
function columnSpans(columnsPerT: number[][]): [number, number][] {
  const spans: [number, number][] = [];
  columnsPerT.forEach((cols, t) => {
    const last = spans[spans.length - 1];
    const prev = last ? columnsPerT[t - 1] : null;
    if (last && prev && cols.every((c, k) => c >= 0 && c === prev[k] + 1)) last[1] = t;
    else if (cols.every((c) => c >= 0)) spans.push([t, t]);
  });
  return spans;
}

/**
 * Where a block of ours begins whose headers a run of ours left partly written (a failure between
 * its operations: the group label without the period headers, say): the column right of the
 * planner's cells, when every cell right of them is a cell our names record and is empty or holds
 * the header this block puts there. Null when there is no such block.
 */
function ownHeadersAt(
  ctx: Context,
  sheet: SheetSnapshot,
  groupRow: number,
  headerRow: number,
  lastRow: number,
  periods: string[]
): number | null {
  const recorded = recordedByRow(ctx, sheet.name);
  if (!recorded.size) return null;
  const isRecorded = (row: number) => (column: number) =>
    (recorded.get(row) ?? []).some(([left, right]) => left <= column && column <= right);
  let planner = -1;
  for (let row = Math.max(groupRow, sheet.top); row <= lastRow; row++)
    planner = Math.max(planner, lastUsedColumn(sheet, row, isRecorded(row)));
  const start = planner + 1;
  let ours = false;
  for (let row = Math.max(groupRow, sheet.top); row <= lastRow; row++) {
    for (let c = lastUsedColumn(sheet, row); c >= start; c--) {
      const now = contentOf(sheet, row, c);
      if (now === "") continue;
      const t = c - start;
      const header =
        row === groupRow && c === start
          ? ctx.label
          : row === headerRow && t < periods.length
            ? periods[t]
            : null;
      if (now !== header) return null;
      ours = true;
    }
  }
  return ours ? start : null;
}

/**
 * A row-per-part table: each part's PAB as one row of formulas in a block of period columns right
 * of the planner's blocks (under a group header of its own, with the period headers repeated), or
 * in the planner's own empty balance block. Parts whose balance block holds figures are audited,
 * not written. Returns the cells per finding; findings with no room go to `ctx.fallback`.
 */
export function annotateRowPerPart(ctx: Context, findings: Finding[]): Map<Finding, CellPos[]> {
  const out = new Map<Finding, CellPos[]>();
  const first = findings[0].record;
  const sheetName = first.sheet;
  const sheet = sheetOf(ctx, sheetName);
  const n = first.periods.length;
  const headerRow = cellAt(first.periodAt, 0).row;
  const free = (row: number, column: number) =>
    contentOf(sheet, row, column) === "" || ctx.ownership.owns(sheetName, row, column);
  const partRow = (f: Finding) => placed(f.record.itemPos).row;

  // Where each part's PAB goes: the planner's balance block, or a new block right of the table.
  const targets = new Map<Finding, number[]>();
  const writes: CellWrite[] = [];
  const withOwnBlock = findings.filter((f) => f.record.plannerPab);
  for (const f of withOwnBlock) {
    const cells = (f.record.plannerPab as NonNullable<typeof f.record.plannerPab>).row.at;
    const pos = cells.rows.map((_row, t) => cellOf(cells, t));
    if (pos.every((p) => p && free(p.row, p.column)))
      targets.set(
        f,
        pos.map((p) => (p as CellPos).column)
      );
    else out.set(f, []);
  }
  // Our own block from an earlier run: its group header and period headers are ours to write again.
  const ownBlock = withOwnBlock[0]?.record.plannerPab?.row;
  const ownLabel = ownBlock ? placed(ownBlock.labelPos) : null;
  if (ownBlock && ownLabel && ctx.ownership.owns(sheetName, ownLabel.row, ownLabel.column)) {
    writes.push({ ...ownLabel, text: ctx.label });
    ownBlock.at.rows.forEach((row, t) => {
      if (row >= 0)
        writes.push({
          sheet: sheetName,
          row: headerRow,
          column: ownBlock.at.columns[t],
          text: first.periods[t],
        });
    });
  }
  const rest = findings.filter((f) => !f.record.plannerPab);
  if (rest.length) {
    const labelRows = [first.orders, first.forecast, ...first.supply]
      .map((s) => (s ? placed(s.labelPos).row : headerRow))
      .filter((row) => row !== headerRow);
    const groupRow = labelRows[0] ?? headerRow - 1;
    const lastRow = findings.reduce((m, f) => Math.max(m, partRow(f)), -1);
    let right = -1;
    for (let row = Math.max(groupRow, sheet.top); row <= lastRow; row++)
      right = Math.max(right, lastUsedColumn(sheet, row));
    const start =
      ownHeadersAt(ctx, sheet, groupRow, headerRow, lastRow, first.periods) ?? right + 1;
    if (groupRow < 0 || start + n - 1 > 16383) {
      for (const f of rest) ctx.fallback.push(f);
    } else {
      writes.push({ sheet: sheetName, row: groupRow, column: start, text: ctx.label });
      first.periods.forEach((p, t) =>
        writes.push({ sheet: sheetName, row: headerRow, column: start + t, text: p })
      );
      const columns = first.periods.map((_p, t) => start + t);
      for (const f of rest) targets.set(f, columns);
    }
  }

  // The block's headers, then each part's row: a part of its own, so that a cell the planner
  // changed in one part's PAB leaves the others ours.
  if (
    writes.length &&
    !commit(
      ctx,
      first.item,
      writes,
      "the PAB block",
      `so the PAB goes on the ${SUMMARY_SHEET} sheet`
    )
  ) {
    for (const f of rest) {
      targets.delete(f);
      ctx.fallback.push(f);
    }
  }
  const col = columnName;
  const names = new Map<number, string>();
  const nameOf = (c: number) => names.get(c) ?? (names.set(c, col(c)), col(c));
  for (const [f, columns] of targets) {
    const row = partRow(f);
    const pab: CellPos[] = columns.map((column) => ({ sheet: sheetName, row, column }));
    const partWrites: CellWrite[] = [];
    for (let t = 0; t < pab.length; t++) {
      const prev =
        t === 0 ? openingRef(f.record, sheetName) : `${nameOf(columns[t - 1])}${row + 1}`;
      partWrites.push({
        sheet: sheetName,
        row,
        column: columns[t],
        formula: cellPabFormula(f.record, t, prev, sheetName, ctx.fence),
        cached: f.plan.pab[t],
      });
    }
    const item = f.record.item;
    if (
      commit(
        ctx,
        item,
        partWrites,
        `${item}'s PAB`,
        `so ${item}'s PAB goes on the ${SUMMARY_SHEET} sheet instead`
      )
    )
      out.set(f, pab);
    else {
      targets.delete(f);
      ctx.fallback.push(f);
    }
  }

  // Rules, one range per run of consecutive part rows and columns that step together.
  const byColumns = new Map<string, Finding[]>();
  for (const [f, columns] of targets) {
    const key = columns.join(",");
    const group = byColumns.get(key);
    if (group) group.push(f);
    else byColumns.set(key, [f]);
  }
  for (const [key, group] of byColumns) {
    const pabColumns = key.split(",").map(Number);
    const r0 = group[0].record;
    const runs = rowRuns(group.map(partRow));
    // -1 where a part has no cell for the period
    const supplyCols = r0.supply.map((s) => s.at.columns);
    for (const [top, bottom] of runs) {
      for (const [a, b] of columnSpans(pabColumns.map((c) => [c]))) {
        ctx.rules.add(
          sheetName,
          "short",
          (ar, ac) => `AND(${RULE_MARKER},${col(ac)}${ar + 1}<0)`,
          top,
          pabColumns[a],
          bottom,
          pabColumns[b]
        );
      }
      const ss = r0.safetyStock ? cellPos(r0.safetyStock.cell) : null;
      const withSafety = group.some((f) => f.record.safetyStock && f.record.safetyStock.value > 0);
      if (ss && ss.sheet === sheetName && ss.row === partRow(group[0]) && withSafety) {
        const ssRef = (ar: number) => `$${col(ss.column)}${ar + 1}`;
        for (const [a, b] of columnSpans(pabColumns.map((c) => [c]))) {
          ctx.rules.add(
            sheetName,
            "low",
            (ar, ac) =>
              `AND(${RULE_MARKER},${col(ac)}${ar + 1}>=0,${col(ac)}${ar + 1}<${ssRef(ar)})`,
            top,
            pabColumns[a],
            bottom,
            pabColumns[b]
          );
        }
      }
      supplyCols.forEach((own) => {
        // Per period: this supply cell, every supply cell of the period, and the PAB, as offsets.
        const perT = own.map((c, t) => [c, pabColumns[t], ...supplyCols.map((s) => s[t])]);
        for (const [a, b] of columnSpans(perT)) {
          const [sc, pc, ...all] = perT[a];
          const at = (ar: number, ac: number, c: number) => `${col(ac + c - sc)}${ar + 1}`;
          const total = (ar: number, ac: number) => all.map((c) => at(ar, ac, c)).join("+");
          ctx.rules.add(
            sheetName,
            "receipt",
            (ar, ac) =>
              `AND(${RULE_MARKER},${at(ar, ac, sc)}>0,${at(ar, ac, pc)}>=0,${at(ar, ac, pc)}-(${total(ar, ac)})<0)`,
            top,
            sc,
            bottom,
            own[b]
          );
        }
      });
    }
  }
  return out;
}
