import { Report, STATUS_WORDS } from "../report";

const WORDS = {
  en: {
    items: (n: number) => `${n} item${n === 1 ? "" : "s"}`,
    short: (period: string, qty: number) => `first short ${period} by ${qty}`,
    receipt: (periods: string[]) =>
      `receipt${periods.length > 1 ? "s" : ""} ${periods.join(", ")} must land on time`,
    sep: "; ",
    check: "check the sheet",
    problems: (n: number) => `${n} problem${n === 1 ? "" : "s"} in the sheet:`,
  },
  "zh-CN": {
    items: (n: number) => `${n} 个物料`,
    short: (period: string, qty: number) => `${period} 首次缺货 ${qty}`,
    receipt: (periods: string[]) => `${periods.join("、")} 到货必须准时`,
    sep: "；",
    check: "请检查表格",
    problems: (n: number) => `表格中有 ${n} 个问题：`,
  },
};

/** Plain-text summary for the terminal: one line per item, most urgent first, then the sheet's problems. */
export function summaryText(report: Report, lang: "en" | "zh-CN"): string {
  const w = WORDS[lang];
  const order = { stockout: 0, "at-risk": 1, low: 2, ok: 3 };
  const items = [...report.items].sort((a, b) => order[a.worstStatus] - order[b.worstStatus]);
  const lines = [`${report.workbook}: ${w.items(items.length)}`];
  for (const it of items) {
    const parts = [STATUS_WORDS[lang][it.worstStatus]];
    if (it.firstShortage) parts.push(w.short(it.firstShortage.period, it.firstShortage.quantity));
    const onTime = it.receipts
      .filter((r) => r.slack === 0 && it.status[r.index] === "at-risk")
      .map((r) => r.period);
    if (onTime.length) parts.push(w.receipt(onTime));
    if (it.flagged) parts.push(w.check);
    lines.push(`  ${it.item}${it.site ? ` (${it.site})` : ""}: ${parts.join(w.sep)}`);
  }
  const problems = report.diagnostics.filter((d) => d.severity !== "info");
  if (problems.length) {
    lines.push(w.problems(problems.length));
    for (const d of problems) lines.push(`  ${d.severity}: ${d.message}`);
  }
  return `${lines.join("\n")}\n`;
}
