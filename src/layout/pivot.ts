import { CellPos, CellRange } from "./address";
import { assemble } from "./assemble";
import { SheetContext } from "./context";
import { readFigure } from "./figures";
import { HeaderRun, checkRun, isFigureCell, runPeriods } from "./headerRuns";
import { IGNORED_ROLES, Role, SERIES_ROLES, DERIVED_REASON, roleOf } from "./labels";
import { CellFigure, PlanRecord } from "./record";
import { readAlignedRows } from "./series";

/** Whether a header run heads an ERP/pivot export: an item column left of the periods. */
export function isPivotHeader(ctx: SheetContext, run: HeaderRun): boolean {
  for (let c = run.firstColumn; c < run.columns[0]; c++)
    if (roleOf(ctx.text(run.row, c)) === "item") return true;
  return false;
}

interface Group {
  item: string;
  site: string | null;
  rows: { row: number; role: Role; text: string; labelPos: CellPos }[];
  figureRows: { row: number; role: "onHand" | "safetyStock" | "pastDue" }[];
  firstRow: number;
  itemRow: number;
}

/** One row per item and measure (Item | Site | Measure | W1 … Wn); blank item cells repeat the one above. */
export function readPivot(
  ctx: SheetContext,
  run: HeaderRun,
  until: number,
  startDate: string | null,
  owned: CellRange[] = []
): { records: PlanRecord[]; end: number } {
  const c1 = run.columns[0];
  const columns: Partial<Record<Role, number>> = {};
  for (let c = run.firstColumn; c < c1; c++) {
    const role = roleOf(ctx.text(run.row, c));
    if (role && columns[role] === undefined) columns[role] = c;
  }
  const itemCol = columns.item as number;
  const measureCol = columns.measure ?? c1 - 1;
  // Our PAB rows under the table are PAB Watch's, not a measure of the item above them.
  const ours = owned.filter((a) => a.left <= measureCol && measureCol <= a.right);
  const isOurs = (r: number) => ours.some((a) => a.top <= r && r <= a.bottom);

  const groups = new Map<string, Group>();
  let lastItem = "";
  let lastItemRow = run.row;
  let lastSite: string | null = null;
  let end = run.row;
  let blanks = 0;
  for (let r = run.row + 1; r <= until; r++) {
    // A row holding nothing of the planner's but a PAB row of ours is as good as empty.
    if (ctx.rowIsEmptyButOurs(r)) {
      if (++blanks >= 1 && groups.size) break;
      continue;
    }
    blanks = 0;
    if (isOurs(r)) continue;
    const itemText = ctx.text(r, itemCol) || String(ctx.value(r, itemCol) || "").trim();
    if (itemText) {
      lastItem = itemText;
      lastItemRow = r;
      lastSite = columns.site !== undefined ? ctx.text(r, columns.site) || null : null;
    } else if (columns.site !== undefined && ctx.text(r, columns.site)) {
      lastSite = ctx.text(r, columns.site);
    }
    if (!lastItem) continue;
    const mapped = ctx.mappedRow(r);
    const text = ctx.text(r, measureCol);
    const role = mapped === "ignore" ? null : (mapped ?? roleOf(text));
    if (!role || IGNORED_ROLES.includes(role)) {
      const at = ctx.ref(r, measureCol);
      if (mapped !== "ignore" && run.columns.some((c) => isFigureCell(ctx, r, c))) {
        if (role)
          ctx.report(
            "info",
            "derived-row",
            at,
            lastItem,
            `${at}: "${text}" ${DERIVED_REASON}; read and not used`
          );
        else
          ctx.report(
            "error",
            "row-not-understood",
            at,
            lastItem,
            `${at}: row ${r + 1} of ${lastItem} holds figures under the periods, but PAB Watch does not know what "${text}" is; it is not used. Rename the measure or give the row a role with a mapping`
          );
        end = r;
      }
      continue;
    }
    const key = `${lastItem}\u0000${lastSite ?? ""}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        item: lastItem,
        site: lastSite,
        rows: [],
        figureRows: [],
        firstRow: r,
        itemRow: lastItemRow,
      };
      groups.set(key, g);
    }
    if (SERIES_ROLES.includes(role))
      g.rows.push({ row: r, role, text, labelPos: ctx.at(r, measureCol) });
    else if (role === "onHand" || role === "safetyStock" || role === "pastDue")
      g.figureRows.push({ row: r, role });
    end = r;
  }

  const records: PlanRecord[] = [];
  for (const g of groups.values()) {
    checkRun(ctx, run, g.item);
    const allRows = [...g.rows.map((x) => x.row), ...g.figureRows.map((x) => x.row)];
    const figure = (role: "onHand" | "safetyStock" | "pastDue"): CellFigure | null => {
      const fr = g.figureRows.find((x) => x.role === role);
      if (fr) return readFigure(ctx, g.item, role, fr.row, c1);
      const col = columns[role];
      if (col === undefined) return null;
      const source =
        role === "pastDue"
          ? g.rows.find((x) => x.role === "orders")?.row
          : allRows.find((r) => !ctx.isEmpty(r, col));
      return source !== undefined && !ctx.isEmpty(source, col)
        ? readFigure(ctx, g.item, role, source, col)
        : null;
    };
    const { rows, plannerPab } = readAlignedRows(ctx, g.item, g.rows, run.columns);
    records.push(
      assemble(ctx, {
        item: g.item,
        itemPos: ctx.at(g.itemRow, itemCol),
        site: g.site,
        layout: "pivot",
        ...runPeriods(ctx, run, startDate),
        opening: figure("onHand"),
        safetyStock: figure("safetyStock"),
        pastDue: figure("pastDue"),
        rows,
        plannerPab,
      })
    );
  }
  return { records, end };
}
