import { SheetContext } from "./context";
import { PeriodHeader, isNextPeriod, parsePeriodHeader, periodStarts } from "./periods";

/** A row of period headers: W1 … W8 across columns. */
export interface HeaderRun {
  row: number;
  columns: number[];
  headers: PeriodHeader[];
  labels: string[];
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
  for (const h of run.headers) if (h.kind !== "bad") return h.kind;
  return "number";
}

/** Runs of at least two adjacent period headers of one kind in a row. */
export function findHeaderRuns(ctx: SheetContext): HeaderRun[] {
  const runs: HeaderRun[] = [];
  for (let r = ctx.sheet.top; r <= ctx.bottom; r++) {
    let current: HeaderRun | null = null;
    const flush = () => {
      if (current && current.headers.filter((h) => h.kind !== "bad").length >= 2)
        runs.push(current);
      current = null;
    };
    for (let c = ctx.sheet.left; c <= ctx.right + 1; c++) {
      const h =
        c <= ctx.right ? parsePeriodHeader(ctx.value(r, c), ctx.format(r, c), ctx.date1904) : null;
      if (!h) {
        flush();
        continue;
      }
      const run = current as HeaderRun | null;
      const firstGood = run?.headers.find((x) => x.kind !== "bad");
      if (run && firstGood && h.kind !== "bad" && h.kind !== firstGood.kind) flush();
      if (!current) current = { row: r, columns: [], headers: [], labels: [] };
      const cur = current as HeaderRun;
      cur.columns.push(c);
      cur.headers.push(h);
      cur.labels.push(displayed(ctx, r, c, h));
    }
    flush();
  }
  return runs;
}

/** Headers that are not periods (an impossible date) are errors; a skipped period is a warning. */
export function checkRun(ctx: SheetContext, run: HeaderRun, item: string): void {
  let prev: PeriodHeader | null = null;
  run.headers.forEach((h, i) => {
    const ref = ctx.ref(run.row, run.columns[i]);
    if (h.kind === "bad") {
      ctx.report("error", "bad-period", ref, item, `${ref}: ${h.reason}`);
    } else if (prev && !isNextPeriod(prev, h)) {
      ctx.report(
        "warning",
        "period-gap",
        ref,
        item,
        `${ref}: ${run.labels[i]} does not follow ${run.labels[i - 1]}`
      );
    }
    prev = h.kind === "bad" ? null : h;
  });
}

/** The period fields of a record whose periods are this run's headers. */
export function runPeriods(ctx: SheetContext, run: HeaderRun, startDate: string | null) {
  return {
    periods: run.labels,
    periodStarts: periodStarts(run.headers, startDate),
    periodKind: runKind(run),
    periodCells: run.columns.map((c) => ctx.ref(run.row, c)),
  };
}
