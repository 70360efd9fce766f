import { SheetContext } from "./context";
import { PLAN_ROLES, Role, isOpeningHeader, isTotalHeader, normalizeLabel } from "./labels";
import {
  PeriodHeader,
  isNextPeriod,
  parsePeriodHeader,
  periodKey,
  periodStarts,
  recordKind,
  withYears,
} from "./periods";
import { dateFormatKind } from "./dates";
import { parseQuantity } from "./quantities";
import { rowLabel } from "./rowLabels";
import { CellValue } from "./snapshot";
import { packedMap } from "./arrays";

/**
 * A period axis along a row: W1 … W8 (or 1 2 3, Jan … Dec, dates) across adjacent columns. The
 * reader's one idea: find these axes, then the labelled series along each, then the item and the
 * opening nearby. `findHeaderRuns` finds them; `transposed()` contexts give the axes down columns.
 */
export interface HeaderRun {
  row: number;
  /** The period columns, adjacent, in sheet order. */
  columns: number[];
  headers: PeriodHeader[];
  labels: string[];
  /** Bare numbers read as periods because labelled plan rows sit below them. */
  plain: boolean;
  /** The column just before period 1 when it is headed Before / Opening / Start / 期初: it holds the opening. */
  openingColumn: number | null;
  /** Columns right after the periods headed Total / Sum / Cost / 合计 / 小计: not periods, part of the block. */
  totalColumns: number[];
  /** The block's columns: from the first one its labels may use (after a block beside it) to its last total. */
  firstColumn: number;
  lastColumn: number;
}

function displayed(ctx: SheetContext, row: number, column: number, h: PeriodHeader): string {
  const v = ctx.value(row, column);
  if (typeof v === "string") return v.trim();
  switch (h.kind) {
    case "date":
      return h.iso;
    case "month":
      return `${h.year}-${String(h.month).padStart(2, "0")}`;
    default:
      return String(v);
  }
}

/** The kind of a run's periods (its first readable header). */
export function runKind(run: HeaderRun): "number" | "week" | "date" | "month" {
  return recordKind(run.headers.find((h) => h.kind !== "bad"));
}

/** A bare whole number 1–999 shown as a number (no date format): perhaps a period number; else 0. */
function plainValue(value: CellValue, format: string | undefined): number {
  let n: number;
  if (typeof value === "number") {
    if (format && !/^(general|0)$/i.test(format)) return 0;
    n = value;
  } else if (typeof value === "string" && /^\s*\d{1,3}\s*$/.test(value)) n = Number(value);
  else return 0;
  return Number.isInteger(n) && n >= 1 && n <= 999 ? n : 0;
}

const kindOf = (h: PeriodHeader) => (h.kind === "number" && h.plain ? "plain" : h.kind);

/** Where a run stops and a new one starts: another kind, or the sequence starting over (Jan … Jun, Jan … Jun). */
function startsOver(run: PeriodHeader[], h: PeriodHeader): boolean {
  if (h.kind === "bad") return false;
  const first = run[0].kind !== "bad" ? run[0] : run.find((x) => x.kind !== "bad");
  if (!first) return false;
  if (first.kind !== h.kind || kindOf(first) !== kindOf(h)) return true;
  if (h.kind === "monthName") return h.month === (first as typeof h).month; // Oct … Sep runs on
  return run.length >= 2 && periodKey(h) <= periodKey(first);
}

/**
 * Plain numbers are periods only where they head a plan: not a row of figures itself (its label
 * names no series), mostly counting up, with a labelled plan row holding numbers under them.
 */
function headsAPlan(ctx: SheetContext, run: HeaderRun): boolean {
  const own = rowLabel(ctx, run.row, run.columns[0], run.firstColumn);
  if (own?.role && ([...PLAN_ROLES, "safetyStock", "pastDue"] as Role[]).includes(own.role))
    return false;
  for (let r = run.row + 1; r <= Math.min(ctx.bottom, run.row + 4); r++) {
    const label = rowLabel(ctx, r, run.columns[0], run.firstColumn);
    if (!label?.role || !PLAN_ROLES.includes(label.role)) continue;
    if (run.columns.some((c) => !ctx.isEmpty(r, c))) return true;
  }
  return false;
}

/** Bare numbers 1–12 under or beside a "Month" / "月份" label are months, not weeks. */
function monthsByNumber(ctx: SheetContext, run: HeaderRun): boolean {
  if (!run.headers.every((h) => h.kind === "number" && h.n <= 12)) return false;
  const label = rowLabel(ctx, run.row, run.columns[0], run.firstColumn);
  const above = ctx.text(run.row - 1, run.columns[0] - 1);
  return [label?.text ?? "", above].some((t) => /^(month|mth|mo|月|月份)$/.test(normalizeLabel(t)));
}

type RowSegment = { columns: number[]; headers: PeriodHeader[] };

/** Runs of at least two adjacent period headers of one kind in a row. */
export function findHeaderRuns(ctx: SheetContext): HeaderRun[] {
  const runs: HeaderRun[] = [];
  const left = ctx.sheet.left;
  const right = ctx.right;
  const formatted = ctx.hasFormats;
  // This loop visits every cell of the sheet: the row's cells are read directly and the state is
  // kept in locals (closures over it would make every step a memory access).
  for (let r = ctx.sheet.top; r <= ctx.bottom; r++) {
    const cells = ctx.sheet.values[r - ctx.sheet.top];
    const inRow: RowSegment[] = [];
    let columns: number[] = [];
    let headers: PeriodHeader[] = [];
    // Bare numbers, tracked without allocating (most numbers in a sheet are figures, not periods).
    let start = -1;
    let prev = 0;
    let ups = 0;
    let len = 0;
    let plainAt: Set<number> | null = null;
    for (let c = left; c <= right + 1; c++) {
      const v = c <= right && cells ? (cells[c - left] ?? "") : "";
      let h: PeriodHeader | null = null;
      let n = 0;
      if (typeof v === "number" && !formatted) {
        // A number without a format (most cells): no date, perhaps a period number.
        n = Number.isInteger(v) && v >= 1 && v <= 999 ? v : 0;
      } else if (v !== "") {
        const format = ctx.format(r, c);
        h = parsePeriodHeader(v, format, ctx.date1904);
        if (!h) n = plainValue(v, format);
      }
      if (n) {
        const wrap = prev >= 52 && n <= 2;
        if (len && n < prev && !wrap) {
          plainAt = plainStretch(ctx, r, start, c, len, ups, inRow, plainAt);
          start = -1;
          len = 0;
          ups = 0;
        }
        if (!len) start = c;
        else if (n === prev + 1 || (wrap && n === 1)) ups++;
        len++;
        prev = n;
      } else if (len) {
        plainAt = plainStretch(ctx, r, start, c, len, ups, inRow, plainAt);
        start = -1;
        len = 0;
        ups = 0;
      }
      if (!h) {
        if (headers.length) {
          keepSegment(inRow, columns, headers);
          columns = [];
          headers = [];
        }
        continue;
      }
      if (headers.length && startsOver(headers, h)) {
        keepSegment(inRow, columns, headers);
        columns = [];
        headers = [];
      }
      columns.push(c);
      headers.push(h);
    }
    if (headers.length) keepSegment(inRow, columns, headers);
    if (inRow.length) runs.push(...rowRuns(ctx, r, inRow, plainAt));
  }
  return runs;
}

/** A stretch of period headers of one kind: kept when at least two of them are readable. */
function keepSegment(inRow: RowSegment[], columns: number[], headers: PeriodHeader[]): void {
  if (headers.length >= 2 && headers.filter((h) => h.kind !== "bad").length >= 2)
    inRow.push({ columns, headers });
}

/** A stretch of bare numbers [start, end) that mostly counts up: kept as perhaps period numbers. */
function plainStretch(
  ctx: SheetContext,
  r: number,
  start: number,
  end: number,
  len: number,
  ups: number,
  inRow: RowSegment[],
  plainAt: Set<number> | null
): Set<number> | null {
  if (len < 2 || ups * 2 < len - 1) return plainAt;
  const cols: number[] = [];
  for (let c = start; c < end; c++) cols.push(c);
  inRow.push({
    columns: cols,
    headers: cols.map((c) => ({
      kind: "number",
      n: plainValue(ctx.value(r, c), undefined),
      plain: true,
    })),
  });
  const at = plainAt ?? new Set<number>();
  for (const c of cols) at.add(c);
  return at;
}

/** The runs of one row, in column order: plain numbers kept only as a whole stretch heading a plan. */
function rowRuns(
  ctx: SheetContext,
  r: number,
  inRow: { columns: number[]; headers: PeriodHeader[] }[],
  plainAt: Set<number> | null
): HeaderRun[] {
  const out: HeaderRun[] = [];
  inRow.sort((x, y) => x.columns[0] - y.columns[0]);
  // Not 13 14 15 inside "12 0 13 14 15 1 9": a neighbour that is a number must be a period too.
  const numeric = (c: number) => typeof ctx.value(r, c) === "number" && !plainAt?.has(c);
  let from = ctx.sheet.left;
  for (const seg of inRow) {
    const plain = kindOf(seg.headers[0]) === "plain";
    const c1 = seg.columns[0];
    const cn = seg.columns[seg.columns.length - 1];
    if (plain && (numeric(c1 - 1) || numeric(cn + 1))) continue;
    const run: HeaderRun = {
      row: r,
      columns: seg.columns,
      headers: seg.headers,
      labels: packedMap(seg.columns, (c, i) => displayed(ctx, r, c, seg.headers[i])),
      plain,
      openingColumn: null,
      totalColumns: [],
      firstColumn: from,
      lastColumn: cn,
    };
    if (plain && !headsAPlan(ctx, run)) continue;
    if (plain && monthsByNumber(ctx, run)) {
      run.headers = run.headers.map((h) => ({ kind: "monthName", month: (h as { n: number }).n }));
      run.plain = false;
    }
    let last = cn;
    while (last < ctx.right && isTotalHeader(ctx.text(r, last + 1))) run.totalColumns.push(++last);
    run.lastColumn = last;
    if (c1 - 1 >= from && isOpeningHeader(ctx.text(r, c1 - 1))) run.openingColumn = c1 - 1;
    out.push(run);
    from = last + 1;
  }
  return out;
}

/** Headers that are not periods (an impossible date) are errors; a skipped or repeated period is a warning. */
export function checkRun(ctx: SheetContext, run: HeaderRun, item: string): void {
  let prev: PeriodHeader | null = null;
  run.headers.forEach((h, i) => {
    if (h.kind !== "bad" && (!prev || isNextPeriod(prev, h))) {
      prev = h;
      return;
    }
    const ref = ctx.ref(run.row, run.columns[i]);
    if (h.kind === "bad") {
      ctx.report("error", "bad-period", ref, item, `${ref}: ${h.reason}`);
    } else if (prev && !isNextPeriod(prev, h)) {
      const plain = h.kind === "number" && h.plain;
      ctx.report(
        "warning",
        "period-gap",
        ref,
        item,
        `${ref}: ${run.labels[i]} does not follow ${run.labels[i - 1]}${plain ? "; the periods are read in sheet order" : ""}`
      );
    }
    prev = h.kind === "bad" ? null : h;
  });
}

/**
 * The period fields of a record whose periods are this run's headers. Months without a year take
 * it from the start date, else from a date in the sheet (said as info), else stay undated.
 */
export function runPeriods(
  ctx: SheetContext,
  run: HeaderRun,
  startDate: string | null,
  item: string | null = null
) {
  let headers = run.headers;
  if (headers.some((h) => h.kind === "monthName")) {
    const fromSheet = startDate ? null : ctx.firstDate();
    const anchor = startDate ?? fromSheet?.iso ?? null;
    headers = withYears(headers, anchor);
    const first = ctx.ref(run.row, run.columns[0]);
    const year = headers[0].kind === "month" ? headers[0].year : null;
    ctx.report(
      "info",
      "month-year",
      first,
      item,
      anchor
        ? `${first}: ${run.labels[0]} has no year; read as ${run.labels[0]} ${year}, from ${fromSheet ? `the date in ${fromSheet.cell}` : `the start date ${startDate}`}`
        : `${first}: the months have no year and neither a start date nor a date in the sheet gives one; they stay undated`
    );
  }
  return {
    periods: run.labels,
    periodStarts: periodStarts(headers, startDate),
    periodKind: runKind(run),
    periodAt: ctx.rowCells(run.row, run.columns),
  };
}

/** A figure in a cell that is a number (or a number typed as text). */
export function isNumberCell(ctx: SheetContext, row: number, column: number): boolean {
  const v = ctx.value(row, column);
  if (v === "" || typeof v === "boolean") return false;
  return parseQuantity(v).ok && !(typeof v === "string" && v.trim() === "");
}

/** A figure of the plan: a number that is not a date (a "Last update | 2026-11-30" row is no figure). */
export function isFigureCell(ctx: SheetContext, row: number, column: number): boolean {
  if (!isNumberCell(ctx, row, column)) return false;
  return !(typeof ctx.value(row, column) === "number" && dateFormatKind(ctx.format(row, column)));
}
