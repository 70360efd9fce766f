import { SheetContext } from "./context";
import { parseQuantity, describeValue } from "./quantities";
import { CellFigure } from "./record";

/**
 * On hand, safety stock or past due from one cell. On hand may be negative (a backlog carried in:
 * a warning); the others may not.
 */
export function readFigure(
  ctx: SheetContext,
  item: string,
  kind: "onHand" | "safetyStock" | "pastDue",
  row: number,
  column: number
): CellFigure | null {
  const raw = ctx.value(row, column);
  const ref = ctx.ref(row, column);
  const q = parseQuantity(raw);
  if (!q.ok) {
    ctx.report("error", q.code, ref, item, `${ref}: ${describeValue(raw)} ${q.reason}`);
    return null;
  }
  if (q.value < 0) {
    if (kind === "onHand") {
      ctx.report(
        "warning",
        "negative-opening",
        ref,
        item,
        `${ref}: on hand ${q.value} is negative: read as a backlog carried into period 1`
      );
    } else {
      ctx.report(
        "error",
        "negative-quantity",
        ref,
        item,
        `${ref}: ${q.value} is negative; ${kind === "pastDue" ? "past due" : "safety stock"} cannot be`
      );
      return null;
    }
  }
  return { value: q.value, cell: ref };
}
