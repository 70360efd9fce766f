import { CauseCategory } from "./incident";
import { IncidentCase } from "./escalation";
import { TARGET_STEPS, Targets, detectionLeadDays, targetState } from "./targets";

/** What the log says at a glance: incidents by 5M1E category, median detection lead time, notices on time. */
export interface LogFigures {
  incidents: number;
  byCategory: { category: CauseCategory | null; count: number }[];
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

export function logFigures(cases: IncidentCase[], targets: Targets, now: string): LogFigures {
  const counts = new Map<CauseCategory | null, number>();
  for (const c of cases) {
    const k = c.details.cause?.category ?? null;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const byCategory = [...counts.entries()]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || String(a.category).localeCompare(String(b.category)));
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
    incidents: cases.length,
    byCategory,
    medianLeadDays: median(cases.map(detectionLeadDays).filter((d): d is number => d !== null)),
    done,
    withinTarget,
    shareWithinTarget: done ? withinTarget / done : null,
  };
}
