import { IncidentCase, NoticeStep, stepRecord } from "./escalation";

/**
 * Target times per workbook, in hours from each step's anchor: the internal alert from detection,
 * the assessment from the internal alert, the customer notice from the assessment, the confirmed
 * disruption notice from the moment the disruption was confirmed (its draft: "at once"), the
 * review from the confirmed disruption (or the all-clear).
 */
export interface Targets {
  internal: number;
  assessment: number;
  "customer-risk": number;
  "customer-confirmed": number;
  review: number;
}

export const DEFAULT_TARGETS: Targets = {
  internal: 4,
  assessment: 8,
  "customer-risk": 24,
  "customer-confirmed": 2,
  review: 120,
};

export type TargetStep = keyof Targets;
export const TARGET_STEPS: readonly TargetStep[] = [
  "internal",
  "assessment",
  "customer-risk",
  "customer-confirmed",
  "review",
];

const HOUR = 3_600_000;

export function addHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * HOUR).toISOString();
}

export function hoursBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / HOUR;
}

/** Checks stored targets; anything that is not a positive number of hours falls back to the default. */
export function sanitizeTargets(value: unknown): Targets {
  const v = (value ?? {}) as Record<string, unknown>;
  const out = { ...DEFAULT_TARGETS };
  for (const k of TARGET_STEPS) {
    const n = v[k];
    if (typeof n === "number" && Number.isFinite(n) && n > 0 && n <= 24 * 365) out[k] = n;
  }
  return out;
}

function anchorOf(c: IncidentCase, step: TargetStep): string | null {
  switch (step) {
    case "internal":
      return c.detectedAt;
    case "assessment": {
      const r = stepRecord(c, "internal");
      return r ? (r.sentAt ?? r.draftedAt) : null;
    }
    case "customer-risk":
      return c.assessment?.at ?? null;
    case "customer-confirmed":
      return stepRecord(c, "customer-confirmed")?.draftedAt ?? null;
    case "review": {
      const r = stepRecord(c, "customer-confirmed") ?? stepRecord(c, "all-clear");
      return r ? (r.sentAt ?? r.draftedAt) : null;
    }
  }
}

/** When the step is done: sent (a notice) or recorded (the assessment). */
function doneAt(c: IncidentCase, step: TargetStep): string | null {
  if (step === "assessment") return c.assessment?.at ?? null;
  return stepRecord(c, step as NoticeStep)?.sentAt ?? null;
}

export interface TargetState {
  step: TargetStep;
  /** ISO time it is due; null while its anchor has not happened. */
  due: string | null;
  doneAt: string | null;
  /** Done by the target (true), late (false), or not done yet (null). */
  withinTarget: boolean | null;
  /** Past due and not done. */
  overdue: boolean;
}

export function targetState(
  c: IncidentCase,
  step: TargetStep,
  targets: Targets,
  now: string
): TargetState {
  const anchor = anchorOf(c, step);
  const due = anchor ? addHours(anchor, targets[step]) : null;
  const done = doneAt(c, step);
  return {
    step,
    due,
    doneAt: done,
    withinTarget: done && due ? Date.parse(done) <= Date.parse(due) : null,
    overdue: !done && due !== null && Date.parse(now) > Date.parse(due),
  };
}

/** Hours since the risk was detected (the clock the pane shows). */
export function clockSinceDetection(c: IncidentCase, now: string): number {
  return Math.max(0, hoursBetween(c.detectedAt, now));
}

function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/**
 * Days from detection to the first date a problem shows (the earliest over the incident's items);
 * negative when it was detected after that date; null when the periods have no dates.
 */
export function detectionLeadDays(c: IncidentCase): number | null {
  const dates = c.risks
    .map((r) => r.firstProblem?.date ?? null)
    .filter((d): d is string => d !== null);
  if (!dates.length) return null;
  const first = dates.sort()[0];
  return dayNumber(first) - dayNumber(c.detectedAt);
}
