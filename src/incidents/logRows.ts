import { CauseCategory } from "./incident";
import { IncidentCase, NoticeStep, levelReached, stepRecord } from "./escalation";
import { IncidentLanguage, levelName, shortTime } from "./words";
import { detectionLeadDays } from "./targets";

/** The sheet holding the root-cause log table (one row per incident); the name other tests rely on. */
export const LOG_SHEET = "PAB Watch Log";
/** The Excel table's name on that sheet. */
export const LOG_TABLE = "PABWatchLog";

export type LogColumn =
  | "id"
  | "items"
  | "site"
  | "customers"
  | "receipt"
  | "detectedOn"
  | "leadDays"
  | "periodsAtRisk"
  | "quantityAtRisk"
  | "actualShort"
  | "level"
  | "internalSent"
  | "assessed"
  | "customerRiskSent"
  | "confirmedSent"
  | "customerAllClearSent"
  | "allClearSent"
  | "reviewSent"
  | "category"
  | "whys"
  | "containment"
  | "rootCause"
  | "corrective"
  | "preventive"
  | "owner"
  | "due"
  | "freightCost"
  | "lineStopped"
  | "effectiveness"
  | "status"
  | "closedOn";

/** Column order and header text per language: the table's header row. */
export const LOG_COLUMNS: readonly { key: LogColumn; en: string; zh: string }[] = [
  { key: "id", en: "Incident", zh: "事件编号" },
  { key: "items", en: "Items", zh: "物料" },
  { key: "site", en: "Site", zh: "工厂" },
  { key: "customers", en: "Customers and POs", zh: "客户及订单号" },
  { key: "receipt", en: "Receipt at risk", zh: "风险到货" },
  { key: "detectedOn", en: "Detected on", zh: "发现日期" },
  { key: "leadDays", en: "Detection lead time (days)", zh: "提前发现天数" },
  { key: "periodsAtRisk", en: "Periods at risk (predicted)", zh: "预计风险期间" },
  { key: "quantityAtRisk", en: "Quantity at risk (predicted)", zh: "预计风险数量" },
  { key: "actualShort", en: "Actually short", zh: "实际缺货数量" },
  { key: "level", en: "Level reached", zh: "最高级别" },
  { key: "internalSent", en: "Internal alert sent", zh: "内部预警发送时间" },
  { key: "assessed", en: "Assessed", zh: "评估时间" },
  { key: "customerRiskSent", en: "Customer notice sent", zh: "客户风险通知发送时间" },
  { key: "confirmedSent", en: "Confirmed disruption sent", zh: "确认断供通知发送时间" },
  { key: "customerAllClearSent", en: "Customer all-clear sent", zh: "客户解除通知发送时间" },
  { key: "allClearSent", en: "All-clear sent", zh: "解除预警发送时间" },
  { key: "reviewSent", en: "Review sent", zh: "复盘发送时间" },
  { key: "category", en: "5M1E category", zh: "5M1E 类别（人机料法环测）" },
  { key: "whys", en: "Five whys", zh: "五个为什么" },
  { key: "containment", en: "Containment", zh: "围堵措施" },
  { key: "rootCause", en: "Root cause", zh: "根本原因" },
  { key: "corrective", en: "Corrective action", zh: "纠正措施" },
  { key: "preventive", en: "Preventive action", zh: "预防措施" },
  { key: "owner", en: "Owner", zh: "负责人" },
  { key: "due", en: "Due", zh: "到期日" },
  { key: "freightCost", en: "Premium freight cost", zh: "加急运费" },
  { key: "lineStopped", en: "Customer line stopped", zh: "客户停线" },
  { key: "effectiveness", en: "Effectiveness check", zh: "有效性验证" },
  { key: "status", en: "Status", zh: "状态" },
  { key: "closedOn", en: "Closed on", zh: "关闭日期" },
];

export type LogCell = string | number | null;

export const CATEGORY_NAMES: Record<IncidentLanguage, Record<CauseCategory, string>> = {
  en: {
    man: "Man",
    machine: "Machine",
    material: "Material",
    method: "Method",
    environment: "Environment",
    measurement: "Measurement",
  },
  "zh-CN": {
    man: "人",
    machine: "机",
    material: "料",
    method: "法",
    environment: "环",
    measurement: "测",
  },
};

export function logHeader(lang: IncidentLanguage): string[] {
  return LOG_COLUMNS.map((c) => (lang === "zh-CN" ? c.zh : c.en));
}

function sent(c: IncidentCase, step: NoticeStep): LogCell {
  const at = stepRecord(c, step)?.sentAt;
  return at ? shortTime(at) : null;
}

/** Cell text from the user: one line, at most what a cell shows sensibly. */
function line(text: string | undefined | null): LogCell {
  if (text === undefined || text === null) return null;
  const t = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, " ")
    .trim();
  return t ? t.slice(0, 2000) : null;
}

/** One incident as its log row, in LOG_COLUMNS order; null for what is not known yet. */
export function logRow(c: IncidentCase, lang: IncidentLanguage): LogCell[] {
  const d = c.details;
  const zh = lang === "zh-CN";
  const orders = d.customer?.orders ?? [];
  const customers =
    d.customer?.name || orders.length
      ? [
          d.customer?.name,
          orders
            .map(
              (o) =>
                (o.line ? `${o.po}/${o.line}` : o.po) +
                (c.risks.length > 1 && o.item ? ` (${o.item})` : "")
            )
            .join(", "),
        ]
          .filter(Boolean)
          .join(zh ? "：" : ": ")
      : null;
  const receipts = c.risks
    .filter((r) => r.receiptAtRisk)
    .map((r) => {
      const x = r.receiptAtRisk!;
      const what = `${x.quantity} ${x.period}${x.date && x.date !== x.period ? ` (${x.date})` : ""}`;
      return c.risks.length > 1 ? `${r.item} ${what}` : what;
    });
  const sites = [...new Set(c.risks.map((r) => r.site).filter((s): s is string => !!s))];
  const periods = c.risks.map((r) =>
    c.risks.length > 1 ? `${r.item} ${r.periodsAtRisk.join(" ")}` : r.periodsAtRisk.join(" ")
  );
  const whys = (d.review?.whys ?? []).map((w, i) => `${i + 1}) ${w}`).join(" ");
  const closed = c.closedAt !== null;
  const values: Record<string, LogCell> = {
    id: line(c.id),
    items: line(c.risks.map((r) => r.item).join(", ")),
    site: line(sites.join(", ")),
    customers: line(customers),
    receipt: line(receipts.join("; ")),
    detectedOn: c.detectedAt.slice(0, 10),
    leadDays: detectionLeadDays(c),
    periodsAtRisk: line(periods.join("; ")),
    quantityAtRisk: c.risks.reduce((s, r) => s + r.quantityAtRisk, 0),
    actualShort: c.log.actualShort ?? null,
    level: levelName(levelReached(c), lang),
    internalSent: sent(c, "internal"),
    assessed: c.assessment
      ? `${shortTime(c.assessment.at)} ${c.assessment.by}${zh ? "，" : ", "}${
          c.assessment.solvableInTime
            ? zh
              ? "可按时解决"
              : "solvable in time"
            : zh
              ? "无法按时解决"
              : "not solvable in time"
        }`
      : null,
    customerRiskSent: sent(c, "customer-risk"),
    confirmedSent: sent(c, "customer-confirmed"),
    customerAllClearSent: sent(c, "customer-all-clear"),
    allClearSent: sent(c, "all-clear"),
    reviewSent: sent(c, "review"),
    category: d.cause?.category ? CATEGORY_NAMES[lang][d.cause.category] : null,
    whys: line(whys),
    containment: line(d.review?.containment),
    rootCause: line(c.log.rootCause),
    corrective: line(d.review?.corrective),
    preventive: line(d.review?.preventive),
    owner: line(d.review?.owner),
    due: d.review?.due ?? null,
    freightCost: c.log.premiumFreightCost ?? line(d.transport?.find((t) => t.chosen)?.cost) ?? null,
    lineStopped:
      c.log.lineStopped === undefined || c.log.lineStopped === null
        ? null
        : c.log.lineStopped
          ? zh
            ? "是"
            : "yes"
          : zh
            ? "否"
            : "no",
    effectiveness: line(c.log.effectivenessCheck),
    status: closed
      ? zh
        ? "已关闭"
        : "closed"
      : (line(d.review?.status) ?? (zh ? "进行中" : "open")),
    closedOn: c.closedAt ? c.closedAt.slice(0, 10) : null,
  };
  return LOG_COLUMNS.map((col) => values[col.key]);
}
