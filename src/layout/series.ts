import { SheetContext } from "./context";
import { Role } from "./labels";
import { parseQuantity } from "./quantities";
import { CellPos } from "./address";
import { PlanRecord, SeriesRow, seriesRow } from "./record";
import { packedMap } from "./arrays";

/** Reads one row (or column) of quantities; bad cells become diagnostics and count as 0. */
export function readSeries(
  ctx: SheetContext,
  item: string | null,
  role: Role,
  label: string,
  labelPos: CellPos,
  positions: [number, number][]
): SeriesRow {
  const values = packedMap(positions, ([r, c]) => ctx.quantityValue(r, c, item));
  return seriesRow(role, label, labelPos, ctx.cells(positions), values);
}

/** One row of quantities across the period columns (a grid's or a pivot's), as readSeries reads it. */
function readRowSeries(
  ctx: SheetContext,
  item: string,
  role: Role,
  label: string,
  labelPos: CellPos,
  row: number,
  columns: number[]
): SeriesRow {
  const values = ctx.rowQuantities(row, columns, item);
  return seriesRow(role, label, labelPos, ctx.rowCells(row, columns), values);
}

/** The planner's own PAB row: numbers where there are numbers, null where blank; never diagnosed as bad input. */
export function readPlannerPab(
  ctx: SheetContext,
  label: string,
  labelPos: CellPos,
  positions: [number, number][]
): { row: SeriesRow; values: (number | null)[]; formulas: boolean } {
  const values = packedMap(positions, ([r, c]) => {
    const v = ctx.value(r, c);
    if (v === "" || (typeof v === "string" && v.trim() === "")) return null;
    const q = parseQuantity(v);
    return q.ok ? q.value : null;
  });
  const formulas = positions.some(([r, c]) => ctx.formula(r, c) !== undefined);
  const row = seriesRow(
    "pab",
    label,
    labelPos,
    ctx.cells(positions),
    packedMap(values, (v) => v ?? 0)
  );
  return { row, values, formulas };
}

/** Hidden rows or columns holding figures: included, but said. */
export function reportHidden(
  ctx: SheetContext,
  item: string | null,
  positions: [number, number][]
): void {
  if (!ctx.hiddenRows.size && !ctx.hiddenColumns.size) return;
  const rows = new Set<number>();
  const columns = new Set<number>();
  for (const [r, c] of positions) {
    if (ctx.hiddenRows.has(r)) rows.add(r);
    if (ctx.hiddenColumns.has(c)) columns.add(c);
  }
  for (const r of rows) {
    const [first] = positions.filter(([pr]) => pr === r);
    ctx.report(
      "warning",
      "hidden-row",
      ctx.ref(first[0], first[1]),
      item,
      `Row ${r + 1} of ${ctx.name} is hidden; its figures are included`
    );
  }
  for (const c of columns) {
    const [first] = positions.filter(([, pc]) => pc === c);
    const ref = ctx.ref(first[0], first[1]);
    ctx.report(
      "warning",
      "hidden-column",
      ref,
      item,
      `${ref} is in a hidden column; its figures are included`
    );
  }
}

export interface LabelledRow {
  row: number;
  role: Role;
  text: string;
  labelPos: CellPos;
}

/** The rows of an aligned block (grid, pivot) read across the period columns: figures, and the planner's PAB. */
export function readAlignedRows(
  ctx: SheetContext,
  item: string,
  labelled: LabelledRow[],
  columns: number[]
): { rows: SeriesRow[]; plannerPab: PlanRecord["plannerPab"][] } {
  const rows: SeriesRow[] = [];
  const plannerPab: PlanRecord["plannerPab"][] = [];
  const hidden = ctx.hiddenRows.size > 0 || ctx.hiddenColumns.size > 0;
  for (const s of labelled) {
    if (s.role === "pab") {
      const positions: [number, number][] = columns.map((c) => [s.row, c]);
      plannerPab.push(readPlannerPab(ctx, s.text, s.labelPos, positions));
    } else if (s.role !== "atp") {
      if (hidden)
        reportHidden(
          ctx,
          item,
          columns.map((c) => [s.row, c])
        );
      rows.push(readRowSeries(ctx, item, s.role, s.text, s.labelPos, s.row, columns));
    }
  }
  return { rows, plannerPab };
}
