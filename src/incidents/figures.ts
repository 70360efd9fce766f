import { CauseCategory } from "./incident";
import { IncidentCase } from "./escalation";
import { CATEGORY_NAMES, LOG_COLUMNS, LogColumn } from "./logRows";
import { TARGET_STEPS, Targets, detectionLeadDays, targetState } from "./targets";

/** One row of the log table as read back: the fields the figures use. */
export interface LogTableRow {
  id: string | null;
  /** The 5M1E cell's text as typed (trimmed); null when empty. */
  category: string | null;
  leadDays: number | null;
}

const fold = (text: string) => text.normalize("NFKC").trim().toLowerCase();

const CATEGORY_BY_TEXT: Map<string, CauseCategory> = new Map(
  Object.values(CATEGORY_NAMES).flatMap((names) =>
    (Object.entries(names) as [CauseCategory, string][]).flatMap(([k, name]) => [
      [fold(name), k],
      [fold(k), k],
    ])
  )
);

/** A 5M1E category typed in either language, case- and width-insensitive ("ＭＡＣＨＩＮＥ", "机"); null if unknown. */
export function categoryFromText(text: string): CauseCategory | null {
  return CATEGORY_BY_TEXT.get(fold(text)) ?? null;
}

function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const t = String(v)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, " ")
    .trim();
  return t ? t.slice(0, 200) : null;
}

/**
 * The log table's values (header row first) as rows, its columns found by their header text in
 * either language, so a table sorted, filtered or with columns moved by hand reads the same.
 * Null when the header has no incident column (the table cannot be matched to incidents).
 */
export function logTableRows(values: unknown[][]): LogTableRow[] | null {
  if (!values.length) return null;
  const header = values[0].map((h) => fold(cellText(h) ?? ""));
  const at = (key: LogColumn) => {
    const col = LOG_COLUMNS.find((c) => c.key === key)!;
    return header.findIndex((h) => h === fold(col.en) || h === fold(col.zh));
  };
  const id = at("id");
  if (id < 0) return null;
  const category = at("category");
  const lead = at("leadDays");
  const rows: LogTableRow[] = [];
  for (const line of values.slice(1)) {
    if (line.every((v) => cellText(v) === null)) continue;
    const days = lead < 0 ? null : line[lead];
    rows.push({
      id: cellText(line[id]),
      category: category < 0 ? null : cellText(line[category]),
      leadDays: typeof days === "number" && Number.isFinite(days) ? days : null,
    });
  }
  return rows;
}

/** What the log says at a glance: incidents by 5M1E category, median detection lead time, notices on time. */
export interface LogFigures {
  incidents: number;
  /** By 5M1E category; text the table holds that is no category (e.g. "Tooling") counted under that text. */
  byCategory: { category: CauseCategory | null; text: string | null; count: number }[];
  /** Median days from detection to the first problem date; null when no incident has dates. */
  medianLeadDays: number | null;
  /** Steps with a target that were done (sent or recorded), and how many of them by their target. */
  done: number;
  withinTarget: number;
  /** withinTarget / done; null when nothing was done yet. */
  shareWithinTarget: number | null;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const v = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/**
 * The figures of the log. The category is what the log table says when its cell is filled (the
 * root-cause review types it there), else what the incident records; rows a person added to the
 * table (an id we do not keep) count as incidents too. The clocks come from the incidents kept.
 */
export function logFigures(
  cases: IncidentCase[],
  targets: Targets,
  now: string,
  table: LogTableRow[] | null = null
): LogFigures {
  const byId = new Map<string, LogTableRow>();
  const added: LogTableRow[] = [];
  const known = new Set(cases.map((c) => c.id));
  for (const row of table ?? []) {
    if (row.id !== null && known.has(row.id)) {
      if (!byId.has(row.id)) byId.set(row.id, row);
    } else if (row.id === null || !byId.has(row.id)) {
      if (row.id !== null) byId.set(row.id, row);
      added.push(row);
    }
  }
  const counts = new Map<
    string,
    { category: CauseCategory | null; text: string | null; count: number }
  >();
  const count = (category: CauseCategory | null, text: string | null) => {
    const key = category ?? (text === null ? "" : `\u0000${fold(text)}`);
    const entry = counts.get(key) ?? { category, text: category ? null : text, count: 0 };
    entry.count++;
    counts.set(key, entry);
  };
  const countText = (text: string) => count(categoryFromText(text), text);
  for (const c of cases) {
    const typed = byId.get(c.id)?.category;
    if (typed) countText(typed);
    else count(c.details.cause?.category ?? null, null);
  }
  for (const row of added) {
    if (row.category) countText(row.category);
    else count(null, null);
  }
  // Most first; on a tie the categories, then other text, then "no category".
  const rank = (e: { category: CauseCategory | null; text: string | null }) =>
    e.category ? 0 : e.text !== null ? 1 : 2;
  const byCategory = [...counts.values()].sort(
    (a, b) =>
      b.count - a.count ||
      rank(a) - rank(b) ||
      (a.category ?? a.text ?? "").localeCompare(b.category ?? b.text ?? "")
  );
  let done = 0;
  let withinTarget = 0;
  for (const c of cases)
    for (const step of TARGET_STEPS) {
      const s = targetState(c, step, targets, now);
      if (s.withinTarget === null) continue;
      done++;
      if (s.withinTarget) withinTarget++;
    }
  return {
    incidents: cases.length + added.length,
    byCategory,
    medianLeadDays: median(
      [...cases.map(detectionLeadDays), ...added.map((r) => r.leadDays)].filter(
        (d): d is number => d !== null
      )
    ),
    done,
    withinTarget,
    shareWithinTarget: done ? withinTarget / done : null,
  };
}
