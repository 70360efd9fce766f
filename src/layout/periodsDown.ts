import { CellRange } from "./address";
import { assemble } from "./assemble";
import { SheetContext } from "./context";
import { readFigure } from "./figures";
import { Role, SERIES_ROLES, isOpeningHeader, isTotalHeader, roleOf } from "./labels";
import { PeriodHeader, isNextPeriod, parsePeriodHeader, periodStarts, recordKind } from "./periods";
import { CellFigure, PlanRecord, withRole } from "./record";
import { mappedHeaders } from "./mappedPeriods";
import { labelPairs } from "./rowLabels";
import { readPlannerPab, readSeries, reportHidden } from "./series";
import { TableHeader } from "./tableHeader";
import { datedHeaders, holdsNumber, isBeginningLabel, titleAbove } from "./tableParts";
import { packedMap } from "./arrays";

/**
 * Periods down the rows: a period column (W1, 第1周, dates, months, or plain numbers under a
 * "Week" header) with measure columns beside it (demand, production, inventory …) and no item
 * column. One table is one item, named by a label/value pair or a title above, else by the sheet.
 */

type ColumnUse =
  | { kind: "series"; role: Role }
  | { kind: "balance" }
  | { kind: "beginning" }
  | { kind: "figure"; role: "safetyStock" | "pastDue" }
  | { kind: "ignored" }
  | { kind: "unknown" };

const DEMAND_OR_SUPPLY: readonly Role[] = SERIES_ROLES.filter((r) => r !== "pab" && r !== "atp");

function periodAt(
  ctx: SheetContext,
  row: number,
  column: number,
  numbered: boolean
): PeriodHeader | null {
  const raw = ctx.value(row, column);
  const h = parsePeriodHeader(raw, ctx.format(row, column), ctx.date1904);
  if (h) return h;
  if (numbered && typeof raw === "number" && Number.isInteger(raw) && raw >= 1 && raw <= 999)
    return { kind: "number", n: raw, plain: true };
  return null;
}

/** The period column of a periods-down table headed by `h`, or null when `h` heads no such table. */
export function periodsDownColumn(ctx: SheetContext, h: TableHeader): number | null {
  const c = h.columns;
  if (c.item !== undefined) return null;
  const roles = Object.keys(c) as Role[];
  if (!roles.some((r) => DEMAND_OR_SUPPLY.includes(r))) return null;
  const looksLikePeriods = (col: number, numbered: boolean) => {
    let found = 0;
    for (let r = h.row + 1; r <= Math.min(h.row + 3, ctx.bottom); r++) {
      // A cell PAB Watch wrote (a PAB figure, a period header it repeated) is none of the planner's periods.
      if (ctx.isOwned(r, col)) continue;
      const p = periodAt(ctx, r, col, numbered);
      if (p && p.kind !== "bad") found++;
    }
    return found >= 2;
  };
  if (c.period !== undefined) return looksLikePeriods(c.period, true) ? c.period : null;
  // No "Week" header: a column without a label whose cells below read as periods.
  for (let col = ctx.sheet.left; col <= ctx.right; col++) {
    if (roleOf(ctx.text(h.row, col))) continue;
    if (looksLikePeriods(col, false)) return col;
  }
  return null;
}

/** The columns of the table: the header cells around the period column, a single gap allowed. */
function tableColumns(ctx: SheetContext, row: number, periodCol: number): [number, number] {
  const filled = (c: number) => c >= ctx.sheet.left && c <= ctx.right && !ctx.isEmpty(row, c);
  let first = periodCol;
  while (filled(first - 1) || (filled(first - 2) && roleOf(ctx.text(row, first - 2))))
    first -= filled(first - 1) ? 1 : 2;
  let last = periodCol;
  while (filled(last + 1) || (filled(last + 2) && roleOf(ctx.text(row, last + 2))))
    last += filled(last + 1) ? 1 : 2;
  return [first, last];
}

function columnUse(text: string, mapped: Role | "ignore" | undefined): ColumnUse {
  if (mapped === "ignore") return { kind: "ignored" };
  if (!text && !mapped) return { kind: "unknown" };
  if (isTotalHeader(text) && !mapped) return { kind: "ignored" };
  const role = mapped ?? roleOf(text);
  if (!role) return { kind: "unknown" };
  if (role === "pab") return { kind: "balance" };
  if (role === "onHand")
    return isBeginningLabel(text) ? { kind: "beginning" } : { kind: "balance" };
  if (role === "safetyStock" || role === "pastDue") return { kind: "figure", role };
  if (DEMAND_OR_SUPPLY.includes(role)) return { kind: "series", role };
  return { kind: "ignored" };
}

export function readPeriodsDown(
  ctx: SheetContext,
  h: TableHeader,
  periodCol: number,
  from: number,
  startDate: string | null,
  /** The period cells a mapping names (one column): these rows are the periods, in order. */
  mapped: CellRange | null = null
): { record: PlanRecord | null; end: number } {
  const [first, last] = tableColumns(ctx, h.row, periodCol);
  const numbered = h.columns.period === periodCol;
  const uses = new Map<number, ColumnUse>();
  for (let c = first; c <= last; c++)
    if (c !== periodCol) uses.set(c, columnUse(ctx.text(h.row, c), ctx.mappedColumn(c)));

  // The rows: periods, an opening or past-due row before them, a total row after them.
  const periodRows: { row: number; header: PeriodHeader; label: string }[] = [];
  let openingRow: number | null = null;
  let pastDueRow: number | null = null;
  const notUnderstood: { row: number; text: string }[] = [];
  const bad: { row: number; reason: string }[] = [];
  let end = h.row;
  const fromMapping = mapped
    ? mappedHeaders(
        ctx,
        Array.from({ length: mapped.bottom - mapped.top + 1 }, (_, i) => [
          mapped.top + i,
          periodCol,
        ])
      )
    : null;
  for (let r = h.row + 1; r <= ctx.bottom; r++) {
    const inMapped = mapped !== null && r >= mapped.top && r <= mapped.bottom;
    // The table ends at a row without the planner's cells (a PAB row of ours below it is no period).
    if (!inMapped && ctx.rowIsEmptyButOurs(r, first, last)) break;
    end = r;
    const header = inMapped
      ? fromMapping!.headers[r - mapped.top]
      : mapped
        ? null
        : periodAt(ctx, r, periodCol, numbered);
    const text = ctx.text(r, periodCol);
    if (header && header.kind !== "bad") {
      const raw = ctx.value(r, periodCol);
      const label = inMapped
        ? fromMapping!.labels[r - mapped.top]
        : typeof raw === "string"
          ? raw.trim()
          : header.kind === "date"
            ? header.iso
            : header.kind === "month"
              ? `${header.year}-${String(header.month).padStart(2, "0")}`
              : String(raw);
      periodRows.push({ row: r, header, label });
      continue;
    }
    if (header?.kind === "bad") {
      bad.push({ row: r, reason: header.reason });
      continue;
    }
    if (text && isTotalHeader(text)) break;
    if (text && !periodRows.length && openingRow === null && isOpeningHeader(text)) {
      openingRow = r;
      continue;
    }
    if (text && pastDueRow === null && !periodRows.length && roleOf(text) === "pastDue") {
      pastDueRow = r;
      continue;
    }
    let numbers = false;
    for (const [c, use] of uses)
      if (use.kind !== "ignored" && holdsNumber(ctx, r, c)) numbers = true;
    if (numbers) notUnderstood.push({ row: r, text: text || String(ctx.value(r, periodCol)) });
  }
  if (periodRows.length < 2) return { record: null, end };

  // The item: a label/value pair above, a title, else the sheet.
  const pairs = labelPairs(ctx, from, h.row - 1);
  const itemPair = pairs.find((p) => p.role === "item");
  const sitePair = pairs.find((p) => p.role === "site");
  let item = itemPair?.text || "";
  let itemPos = itemPair ? ctx.at(itemPair.row, itemPair.column) : null;
  if (!item) {
    const title = titleAbove(ctx, from, h.row);
    if (title) {
      item = title.text;
      itemPos = ctx.at(title.row, title.column);
    }
  }
  if (!item) {
    item = ctx.name;
    ctx.report(
      "info",
      "item-from-sheet",
      ctx.ref(h.row, periodCol),
      item,
      `${ctx.ref(h.row, periodCol)}: the table names no item (no "Item: …" and no title above it), so it is read as item "${item}", after the sheet`
    );
  }

  for (const b of bad) {
    const ref = ctx.ref(b.row, periodCol);
    ctx.report("error", "bad-period", ref, item, `${ref}: ${b.reason}; row ${b.row + 1} skipped`);
  }
  for (const n of notUnderstood) {
    const ref = ctx.ref(n.row, periodCol);
    ctx.report(
      "error",
      "row-not-understood",
      ref,
      item,
      `${ref}: row ${n.row + 1} ("${n.text}") holds figures but is not a period, so they are not in the projection`
    );
  }
  const headers = datedHeaders(
    ctx,
    periodRows.map((p) => p.header),
    startDate,
    ctx.ref(periodRows[0].row, periodCol),
    periodRows[0].label,
    item
  );
  periodRows.forEach((p, t) => (p.header = headers[t]));
  checkPeriods(ctx, periodRows, periodCol, item);

  const rows = [];
  const plannerPab: PlanRecord["plannerPab"][] = [];
  let plannerBeginning: PlanRecord["plannerBeginning"] = null;
  let beginningOpening: CellFigure | null = null;
  let safetyStock: CellFigure | null = null;
  let pastDue: CellFigure | null = null;
  for (const [c, use] of uses) {
    const label = ctx.text(h.row, c);
    const labelPos = ctx.at(h.row, c);
    const positions: [number, number][] = periodRows.map((p) => [p.row, c]);
    if (use.kind === "series") {
      reportHidden(ctx, item, positions);
      rows.push(readSeries(ctx, item, use.role, label, labelPos, positions));
    } else if (use.kind === "balance") {
      plannerPab.push(readPlannerPab(ctx, label, labelPos, positions));
    } else if (use.kind === "beginning") {
      const [r0] = positions[0];
      if (!ctx.isEmpty(r0, c)) beginningOpening ??= readFigure(ctx, item, "onHand", r0, c);
      const read = readPlannerPab(ctx, label, labelPos, positions);
      if (!plannerBeginning && read.values.some((v) => v !== null))
        plannerBeginning = { row: withRole(read.row, "onHand"), values: read.values };
    } else if (use.kind === "figure") {
      const at = positions.find(([r]) => !ctx.isEmpty(r, c));
      const figure = at ? readFigure(ctx, item, use.role, at[0], c) : null;
      if (use.role === "safetyStock") safetyStock ??= figure;
      else pastDue ??= figure;
    } else if (use.kind === "unknown") {
      const at = positions.find(([r]) => holdsNumber(ctx, r, c));
      if (at) {
        const ref = ctx.ref(at[0], c);
        ctx.report(
          "error",
          "row-not-understood",
          ref,
          item,
          `${ref}: the column ${label ? `"${label}" ` : ""}holds figures PAB Watch cannot place (not demand, supply or a balance), so they are not in the projection`
        );
      }
    }
  }

  const figureAbove = (role: "onHand" | "safetyStock" | "pastDue"): CellFigure | null => {
    const pair = pairs.find((p) => p.role === role);
    return pair ? readFigure(ctx, item, role, pair.row, pair.column) : null;
  };
  const figureInRow = (
    row: number | null,
    prefer: ColumnUse["kind"][],
    role: "onHand" | "pastDue"
  ): CellFigure | null => {
    if (row === null) return null;
    for (const kind of prefer)
      for (const [c, use] of uses)
        if (use.kind === kind && !ctx.isEmpty(row, c)) return readFigure(ctx, item, role, row, c);
    return null;
  };
  const opening =
    figureAbove("onHand") ??
    figureInRow(openingRow, ["balance", "beginning", "series", "unknown"], "onHand") ??
    beginningOpening;
  const past =
    figureAbove("pastDue") ?? figureInRow(pastDueRow, ["series", "unknown"], "pastDue") ?? pastDue;

  const record = assemble(ctx, {
    item,
    itemPos,
    site: sitePair?.text || null,
    layout: "periods-down",
    periods: packedMap(periodRows, (p) => p.label),
    periodStarts: periodStarts(
      periodRows.map((p) => p.header),
      startDate
    ),
    periodKind: recordKind(periodRows[0].header),
    periodAt: ctx.cells(periodRows.map((p) => [p.row, periodCol])),
    opening,
    safetyStock: figureAbove("safetyStock") ?? safetyStock,
    pastDue: past,
    rows,
    plannerPab,
  });
  if (plannerBeginning) record.plannerBeginning = plannerBeginning;
  return { record, end };
}

function checkPeriods(
  ctx: SheetContext,
  rows: { row: number; header: PeriodHeader; label: string }[],
  column: number,
  item: string
): void {
  const kinds = new Set(rows.map((p) => p.header.kind));
  if (kinds.size > 1) {
    const ref = ctx.ref(rows[0].row, column);
    ctx.report(
      "error",
      "bad-period",
      ref,
      item,
      `${ref}: the periods down this column mix kinds (${[...kinds].join(", ")})`
    );
    return;
  }
  for (let i = 1; i < rows.length; i++) {
    if (isNextPeriod(rows[i - 1].header, rows[i].header)) continue;
    const ref = ctx.ref(rows[i].row, column);
    ctx.report(
      "warning",
      "period-gap",
      ref,
      item,
      `${ref}: ${rows[i].label} does not follow ${rows[i - 1].label}; read in sheet order`
    );
  }
}
