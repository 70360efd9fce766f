import { Language, STATUS_WORDS, Finding } from "../report";
import { SummaryCell, SummarySheet } from "./writePlan";
import { SUMMARY_SHEET } from "../layout";

const WORDS = {
  en: {
    title: "PAB Watch: items most urgent first",
    legend:
      "In the plan sheets: red ▼ projected short · yellow ▽ below safety stock · orange border ◆ a receipt that must land on time",
    header: [
      "Item",
      "Site",
      "Sheet",
      "Status",
      "First short",
      "Date",
      "Qty short",
      "Peak short",
      "Peak qty",
      "Back to ≥ 0",
      "Receipt at risk",
      "Receipt qty",
      "Slack (periods)",
      "Check",
    ],
    check: "check the sheet's figures",
    none: "none",
  },
  "zh-CN": {
    title: "PAB Watch 库存预警：最紧急的物料在前",
    legend: "计划表中：红色 ▼ 预计缺货 · 黄色 ▽ 低于安全库存 · 橙色边框 ◆ 必须按时到货的入库",
    header: [
      "物料",
      "地点",
      "工作表",
      "状态",
      "首次缺货",
      "日期",
      "缺货数量",
      "最大缺货",
      "最大缺货数量",
      "恢复",
      "有风险的到货",
      "到货数量",
      "可延误（期）",
      "检查",
    ],
    check: "请检查表中数据",
    none: "无",
  },
};

const ORDER = { stockout: 0, "at-risk": 1, low: 2, ok: 3 };

/** The morning-meeting page: one row per item, most urgent first. */
export function summarySheet(findings: Finding[], lang: Language): SummarySheet {
  const w = WORDS[lang];
  const sorted = findings
    .map((f) => ({
      f,
      worst: f.plan.status.reduce(
        (a, s) => (ORDER[s] < ORDER[a] ? s : a),
        "ok" as keyof typeof ORDER
      ),
    }))
    .sort(
      (a, b) =>
        ORDER[a.worst] - ORDER[b.worst] ||
        (a.f.plan.shortage.firstShortage?.index ?? 1e9) -
          (b.f.plan.shortage.firstShortage?.index ?? 1e9)
    );
  const rows: SummaryCell[][] = sorted.map(({ f, worst }) => {
    const { record: r, plan: p } = f;
    const first = p.shortage.firstShortage;
    const peak = p.shortage.peakShortage;
    const tight = p.receipts
      .filter((x) => x.slack !== null)
      .sort((a, b) => (a.slack as number) - (b.slack as number) || a.index - b.index)[0];
    return [
      r.item,
      r.site,
      r.sheet,
      STATUS_WORDS[lang][worst],
      first ? r.periods[first.index] : null,
      first ? r.periodStarts[first.index] : null,
      first ? first.quantity : null,
      peak ? r.periods[peak.index] : null,
      peak ? peak.quantity : null,
      p.shortage.recoveryIndex !== null
        ? r.periods[p.shortage.recoveryIndex]
        : first
          ? w.none
          : null,
      tight ? r.periods[tight.index] : null,
      tight ? tight.quantity : null,
      tight ? tight.slack : null,
      r.flagged ? w.check : null,
    ];
  });
  const widths = [16, 12, 14, 24, 11, 11, 10, 11, 10, 12, 15, 12, 15, 24];
  // Columns nobody needs on this page (no sites, no dates, nothing to check) are left out.
  const keep = w.header.map((_h, c) => c === 0 || c === 3 || rows.some((r) => r[c] !== null));
  const pick = <T>(list: T[]) => list.filter((_x, c) => keep[c]);
  return {
    name: SUMMARY_SHEET,
    title: w.title,
    legend: w.legend,
    header: pick(w.header),
    rows: rows.map(pick),
    widths: pick(widths),
  };
}
