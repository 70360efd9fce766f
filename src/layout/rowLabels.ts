import { SheetContext } from "./context";
import { Role, roleOf, splitLabelValue } from "./labels";

export interface RowLabel {
  role: Role | null;
  text: string;
  column: number;
}

/** The label of a row of figures: the nearest text left of the first period column that names a role. */
export function rowLabel(
  ctx: SheetContext,
  row: number,
  firstPeriodColumn: number,
  firstColumn = ctx.sheet.left
): RowLabel | null {
  const mapped = ctx.mappedRow(row);
  let first: RowLabel | null = null;
  for (let c = firstPeriodColumn - 1; c >= firstColumn; c--) {
    const text = ctx.text(row, c);
    if (!text) continue;
    const role = roleOf(text);
    const label: RowLabel = { role, text, column: c };
    if (mapped !== undefined) return { ...label, role: mapped === "ignore" ? null : mapped };
    if (role) return label;
    if (!first) first = label;
  }
  if (mapped !== undefined && mapped !== "ignore")
    return { role: mapped, text: "", column: firstPeriodColumn - 1 };
  return first;
}

export interface LabelPair {
  role: Role;
  label: string;
  labelCell: string;
  /** Where the value sits (absolute row and column). */
  row: number;
  column: number;
  text: string;
}

/**
 * Label/value pairs in rows [from, to] and columns before `beforeColumn` (or all): "On hand | 45",
 * "Item | FG-1001", or one cell "Item: FG-1001".
 */
export function labelPairs(
  ctx: SheetContext,
  from: number,
  to: number,
  beforeColumn?: number,
  firstColumn = ctx.sheet.left
): LabelPair[] {
  const pairs: LabelPair[] = [];
  const mappedCells = ctx.mapping?.cells ?? {};
  for (let r = from; r <= to; r++) {
    const last = beforeColumn === undefined ? ctx.right : beforeColumn - 1;
    for (let c = firstColumn; c <= last; c++) {
      const text = ctx.text(r, c);
      // What PAB Watch wrote (a PAB column's header or figure) is neither a label nor a value.
      if (!text || ctx.isOwned(r, c)) continue;
      const inline = splitLabelValue(text);
      if (inline) {
        pairs.push({
          role: inline.role,
          label: text,
          labelCell: ctx.ref(r, c),
          row: r,
          column: c,
          text: inline.value,
        });
        continue;
      }
      const role = roleOf(text);
      if (!role) continue;
      for (let v = c + 1; v <= Math.min(c + 3, last); v++) {
        if (ctx.isEmpty(r, v) || ctx.isOwned(r, v)) continue;
        const valueText = ctx.value(r, v);
        // A label next to a label is a table's header row ("Item | Measure | W1"), except the
        // item's own code that reads like a label ("Item | Total", "物料 | 期初"): the row's last cell.
        if (typeof valueText === "string" && roleOf(valueText)) {
          if (role !== "item" || !lastOfRow(ctx, r, v)) break;
        }
        pairs.push({
          role,
          label: text,
          labelCell: ctx.ref(r, c),
          row: r,
          column: v,
          text: String(valueText).trim(),
        });
        c = v;
        break;
      }
    }
  }
  for (const [address, role] of Object.entries(mappedCells)) {
    const m = /^([A-Z]{1,3})(\d+)$/.exec(address.toUpperCase());
    if (!m) continue;
    const row = Number(m[2]) - 1;
    if (row < from || row > to) continue;
    const column = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const idx = pairs.findIndex((p) => p.row === row && p.column === column);
    if (idx >= 0) pairs.splice(idx, 1);
    pairs.push({
      role,
      label: address,
      labelCell: ctx.ref(row, column),
      row,
      column,
      text: String(ctx.value(row, column)).trim(),
    });
  }
  return pairs;
}

/** Whether nothing of the planner's stands right of this cell in its row. */
function lastOfRow(ctx: SheetContext, row: number, column: number): boolean {
  for (let c = column + 1; c <= ctx.right; c++)
    if (!ctx.isEmpty(row, c) && !ctx.isOwned(row, c)) return false;
  return true;
}
