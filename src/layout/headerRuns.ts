import { SheetContext } from "./context";
import { PLAN_ROLES, Role, isOpeningHeader, isTotalHeader } from "./labels";
import {
  PeriodHeader,
  isNextPeriod,
  parsePeriodHeader,
  periodKey,
  periodStarts,
  recordKind,
  withYears,
} from "./periods";
import { parseQuantity } from "./quantities";
import { rowLabel } from "./rowLabels";
import { CellValue } from "./snapshot";

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

/** A bare whole number 1–999 shown as a number (no date format): perhaps a period number. */
function plainNumber(value: CellValue, format: string | undefined): PeriodHeader | null {
  if (typeof value === "string" && !/^\s*\d{1,3}\s*$/.test(value)) return null;
  if (typeof value !== "number" && typeof value !== "string") return null;
  if (typeof value === "number" && format && !/^(general|0)$/i.test(format)) return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 999 ? { kind: "number", n, plain: true } : null;
}

const kindOf = (h: PeriodHeader) => (h.kind === "number" && h.plain ? "plain" : h.kind);

/** Where a run stops and a new one starts: another kind, or the sequence starting over (Jan … Jun, Jan … Jun). */
function startsOver(run: PeriodHeader[], h: PeriodHeader): boolean {
  const first = run.find((x) => x.kind !== "bad");
  if (!first || h.kind === "bad") return false;
  if (kindOf(first) !== kindOf(h)) return true;
  const prev = run[run.length - 1];
  if (h.kind === "number" && h.plain && prev.kind === "number") {
    const wrap = prev.n >= 52 && h.n <= 2;
    return h.n < prev.n && !wrap;
  }
  if (h.kind === "monthName") return h.month === (first as typeof h).month; // Oct … Sep runs on
  return run.length >= 2 && periodKey(h) <= periodKey(first) && kindOf(first) !== "plain";
}

/**
 * Plain numbers are periods only where they head a plan: not a row of figures itself (its label
 * names no series), mostly counting up, with a labelled plan row holding numbers under them.
 */
function headsAPlan(ctx: SheetContext, run: HeaderRun): boolean {
  const ns = run.headers.map((h) => (h.kind === "number" ? h.n : NaN));
  const ups = ns.slice(1).filter((n, i) => n === ns[i] + 1 || (ns[i] >= 52 && n === 1)).length;
  if (ups * 2 < ns.length - 1) return false;
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

/** Runs of at least two adjacent period headers of one kind in a row. */
export function findHeaderRuns(ctx: SheetContext): HeaderRun[] {
  const runs: HeaderRun[] = [];
  for (let r = ctx.sheet.top; r <= ctx.bottom; r++) {
    const inRow: HeaderRun[] = [];
    let current: HeaderRun | null = null;
    const flush = () => {
      if (current && current.headers.filter((h) => h.kind !== "bad").length >= 2)
        inRow.push(current);
      current = null;
    };
    for (let c = ctx.sheet.left; c <= ctx.right + 1; c++) {
      const v = c <= ctx.right ? ctx.value(r, c) : "";
      const h =
        c <= ctx.right
          ? (parsePeriodHeader(v, ctx.format(r, c), ctx.date1904) ??
            plainNumber(v, ctx.format(r, c)))
          : null;
      if (!h) {
        flush();
        continue;
      }
      const run = current as HeaderRun | null;
      if (run && startsOver(run.headers, h)) flush();
      if (!current)
        current = {
          row: r,
          columns: [],
          headers: [],
          labels: [],
          plain: h.kind === "number" && !!h.plain,
          openingColumn: null,
          totalColumns: [],
          firstColumn: ctx.sheet.left,
          lastColumn: c,
        };
      const cur = current as HeaderRun;
      cur.columns.push(c);
      cur.headers.push(h);
      cur.labels.push(displayed(ctx, r, c, h));
    }
    flush();
    // Bare numbers are a header only as a whole stretch: not 13 14 15 inside "12 0 13 14 15 1 9".
    const numeric = (c: number) => typeof ctx.value(r, c) === "number";
    const plainAt = new Set(inRow.filter((x) => x.plain).flatMap((x) => x.columns));
    const whole = (run: HeaderRun) => {
      const a = run.columns[0] - 1;
      const b = run.columns[run.columns.length - 1] + 1;
      return (!numeric(a) || plainAt.has(a)) && (!numeric(b) || plainAt.has(b));
    };
    let from = ctx.sheet.left;
    for (const run of inRow) {
      run.firstColumn = from;
      const c1 = run.columns[0];
      let last = run.columns[run.columns.length - 1];
      while (last < ctx.right && isTotalHeader(ctx.text(r, last + 1)))
        run.totalColumns.push(++last);
      run.lastColumn = last;
      if (c1 - 1 >= from && isOpeningHeader(ctx.text(r, c1 - 1))) run.openingColumn = c1 - 1;
      if (run.plain && !(whole(run) && headsAPlan(ctx, run))) continue;
      runs.push(run);
      from = last + 1;
    }
  }
  return runs;
}

/** Headers that are not periods (an impossible date) are errors; a skipped or repeated period is a warning. */
export function checkRun(ctx: SheetContext, run: HeaderRun, item: string): void {
  let prev: PeriodHeader | null = null;
  run.headers.forEach((h, i) => {
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
    periodCells: run.columns.map((c) => ctx.ref(run.row, c)),
  };
}

/** A figure in a cell that is a number (or a number typed as text). */
export function isNumberCell(ctx: SheetContext, row: number, column: number): boolean {
  const v = ctx.value(row, column);
  if (v === "" || typeof v === "boolean") return false;
  return parseQuantity(v).ok && !(typeof v === "string" && v.trim() === "");
}
