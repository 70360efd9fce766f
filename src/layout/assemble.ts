import { SheetContext } from "./context";
import { SUPPLY_ROLES } from "./labels";
import { CellList, CellPos, cellOf, refOf } from "./address";
import { CellFigure, LayoutKind, PlanRecord, SeriesRow, withPeriodCells } from "./record";

export interface RecordParts {
  item: string;
  itemPos: CellPos | null;
  site: string | null;
  layout: LayoutKind;
  periods: string[];
  periodStarts: (string | null)[];
  periodKind: PlanRecord["periodKind"];
  periodAt: CellList;
  opening: CellFigure | null;
  safetyStock: CellFigure | null;
  pastDue: CellFigure | null;
  rows: SeriesRow[];
  plannerPab: PlanRecord["plannerPab"][];
}

/** One record from the rows found for an item: picks orders and forecast, gathers supply, says what is unsure. */
export function assemble(ctx: SheetContext, parts: RecordParts): PlanRecord {
  const { item } = parts;
  const pick = (role: "orders" | "forecast"): SeriesRow | null => {
    const rows = parts.rows.filter((r) => r.role === role);
    if (rows.length > 1) {
      ctx.report(
        "error",
        "ambiguous-row",
        rows[1].labelCell,
        item,
        `${item}: ${rows.map((r) => `${r.labelCell} "${r.label}"`).join(" and ")} could both be the ${
          role === "orders" ? "customer orders" : "forecast"
        }; used ${rows[0].labelCell}. Choose one with a mapping if that is wrong`
      );
    }
    return rows[0] ?? null;
  };
  const orders = pick("orders");
  const forecast = pick("forecast");
  const supply = parts.rows.filter((r) => SUPPLY_ROLES.includes(r.role));
  const pabs = parts.plannerPab.filter((p): p is NonNullable<typeof p> => p !== null);
  if (pabs.length > 1) {
    ctx.report(
      "warning",
      "ambiguous-row",
      pabs[1].row.labelCell,
      item,
      `${item}: ${pabs.map((p) => p.row.labelCell).join(" and ")} could both be the PAB row; checked ${pabs[0].row.labelCell}`
    );
  }
  const firstPeriod = cellOf(parts.periodAt, 0);
  if (!orders) {
    ctx.report(
      "error",
      "ambiguous-row",
      firstPeriod ? refOf(firstPeriod) : null,
      item,
      `${item}: no customer orders row found`
    );
  }
  return withPeriodCells({
    item,
    itemCell: parts.itemPos ? refOf(parts.itemPos) : null,
    itemPos: parts.itemPos,
    site: parts.site,
    sheet: ctx.name,
    layout: parts.layout,
    periods: parts.periods,
    periodStarts: parts.periodStarts,
    periodKind: parts.periodKind,
    periodAt: parts.periodAt,
    opening: parts.opening,
    safetyStock: parts.safetyStock,
    pastDue: parts.pastDue,
    orders,
    forecast,
    supply,
    plannerPab: pabs[0] ?? null,
    flagged: false,
  });
}
