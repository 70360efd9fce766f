import { SheetContext } from "./context";
import { readFigure } from "./figures";
import { CellFigure } from "./record";
import { TableHeader, keyText } from "./tableHeader";

export interface ItemAttributes {
  opening: CellFigure | null;
  safetyStock: CellFigure | null;
}

/** Item → on hand / safety stock, from a table such as "Item | On hand | Safety stock" on any sheet. */
export type AttributeTable = Map<string, ItemAttributes>;

export function attributeKey(item: string, site: string | null): string {
  return `${item}\u0000${site ?? ""}`;
}

export function isAttributeHeader(h: TableHeader): boolean {
  const c = h.columns;
  return (
    c.item !== undefined &&
    (c.onHand !== undefined || c.safetyStock !== undefined) &&
    c.period === undefined &&
    c.orders === undefined
  );
}

export function readAttributeTable(
  ctx: SheetContext,
  h: TableHeader,
  into: AttributeTable
): number {
  let r = h.row + 1;
  for (; r <= ctx.bottom; r++) {
    if (ctx.rowIsEmpty(r)) break;
    const item = keyText(ctx, r, h.columns.item);
    if (!item) continue;
    const site = keyText(ctx, r, h.columns.site) || null;
    const figure = (role: "onHand" | "safetyStock") => {
      const col = h.columns[role];
      return col !== undefined && !ctx.isEmpty(r, col) ? readFigure(ctx, item, role, r, col) : null;
    };
    into.set(attributeKey(item, site), {
      opening: figure("onHand"),
      safetyStock: figure("safetyStock"),
    });
  }
  return r - 1;
}
