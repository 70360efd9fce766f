import { CellRange, parseRange } from "./address";
import { SheetContext } from "./context";
import { isOpeningHeader, isTotalHeader } from "./labels";
import { PeriodHeader, parsePeriodHeader } from "./periods";
import { isErrorValue } from "./quantities";
import type { HeaderRun } from "./headerRuns";

/** Control characters and bidi overrides a header may carry from an export; never shown. */
const HIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+/g;

const kindOf = (h: PeriodHeader) => (h.kind === "number" && h.plain ? "plain" : h.kind);

/** The mapped period header of a sheet as a range, or null; `across` when it runs along a row. */
export function mappedPeriodRange(ctx: SheetContext): { range: CellRange; across: boolean } | null {
  const at = ctx.mapping?.periods;
  if (!at) return null;
  const range = parseRange(at);
  return { range, across: range.top === range.bottom };
}

/**
 * The periods of a header the planner mapped, cell by cell, in order. Headers the reader knows
 * (W1, dates, months …) are read as such when every cell is one of one kind; otherwise each cell
 * is a period in sheet order named by its text (dated weekly from the start date). A cell that
 * cannot name a period (empty, an error value, an impossible date) is a "bad" header, which the
 * caller reports naming the cell.
 */
export function mappedHeaders(
  ctx: SheetContext,
  cells: [number, number][]
): { headers: PeriodHeader[]; labels: string[] } {
  /** Null: a name the reader does not know as a period ("Sprint 4", "KW49"). */
  const parsed: (PeriodHeader | null)[] = [];
  const labels: string[] = [];
  for (const [r, c] of cells) {
    const v = ctx.value(r, c);
    const text =
      typeof v === "string" ? v.replace(HIDDEN, " ").replace(/\s+/g, " ").trim() : String(v);
    let h: PeriodHeader | null;
    if (v === "" || !text)
      h = {
        kind: "bad",
        reason: "the cell is empty; every period of the mapped header needs a name",
      };
    else if (typeof v === "boolean")
      h = { kind: "bad", reason: `${text.toUpperCase()} is not a period header` };
    else if (isErrorValue(text))
      h = { kind: "bad", reason: `${text} is an error value, not a period header` };
    else h = parsePeriodHeader(typeof v === "string" ? text : v, ctx.format(r, c), ctx.date1904);
    parsed.push(h);
    labels.push(
      typeof v === "string" || !h
        ? text
        : h.kind === "date"
          ? h.iso
          : h.kind === "month"
            ? `${h.year}-${String(h.month).padStart(2, "0")}`
            : text
    );
  }
  const good = parsed.filter((h) => h?.kind !== "bad");
  const asRead =
    good.every((h) => h !== null) && new Set(good.map((h) => h && kindOf(h))).size <= 1;
  const headers = parsed.map((h, i): PeriodHeader =>
    h && (h.kind === "bad" || asRead) ? h : { kind: "number", n: i + 1, plain: true }
  );
  return { headers, labels };
}

/**
 * The period axis a mapping gives a row (periods across), replacing the reader's own runs on that
 * row where they overlap it. Runs of other rows are kept.
 */
export function withMappedRun(ctx: SheetContext, runs: HeaderRun[]): HeaderRun[] {
  const mapped = mappedPeriodRange(ctx);
  if (!mapped || !mapped.across) return runs;
  const { top: row, left, right } = mapped.range;
  const columns: number[] = [];
  for (let c = left; c <= right; c++) columns.push(c);
  const { headers, labels } = mappedHeaders(
    ctx,
    columns.map((c) => [row, c])
  );
  const kept = runs.filter((r) => r.row !== row || r.lastColumn < left || r.columns[0] > right);
  const before = kept.filter((r) => r.row === row && r.lastColumn < left);
  const firstColumn = before.length
    ? Math.max(...before.map((r) => r.lastColumn)) + 1
    : ctx.sheet.left;
  const totalColumns: number[] = [];
  let last = right;
  while (last < ctx.right && isTotalHeader(ctx.text(row, last + 1))) totalColumns.push(++last);
  const run: HeaderRun = {
    row,
    columns,
    headers,
    labels,
    plain: false,
    openingColumn:
      left - 1 >= firstColumn && isOpeningHeader(ctx.text(row, left - 1)) ? left - 1 : null,
    totalColumns,
    firstColumn,
    lastColumn: last,
  };
  const out = [...kept, run];
  out.sort((a, b) => a.row - b.row || a.columns[0] - b.columns[0]);
  return out;
}
