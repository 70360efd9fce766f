import { SheetContext } from "./context";
import { normalizeLabel, roleOf, splitLabelValue } from "./labels";
import { PeriodHeader, parsePeriodHeader, withYears } from "./periods";
import { parseQuantity } from "./quantities";

/** Labels of a per-period beginning inventory (its first cell is the opening, the rest PAB of the period before). */
export function isBeginningLabel(text: string): boolean {
  return /^(opening|beginning|starting|begin|start)\b|^期初|^上期期末/.test(normalizeLabel(text));
}

/** Whether a cell holds a figure (a number, or text that reads as one). */
export function holdsNumber(ctx: SheetContext, row: number, column: number): boolean {
  const v = ctx.value(row, column);
  if (typeof v === "number") return true;
  if (typeof v !== "string" || !v.trim()) return false;
  const q = parseQuantity(v);
  return q.ok || q.code === "ambiguous-number";
}

/**
 * A title naming the item: the nearest lone text cell above `row` (rows `from` … row−1), skipping
 * blank rows and rows of label/value pairs. Not a label of a role, not a period.
 */
export function titleAbove(
  ctx: SheetContext,
  from: number,
  row: number
): { text: string; row: number; column: number } | null {
  for (let r = row - 1; r >= from && r >= row - 4; r--) {
    const cells: number[] = [];
    for (let c = ctx.sheet.left; c <= ctx.right && cells.length < 3; c++)
      if (!ctx.isEmpty(r, c) && !ctx.isOwned(r, c)) cells.push(c);
    if (!cells.length) continue;
    const texts = cells.map((c) => ctx.value(r, c));
    if (texts.some((t) => typeof t === "string" && (roleOf(t) || splitLabelValue(t)))) continue;
    if (cells.length !== 1) return null;
    const v = texts[0];
    if (typeof v !== "string") return null;
    const text = v.trim();
    if (text.length > 60 || parsePeriodHeader(text, undefined, false)) return null;
    return { text, row: r, column: cells[0] };
  }
  return null;
}

/**
 * Months without a year (Jan … Dec) given one from the start date or the first date in the sheet,
 * said as info at `cell`; other headers unchanged.
 */
export function datedHeaders(
  ctx: SheetContext,
  headers: PeriodHeader[],
  startDate: string | null,
  cell: string,
  label: string,
  item: string | null
): PeriodHeader[] {
  if (!headers.some((h) => h.kind === "monthName")) return headers;
  const fromSheet = startDate ? null : ctx.firstDate();
  const anchor = startDate ?? fromSheet?.iso ?? null;
  const dated = withYears(headers, anchor);
  const year = dated[0]?.kind === "month" ? dated[0].year : null;
  ctx.report(
    "info",
    "month-year",
    cell,
    item,
    anchor
      ? `${cell}: ${label} has no year; read as ${label} ${year}, from ${fromSheet ? `the date in ${fromSheet.cell}` : `the start date ${startDate}`}`
      : `${cell}: the months have no year and neither a start date nor a date in the sheet gives one; they stay undated`
  );
  return dated;
}
