import { IncidentCase, IncidentStore, ItemProjection, NoticeStep, withFence } from "../incidents";
import { NoticeOutputs, NoticeRefused, draftNotice } from "../mail";
import { Report, ReportItem, factsForNotice } from "../report";
import { Language } from "./environment";

/** Where the pane runs, as far as the hand-offs care ("PC", "Mac", "OfficeOnline"; null outside Office). */
export type Platform = "PC" | "Mac" | "OfficeOnline" | "iOS" | "Android" | "Universal" | null;

export type Handoff = "clipboard" | "eml" | "graph" | "mailto";

export interface HandoffSupport {
  handoff: Handoff;
  works: boolean;
  /** The caveat that goes with it (e.g. a .eml opens as a draft only in classic Outlook for Windows). */
  note:
    | "everywhere"
    | "classic-outlook"
    | "no-download"
    | "no-graph"
    | "graph"
    | "mailto-web"
    | "no-mailto";
}

/** Which hand-offs work where the pane runs (DESIGN.md: Drafts). */
export function handoffsFor(platform: Platform, graph: boolean): HandoffSupport[] {
  const desktop = platform === "PC" || platform === "Mac";
  return [
    { handoff: "clipboard", works: true, note: "everywhere" },
    platform === "Mac" || platform === "iOS" || platform === "Android"
      ? { handoff: "eml", works: false, note: "no-download" }
      : { handoff: "eml", works: true, note: "classic-outlook" },
    { handoff: "graph", works: graph, note: graph ? "graph" : "no-graph" },
    desktop
      ? { handoff: "mailto", works: false, note: "no-mailto" }
      : { handoff: "mailto", works: true, note: "mailto-web" },
  ];
}

export function works(list: HandoffSupport[], h: Handoff): boolean {
  return list.find((x) => x.handoff === h)?.works ?? false;
}

/** The projections of the last scan, for the state machine (each item with the report's fence). */
export function projectionsOf(report: Report): ItemProjection[] {
  return report.items.map((i) => withFence(i, report.fence));
}

export function itemsOf(report: Report, c: IncidentCase): ReportItem[] {
  return c.risks
    .map((r) => report.items.find((i) => i.item === r.item && i.site === r.site))
    .filter((x): x is ReportItem => !!x);
}

export type DraftResult = { ok: true; outputs: NoticeOutputs } | { ok: false; reason: string };

/** A notice for this step: every item of the incident with its own facts, and what the user filled in. */
export function draftStep(
  report: Report,
  c: IncidentCase,
  step: NoticeStep,
  to: string[],
  lang: Language
): DraftResult {
  const items = itemsOf(report, c);
  const missing = c.risks.filter((r) => !items.some((i) => i.item === r.item && i.site === r.site));
  if (missing.length) return { ok: false, reason: missing.map((r) => r.item).join(", ") };
  try {
    const facts = items.map((i) => factsForNotice(i, report.diagnostics));
    return { ok: true, outputs: draftNotice(step, facts, to, c.details, lang) };
  } catch (e) {
    if (e instanceof NoticeRefused) return { ok: false, reason: e.message };
    throw e;
  }
}

/** A file name for the .eml: the incident and the step, nothing a file system trips over. */
export function emlName(c: IncidentCase, step: NoticeStep): string {
  return `${c.id}-${step}.eml`.replace(/[^A-Za-z0-9._-]+/g, "_");
}

export function upsert(store: IncidentStore, c: IncidentCase): IncidentStore {
  const i = store.incidents.findIndex((x) => x.id === c.id);
  const incidents = store.incidents.slice();
  if (i >= 0) incidents[i] = c;
  else incidents.push(c);
  return { ...store, incidents };
}

/** The open incident for these items, if there is one (raising an alert twice continues it). */
export function openIncidentFor(store: IncidentStore, items: ReportItem[]): IncidentCase | null {
  const keys = new Set(items.map((i) => `${i.item}\u0000${i.site ?? ""}`));
  return (
    store.incidents.find(
      (c) => !c.closedAt && c.risks.some((r) => keys.has(`${r.item}\u0000${r.site ?? ""}`))
    ) ?? null
  );
}

/** Hours as the pane shows them: "3 h 20 min", "2 d 4 h". */
export function duration(hours: number, lang: Language): string {
  const total = Math.max(0, Math.round(hours * 60));
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  if (lang === "zh-CN") return d ? `${d} 天 ${h} 小时` : h ? `${h} 小时 ${m} 分钟` : `${m} 分钟`;
  return d ? `${d} d ${h} h` : h ? `${h} h ${m} min` : `${m} min`;
}
