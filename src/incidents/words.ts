import { Level, NoticeStep, Refusal } from "./escalation";
import { RiskChange } from "./recheck";

export type IncidentLanguage = "en" | "zh-CN";

const STEP_NAMES: Record<IncidentLanguage, Record<NoticeStep, string>> = {
  en: {
    internal: "internal alert",
    "all-clear": "all-clear",
    "customer-risk": "customer notice",
    "customer-confirmed": "confirmed disruption notice",
    "customer-all-clear": "customer all-clear",
    review: "review",
  },
  "zh-CN": {
    internal: "内部预警",
    "all-clear": "解除预警",
    "customer-risk": "客户风险通知",
    "customer-confirmed": "确认断供通知",
    "customer-all-clear": "客户解除通知",
    review: "复盘",
  },
};

const LEVEL_NAMES: Record<IncidentLanguage, Record<Level, string>> = {
  en: {
    detected: "detected",
    internal: "internal alert",
    assessed: "assessed",
    "customer-risk": "customer notice",
    "customer-confirmed": "confirmed disruption",
    "customer-all-clear": "customer all-clear",
    "all-clear": "all-clear",
    closed: "closed",
  },
  "zh-CN": {
    detected: "已发现",
    internal: "内部预警",
    assessed: "已评估",
    "customer-risk": "客户风险通知",
    "customer-confirmed": "确认断供",
    "customer-all-clear": "客户解除通知",
    "all-clear": "已解除",
    closed: "已关闭",
  },
};

export function stepName(step: NoticeStep, lang: IncidentLanguage): string {
  return STEP_NAMES[lang][step];
}

export function levelName(level: Level, lang: IncidentLanguage): string {
  return LEVEL_NAMES[lang][level];
}

/** "2026-12-01T09:30:00.000Z" → "2026-12-01 09:30" (UTC), as the log and the messages show times. */
export function shortTime(iso: string): string {
  return iso.replace("T", " ").slice(0, 16);
}

/** One sentence saying why a step was refused and what to do instead. */
export function refusalText(r: Refusal, lang: IncidentLanguage): string {
  const step = r.step ? stepName(r.step, lang) : "";
  const at = r.at ? shortTime(r.at) : "";
  const zh = lang === "zh-CN";
  switch (r.code) {
    case "closed":
      return zh ? `该事件已于 ${at} 关闭。` : `This incident was closed on ${at}.`;
    case "needs-internal":
      return zh
        ? "请先起草内部预警：先告知能解决问题的同事。"
        : "Draft the internal alert first: colleagues who can fix it hear first.";
    case "already-sent":
      return zh ? `${step}已于 ${at} 发送。` : `The ${step} was already sent on ${at}.`;
    case "not-drafted":
      return zh ? `请先起草${step}。` : `Draft the ${step} first.`;
    case "sent-before-drafted":
      return zh
        ? `发送时间不能早于起草时间（${at}）。`
        : `It cannot have been sent before it was drafted (${at}).`;
    case "needs-assessment":
      return zh
        ? "供应链经理评估之前不发客户通知：请先记录评估（评估人、能否按时解决）。"
        : "No customer notice before the supply-chain manager's assessment: record the assessment first (who, and whether it can be solved in time).";
    case "assessed-solvable":
      return zh
        ? `${r.by} 于 ${at} 评估为可按时解决：不发客户通知；情况有变请重新评估。`
        : `${r.by} assessed it as solvable in time on ${at}: no customer notice. Record a new assessment if that has changed.`;
    case "orders-covered":
      return zh
        ? "客户订单已覆盖（缺口只来自预测）：不发客户通知。"
        : "Customer orders are covered (any shortage comes from the forecast only): no customer notice.";
    case "not-short":
      return zh
        ? "按客户订单计算没有缺货：无法确认断供。"
        : "Nothing is short against customer orders: there is no disruption to confirm.";
    case "needs-customer-notice":
      return zh
        ? "客户尚未收到风险或断供通知：无需客户解除通知，请发内部解除预警。"
        : "The customer was never told of a risk: send the internal all-clear instead.";
    case "still-short":
      return zh
        ? `${r.item} 在 ${r.period} 仍缺 ${r.quantity}：供应恢复前不能发客户解除通知。`
        : `${r.item} is still short in ${r.period} by ${r.quantity}: no customer all-clear until supply is back.`;
    case "customer-told":
      return zh
        ? "客户已收到通知：请先发客户解除通知。"
        : "The customer has been told: send the customer all-clear first.";
    case "needs-assessor":
      return zh ? "请填写评估人。" : "Say who assessed it.";
    case "needs-all-clear":
      return zh
        ? "请先发解除预警（内部或客户）再关闭事件。"
        : "Send an all-clear (internal or to the customer) before closing the incident.";
    case "no-projection":
      return zh
        ? `本次扫描中没有 ${r.item}：请重新扫描包含它的工作表。`
        : `${r.item} is not in the latest scan: scan the sheet that holds it again.`;
  }
}

/** One change of the plan since the alert, as the pane shows it. */
export function riskChangeText(x: RiskChange, lang: IncidentLanguage): string {
  const zh = lang === "zh-CN";
  const none = zh ? "无" : "none";
  switch (x.kind) {
    case "missing":
      return zh ? `${x.item} 不在本次扫描中` : `${x.item} is not in the latest scan`;
    case "resolved":
      return zh
        ? `${x.item} 已不再有风险（预警时为 ${x.was}）`
        : `${x.item} is no longer at risk (was ${x.was} at the alert)`;
    case "first-problem":
      return zh
        ? `${x.item} 首个问题期间：${x.was ?? none} → ${x.now}`
        : `${x.item} first problem: ${x.was ?? none} → ${x.now}`;
    case "quantity":
      return zh
        ? `${x.item} 风险数量：${x.was} → ${x.now}`
        : `${x.item} quantity at risk: ${x.was} → ${x.now}`;
    case "receipt":
      return zh
        ? `${x.item} 风险到货：${x.was ?? none} → ${x.now ?? none}`
        : `${x.item} receipt at risk: ${x.was ?? none} → ${x.now ?? none}`;
  }
}
