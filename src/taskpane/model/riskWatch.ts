import { STATUS_SEVERITY, Status } from "../../engine";
import { ReportItem } from "../../report";

/** What counts as a risk: problems within the next `horizon` periods; receipts whose slack is at most `slackThreshold`. */
export interface WatchSettings {
  horizon: number;
  slackThreshold: number;
}

export const DEFAULT_WATCH: WatchSettings = { horizon: 8, slackThreshold: 0 };

export type Change = "new" | "worse" | "unchanged" | "better" | "resolved";
export type RiskStatus = Exclude<Status, "ok">;

/** One item's risk within the horizon. Indexes are 0-based periods of the item. */
export interface Assessment {
  status: RiskStatus;
  /** The first period of the worst problem: short, a receipt that must land, or below safety stock. */
  firstIndex: number;
  /** What is wrong there: the quantity short, the receipt needed, or the gap to safety stock. */
  quantity: number;
  /** The largest shortage within the horizon. */
  peak: { index: number; quantity: number } | null;
  /** The receipt at risk: the first within the horizon whose slack is at most the threshold. */
  receipt: { index: number; quantity: number; slack: number } | null;
}

export interface Snooze {
  /** Quiet until this date (ISO), or null. */
  until: string | null;
  /** Quiet until it gets worse. */
  untilWorse: boolean;
}

/** What the last scan saw of one risk; kept in the workbook's settings. */
export interface MemoryEntry {
  item: string;
  site: string | null;
  sheet: string;
  firstDetected: string;
  status: RiskStatus;
  firstIndex: number;
  peak: number;
  acknowledged: boolean;
  snooze: Snooze | null;
  /** Resolved at the last scan: shown once, then forgotten. */
  resolved: boolean;
}

export interface RiskMemory {
  version: 1;
  scannedOn: string | null;
  entries: Record<string, MemoryEntry>;
  /** The horizon and slack threshold last chosen in this workbook. */
  watch?: WatchSettings;
}

export const EMPTY_MEMORY: RiskMemory = { version: 1, scannedOn: null, entries: {} };
export const MEMORY_KEY = "PABWatch.risks";

export interface RiskEntry {
  key: string;
  item: ReportItem | null;
  name: string;
  sheet: string;
  /** Null only for a resolved risk (then `was` says what it was). */
  assessment: Assessment | null;
  was: MemoryEntry | null;
  change: Change;
  firstDetected: string;
  acknowledged: boolean;
  snooze: Snooze | null;
  /** Hidden from the list until the snooze ends or the risk gets worse. */
  snoozed: boolean;
}

export function riskKey(item: { sheet: string; item: string; site: string | null }): string {
  return `${item.sheet}|${item.item}|${item.site ?? ""}`;
}

export function displayName(item: { item: string; site: string | null }): string {
  return item.site ? `${item.item} (${item.site})` : item.item;
}

/** The item's risk within the horizon, or null when nothing within it needs attention. */
export function assess(item: ReportItem, settings: WatchSettings): Assessment | null {
  const n = Math.min(item.pab.length, Math.max(1, settings.horizon));
  let firstShort = -1;
  let peak: Assessment["peak"] = null;
  let firstLow = -1;
  for (let t = 0; t < n; t++) {
    const pab = item.pab[t];
    if (pab < 0) {
      if (firstShort < 0) firstShort = t;
      if (!peak || -pab > peak.quantity) peak = { index: t, quantity: -pab };
    }
    if (firstLow < 0 && item.belowSafety[t]) firstLow = t;
  }
  const receipt =
    item.receipts.find(
      (r) => r.index < n && r.slack !== null && r.slack <= settings.slackThreshold
    ) ?? null;
  const status: RiskStatus | null =
    firstShort >= 0 ? "stockout" : receipt ? "at-risk" : firstLow >= 0 ? "low" : null;
  if (!status) return null;
  // The first period of the item's worst problem: where it runs short, the receipt that must land, or where it dips below safety stock.
  const firstIndex =
    status === "stockout"
      ? firstShort
      : status === "at-risk"
        ? (receipt as { index: number }).index
        : firstLow;
  const quantity =
    status === "stockout"
      ? -item.pab[firstShort]
      : status === "at-risk"
        ? (receipt as { quantity: number }).quantity
        : Math.max(0, (item.safetyStock ?? 0) - item.pab[firstIndex]);
  return {
    status,
    firstIndex,
    quantity,
    peak,
    receipt: receipt && {
      index: receipt.index,
      quantity: receipt.quantity,
      slack: receipt.slack as number,
    },
  };
}

/** Worse: more severe, or as severe but sooner, or as severe and as soon but deeper. */
export function compareRisk(
  before: { status: RiskStatus; firstIndex: number; peak: number },
  now: Assessment
): Exclude<Change, "new" | "resolved"> {
  const sev = STATUS_SEVERITY[now.status] - STATUS_SEVERITY[before.status];
  if (sev) return sev > 0 ? "worse" : "better";
  if (now.firstIndex !== before.firstIndex)
    return now.firstIndex < before.firstIndex ? "worse" : "better";
  const peak = now.peak?.quantity ?? 0;
  if (peak !== before.peak) return peak > before.peak ? "worse" : "better";
  return "unchanged";
}

export function snoozeActive(snooze: Snooze | null, today: string): boolean {
  if (!snooze) return false;
  if (snooze.until) return today < snooze.until;
  return snooze.untilWorse;
}

const CHANGE_ORDER: Record<Change, number> = {
  worse: 0,
  new: 1,
  unchanged: 2,
  better: 3,
  resolved: 4,
};

/** Most urgent first: open before acknowledged, then severity, the first problem, the deepest shortage; resolved last. */
export function sortEntries(entries: RiskEntry[]): RiskEntry[] {
  const rank = (e: RiskEntry) => (e.assessment ? STATUS_SEVERITY[e.assessment.status] : -1);
  return [...entries].sort(
    (a, b) =>
      Number(a.change === "resolved") - Number(b.change === "resolved") ||
      Number(a.acknowledged) - Number(b.acknowledged) ||
      rank(b) - rank(a) ||
      (a.assessment?.firstIndex ?? 0) - (b.assessment?.firstIndex ?? 0) ||
      (b.assessment?.peak?.quantity ?? 0) - (a.assessment?.peak?.quantity ?? 0) ||
      CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change] ||
      a.name.localeCompare(b.name)
  );
}

/**
 * This scan against the last: each risk new / worse / unchanged / better, or resolved (shown for
 * one scan, then forgotten). Acknowledgements and snoozes carry over until the risk gets worse.
 * Risks on sheets this scan did not look at are kept as they were.
 */
export function watchRisks(
  items: ReportItem[],
  previous: RiskMemory,
  settings: WatchSettings,
  today: string,
  scannedSheets: string[] | null = null
): { entries: RiskEntry[]; memory: RiskMemory } {
  const memory: RiskMemory = { version: 1, scannedOn: today, entries: {} };
  const entries: RiskEntry[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const key = riskKey(item);
    seen.add(key);
    const a = assess(item, settings);
    const prevRaw = previous.entries[key];
    const prev = prevRaw && !prevRaw.resolved ? prevRaw : null;
    if (a) {
      const change = prev ? compareRisk(prev, a) : "new";
      const worse = change === "worse";
      let snooze = worse ? null : (prev?.snooze ?? null);
      if (snooze?.until && today >= snooze.until) snooze = null;
      const entry: RiskEntry = {
        key,
        item,
        name: displayName(item),
        sheet: item.sheet,
        assessment: a,
        was: prev,
        change,
        firstDetected: prev?.firstDetected ?? today,
        acknowledged: !!prev?.acknowledged && !worse,
        snooze,
        snoozed: snoozeActive(snooze, today),
      };
      entries.push(entry);
      memory.entries[key] = {
        item: item.item,
        site: item.site,
        sheet: item.sheet,
        firstDetected: entry.firstDetected,
        status: a.status,
        firstIndex: a.firstIndex,
        peak: a.peak?.quantity ?? 0,
        acknowledged: entry.acknowledged,
        snooze,
        resolved: false,
      };
    } else if (prev) {
      entries.push({
        key,
        item,
        name: displayName(item),
        sheet: item.sheet,
        assessment: null,
        was: prev,
        change: "resolved",
        firstDetected: prev.firstDetected,
        acknowledged: false,
        snooze: null,
        snoozed: false,
      });
      memory.entries[key] = { ...prev, resolved: true, acknowledged: false, snooze: null };
    }
  }
  for (const [key, prev] of Object.entries(previous.entries)) {
    if (seen.has(key)) continue;
    if (scannedSheets && !scannedSheets.includes(prev.sheet)) memory.entries[key] = prev;
  }
  return { entries: sortEntries(entries), memory };
}

/** Acknowledged: still listed, below the open risks, until it gets worse. */
export function acknowledge(memory: RiskMemory, key: string, on = true): RiskMemory {
  const e = memory.entries[key];
  if (!e) return memory;
  return { ...memory, entries: { ...memory.entries, [key]: { ...e, acknowledged: on } } };
}

export function snooze(memory: RiskMemory, key: string, value: Snooze | null): RiskMemory {
  const e = memory.entries[key];
  if (!e) return memory;
  return { ...memory, entries: { ...memory.entries, [key]: { ...e, snooze: value } } };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const STATUSES: RiskStatus[] = ["stockout", "at-risk", "low"];

/** What the workbook's settings hold, checked: a colleague's copy may hold anything. */
export function sanitizeMemory(value: unknown): RiskMemory {
  const v = (value ?? {}) as Partial<RiskMemory>;
  const out: RiskMemory = {
    version: 1,
    scannedOn: typeof v.scannedOn === "string" && ISO.test(v.scannedOn) ? v.scannedOn : null,
    entries: {},
  };
  const w = v.watch as Partial<WatchSettings> | undefined;
  if (
    w &&
    Number.isInteger(w.horizon) &&
    (w.horizon as number) >= 1 &&
    Number.isInteger(w.slackThreshold) &&
    (w.slackThreshold as number) >= 0
  )
    out.watch = { horizon: w.horizon as number, slackThreshold: w.slackThreshold as number };
  if (!v.entries || typeof v.entries !== "object") return out;
  for (const [key, raw] of Object.entries(v.entries as Record<string, unknown>)) {
    const e = raw as Partial<MemoryEntry>;
    if (
      typeof e?.item !== "string" ||
      typeof e.sheet !== "string" ||
      typeof e.firstDetected !== "string" ||
      !ISO.test(e.firstDetected) ||
      !STATUSES.includes(e.status as RiskStatus) ||
      !Number.isInteger(e.firstIndex) ||
      typeof e.peak !== "number"
    )
      continue;
    const s = e.snooze as Partial<Snooze> | null | undefined;
    out.entries[key] = {
      item: e.item,
      site: typeof e.site === "string" ? e.site : null,
      sheet: e.sheet,
      firstDetected: e.firstDetected,
      status: e.status as RiskStatus,
      firstIndex: e.firstIndex as number,
      peak: e.peak,
      acknowledged: e.acknowledged === true,
      snooze:
        s && typeof s === "object"
          ? {
              until: typeof s.until === "string" && ISO.test(s.until) ? s.until : null,
              untilWorse: s.untilWorse === true,
            }
          : null,
      resolved: e.resolved === true,
    };
  }
  return out;
}

export interface Summary {
  read: number;
  short: number;
  receipt: number;
  low: number;
  problems: number;
}

export function summarize(items: ReportItem[], entries: RiskEntry[]): Summary {
  const count = (s: RiskStatus) => entries.filter((e) => e.assessment?.status === s).length;
  return {
    read: items.length,
    short: count("stockout"),
    receipt: count("at-risk"),
    low: count("low"),
    problems: items.filter((i) => i.flagged).length,
  };
}
