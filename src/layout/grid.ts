import { assemble } from "./assemble";
import { SheetContext } from "./context";
import { readFigure } from "./figures";
import { HeaderRun, checkRun, runPeriods } from "./headerRuns";
import { Role, SERIES_ROLES, roleOf } from "./labels";
import { CellFigure, PlanRecord } from "./record";
import { labelPairs, rowLabel } from "./rowLabels";
import { readAlignedRows } from "./series";

const PRE_AREA_ROLES: readonly Role[] = ["item", "site", "onHand", "safetyStock"];

export interface GridBlock {
  /** Null when the figures have no item name (a diagnostic says so). */
  record: PlanRecord | null;
  /** Last row that belongs to the block. */
  end: number;
}

/**
 * One MPS block: period headers across, figures in labelled rows below, the item and its on hand
 * and safety stock as label/value pairs above (or as columns left of the first period).
 */
export function readGridBlock(
  ctx: SheetContext,
  run: HeaderRun,
  from: number,
  until: number,
  startDate: string | null
): GridBlock | null {
  const c1 = run.columns[0];

  // Rows of figures below the header.
  const seriesRows: { row: number; role: Role; text: string; column: number }[] = [];
  let end = run.row;
  let blanks = 0;
  for (let r = run.row + 1; r <= until; r++) {
    if (ctx.rowIsEmpty(r)) {
      if (++blanks >= 2 && seriesRows.length) break;
      continue;
    }
    blanks = 0;
    const label = rowLabel(ctx, r, c1);
    if (!label?.role) continue;
    if (PRE_AREA_ROLES.includes(label.role) && ctx.mappedRow(r) === undefined) break;
    if (SERIES_ROLES.includes(label.role)) {
      seriesRows.push({ row: r, role: label.role, text: label.text, column: label.column });
      end = r;
    }
  }
  if (!seriesRows.length) return null;

  // The item, site, on hand and safety stock: pairs above the header (and left of the periods on the header row).
  const pairs = [...labelPairs(ctx, from, run.row - 1), ...labelPairs(ctx, run.row, run.row, c1)];
  const itemPair = pairs.find((p) => p.role === "item");
  const sitePair = pairs.find((p) => p.role === "site");
  const item = itemPair?.text || null;
  if (!item) {
    const at = ctx.ref(seriesRows[0].row, seriesRows[0].column);
    ctx.report(
      "error",
      "item-missing",
      at,
      null,
      `${at}: these figures have no item name above them (a cell "Item" with the code beside it)`
    );
    return { record: null, end };
  }

  checkRun(ctx, run, item);
  const figure = (role: "onHand" | "safetyStock" | "pastDue"): CellFigure | null => {
    const pair = pairs.find((p) => p.role === role);
    if (pair) return readFigure(ctx, item, role, pair.row, pair.column);
    // As a column left of the periods: "On hand" in the header row, the figure in the first figures row below.
    for (let c = ctx.sheet.left; c < c1; c++) {
      if (roleOf(ctx.text(run.row, c)) !== role) continue;
      const source =
        role === "pastDue"
          ? seriesRows.find((s) => s.role === "orders")
          : seriesRows.find((s) => !ctx.isEmpty(s.row, c));
      return source && !ctx.isEmpty(source.row, c)
        ? readFigure(ctx, item, role, source.row, c)
        : null;
    }
    return null;
  };

  const { rows, plannerPab } = readAlignedRows(
    ctx,
    item,
    seriesRows.map((x) => ({ ...x, labelCell: ctx.ref(x.row, x.column) })),
    run.columns
  );

  const record = assemble(ctx, {
    item,
    itemCell: itemPair ? ctx.ref(itemPair.row, itemPair.column) : null,
    site: sitePair?.text || null,
    layout: "grid",
    ...runPeriods(ctx, run, startDate),
    opening: figure("onHand"),
    safetyStock: figure("safetyStock"),
    pastDue: figure("pastDue"),
    rows,
    plannerPab,
  });
  return { record, end };
}
