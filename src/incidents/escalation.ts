import { Incident } from "./incident";
import { NOTICE_STEPS, NoticeStep } from "./noticeSteps";
import {
  ItemProjection,
  RiskSnapshot,
  ordersDependOnReceipt,
  ordersOnlyShortages,
  projectionOf,
  snapshotRisk,
} from "./projection";

export type { NoticeStep } from "./noticeSteps";
export { NOTICE_STEPS } from "./noticeSteps";

export const CUSTOMER_STEPS: readonly NoticeStep[] = [
  "customer-risk",
  "customer-confirmed",
  "customer-all-clear",
];

/** One notice of the incident: when it was drafted and when the user confirmed it sent. */
export interface StepRecord {
  step: NoticeStep;
  /** ISO date-time of the latest draft. */
  draftedAt: string;
  sentAt: string | null;
}

export interface Assessment {
  /** The supply-chain manager who assessed it. */
  by: string;
  at: string;
  solvableInTime: boolean;
  note?: string;
}

/** How far an incident went: the highest step drafted (or closed). */
export type Level =
  | "detected"
  | "internal"
  | "assessed"
  | "customer-risk"
  | "customer-confirmed"
  | "customer-all-clear"
  | "all-clear"
  | "closed";

/** What only a person can add to the log row (the projection cannot). */
export interface LogDetails {
  rootCause?: string;
  /** Quantity that actually ended short, once known. */
  actualShort?: number | null;
  premiumFreightCost?: number | null;
  lineStopped?: boolean | null;
  effectivenessCheck?: string;
}

/** One incident as it lives in the workbook: the risks, the people, every step taken. */
export interface IncidentCase {
  id: string;
  risks: RiskSnapshot[];
  roles: { detectedBy: string; assessor: string | null; sender: string | null };
  /** ISO date-time the risk was seen. */
  detectedAt: string;
  /** Cause, countermeasures, transport, orders, contact: what the notices say (the user's words). */
  details: Incident;
  assessment: Assessment | null;
  steps: StepRecord[];
  log: LogDetails;
  closedAt: string | null;
}

export type Action =
  | { type: "draft"; step: NoticeStep }
  | { type: "assess"; by: string; solvableInTime: boolean; note?: string }
  | { type: "sent"; step: NoticeStep }
  | { type: "close" };

export type RefusalCode =
  | "closed"
  | "needs-internal"
  | "already-sent"
  | "not-drafted"
  | "needs-assessment"
  | "assessed-solvable"
  | "orders-covered"
  | "not-short"
  | "needs-customer-notice"
  | "still-short"
  | "customer-told"
  | "needs-assessor"
  | "needs-all-clear"
  | "no-projection"
  | "sent-before-drafted";

/** Why a step is refused (or, as a warning, what to watch); the pane and the CLI word it per language. */
export interface Refusal {
  code: RefusalCode;
  step?: NoticeStep;
  item?: string;
  period?: string;
  quantity?: number;
  at?: string;
  by?: string;
}

export type Outcome =
  { ok: true; next: IncidentCase; warnings: Refusal[] } | { ok: false; refusal: Refusal };

export interface StepContext {
  /** ISO date-time now. */
  now: string;
  /** The current projection of every item (re-checked on every step: the plan may have changed). */
  projections: readonly ItemProjection[];
}

export function stepRecord(c: IncidentCase, step: NoticeStep): StepRecord | undefined {
  return c.steps.find((s) => s.step === step);
}

/** A new incident from one risk or several (one broken mould can hit many items). */
export function openIncident(
  id: string,
  projections: readonly ItemProjection[],
  detectedBy: string,
  detectedAt: string,
  details: Incident = {}
): IncidentCase {
  if (!projections.length) throw new Error("an incident needs at least one item");
  return {
    id,
    risks: projections.map(snapshotRisk),
    roles: { detectedBy, assessor: null, sender: null },
    detectedAt,
    details: {
      ...details,
      id,
      item: details.item ?? projections[0].item,
      ...(projections.length > 1 ? { items: projections.map((p) => p.item) } : {}),
    },
    assessment: null,
    steps: [],
    log: {},
    closedAt: null,
  };
}

/**
 * More items into an open incident (the same cause found to hit them too): each with its risk as
 * the plan shows it now; items already in it stay as they were raised.
 */
export function addItems(c: IncidentCase, projections: readonly ItemProjection[]): IncidentCase {
  const fresh = projections.filter(
    (p) => !c.risks.some((r) => r.item === p.item && r.site === (p.site ?? null))
  );
  if (!fresh.length || c.closedAt) return c;
  const risks = [...c.risks, ...fresh.map(snapshotRisk)];
  return {
    ...c,
    risks,
    details: {
      ...c.details,
      item: c.details.item ?? risks[0].item,
      items: risks.map((r) => r.item),
    },
  };
}

function stillShort(c: IncidentCase, ctx: StepContext): Refusal | null {
  for (const risk of c.risks) {
    const p = projectionOf(ctx.projections, risk);
    if (!p) return { code: "no-projection", item: risk.item };
    const short = ordersOnlyShortages(p)[0];
    if (short) return { code: "still-short", item: risk.item, ...short };
  }
  return null;
}

function ordersAtRisk(c: IncidentCase, ctx: StepContext): Refusal | null {
  for (const risk of c.risks) {
    const p = projectionOf(ctx.projections, risk);
    if (!p) return { code: "no-projection", item: risk.item };
    if (ordersOnlyShortages(p).length || ordersDependOnReceipt(p)) return null;
  }
  return { code: "orders-covered" };
}

function ordersShort(c: IncidentCase, ctx: StepContext): Refusal | null {
  for (const risk of c.risks) {
    const p = projectionOf(ctx.projections, risk);
    if (!p) return { code: "no-projection", item: risk.item };
    if (ordersOnlyShortages(p).length) return null;
  }
  return { code: "not-short" };
}

/** Why drafting this step now is refused; null when it may be drafted. Warnings are separate. */
function draftRefusal(c: IncidentCase, step: NoticeStep, ctx: StepContext): Refusal | null {
  const sent = stepRecord(c, step)?.sentAt;
  if (sent) return { code: "already-sent", step, at: sent };
  if (step === "internal") return null;
  if (!stepRecord(c, "internal")) return { code: "needs-internal", step };
  const told = CUSTOMER_STEPS.slice(0, 2).some((s) => stepRecord(c, s));
  switch (step) {
    case "all-clear":
      return told && !stepRecord(c, "customer-all-clear") ? { code: "customer-told" } : null;
    case "customer-risk":
    case "customer-confirmed": {
      if (!c.assessment) return { code: "needs-assessment", step };
      if (step === "customer-risk" && c.assessment.solvableInTime)
        return { code: "assessed-solvable", by: c.assessment.by, at: c.assessment.at };
      return step === "customer-risk" ? ordersAtRisk(c, ctx) : ordersShort(c, ctx);
    }
    case "customer-all-clear":
      if (!told) return { code: "needs-customer-notice" };
      return stillShort(c, ctx);
    case "review":
      return null;
  }
}

function warningsFor(c: IncidentCase, step: NoticeStep, ctx: StepContext): Refusal[] {
  if (step !== "all-clear") return [];
  const short = stillShort(c, ctx);
  return short ? [short] : [];
}

/** Whether an action is allowed now, and why not. */
export function check(c: IncidentCase, action: Action, ctx: StepContext): Refusal | null {
  if (c.closedAt) return { code: "closed", at: c.closedAt };
  switch (action.type) {
    case "draft":
      return draftRefusal(c, action.step, ctx);
    case "assess":
      if (!action.by.trim()) return { code: "needs-assessor" };
      if (!stepRecord(c, "internal")) return { code: "needs-internal" };
      return null;
    case "sent": {
      const r = stepRecord(c, action.step);
      if (!r) return { code: "not-drafted", step: action.step };
      if (r.sentAt) return { code: "already-sent", step: action.step, at: r.sentAt };
      if (Date.parse(ctx.now) < Date.parse(r.draftedAt))
        return { code: "sent-before-drafted", step: action.step, at: r.draftedAt };
      return null;
    }
    case "close":
      return stepRecord(c, "all-clear") || stepRecord(c, "customer-all-clear")
        ? null
        : { code: "needs-all-clear" };
  }
}

/** Applies one action; a refused one leaves the incident as it was and says why. */
export function transition(c: IncidentCase, action: Action, ctx: StepContext): Outcome {
  const refusal = check(c, action, ctx);
  if (refusal) return { ok: false, refusal };
  switch (action.type) {
    case "draft": {
      const steps = c.steps.filter((s) => s.step !== action.step);
      steps.push({ step: action.step, draftedAt: ctx.now, sentAt: null });
      const log =
        action.step === "customer-confirmed" && (c.log.actualShort ?? null) === null
          ? { ...c.log, actualShort: confirmedShort(c, ctx) }
          : c.log;
      return {
        ok: true,
        next: { ...c, steps: orderSteps(steps), log },
        warnings: warningsFor(c, action.step, ctx),
      };
    }
    case "assess": {
      const assessment: Assessment = {
        by: action.by.trim(),
        at: ctx.now,
        solvableInTime: action.solvableInTime,
        ...(action.note ? { note: action.note } : {}),
      };
      return {
        ok: true,
        next: {
          ...c,
          assessment,
          roles: { ...c.roles, assessor: assessment.by },
          details: {
            ...c.details,
            // The notices' incident keeps minutes (YYYY-MM-DDTHH:MM, UTC here).
            assessment: {
              by: assessment.by,
              at: ctx.now.slice(0, 16),
              solvableInTime: action.solvableInTime,
            },
          },
        },
        warnings: [],
      };
    }
    case "sent":
      return {
        ok: true,
        next: {
          ...c,
          steps: c.steps.map((s) => (s.step === action.step ? { ...s, sentAt: ctx.now } : s)),
        },
        warnings: [],
      };
    case "close":
      return { ok: true, next: { ...c, closedAt: ctx.now }, warnings: [] };
  }
}

/** What is short against orders when the disruption is confirmed: the peak per item, summed. */
function confirmedShort(c: IncidentCase, ctx: StepContext): number {
  return c.risks.reduce((sum, risk) => {
    const p = projectionOf(ctx.projections, risk);
    const short = p ? ordersOnlyShortages(p).map((s) => s.quantity) : [];
    return sum + Math.max(0, ...short);
  }, 0);
}

function orderSteps(steps: StepRecord[]): StepRecord[] {
  return steps.sort((a, b) => NOTICE_STEPS.indexOf(a.step) - NOTICE_STEPS.indexOf(b.step));
}

const LEVEL_ORDER: Level[] = [
  "detected",
  "internal",
  "assessed",
  "customer-risk",
  "customer-confirmed",
  "customer-all-clear",
  "all-clear",
  "closed",
];

/** The furthest the incident went (an all-clear after a customer notice still counts as reaching the customer). */
export function levelReached(c: IncidentCase): Level {
  if (c.closedAt) return "closed";
  let level: Level = "detected";
  const raise = (l: Level) => {
    if (LEVEL_ORDER.indexOf(l) > LEVEL_ORDER.indexOf(level)) level = l;
  };
  if (stepRecord(c, "internal")) raise("internal");
  if (c.assessment) raise("assessed");
  for (const s of CUSTOMER_STEPS) if (stepRecord(c, s)) raise(s as Level);
  if (stepRecord(c, "all-clear") && !CUSTOMER_STEPS.some((s) => stepRecord(c, s)))
    raise("all-clear");
  return level;
}

/** The highest customer-facing level, for the log: what the customer was told. */
export function customerLevel(c: IncidentCase): NoticeStep | null {
  for (const s of [...CUSTOMER_STEPS].reverse()) if (stepRecord(c, s)) return s;
  return null;
}
