import { assemble } from "./assemble";
import { SheetContext } from "./context";
import { readFigure } from "./figures";
import { HeaderRun, checkRun, isFigureCell, isNumberCell, runPeriods } from "./headerRuns";
import {
  IGNORED_ROLES,
  Role,
  SERIES_ROLES,
  DERIVED_REASON,
  roleOf,
  splitLabelValue,
} from "./labels";
import { parsePeriodHeader } from "./periods";
import { CellFigure, PlanRecord, withRole } from "./record";
import { CellPos } from "./address";
import { labelPairs, rowLabel } from "./rowLabels";
import { readAlignedRows, readPlannerPab } from "./series";

/** Labels that end a block: the next block's item or safety stock pair. */
const NEXT_BLOCK_ROLES: readonly Role[] = ["item", "site", "safetyStock"];

export interface GridBlock {
  /** Null when the figures have no item name (a diagnostic says so). */
  record: PlanRecord | null;
  /** Last row that belongs to the block. */
  end: number;
}

interface BlockRow {
  row: number;
  role: Role;
  text: string;
  column: number;
}

/** What the rows under a header run are: series, opening rows, derived rows, and rows not understood. */
interface BlockRows {
  series: BlockRow[];
  opening: BlockRow[];
  derived: BlockRow[];
  unknown: { row: number; text: string; column: number }[];
  end: number;
}

function blockRows(ctx: SheetContext, run: HeaderRun, until: number): BlockRows {
  const c1 = run.columns[0];
  const out: BlockRows = { series: [], opening: [], derived: [], unknown: [], end: run.row };
  const isEmpty = (r: number) => ctx.rowIsEmpty(r, run.firstColumn, run.lastColumn);
  const figures = (r: number) => run.columns.filter((c) => isFigureCell(ctx, r, c)).length;
  let blanks = 0;
  for (let r = run.row + 1; r <= until; r++) {
    if (isEmpty(r)) {
      if (++blanks >= 2 && out.series.length) break;
      continue;
    }
    if (ctx.mappedRow(r) === "ignore") {
      blanks = 0;
      continue;
    }
    const label = rowLabel(ctx, r, c1, run.firstColumn);
    const role = label?.role ?? null;
    const mapped = ctx.mappedRow(r) !== undefined;
    if (role && NEXT_BLOCK_ROLES.includes(role) && !mapped) break;
    if (role === "onHand") {
      // In the block when it runs on from its rows or carries figures per period (beginning inventory).
      if (blanks > 0 && figures(r) < 2 && out.series.length && !mapped) break;
      out.opening.push({ row: r, role, text: label!.text, column: label!.column });
    } else if (role && SERIES_ROLES.includes(role)) {
      out.series.push({ row: r, role, text: label!.text, column: label!.column });
    } else if (role && IGNORED_ROLES.includes(role)) {
      out.derived.push({ row: r, role, text: label!.text, column: label!.column });
    } else if (figures(r) > 0 && (!role || role === "description")) {
      out.unknown.push({ row: r, text: label?.text ?? "", column: label?.column ?? c1 });
    } else {
      blanks = 0;
      continue;
    }
    blanks = 0;
    out.end = r;
  }
  return out;
}

/** A title naming the item: a lone text cell left of the period headers or directly above them. */
function titleOf(
  ctx: SheetContext,
  run: HeaderRun,
  from: number
): { text: string; pos: CellPos } | null {
  const c1 = run.columns[0];
  const usable = (r: number, c: number) => {
    const text = ctx.text(r, c);
    if (!text || ctx.isOwned(r, c) || text.length > 60 || roleOf(text) || splitLabelValue(text))
      return null;
    if (parsePeriodHeader(text, undefined, ctx.date1904)) return null;
    return text;
  };
  for (let c = run.firstColumn; c < c1; c++) {
    if (c === run.openingColumn) continue;
    const text = usable(run.row, c);
    if (text) return { text, pos: ctx.at(run.row, c) };
  }
  const above = run.row - 1;
  if (above < from) return null;
  const filled: number[] = [];
  for (let c = run.firstColumn; c <= run.lastColumn; c++)
    if (!ctx.isEmpty(above, c) && !ctx.isOwned(above, c)) filled.push(c);
  if (filled.length !== 1) return null;
  const text = usable(above, filled[0]);
  return text ? { text, pos: ctx.at(above, filled[0]) } : null;
}

/** The nearest number left of the first period, right of the row's label: "Projected on hand | 23 | …". */
function leftOfPeriods(ctx: SheetContext, row: BlockRow, c1: number): number | null {
  for (let c = c1 - 1; c > row.column; c--) if (isNumberCell(ctx, row.row, c)) return c;
  return null;
}

/**
 * One MPS or MRP block: period headers across, figures in labelled rows below, the item from a
 * label/value pair or a title, the on hand where planners put it (a pair above, a column before
 * period 1, the first cell of a beginning-inventory row, the cell before period 1 of the PAB row).
 * `sheetItem` names an unnamed block after its sheet when it is the only plan there.
 */
export function readGridBlock(
  ctx: SheetContext,
  run: HeaderRun,
  from: number,
  until: number,
  startDate: string | null,
  sheetItem: string | null = null,
  besideOthers = false
): GridBlock | null {
  const c1 = run.columns[0];
  const rows = blockRows(ctx, run, until);
  const seriesRows = rows.series;
  if (!seriesRows.length) return null;
  const end = rows.end;

  // The item, site, on hand and safety stock: pairs above the header (and left of the periods on the header row).
  const own = [
    ...labelPairs(ctx, from, run.row - 1, run.lastColumn + 1, run.firstColumn),
    ...labelPairs(ctx, run.row, run.row, c1, run.firstColumn),
  ];
  // Blocks side by side may share what sits above them all: two scenarios of one item.
  const shared = besideOthers ? labelPairs(ctx, from, run.row - 1) : [];
  const pairs = [...own, ...shared];
  const ownItem = own.find((p) => p.role === "item");
  const sharedItem = shared.find((p) => p.role === "item");
  const sitePair = pairs.find((p) => p.role === "site");
  const ownName = ownItem && (!sharedItem || ownItem.text !== sharedItem.text);
  const itemPair = ownName ? ownItem : (ownItem ?? sharedItem);
  const title = ownName ? null : titleOf(ctx, run, from);
  let item: string | null;
  let itemPos: CellPos | null;
  if (title && itemPair?.text && title.text !== itemPair.text) {
    // "Item | X" above two blocks titled "Chase" and "Level": X (Chase), X (Level).
    item = `${itemPair.text} (${title.text})`;
    itemPos = title.pos;
  } else {
    item = itemPair?.text || title?.text || null;
    itemPos = itemPair ? ctx.at(itemPair.row, itemPair.column) : (title?.pos ?? null);
  }
  const firstLabel = ctx.ref(seriesRows[0].row, seriesRows[0].column);
  if (!item && sheetItem) {
    item = sheetItem;
    itemPos = null;
    ctx.report(
      "info",
      "item-from-sheet",
      firstLabel,
      item,
      `${firstLabel}: the plan names no item; it is the only plan on the sheet, so it is read as item "${item}"`
    );
  }
  if (!item) {
    ctx.report(
      "error",
      "item-missing",
      firstLabel,
      null,
      `${firstLabel}: these figures have no item name above them (a cell "Item" with the code beside it, or a title such as "Product 1" above or left of the periods)`
    );
    return { record: null, end };
  }
  const name = item;

  checkRun(ctx, run, name);
  for (const d of rows.derived) {
    const at = ctx.ref(d.row, d.column);
    ctx.report(
      "info",
      "derived-row",
      at,
      name,
      `${at}: "${d.text}" ${DERIVED_REASON}; read and not used`
    );
  }
  for (const u of rows.unknown) {
    const at = ctx.ref(u.row, u.column);
    ctx.report(
      "error",
      "row-not-understood",
      at,
      name,
      u.text
        ? `${at}: row ${u.row + 1} "${u.text}" holds figures under the periods, but PAB Watch does not know what "${u.text}" is; it is not used. Rename it (e.g. Customer orders, MPS) or give the row a role with a mapping`
        : `${at}: row ${u.row + 1} holds figures under the periods but has no label; it is not used. Label it or give it a role with a mapping`
    );
  }

  const pabRow = seriesRows.find((s) => s.role === "pab");
  const beginning = rows.opening[0] ?? null;
  const figure = (role: "onHand" | "safetyStock" | "pastDue"): CellFigure | null => {
    const pair = pairs.find((p) => p.role === role);
    if (pair) return readFigure(ctx, name, role, pair.row, pair.column);
    if (role === "onHand" && run.openingColumn !== null) {
      const c = run.openingColumn;
      const source = [pabRow, beginning, ...seriesRows].find(
        (s) => s && isNumberCell(ctx, s.row, c)
      );
      if (source) return readFigure(ctx, name, role, source.row, c);
    }
    // As a column left of the periods: "On hand" in the header row, the figure in the first figures row below.
    for (let c = run.firstColumn; c < c1; c++) {
      if (roleOf(ctx.text(run.row, c)) !== role) continue;
      const source =
        role === "pastDue"
          ? seriesRows.find((s) => s.role === "orders")
          : seriesRows.find((s) => !ctx.isEmpty(s.row, c));
      if (source && !ctx.isEmpty(source.row, c)) return readFigure(ctx, name, role, source.row, c);
    }
    if (role !== "onHand") return null;
    for (const row of [pabRow, beginning]) {
      const c = row ? leftOfPeriods(ctx, row, c1) : null;
      if (row && c !== null) return readFigure(ctx, name, role, row.row, c);
    }
    if (beginning && isNumberCell(ctx, beginning.row, c1))
      return readFigure(ctx, name, role, beginning.row, c1);
    return null;
  };

  const aligned = readAlignedRows(
    ctx,
    name,
    seriesRows.map((x) => ({
      row: x.row,
      role: x.role,
      text: x.text,
      labelPos: ctx.at(x.row, x.column),
    })),
    run.columns
  );
  const opening = figure("onHand");
  let plannerBeginning: PlanRecord["plannerBeginning"] = null;
  if (beginning) {
    const read = readPlannerPab(
      ctx,
      beginning.text,
      ctx.at(beginning.row, beginning.column),
      run.columns.map((c) => [beginning.row, c])
    );
    const row = withRole(read.row, "onHand");
    if (read.values.some((v) => v !== null)) plannerBeginning = { row, values: read.values };
  }

  const record = assemble(ctx, {
    item: name,
    itemPos,
    site: sitePair?.text || null,
    layout: "grid",
    ...runPeriods(ctx, run, startDate, name),
    opening,
    safetyStock: figure("safetyStock"),
    pastDue: figure("pastDue"),
    rows: aligned.rows,
    plannerPab: aligned.plannerPab,
  });
  record.plannerBeginning = plannerBeginning;
  record.blockEnd = ctx.at(end, run.lastColumn);
  return { record, end };
}
