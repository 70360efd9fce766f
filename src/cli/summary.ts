import { Status } from "../engine";
import { Diagnostic } from "../layout";
import { formatQuantity } from "../mail/quantity";
import { Report, ReportItem, STATUS_WORDS } from "../report";
import { diagnosticZh } from "./diagnosticsZh";
import { terminalText } from "./terminal";

const WORDS = {
  en: {
    items: (n: number) => `${n} item${n === 1 ? "" : "s"}`,
    short: (period: string, qty: number) => `first short ${period} by ${formatQuantity(qty, "en")}`,
    receipt: (periods: string[], numbered: boolean) => {
      const s = periods.length > 1 ? "s" : "";
      return `receipt${s} ${numbered ? `in period${s} ` : ""}${periods.join(", ")} must land on time`;
    },
    period: (n: string) => `in period ${n}`,
    sep: "; ",
    colon: ": ",
    site: (site: string) => ` (${site})`,
    check: "check the sheet",
    problems: (n: number) => `${n} problem${n === 1 ? "" : "s"} in the sheet:`,
    counts: (c: string) => `by worst status: ${c}`,
    more: (n: number, what: string) =>
      `  … and ${n} more ${what} (all of them are in the --json report)`,
    itemsWord: "items",
    problemsWord: "problems",
  },
  "zh-CN": {
    items: (n: number) => `${n}个物料`,
    short: (period: string, qty: number) => `${period}首次缺货${formatQuantity(qty, "zh-CN")}`,
    receipt: (periods: string[], numbered: boolean) =>
      `${(numbered ? periods.map((p) => `第${p}期`) : periods).join("、")}到货必须准时`,
    period: (n: string) => `第${n}期`,
    sep: "；",
    colon: "：",
    site: (site: string) => `（${site}）`,
    check: "请检查表格",
    problems: (n: number) => `表格中有${n}个问题：`,
    counts: (c: string) => `按最严重状态：${c}`,
    more: (n: number, what: string) => `  ……另有${n}个${what}（完整内容见--json报告）`,
    itemsWord: "物料",
    problemsWord: "问题",
  },
};

const LIST_LIMIT = 25;

/** What the summary tells of one item: kept for every item while the report's are let go. */
export interface SummaryItem {
  item: string;
  site: string | null;
  worstStatus: Status;
  /** The first short period, else the first that is not ok (-1: none): the earliest first. */
  first: number;
  firstShortage: { period: string; quantity: number } | null;
  /** Receipts that must land on time: no slack, in a period at risk without them. */
  onTime: string[];
  flagged: boolean;
}

export function summaryItem(it: ReportItem): SummaryItem {
  return {
    item: it.item,
    site: it.site,
    worstStatus: it.worstStatus,
    first: it.firstShortage?.index ?? it.status.findIndex((s) => s !== "ok"),
    firstShortage: it.firstShortage
      ? { period: it.firstShortage.period, quantity: it.firstShortage.quantity }
      : null,
    onTime: it.receipts
      .filter((r) => r.slack === 0 && it.status[r.index] === "at-risk")
      .map((r) => r.period),
    flagged: it.flagged,
  };
}

export interface ScanSummary {
  workbook: string;
  items: readonly SummaryItem[];
  diagnostics: Diagnostic[];
}

/** The summary of a report made whole (the command line builds its SummaryItems as it goes). */
export function reportSummary(report: Report): ScanSummary {
  return { ...report, items: report.items.map(summaryItem) };
}

/**
 * Plain-text summary for the terminal: one line per item, most urgent first (the earliest shortage
 * first), then the sheet's problems; long lists are cut with a count. Quantities are rounded for
 * people (the --json report keeps them exact); text from cells has its control characters escaped.
 */
export function summaryText(report: ScanSummary, lang: "en" | "zh-CN"): string {
  const w = WORDS[lang];
  // A bare number (an MRP record's 1 2 3 …) reads as a period, not as a quantity.
  const bare = (period: string) => /^\d+$/.test(period);
  const named = (period: string) => (bare(period) ? w.period(period) : period);
  const order = { stockout: 0, "at-risk": 1, low: 2, ok: 3 };
  const items = [...report.items].sort(
    (a, b) => order[a.worstStatus] - order[b.worstStatus] || a.first - b.first
  );
  const lines = [`${report.workbook}${w.colon}${w.items(items.length)}`];
  if (items.length > LIST_LIMIT) {
    const counts = (["stockout", "at-risk", "low", "ok"] as const)
      .map((s) => [s, items.filter((i) => i.worstStatus === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${STATUS_WORDS[lang][s]} ${n}`);
    lines.push(w.counts(counts.join(w.sep)));
  }
  for (const it of items.slice(0, LIST_LIMIT)) {
    const parts = [STATUS_WORDS[lang][it.worstStatus]];
    if (it.firstShortage)
      parts.push(w.short(named(it.firstShortage.period), it.firstShortage.quantity));
    const onTime = it.onTime;
    if (onTime.length) parts.push(w.receipt(onTime, onTime.every(bare)));
    if (it.flagged) parts.push(w.check);
    lines.push(`  ${it.item}${it.site ? w.site(it.site) : ""}${w.colon}${parts.join(w.sep)}`);
  }
  if (items.length > LIST_LIMIT) lines.push(w.more(items.length - LIST_LIMIT, w.itemsWord));
  const problems = report.diagnostics.filter((d) => d.severity !== "info");
  if (problems.length) {
    lines.push(w.problems(problems.length));
    for (const d of problems.slice(0, LIST_LIMIT))
      lines.push(lang === "zh-CN" ? `  ${diagnosticZh(d)}` : `  ${d.severity}: ${d.message}`);
    if (problems.length > LIST_LIMIT)
      lines.push(w.more(problems.length - LIST_LIMIT, w.problemsWord));
  }
  return `${lines.map((l) => terminalText(l)).join("\n")}\n`;
}
