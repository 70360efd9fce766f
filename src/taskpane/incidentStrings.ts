import { CauseCategory, NoticeStep, TargetStep } from "../incidents";
import { Language } from "./environment";
import { Handoff, HandoffSupport } from "./incidentFlow";

/** Every word of the incident views, in English (the names other tests rely on) and Simplified Chinese. */
export interface IncidentStrings {
  region: (id: string, items: string) => string;
  /** Adding items the same cause hits to an open incident. */
  addItem: { label: string; button: string; added: (items: string) => string };
  /** The plan changed since the alert: the notices are drafted from the plan as it is now. */
  planChanged: string;
  back: string;
  detectedBy: string;
  sender: string;
  clock: (d: string) => string;
  leadTime: (days: number | null) => string;
  level: string;
  steps: {
    draftInternal: string;
    allClear: string;
    recordAssessment: string;
    draftCustomer: string;
    confirmDisruption: string;
    customerAllClear: string;
    draftReview: string;
    close: string;
  };
  stepNames: Record<NoticeStep, string>;
  targetNames: Record<TargetStep, string>;
  target: (due: string) => string;
  targetsHeading: string;
  targetHours: (step: string) => string;
  doneAt: (at: string, onTime: boolean | null) => string;
  overdue: string;
  notYet: string;
  drafted: (at: string) => string;
  sent: (at: string) => string;
  assessment: {
    heading: string;
    by: string;
    solvable: string;
    yes: string;
    no: string;
    note: string;
    save: string;
    recorded: (by: string, at: string, solvable: boolean) => string;
  };
  details: {
    heading: string;
    causeInternal: string;
    causeCustomer: string;
    category: string;
    categories: Record<CauseCategory, string>;
    countermeasures: string;
    nextUpdate: string;
    contactName: string;
    contactEmail: string;
    contactPhone: string;
    orders: string;
    addOrder: string;
    /** Which of the incident's items an order is for (shown when it covers several). */
    orderItem: string;
    partNumber: string;
    po: string;
    line: string;
    quantity: string;
    originalDate: string;
    newDate: string;
    transport: string;
    addTransport: string;
    mode: string;
    modes: Record<string, string>;
    leadDays: string;
    arrival: string;
    cost: string;
    paidBy: string;
    payers: Record<string, string>;
    chosen: string;
    remove: string;
    save: string;
    saved: string;
    fromPlan: string;
  };
  draft: {
    heading: (step: string) => string;
    to: string;
    subject: string;
    copyHtml: string;
    copyText: string;
    copyIm: string;
    downloadEml: string;
    openOutlook: string;
    emailLink: string;
    markSent: string;
    copied: string;
    copyFailed: string;
    downloaded: (name: string) => string;
    opened: string;
    graphFailed: (message: string) => string;
    markedSent: (at: string) => string;
    badAddress: (message: string) => string;
  };
  handoffs: {
    heading: string;
    names: Record<Handoff, string>;
    notes: Record<HandoffSupport["note"], string>;
  };
  figures: {
    heading: string;
    incidents: (n: number) => string;
    byCategory: string;
    none: string;
    /** Text in the log's 5M1E column that is no category, shown as typed. */
    other: (text: string) => string;
    medianLead: (days: number | null) => string;
    onTime: (done: number, within: number) => string;
  };
  contacts: {
    heading: string;
    importCsv: string;
    csvLabel: string;
    importSelection: string;
    imported: (n: number) => string;
    where: (where: string) => string;
    pick: string;
  };
  log: { written: string; kept: (note: string) => string; failed: (m: string) => string };
  refusedDraft: (reason: string) => string;
  warning: string;
  loadFailed: (m: string) => string;
}

const EN: IncidentStrings = {
  region: (id, items) => `Incident ${id}: ${items}`,
  planChanged:
    "The plan changed since the alert (the log keeps what was predicted; notices are drafted from the plan as it is now):",
  addItem: {
    label: "Another item the same cause hits",
    button: "Add to incident",
    added: (items) =>
      `Added to the incident: ${items}. Its notices now cover every item, each with its own projection.`,
  },
  back: "Back",
  detectedBy: "Detected by",
  sender: "Sent by",
  clock: (d) => `Detected ${d} ago`,
  leadTime: (days) =>
    days === null
      ? "Detection lead time: no dates (numbered periods)"
      : days >= 0
        ? `Detection lead time: ${days} days before the first problem date`
        : `Detected ${-days} days after the first problem date`,
  level: "Level reached",
  steps: {
    draftInternal: "Draft internal alert",
    allClear: "All clear",
    recordAssessment: "Record assessment",
    draftCustomer: "Draft customer notice",
    confirmDisruption: "Confirm disruption",
    customerAllClear: "Customer all-clear",
    draftReview: "Draft review",
    close: "Close incident",
  },
  stepNames: {
    internal: "Internal alert",
    "all-clear": "All-clear",
    "customer-risk": "Customer notice",
    "customer-confirmed": "Confirmed disruption",
    "customer-all-clear": "Customer all-clear",
    review: "Review",
  },
  targetNames: {
    internal: "Internal alert",
    assessment: "Assessment",
    "customer-risk": "Customer notice",
    "customer-confirmed": "Confirmed disruption",
    review: "Review",
  },
  target: (due) => `target ${due}`,
  targetsHeading: "Target times for this workbook",
  targetHours: (step) => `${step} within (hours)`,
  doneAt: (at, onTime) =>
    `done ${at}${onTime === null ? "" : onTime ? ", within target" : ", late"}`,
  overdue: "overdue",
  notYet: "not due yet",
  drafted: (at) => `drafted ${at}`,
  sent: (at) => `sent ${at}`,
  assessment: {
    heading: "Assessment by the supply-chain manager",
    by: "Assessed by",
    solvable: "Can it be solved in time?",
    yes: "Yes, solvable in time",
    no: "No, the customer must be told",
    note: "Note",
    save: "Save assessment",
    recorded: (by, at, solvable) =>
      `Assessed by ${by} on ${at}: ${solvable ? "solvable in time" : "not solvable in time"}`,
  },
  details: {
    heading: "What the notices need (the plan gives the rest)",
    causeInternal: "First root-cause guess (internal only)",
    causeCustomer: "Cause in the customer's terms",
    category: "5M1E category",
    categories: {
      man: "Man",
      machine: "Machine",
      material: "Material",
      method: "Method",
      environment: "Environment",
      measurement: "Measurement",
    },
    countermeasures: "Countermeasures (one per line)",
    nextUpdate: "Next update",
    contactName: "Contact for the customer",
    contactEmail: "Contact e-mail",
    contactPhone: "Contact phone",
    orders: "Customer orders affected",
    addOrder: "Add order",
    orderItem: "Our item",
    partNumber: "Customer part number",
    po: "PO",
    line: "Line",
    quantity: "Quantity",
    originalDate: "Date promised",
    newDate: "New date",
    transport: "Emergency transport",
    addTransport: "Add transport option",
    mode: "Mode",
    modes: {
      truck: "Truck",
      air: "Air freight",
      "hand-carry": "Hand carry",
      sea: "Sea",
      rail: "Rail",
      courier: "Courier",
    },
    leadDays: "Lead time (days)",
    arrival: "Arrives",
    cost: "Cost (internal)",
    paidBy: "Paid by",
    payers: { us: "us", customer: "customer", shared: "shared", "to-be-agreed": "to be agreed" },
    chosen: "Chosen",
    remove: "Remove",
    save: "Save details",
    saved: "Details saved",
    fromPlan:
      "Dates, quantities, receipts and slack come from the plan and are checked again on every step.",
  },
  draft: {
    heading: (step) => `Draft: ${step}`,
    to: "To",
    subject: "Subject",
    copyHtml: "Copy as HTML",
    copyText: "Copy as text",
    copyIm: "Copy IM text",
    downloadEml: "Download .eml",
    openOutlook: "Open in Outlook",
    emailLink: "Email link",
    markSent: "Mark as sent",
    copied: "Copied: paste it into Outlook, Gmail, Teams, WeCom or DingTalk",
    copyFailed: "Could not copy: select the text below and copy it by hand",
    downloaded: (name) => `Downloaded ${name}: open it in Outlook for Windows to get a draft`,
    opened: "The draft is in your Outlook drafts",
    graphFailed: (m) => `No Outlook draft: ${m}`,
    markedSent: (at) => `Marked as sent on ${at}`,
    badAddress: (m) => `Check the recipients: ${m}`,
  },
  handoffs: {
    heading: "Hand-offs here",
    names: {
      clipboard: "Copy (HTML, text, IM)",
      eml: "Download .eml",
      graph: "Open in Outlook",
      mailto: "Email link",
    },
    notes: {
      everywhere: "works everywhere",
      "classic-outlook": "opens as a draft in classic Outlook for Windows",
      "no-download": "downloads do not work from the task pane here",
      "no-graph": "not set up (needs an app registration and nested app authentication)",
      graph: "a draft in your Outlook mailbox, on every platform",
      "mailto-web": "opens your mail program",
      "no-mailto": "does not open from Excel desktop",
    },
  },
  figures: {
    heading: "From the log",
    incidents: (n) => `${n} incident${n === 1 ? "" : "s"}`,
    byCategory: "By category",
    none: "no category yet",
    other: (text) => `other: ${text}`,
    medianLead: (d) =>
      d === null
        ? "Median detection lead time: no dates yet"
        : `Median detection lead time: ${d} days`,
    onTime: (done, within) =>
      done
        ? `Sent within target: ${within} of ${done} (${Math.round((100 * within) / done)}%)`
        : "Sent within target: nothing sent yet",
  },
  contacts: {
    heading: "Contacts (kept on this computer, never in the workbook)",
    importCsv: "Import CSV",
    csvLabel: "CSV (name, email, role, customer)",
    importSelection: "Import selected cells",
    imported: (n) => `${n} contact${n === 1 ? "" : "s"} imported`,
    where: (w) => `Stored in ${w}`,
    pick: "Add from contacts",
  },
  log: {
    written: "The PAB Watch Log sheet has the incident's row",
    kept: (n) => `Left as it is: ${n}`,
    failed: (m) => `The log could not be written: ${m}`,
  },
  refusedDraft: (r) => `Not drafted: ${r}`,
  warning: "Note",
  loadFailed: (m) => `The incidents of this workbook could not be read: ${m}`,
};

const ZH: IncidentStrings = {
  region: (id, items) => `事件 ${id}：${items}`,
  planChanged: "预警之后计划有变（日志保留当时的预测；通知按当前计划起草）：",
  addItem: {
    label: "同一原因影响的其他物料",
    button: "加入事件",
    added: (items) => `已加入事件：${items}。通知将涵盖所有物料，各按其推演。`,
  },
  back: "返回",
  detectedBy: "发现人",
  sender: "发送人",
  clock: (d) => `已发现 ${d}`,
  leadTime: (days) =>
    days === null
      ? "提前发现天数：无日期（期间为编号）"
      : days >= 0
        ? `提前发现：距首个问题日期 ${days} 天`
        : `发现时已晚于首个问题日期 ${-days} 天`,
  level: "最高级别",
  steps: {
    draftInternal: "起草内部预警",
    allClear: "解除预警",
    recordAssessment: "记录评估",
    draftCustomer: "起草客户通知",
    confirmDisruption: "确认断供",
    customerAllClear: "客户解除通知",
    draftReview: "起草复盘",
    close: "关闭事件",
  },
  stepNames: {
    internal: "内部预警",
    "all-clear": "解除预警",
    "customer-risk": "客户风险通知",
    "customer-confirmed": "确认断供通知",
    "customer-all-clear": "客户解除通知",
    review: "复盘",
  },
  targetNames: {
    internal: "内部预警",
    assessment: "评估",
    "customer-risk": "客户风险通知",
    "customer-confirmed": "确认断供通知",
    review: "复盘",
  },
  target: (due) => `目标 ${due}`,
  targetsHeading: "本工作簿的目标时间",
  targetHours: (step) => `${step}（小时内）`,
  doneAt: (at, onTime) => `完成于 ${at}${onTime === null ? "" : onTime ? "，按时" : "，超时"}`,
  overdue: "已超时",
  notYet: "尚未到期",
  drafted: (at) => `起草于 ${at}`,
  sent: (at) => `发送于 ${at}`,
  assessment: {
    heading: "供应链经理评估",
    by: "评估人",
    solvable: "能否按时解决？",
    yes: "能，按时解决",
    no: "不能，须通知客户",
    note: "备注",
    save: "保存评估",
    recorded: (by, at, solvable) =>
      `${by} 于 ${at} 评估：${solvable ? "可按时解决" : "无法按时解决"}`,
  },
  details: {
    heading: "通知需要的信息（其余由计划提供）",
    causeInternal: "初步原因判断（仅内部）",
    causeCustomer: "对客户的原因说明",
    category: "5M1E 类别（人机料法环测）",
    categories: {
      man: "人",
      machine: "机",
      material: "料",
      method: "法",
      environment: "环",
      measurement: "测",
    },
    countermeasures: "对策（每行一条）",
    nextUpdate: "下次更新日期",
    contactName: "客户联系人（我方）",
    contactEmail: "联系人邮箱",
    contactPhone: "联系人电话",
    orders: "受影响的客户订单",
    addOrder: "添加订单",
    orderItem: "我司料号",
    partNumber: "客户料号",
    po: "订单号",
    line: "行号",
    quantity: "数量",
    originalDate: "原交期",
    newDate: "新交期",
    transport: "紧急运输",
    addTransport: "添加运输方案",
    mode: "方式",
    modes: {
      truck: "卡车",
      air: "空运",
      "hand-carry": "人工携带",
      sea: "海运",
      rail: "铁路",
      courier: "快递",
    },
    leadDays: "运输天数",
    arrival: "到达日期",
    cost: "费用（仅内部）",
    paidBy: "费用承担",
    payers: { us: "我方", customer: "客户", shared: "分摊", "to-be-agreed": "待商定" },
    chosen: "选用",
    remove: "删除",
    save: "保存信息",
    saved: "信息已保存",
    fromPlan: "日期、数量、到货和余量均来自计划，每一步都会重新核对。",
  },
  draft: {
    heading: (step) => `草稿：${step}`,
    to: "收件人",
    subject: "主题",
    copyHtml: "复制为 HTML",
    copyText: "复制为文本",
    copyIm: "复制即时消息文本",
    downloadEml: "下载 .eml",
    openOutlook: "在 Outlook 中打开",
    emailLink: "邮件链接",
    markSent: "标记为已发送",
    copied: "已复制：可粘贴到 Outlook、Gmail、Teams、企业微信或钉钉",
    copyFailed: "无法复制：请选中下方文字手动复制",
    downloaded: (name) => `已下载 ${name}：在 Windows 版 Outlook 中打开即为草稿`,
    opened: "草稿已在您的 Outlook 草稿箱中",
    graphFailed: (m) => `未能创建 Outlook 草稿：${m}`,
    markedSent: (at) => `已于 ${at} 标记为已发送`,
    badAddress: (m) => `请检查收件人：${m}`,
  },
  handoffs: {
    heading: "此处可用的发送方式",
    names: {
      clipboard: "复制（HTML、文本、即时消息）",
      eml: "下载 .eml",
      graph: "在 Outlook 中打开",
      mailto: "邮件链接",
    },
    notes: {
      everywhere: "各处可用",
      "classic-outlook": "在经典版 Windows Outlook 中打开为草稿",
      "no-download": "此处任务窗格无法下载",
      "no-graph": "未配置（需要应用注册和嵌套应用身份验证）",
      graph: "在您的 Outlook 邮箱中生成草稿，各平台可用",
      "mailto-web": "打开您的邮件程序",
      "no-mailto": "Excel 桌面版无法打开",
    },
  },
  figures: {
    heading: "日志统计",
    incidents: (n) => `${n} 个事件`,
    byCategory: "按类别",
    none: "尚无类别",
    other: (text) => `其他：${text}`,
    medianLead: (d) =>
      d === null ? "提前发现天数中位数：暂无日期" : `提前发现天数中位数：${d} 天`,
    onTime: (done, within) =>
      done
        ? `按时发送：${done} 项中 ${within} 项（${Math.round((100 * within) / done)}%）`
        : "按时发送：尚无已发送",
  },
  contacts: {
    heading: "联系人（保存在本机，不写入工作簿）",
    importCsv: "导入 CSV",
    csvLabel: "CSV（姓名、邮箱、角色、客户）",
    importSelection: "导入所选单元格",
    imported: (n) => `已导入 ${n} 个联系人`,
    where: (w) => `保存在 ${w}`,
    pick: "从联系人添加",
  },
  log: {
    written: "PAB Watch Log 工作表已记录该事件",
    kept: (n) => `未改动：${n}`,
    failed: (m) => `无法写入日志：${m}`,
  },
  refusedDraft: (r) => `未起草：${r}`,
  warning: "注意",
  loadFailed: (m) => `无法读取此工作簿的事件：${m}`,
};

export function incidentStrings(lang: Language): IncidentStrings {
  return lang === "zh-CN" ? ZH : EN;
}
