import { IncidentError, parseIncident } from "./incident";
import {
  Assessment,
  IncidentCase,
  LogDetails,
  NOTICE_STEPS,
  NoticeStep,
  StepRecord,
} from "./escalation";
import { RiskSnapshot } from "./projection";
import { DEFAULT_TARGETS, Targets, sanitizeTargets } from "./targets";

/** What the workbook keeps about incidents (in its settings, so a colleague who opens it sees them). */
export interface IncidentStore {
  targets: Targets;
  incidents: IncidentCase[];
}

export const EMPTY_STORE: IncidentStore = { targets: DEFAULT_TARGETS, incidents: [] };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

function fail(where: string, what: string): never {
  throw new IncidentError(`${where}: ${what}`);
}

function obj(v: unknown, where: string): Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) fail(where, "must be an object");
  return v as Record<string, unknown>;
}

function text(v: unknown, where: string): string {
  if (typeof v !== "string") fail(where, "must be text");
  return v;
}

function optText(v: unknown, where: string): string | null {
  return v === null || v === undefined ? null : text(v, where);
}

function time(v: unknown, where: string): string {
  const t = text(v, where);
  if (!ISO_TIME.test(t) || Number.isNaN(Date.parse(t)))
    fail(where, `"${t}" is not a date and time (2026-12-01T09:30:00Z)`);
  return new Date(Date.parse(t)).toISOString();
}

function optTime(v: unknown, where: string): string | null {
  return v === null || v === undefined ? null : time(v, where);
}

function num(v: unknown, where: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) fail(where, "must be a number");
  return v;
}

function risk(v: unknown, where: string): RiskSnapshot {
  const r = obj(v, where);
  const periods = r.periodsAtRisk ?? [];
  if (!Array.isArray(periods)) fail(`${where}.periodsAtRisk`, "must be a list");
  const first =
    r.firstProblem === null || r.firstProblem === undefined
      ? null
      : obj(r.firstProblem, `${where}.firstProblem`);
  const receipt =
    r.receiptAtRisk === null || r.receiptAtRisk === undefined
      ? null
      : obj(r.receiptAtRisk, `${where}.receiptAtRisk`);
  const status = first ? text(first.status, `${where}.firstProblem.status`) : "ok";
  if (!["stockout", "at-risk", "low", "ok"].includes(status))
    fail(`${where}.firstProblem.status`, `"${status}" is not a status`);
  return {
    item: text(r.item, `${where}.item`),
    site: optText(r.site, `${where}.site`),
    sheet: optText(r.sheet, `${where}.sheet`),
    periodsAtRisk: periods.map((p, i) => text(p, `${where}.periodsAtRisk[${i + 1}]`)),
    quantityAtRisk: num(r.quantityAtRisk ?? 0, `${where}.quantityAtRisk`),
    firstProblem: first
      ? {
          period: text(first.period, `${where}.firstProblem.period`),
          date: optText(first.date, `${where}.firstProblem.date`),
          status: status as "stockout" | "at-risk" | "low" | "ok",
        }
      : null,
    receiptAtRisk: receipt
      ? {
          period: text(receipt.period, `${where}.receiptAtRisk.period`),
          date: optText(receipt.date, `${where}.receiptAtRisk.date`),
          quantity: num(receipt.quantity, `${where}.receiptAtRisk.quantity`),
          slack: 0,
        }
      : null,
  };
}

function steps(v: unknown, where: string): StepRecord[] {
  if (!Array.isArray(v)) fail(where, "must be a list");
  const seen = new Set<string>();
  return v.map((x, i) => {
    const w = `${where}[${i + 1}]`;
    const s = obj(x, w);
    const step = text(s.step, `${w}.step`);
    if (!NOTICE_STEPS.includes(step as NoticeStep))
      fail(`${w}.step`, `must be one of ${NOTICE_STEPS.join(", ")}`);
    if (seen.has(step)) fail(`${w}.step`, `${step} appears twice`);
    seen.add(step);
    const draftedAt = time(s.draftedAt, `${w}.draftedAt`);
    const sentAt = optTime(s.sentAt, `${w}.sentAt`);
    if (sentAt && Date.parse(sentAt) < Date.parse(draftedAt))
      fail(`${w}.sentAt`, "is before it was drafted");
    return { step: step as NoticeStep, draftedAt, sentAt };
  });
}

function log(v: unknown, where: string): LogDetails {
  if (v === undefined || v === null) return {};
  const l = obj(v, where);
  const out: LogDetails = {};
  if (l.rootCause !== undefined) out.rootCause = text(l.rootCause, `${where}.rootCause`);
  if (l.actualShort !== undefined && l.actualShort !== null) {
    out.actualShort = num(l.actualShort, `${where}.actualShort`);
    if (out.actualShort < 0) fail(`${where}.actualShort`, "cannot be negative");
  }
  if (l.premiumFreightCost !== undefined && l.premiumFreightCost !== null)
    out.premiumFreightCost = num(l.premiumFreightCost, `${where}.premiumFreightCost`);
  if (l.lineStopped !== undefined && l.lineStopped !== null) {
    if (typeof l.lineStopped !== "boolean") fail(`${where}.lineStopped`, "must be true or false");
    out.lineStopped = l.lineStopped;
  }
  if (l.effectivenessCheck !== undefined)
    out.effectivenessCheck = text(l.effectivenessCheck, `${where}.effectivenessCheck`);
  return out;
}

/** An incident as the pane keeps it (and exports it), checked; the message names the field that is wrong. */
export function parseIncidentCase(data: unknown, where = "incident"): IncidentCase {
  const d = obj(data, where);
  const risks = d.risks;
  if (!Array.isArray(risks) || !risks.length) fail(`${where}.risks`, "must list at least one item");
  const roles = obj(d.roles ?? {}, `${where}.roles`);
  const a =
    d.assessment === null || d.assessment === undefined
      ? null
      : obj(d.assessment, `${where}.assessment`);
  let assessment: Assessment | null = null;
  if (a) {
    if (typeof a.solvableInTime !== "boolean")
      fail(`${where}.assessment.solvableInTime`, "must be true or false");
    assessment = {
      by: text(a.by, `${where}.assessment.by`),
      at: time(a.at, `${where}.assessment.at`),
      solvableInTime: a.solvableInTime,
      ...(a.note ? { note: text(a.note, `${where}.assessment.note`) } : {}),
    };
  }
  let details;
  try {
    details = parseIncident(d.details ?? {});
  } catch (e) {
    if (e instanceof IncidentError) fail(`${where}.details`, e.message);
    throw e;
  }
  return {
    id: text(d.id, `${where}.id`),
    risks: risks.map((r, i) => risk(r, `${where}.risks[${i + 1}]`)),
    roles: {
      detectedBy: text(roles.detectedBy ?? "", `${where}.roles.detectedBy`),
      assessor: optText(roles.assessor, `${where}.roles.assessor`),
      sender: optText(roles.sender, `${where}.roles.sender`),
    },
    detectedAt: time(d.detectedAt, `${where}.detectedAt`),
    details,
    assessment,
    steps: steps(d.steps ?? [], `${where}.steps`),
    log: log(d.log, `${where}.log`),
    closedAt: optTime(d.closedAt, `${where}.closedAt`),
  };
}

/** The workbook's incident store as read from its settings; an incident that no longer checks is dropped, not guessed at. */
export function sanitizeStore(value: unknown): { store: IncidentStore; dropped: string[] } {
  const v = (value ?? {}) as Record<string, unknown>;
  const dropped: string[] = [];
  const incidents: IncidentCase[] = [];
  for (const [i, x] of (Array.isArray(v.incidents) ? v.incidents : []).entries()) {
    try {
      incidents.push(parseIncidentCase(x, `incidents[${i + 1}]`));
    } catch (e) {
      if (!(e instanceof IncidentError)) throw e;
      dropped.push(e.message);
    }
  }
  return { store: { targets: sanitizeTargets(v.targets), incidents }, dropped };
}

/** A new incident id: INC-<year>-<3 digits>, the next free one in the store. */
export function nextIncidentId(store: IncidentStore, now: string): string {
  const year = now.slice(0, 4);
  const used = new Set(store.incidents.map((c) => c.id));
  for (let n = 1; ; n++) {
    const id = `INC-${year}-${String(n).padStart(3, "0")}`;
    if (!used.has(id)) return id;
  }
}
