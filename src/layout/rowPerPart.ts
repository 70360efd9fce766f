import { CellList, CellPos, cellList, refOf } from "./address";
import { assemble } from "./assemble";
import { SheetContext } from "./context";
import { readFigure } from "./figures";
import { HeaderRun } from "./headerRuns";
import { Role, SERIES_ROLES, isTotalHeader, roleOf } from "./labels";
import { PeriodHeader, isNextPeriod, periodKey, periodStarts, recordKind } from "./periods";
import { CellFigure, PlanRecord, SeriesRow, seriesRow } from "./record";
import { keyText } from "./tableHeader";
import { datedHeaders, holdsNumber } from "./tableParts";
import { packedFill, packedMap } from "./arrays";

/**
 * Row-per-part (the usual ERP material balance): one row per part with its stock, then blocks of
 * period columns, one per measure, under group headers ("Receipts (ETA)" over Jan … Jun, then
 * "Demand" over Jan … Jun again), and perhaps the planner's own balance. Read in one pass over the
 * rows: every part's cells are visited once.
 */

/** One block of period columns under one group header. */
export interface PeriodBlock {
  role: Role | null;
  /** Set aside by a mapping ("ignore"): read, not used, not reported. */
  ignored?: boolean;
  /** The group header's text and cell (null when the block has none). */
  label: string;
  labelCell: string | null;
  labelPos: CellPos | null;
  columns: number[];
  headers: PeriodHeader[];
  labels: string[];
}

export interface PartTable {
  row: number;
  /** The row of the group headers, when there is one. */
  groupRow: number | null;
  itemColumn: number;
  blocks: PeriodBlock[];
}

const FIGURE_ROLES = ["onHand", "safetyStock", "pastDue"] as const;

/**
 * The row above the period headers that carries the group headers (the nearest one of two with a
 * header of the planner's: our own block's label never decides it).
 */
function groupRow(ctx: SheetContext, runs: HeaderRun[]): number | null {
  const row = runs[0].row;
  for (let r = row - 1; r >= Math.max(ctx.sheet.top, row - 2); r--)
    for (const run of runs)
      for (const c of run.columns) if (!ctx.isEmpty(r, c) && !ctx.isOwned(r, c)) return r;
  return null;
}

/** The label PAB Watch wrote over its own block's first column, when it is not in the group row. */
function ourLabelAbove(ctx: SheetContext, row: number, column: number): number | null {
  if (!ctx.isOwned(row, column)) return null;
  for (let r = row - 1; r >= Math.max(ctx.sheet.top, row - 2); r--)
    if (ctx.isOwned(r, column) && !ctx.isEmpty(r, column)) return r;
  return null;
}

/** The header runs of one row read as a part table, or null when they head something else (a grid, a pivot). */
export function partTableOf(ctx: SheetContext, runs: HeaderRun[]): PartTable | null {
  const row = runs[0].row;
  const c1 = runs[0].columns[0];
  let itemColumn = -1;
  for (let c = ctx.sheet.left; c < c1; c++) {
    // Only the planner's headers say what the table is: a cell PAB Watch wrote never does.
    if (ctx.isOwned(row, c)) continue;
    const role = roleOf(ctx.text(row, c));
    if (role === "measure") return null;
    if (role === "item" && itemColumn < 0) itemColumn = c;
  }
  if (itemColumn < 0) return null;
  // A pivot names its measure in the column before the periods: "Customer orders", "MPS".
  const firstData = row + 1;
  if (
    !ctx.isOwned(firstData, c1 - 1) &&
    roleOf(ctx.text(firstData, c1 - 1)) &&
    SERIES_ROLES.includes(roleOf(ctx.text(firstData, c1 - 1)) as Role)
  )
    return null;

  const gRow = groupRow(ctx, runs);
  const blocks: PeriodBlock[] = [];
  for (const run of runs) {
    let current: PeriodBlock | null = null;
    run.columns.forEach((c, i) => {
      const h = run.headers[i];
      const oursAt = gRow === null || ctx.isEmpty(gRow, c) ? ourLabelAbove(ctx, row, c) : null;
      const labelRow = oursAt ?? gRow;
      const group = labelRow === null ? "" : ctx.text(labelRow, c);
      const prev = current?.headers[current.headers.length - 1];
      // A month named without a year after December is the next year, not a new block.
      const repeats =
        prev &&
        h.kind !== "bad" &&
        prev.kind !== "bad" &&
        h.kind !== "monthName" &&
        periodKey(h) <= periodKey(prev);
      if (!current || group || repeats) {
        const merged = gRow !== null && !group ? ctx.mergedAt(gRow, c) : null;
        const text = group || (merged ? ctx.text(merged.top, merged.left) : "");
        const at = group
          ? ctx.at(labelRow as number, c)
          : merged
            ? ctx.at(merged.top, merged.left)
            : null;
        const mapped = ctx.mappedColumn(c);
        current = {
          role: mapped === "ignore" ? null : (mapped ?? (text ? roleOf(text) : null)),
          ignored: mapped === "ignore",
          label: text,
          labelCell: at ? refOf(at) : null,
          labelPos: at,
          columns: [],
          headers: [],
          labels: [],
        };
        blocks.push(current);
      }
      current.columns.push(c);
      current.headers.push(h);
      current.labels.push(run.labels[i]);
    });
  }
  // Group headers must name at least one measure (demand or supply): repeated months alone say too little.
  if (!blocks.some((b) => b.role && b.role !== "pab" && SERIES_ROLES.includes(b.role))) return null;
  return { row, groupRow: gRow, itemColumn, blocks };
}

type ColumnUse =
  | { kind: "figure"; role: (typeof FIGURE_ROLES)[number] }
  | { kind: "balance"; label: string }
  | { kind: "unknown"; label: string };

export function readRowPerPart(
  ctx: SheetContext,
  table: PartTable,
  startDate: string | null
): { records: PlanRecord[]; end: number } {
  const { row, itemColumn } = table;
  const blocks = table.blocks.map((b) => ({
    ...b,
    headers: datedHeaders(ctx, b.headers, startDate, ctx.ref(row, b.columns[0]), b.labels[0], null),
  }));

  // The horizon: every period any block has, in time order (usually each block has them all).
  const byKey = new Map<number, { header: PeriodHeader; label: string; pos: CellPos }>();
  for (const b of blocks)
    b.headers.forEach((h, i) => {
      if (h.kind === "bad") return;
      const k = periodKey(h);
      if (!byKey.has(k))
        byKey.set(k, { header: h, label: b.labels[i], pos: ctx.at(row, b.columns[i]) });
    });
  const keys = [...byKey.keys()].sort((a, b) => a - b);
  const horizon = keys.map((k) => byKey.get(k) as NonNullable<ReturnType<typeof byKey.get>>);
  const index = new Map(keys.map((k, t) => [k, t]));
  const kinds = new Set(horizon.map((p) => p.header.kind));

  const blockColumnList = blocks.flatMap((b) => b.columns);
  const blockColumns = new Set(blockColumnList);
  const uses = new Map<number, ColumnUse>();
  const siteColumn = (() => {
    for (let c = ctx.sheet.left; c <= ctx.right; c++)
      if (roleOf(ctx.text(row, c)) === "site") return c;
    return undefined;
  })();
  // The table ends where its header row does (a blank column allowed), one column more for figures without a header.
  let lastColumn = Math.max(...blockColumnList);
  for (let c = itemColumn + 1, gap = 0; c <= ctx.right && gap < 2; c++) {
    const headed =
      !ctx.isEmpty(row, c) || (table.groupRow !== null && !ctx.isEmpty(table.groupRow, c));
    if (headed) {
      lastColumn = Math.max(lastColumn, c);
      gap = 0;
    } else gap++;
  }
  for (let c = itemColumn + 1; c <= Math.min(lastColumn + 1, ctx.right); c++) {
    if (blockColumns.has(c) || c === siteColumn) continue;
    const text = ctx.text(row, c);
    const mapped = ctx.mappedColumn(c);
    if (mapped === "ignore") continue;
    const role = mapped ?? roleOf(text);
    if (role && (FIGURE_ROLES as readonly string[]).includes(role)) {
      if (![...uses.values()].some((u) => u.kind === "figure" && u.role === role))
        uses.set(c, { kind: "figure", role: role as (typeof FIGURE_ROLES)[number] });
      else uses.set(c, { kind: "unknown", label: text });
    } else if (role === "pab") uses.set(c, { kind: "balance", label: text });
    else if (role || (text && isTotalHeader(text))) continue;
    else uses.set(c, { kind: "unknown", label: text });
  }
  const lastPeriodColumn = Math.max(...blockColumns);
  const firstPeriodColumn = Math.min(...blockColumns);

  // Block and header checks, once for the table.
  const unplaced = blocks.filter(
    (b) => !b.ignored && (b.role === null || !SERIES_ROLES.concat(["onHand"]).includes(b.role))
  );
  for (const b of blocks) {
    b.headers.forEach((h, i) => {
      const ref = ctx.ref(row, b.columns[i]);
      if (h.kind === "bad") ctx.report("error", "bad-period", ref, null, `${ref}: ${h.reason}`);
      else if (i > 0 && b.headers[i - 1].kind !== "bad" && !isNextPeriod(b.headers[i - 1], h))
        ctx.report(
          "warning",
          "period-gap",
          ref,
          null,
          `${ref}: ${b.labels[i]} does not follow ${b.labels[i - 1]}`
        );
    });
  }
  if (kinds.size > 1) {
    const ref = ctx.ref(row, firstPeriodColumn);
    ctx.report(
      "error",
      "bad-period",
      ref,
      null,
      `${ref}: the period headers mix kinds (${[...kinds].join(", ")})`
    );
  }
  for (const b of unplaced) {
    const ref = b.labelCell ?? ctx.ref(row, b.columns[0]);
    ctx.report(
      "error",
      "row-not-understood",
      ref,
      null,
      `${ref}: the period columns ${ctx.ref(row, b.columns[0]).split("!")[1]}…${ctx.ref(row, b.columns[b.columns.length - 1]).split("!")[1]} ${b.label ? `under "${b.label}" ` : "have no group header naming what they hold, so they "}are not demand, supply or a balance; parts with figures there are flagged`
    );
  }

  // Shared by every part: where each block column goes in the horizon, the column letters, the period fields.
  const slotsOf = new Map(
    blocks.map((b) => [
      b,
      b.headers.map((h) => (h.kind === "bad" ? -1 : (index.get(periodKey(h)) as number))),
    ])
  );
  const sheet = ctx.name;
  const merged = ctx.merged.length > 0;
  const periodFields = {
    periods: packedMap(horizon, (p) => p.label),
    periodStarts: periodStarts(
      horizon.map((p) => p.header),
      startDate
    ),
    periodKind: recordKind(horizon[0]?.header),
    periodAt: cellList(
      ctx.name,
      horizon.map((p) => p.pos)
    ),
  };

  for (const c of blockColumnList) {
    if (!ctx.hiddenColumns.has(c)) continue;
    const ref = ctx.ref(row, c);
    ctx.report(
      "warning",
      "hidden-column",
      ref,
      null,
      `${ref} heads a hidden column; its figures are included`
    );
  }

  const records: PlanRecord[] = [];
  const unknownSeen = new Set<number>();
  let end = row;
  for (let r = row + 1; r <= ctx.bottom; r++) {
    if (ctx.rowIsEmpty(r)) {
      if (records.length) break;
      continue;
    }
    end = r;
    const item = keyText(ctx, r, itemColumn);
    // The header again (a multi-page export), or a totals row: no part.
    if (item && roleOf(item) === "item") continue;
    if (item && isTotalHeader(item)) {
      const ref = ctx.ref(r, itemColumn);
      ctx.report(
        "info",
        "derived-row",
        ref,
        null,
        `${ref}: "${item}" adds up the parts; read and not used`
      );
      continue;
    }
    if (!item) {
      const numbered = blockColumnList.find((c) => holdsNumber(ctx, r, c));
      if (numbered !== undefined) {
        const ref = ctx.ref(r, itemColumn);
        ctx.report(
          "error",
          "item-missing",
          ref,
          null,
          `${ref}: row ${r + 1} holds figures but no part number`
        );
      }
      continue;
    }
    if (ctx.hiddenRows.has(r)) {
      const ref = ctx.ref(r, itemColumn);
      ctx.report(
        "warning",
        "hidden-row",
        ref,
        item,
        `Row ${r + 1} of ${ctx.name} (${item}) is hidden; its figures are included`
      );
    }
    const cellsOf = (b: PeriodBlock, slots: number[]): { cells: CellList; values: number[] } => {
      const cells: CellList = {
        sheet,
        rows: packedFill(horizon.length, -1),
        columns: packedFill(horizon.length, -1),
      };
      const values = packedFill(horizon.length, 0);
      for (let i = 0; i < b.columns.length; i++) {
        const t = slots[i];
        if (t < 0) continue;
        const c = b.columns[i];
        cells.rows[t] = r;
        cells.columns[t] = c;
        // Plain figures are taken as they are; anything else goes through the checks that name the cell.
        const v = ctx.value(r, c);
        values[t] +=
          typeof v === "number" && v >= 0 && Number.isFinite(v) && !merged
            ? v
            : ctx.quantity(r, c, item).value;
      }
      return { cells, values };
    };
    const rows: SeriesRow[] = [];
    const plannerPab: PlanRecord["plannerPab"][] = [];
    for (const b of blocks) {
      if (b.role === "pab" || b.role === "onHand") {
        plannerPab.push(balanceBlock(ctx, r, b, horizon.length, index));
      } else if (b.role && SERIES_ROLES.includes(b.role) && b.role !== "atp") {
        const { cells, values } = cellsOf(b, slotsOf.get(b) as number[]);
        rows.push(
          seriesRow(b.role, b.label, b.labelPos ?? ctx.at(row, b.columns[0]), cells, values)
        );
      }
    }
    let flagged = false;
    for (const b of unplaced)
      if (b.columns.some((c) => holdsNumber(ctx, r, c) && ctx.value(r, c) !== 0)) flagged = true;

    const figures: Partial<Record<(typeof FIGURE_ROLES)[number], CellFigure | null>> = {};
    const plannerChecks: NonNullable<PlanRecord["plannerChecks"]> = [];
    for (const [c, use] of uses) {
      if (use.kind === "figure") {
        // A blank stock cell in a stock column is nothing in stock, as a blank period cell is nothing due.
        figures[use.role] = ctx.isEmpty(r, c)
          ? use.role === "onHand"
            ? { value: 0, cell: ctx.ref(r, c) }
            : null
          : readFigure(ctx, item, use.role, r, c);
      } else if (use.kind === "balance") {
        const v = ctx.value(r, c);
        if (typeof v === "number")
          plannerChecks.push({
            cell: ctx.ref(r, c),
            label: use.label,
            period: horizon.length - 1,
            value: v,
          });
      } else if (holdsNumber(ctx, r, c)) {
        // Inside the period blocks, or without a header, such figures may belong in the PAB.
        const severe = (c > firstPeriodColumn && c < lastPeriodColumn) || !use.label;
        if (severe) flagged = true;
        if (unknownSeen.has(c)) continue;
        unknownSeen.add(c);
        const ref = ctx.ref(r, c);
        ctx.report(
          severe ? "error" : "warning",
          "row-not-understood",
          ref,
          null,
          `${ref}: the column ${use.label ? `"${use.label}"` : "without a header"} holds figures PAB Watch does not use (not stock, demand, supply or a balance)${severe ? "; parts with figures there are flagged" : ""}`
        );
      }
    }

    const record = assemble(ctx, {
      item,
      itemPos: ctx.at(r, itemColumn),
      site: siteColumn !== undefined ? keyText(ctx, r, siteColumn) || null : null,
      layout: "row-per-part",
      periods: periodFields.periods.slice(),
      periodStarts: periodFields.periodStarts.slice(),
      periodKind: periodFields.periodKind,
      periodAt: periodFields.periodAt,
      opening: figures.onHand ?? null,
      safetyStock: figures.safetyStock ?? null,
      pastDue: figures.pastDue ?? null,
      rows,
      plannerPab,
    });
    if (plannerChecks.length) record.plannerChecks = plannerChecks;
    if (flagged) record.flagged = true;
    records.push(record);
  }
  return { records, end };
}

function balanceBlock(
  ctx: SheetContext,
  r: number,
  b: PeriodBlock,
  n: number,
  index: Map<number, number>
): NonNullable<PlanRecord["plannerPab"]> {
  const cells = packedFill<CellPos | null>(n, null);
  const values = packedFill<number | null>(n, null);
  let formulas = false;
  b.columns.forEach((c, i) => {
    const h = b.headers[i];
    if (h.kind === "bad") return;
    const t = index.get(periodKey(h)) as number;
    cells[t] = ctx.at(r, c);
    const v = ctx.value(r, c);
    values[t] = typeof v === "number" ? v : null;
    formulas ||= ctx.formula(r, c) !== undefined;
  });
  return {
    row: seriesRow(
      "pab",
      b.label,
      b.labelPos ?? cells[0],
      cellList(ctx.name, cells),
      packedMap(values, (v) => v ?? 0),
      b.labelCell ?? (cells[0] ? refOf(cells[0]) : "")
    ),
    values,
    formulas,
  };
}
