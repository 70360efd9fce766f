import { PaidBy, TransportMode } from "../incidents";

export type Language = "en" | "zh-CN";

const en = {
  lang: "en" as Language,
  fill: (what: string) => `[to fill: ${what}]`,
  /** Joins the parts of a sentence (a space in English, nothing in Chinese). */
  space: " ",
  item: "Item",
  cutNote: "[The full text is in the e-mail draft.]",
  status: {
    stockout: "projected short",
    "at-risk": "needs its receipt on time",
    low: "below safety stock",
    ok: "ok",
  } as Record<string, string>,
  mode: {
    truck: "Dedicated truck",
    air: "Air freight",
    "hand-carry": "Hand carry",
    sea: "Sea freight",
    rail: "Rail",
    courier: "Courier",
  } as Record<TransportMode, string>,
  sep: ", ",
  colon: ": ",
  semicolon: "; ",
  none: "none",
  periods: (n: number) => `${n} period${n === 1 ? "" : "s"}`,
  days: (n: number) => `${n} day${n === 1 ? "" : "s"}`,
  /** A period and its date; a period named by its date (date headers) says it once. */
  when: (period: string, date: string | null) =>
    date && date !== period ? `${period} (${date})` : period,
  paren: (s: string) => ` (${s})`,
  // Internal
  hello: "Hello all,",
  alertSubject: (item: string, what: string) => `[PAB Watch] Internal alert: ${item} ${what}`,
  shortIn: (when: string, qty: string) => `projected short in ${when} by ${qty}`,
  dependsOn: (when: string) => `needs its receipt in ${when} on time`,
  alertLead: (item: string, when: string, qty: string) =>
    `${item}: the projected available balance goes short in ${when} by ${qty}.`,
  backFrom: (when: string) => `From ${when} on, nothing is short again to the end of the plan.`,
  shortAtEnd: (when: string, qty: string) =>
    `It is still short at the end of the plan (${when}), by ${qty}.`,
  alertLeadAtRisk: (item: string) =>
    `${item}: no period is short yet, but the plan is covered only if the receipts below land on time.`,
  peak: (qty: string, when: string) => `Peak shortage: ${qty} in ${when}.`,
  receiptHeading: "Receipts that must land on time",
  receiptSlackHeading: "Receipt at risk",
  receiptLine: (qty: string, when: string, slack: string) =>
    `${qty} due ${when}; it may slip ${slack} before a period runs short.`,
  receiptOnTime: (qty: string, when: string) =>
    `${qty} due ${when}: any slip makes a period short.`,
  receiptNone: "No MPS receipt can cover the shortage within the horizon.",
  customersHeading: "Customers and orders affected",
  orderLine: (po: string, line: string | undefined, qty: string, date: string) =>
    `${po}${line ? `, line ${line}` : ""}: ${qty} due ${date}`,
  optionsHeading: "Transport options to approve",
  optionsHeader: ["Mode", "Lead time", "Arrival", "Versus the date needed", "Paid by", "Cost"],
  projectionHeading: "Projection",
  projectionHeader: ["Period", "Date", "Orders", "Demand", "MPS", "PAB", "Status"],
  causeHeading: "First root-cause guess (internal)",
  causeFill: "what we think went wrong: machine, mould, material, inspection …",
  asksHeading: "What we ask, of whom, by when",
  asksFill: "production / purchasing / quality / logistics: what, by which date",
  by: (date: string) => ` (by ${date})`,
  alertNext:
    "If this is fixed in time we send an all-clear to the same people. If not, the supply-chain manager assesses whether it can still be solved before we give the customer written notice.",
  readingHeading: "Read with care: the sheet had problems",
  readingLead: "These figures rest on what PAB Watch assumed where the sheet could not be read:",
  checkBeforeSending: (what: string) =>
    `check before sending: the sheet had problems and these figures assume: ${what}`,
  regards: ["Regards,"],
  signatureFill: "your name",
  allClearSubject: (item: string) => `[PAB Watch] All clear: ${item} is covered again`,
  allClearLead: (item: string) => `${item}: the shortage we flagged is resolved.`,
  whatChanged: "What changed",
  whatChangedFill: "e.g. the W3 receipt is confirmed for Monday; extra shift on line 2",
  nowCovered: "Current projection: no period is short within the horizon.",
  stillShort: (when: string, qty: string) =>
    `Warning: the current projection still shows ${when} short by ${qty}. Check before sending.`,
  forecastShort: (when: string, qty: string) =>
    `Note: customer orders are covered, but the forecast-driven balance is still short in ${when} by ${qty}.`,
  thanks: "Thank you all for the quick help.",
  // Customer
  dear: (name: string) => `Dear ${name},`,
  dearFill: "customer contact",
  yourPos: (pos: string[]) => `your order${pos.length > 1 ? "s" : ""} ${pos.join(", ")}`,
  yourOrders: (n: number) => `your ${n} orders`,
  riskSubject: (part: string, pos: string) =>
    `Potential supply risk: ${part}${pos ? `, ${pos}` : ""}`,
  riskLead:
    "We want to let you know early about a potential risk to the delivery below. Nothing has been missed yet, and we are working to prevent it; we will keep you informed.",
  confirmedSubject: (part: string, pos: string) =>
    `Confirmed delivery disruption: ${part}${pos ? `, ${pos}` : ""}`,
  confirmedLead:
    "We are sorry to confirm that we cannot deliver the quantities below on the dates promised. Here are the exact dates and quantities, and what we are doing about it.",
  restoredSubject: (part: string, pos: string) =>
    `Supply restored: ${part}${pos ? `, ${pos}` : ""}`,
  restoredLead:
    "Supply is back to normal. The dates below are confirmed; thank you for your patience and support.",
  statusLabel: "Status",
  statusPotential: "Potential risk (not confirmed)",
  statusConfirmed: "Confirmed",
  statusRestored: "Resolved: supply restored",
  itemLabel: "Our item",
  partLabel: "Your part number",
  ordersHeading: "Orders affected",
  restoredOrdersHeading: "Your orders and their confirmed dates",
  ordersHeader: ["PO", "Line", "Quantity", "Original date", "New date", "New quantity"],
  poFill: "PO",
  qtyFill: "quantity",
  dateFill: "date",
  toConfirmBy: (date: string) => `to be confirmed by ${date}`,
  toConfirm: "to be confirmed",
  shortHeading: "Dates and quantities short",
  shortHeader: ["Period", "Date", "Short on this date", "Made up", "Cumulative backlog"],
  shortTotal: "Total",
  shortNote:
    "“Short on this date” is what goes missing that week and “Made up” what we deliver late that week; “Cumulative backlog” is what is still owed then, a running total: please do not add it up.",
  shortEnd: (period: string, end: string, short: string, madeUp: string) =>
    `Still owed at the end of the plan (${period}): ${end} (${short} short − ${madeUp} made up).`,
  needDate: "First date short",
  dependsOnLabel: "Depends on",
  /** "50 due W3 (2026-12-14)": one receipt, for `dependsOnReceipts`. */
  receiptDue: (qty: string, when: string) => `${qty} due ${when}`,
  dependsOnReceipts: (receipts: string[]) =>
    `our receipt${receipts.length > 1 ? "s" : ""} of ${
      receipts.length > 1
        ? `${receipts.slice(0, -1).join(", ")} and ${receipts[receipts.length - 1]}`
        : receipts[0]
    }`,
  causeCustomerHeading: "Cause",
  causeCustomerFill: "the cause, in terms you can check",
  measuresHeading: "Countermeasures",
  interimHeading: "Interim measures (split shipment, substitute)",
  measuresFill: "what we are doing, with dates",
  transportHeading: "Emergency transport plan",
  transportHeader: ["Mode", "Lead time", "Arrival", "Versus the date you need", "Cost paid by"],
  transportFill: "truck / air / hand carry: lead time and arrival",
  chosen: "our choice",
  paidBy: {
    us: "us",
    customer: "you",
    shared: "shared by you and us",
    "to-be-agreed": "to be agreed with you",
  } as Record<PaidBy, string>,
  paidByInternal: {
    us: "us",
    customer: "the customer",
    shared: "shared",
    "to-be-agreed": "to be agreed",
  } as Record<PaidBy, string>,
  early: (days: string) => `${days} before`,
  late: (days: string) => `${days} after`,
  onTime: "on the day",
  recoveryHeading: "Recovery schedule",
  recoveryFromPlan: (when: string) => `Our plan shows full supply again from ${when}.`,
  recoveryShortAtEnd: (when: string, qty: string) =>
    `Our current plan is still short at the end of the plan (${when}), by ${qty}; we will confirm the recovery date in our next update.`,
  recoveryAtRisk: (receipts: string, n: number) =>
    `Nothing is short as long as ${receipts} ${n > 1 ? "arrive" : "arrives"} on time.`,
  recoveryFill: "the date supply is back to normal",
  askCustomerHeading: "What would help us",
  askCustomer: [
    "Your line-stop date: the last day your stock covers your production.",
    "Your current stock of this part, and what is in transit to you.",
    "Your priorities if we must split: which orders or sites come first.",
  ],
  nextUpdate: "Next update",
  nextUpdateFill: "the date of our next update",
  contactLabel: "Your contact",
  contactFill: "one contact: name, phone, e-mail",
  contactLine: (name: string, role?: string, phone?: string, email?: string) =>
    [name + (role ? ` (${role})` : ""), phone ? `phone ${phone}` : "", email ?? ""]
      .filter(Boolean)
      .join(", "),
  // Review
  reviewSubject: (item: string, when: string) =>
    `[PAB Watch] Blameless review: ${item} shortage ${when}`,
  reviewLead:
    "A blameless review (复盘): we look at how our process let this happen and how to catch it earlier, not at who is to blame.",
  reviewFacts: "What happened",
  detectedOn: "First flagged",
  leadTime: "Detection lead time",
  leadTimeValue: (days: string) => `${days} before the first shortage`,
  detectedLate: (days: string) => `detected ${days} after the first short date`,
  detectedSameDay: "detected on the first short date itself",
  categoryLabel: "Cause category (5M1E)",
  category: {
    man: "Man (people)",
    machine: "Machine",
    material: "Material",
    method: "Method",
    environment: "Environment",
    measurement: "Measurement",
  } as Record<string, string>,
  timeline: "Timeline",
  whys: "Five whys",
  containment: "Containment",
  corrective: "Corrective action",
  preventive: "Preventive action",
  owner: "Owner",
  due: "Due",
  reviewStatus: "Status",
  reviewFill: "to agree in the review",
  // Incidents over several items (one broken mould can hit many items)
  groupName: (names: string[]) =>
    names.join(", ").length <= 40
      ? names.join(", ")
      : `${names[0]} and ${names.length - 1} more items`,
  groupAlertLead: (n: number, names: string) =>
    `This alert covers ${n} items with one cause: ${names}. Each item's own projection follows.`,
  groupShortFrom: (when: string) => `projected short, the first in ${when}`,
  groupAtRisk: "need their receipts on time",
  itemHeading: (name: string) => `Item ${name}`,
  partHeading: (name: string) => `Part ${name}`,
  groupRiskLead: (n: number) =>
    `We want to let you know early about a potential risk to the deliveries of the ${n} parts below. Nothing has been missed yet, and we are working to prevent it; we will keep you informed.`,
  groupConfirmedLead: (n: number) =>
    `We are sorry to confirm that we cannot deliver the quantities below on the dates promised, for ${n} parts. Here are the exact dates and quantities per part, and what we are doing about it.`,
  groupRestoredLead: (n: number) =>
    `Supply of the ${n} parts below is back to normal. The dates below are confirmed; thank you for your patience and support.`,
  needDateOf: (item: string) => `First date short, ${item}`,
  leadTimeOf: (item: string) => `Detection lead time, ${item}`,
  itemsLabel: "Items",
  // IM
  im: {
    alert: (item: string, what: string) =>
      `⚠ ${item}: ${what}. Details by mail; please check your part.`,
    allClear: (item: string) => `✓ ${item}: covered again. Thanks all.`,
    risk: (part: string, when: string) =>
      `Early notice: potential supply risk for ${part} around ${when}. Written notice with details follows by mail.`,
    riskAtRisk: (part: string, receipts: string) =>
      `Early notice: supply of ${part} depends on ${receipts}. Written notice with details follows by mail.`,
    confirmed: (part: string, when: string) =>
      `Confirmed: delivery of ${part} is disrupted from ${when}. Written notice with exact dates follows by mail.`,
    restored: (part: string) =>
      `Good news: supply of ${part} is restored; confirmed dates follow by mail.`,
    review: (item: string) => `Blameless review for ${item}: agenda and facts by mail.`,
  },
  // Refusals and warnings (the command line prints them)
  refuse: {
    forecastOnly: (item: string) =>
      `${item}: the shortage exists only in the forecast-driven balance; customer orders are covered, so no customer notice`,
    covered: (item: string) =>
      `${item}: customer orders are covered, and no receipt they depend on is at risk; no customer notice`,
    nothingToConfirm: (item: string) =>
      `${item}: no customer order is short in the projection; nothing to confirm`,
    stillShort: (item: string, when: string, qty: string) =>
      `${item}: customer orders are still short in ${when} by ${qty}; no customer all-clear while anything is short`,
    alreadyShort: (item: string, when: string, qty: string) =>
      `${item}: customer orders are already short in ${when} by ${qty}: that is a confirmed disruption, not a potential risk (use --notice customer-confirmed)`,
    noDates: (item: string) =>
      `${item}: the periods have no dates (numbered weeks), and a customer needs dates: scan again with --start YYYY-MM-DD (the first day of period 1)`,
    flagged: (item: string, what: string) =>
      `${item}: the sheet has reading problems for this item (${what}); check the sheet, or add --force to draft the customer notice anyway`,
    otherItem: (incidentItem: string, item: string) =>
      `the incident is for ${incidentItem}, not ${item}: use the incident of this item`,
    groupNoOrders: (items: string) =>
      `the incident covers ${items}: name the customer's orders and the item each is for before a customer notice`,
    orderWithoutItem: (po: string, items: string) =>
      `${po} does not say which item it is for (the incident covers ${items}): set its item`,
    orderOtherItem: (po: string, item: string, items: string) =>
      `${po} is for ${item}, which this incident does not cover (${items})`,
  },
  warn: {
    stillShort: (item: string, when: string, qty: string) =>
      `${item}: customer orders are still short in ${when} by ${qty}; the all-clear says so`,
    orderOutside: (po: string, date: string, period: string | null, short: string) =>
      `${po} (${date}${period ? `, in ${period}` : ""}) is not in a short period (${short}); check the incident's orders`,
    otherLanguage: (field: string, lang: string) =>
      `${field} is not in ${lang}, the language of the notice`,
    thirdPerson: (field: string) =>
      `${field} speaks of "the customer": a customer notice addresses them as "you"`,
    recoveryEarly: (date: string, when: string) =>
      `recovery.date ${date} is before the plan's final recovery ${when}`,
    recoveryWhileShort: (date: string, when: string) =>
      `recovery.date ${date} falls where the plan is still short at the end (${when})`,
    unconfirmed: (po: string) =>
      `${po} has no confirmed new date, but a customer all-clear says the dates are confirmed`,
  },
  languageName: "English",
};

type Words = typeof en;

const zh: Words = {
  ...en,
  lang: "zh-CN",
  fill: (what) => `【待填写：${what}】`,
  space: "",
  item: "物料",
  cutNote: "【完整内容见邮件草稿。】",
  status: { stockout: "预计缺货", "at-risk": "依赖到货", low: "低于安全库存", ok: "正常" },
  mode: {
    truck: "专车",
    air: "空运",
    "hand-carry": "专人随身携带",
    sea: "海运",
    rail: "铁路",
    courier: "快递",
  },
  sep: "、",
  colon: "：",
  semicolon: "；",
  none: "无",
  periods: (n) => `${n}期`,
  days: (n) => `${n}天`,
  when: (period, date) => (date && date !== period ? `${period}（${date}）` : period),
  paren: (s) => `（${s}）`,
  hello: "各位好：",
  alertSubject: (item, what) => `[PAB Watch] 内部预警：${item}${what}`,
  shortIn: (when, qty) => `预计${when}缺货${qty}`,
  dependsOn: (when) => `依赖${when}按时到货`,
  alertLead: (item, when, qty) => `${item}：预计可用库存在${when}出现短缺，缺口为${qty}。`,
  backFrom: (when) => `自${when}起至计划期末不再缺货。`,
  shortAtEnd: (when, qty) => `到计划期末（${when}）仍短缺${qty}。`,
  alertLeadAtRisk: (item) => `${item}：目前尚无缺货，但只有下列到货按时到达才能满足需求。`,
  peak: (qty, when) => `最大缺口：${when}短缺${qty}。`,
  receiptHeading: "必须按时到达的到货",
  receiptSlackHeading: "有风险的到货",
  receiptLine: (qty, when, slack) => `${when}应到${qty}；最多可延误${slack}，再晚就会缺货。`,
  receiptOnTime: (qty, when) => `${when}应到${qty}：任何延误都会造成缺货。`,
  receiptNone: "计划期内没有可以弥补缺口的MPS到货。",
  customersHeading: "受影响的客户与订单",
  orderLine: (po, line, qty, date) =>
    `订单${po}${line ? `第${line}行` : ""}：数量${qty}，交期${date}`,
  optionsHeading: "待审批的运输方案",
  optionsHeader: ["方式", "运输时间", "到达日期", "与需求日期相比", "费用承担", "费用"],
  projectionHeading: "库存推演",
  projectionHeader: ["期间", "日期", "订单", "需求", "MPS", "PAB", "状态"],
  causeHeading: "初步原因判断（仅内部）",
  causeFill: "初步判断的原因：设备、模具、物料、检验……",
  asksHeading: "需要谁在何时完成什么",
  asksFill: "生产／采购／品质／物流：事项及完成日期",
  by: (date) => `（${date}前）`,
  alertNext:
    "如能及时解决，我们会向同样的人员发出解除通知；如不能，由供应链经理评估能否在期限内解决，再决定是否书面通知客户。",
  readingHeading: "请注意：表格读取有问题",
  readingLead: "以下数字基于PAB Watch在无法读取表格之处所作的假设：",
  checkBeforeSending: (what) => `发送前请核实：表格读取有问题，以下数字基于这些假设：${what}`,
  regards: ["此致", "敬礼！"],
  signatureFill: "您的姓名",
  allClearSubject: (item) => `[PAB Watch] 解除预警：${item}已恢复满足`,
  allClearLead: (item) => `${item}：此前预警的缺货已解决。`,
  whatChanged: "变化情况",
  whatChangedFill: "例如：第3周到货已确认周一到达；2号线加班",
  nowCovered: "当前推演：计划期内没有缺货。",
  stillShort: (when, qty) => `警告：当前推演仍显示${when}短缺${qty}，发送前请核实。`,
  forecastShort: (when, qty) => `注意：客户订单已可满足，但按预测计算的库存在${when}仍短缺${qty}。`,
  thanks: "感谢大家的及时支持。",
  dear: (name) => `尊敬的${name}：`,
  dearFill: "客户联系人",
  yourPos: (pos) => `贵司订单${pos.join("、")}`,
  yourOrders: (n) => `贵司${n}个订单`,
  riskSubject: (part, pos) => `潜在供货风险通知：${part}${pos ? `，${pos}` : ""}`,
  riskLead:
    "我们希望尽早告知贵司下列交付存在潜在风险。目前尚未延误，我们正在全力避免，并将持续向贵司通报。",
  confirmedSubject: (part, pos) => `交付延误确认通知：${part}${pos ? `，${pos}` : ""}`,
  confirmedLead:
    "非常抱歉地通知贵司，我们无法在承诺日期交付下列数量。以下是准确的日期和数量，以及我们正在采取的措施。",
  restoredSubject: (part, pos) => `供货恢复通知：${part}${pos ? `，${pos}` : ""}`,
  restoredLead: "供货已恢复正常，以下日期已确认。感谢贵司的耐心与支持。",
  statusLabel: "状态",
  statusPotential: "潜在风险（未确认）",
  statusConfirmed: "已确认",
  statusRestored: "已解决：供货恢复",
  itemLabel: "我司料号",
  partLabel: "贵司料号",
  ordersHeading: "受影响的订单",
  restoredOrdersHeading: "贵司订单及确认交期",
  ordersHeader: ["订单号", "行号", "数量", "原交期", "新交期", "新数量"],
  poFill: "订单号",
  qtyFill: "数量",
  dateFill: "日期",
  toConfirmBy: (date) => `待定，将于${date}前确认`,
  toConfirm: "待确认",
  shortHeading: "缺货日期与数量",
  shortHeader: ["期间", "日期", "当期新增缺口", "当期补交", "累计欠交"],
  shortTotal: "合计",
  shortNote:
    "“当期新增缺口”是该周新出现的短缺数量，“当期补交”是该周补交的欠交数量；“累计欠交”是截至该周仍欠交的总量，为滚动累计数，请勿相加。",
  shortEnd: (period, end, short, madeUp) =>
    `计划期末（${period}）仍欠交${end}（新增缺口${short}，补交${madeUp}）。`,
  needDate: "首个缺货日期",
  dependsOnLabel: "取决于",
  receiptDue: (qty, when) => `${when}应到的${qty}`,
  dependsOnReceipts: (receipts) =>
    `我司${receipts.length > 1 ? `${receipts.slice(0, -1).join("、")}及${receipts[receipts.length - 1]}` : receipts[0]}的到货`,
  causeCustomerHeading: "原因",
  causeCustomerFill: "贵司可以核实的原因说明",
  measuresHeading: "应对措施",
  interimHeading: "过渡措施（分批发货、替代品）",
  measuresFill: "我们正在采取的措施及日期",
  transportHeading: "紧急运输方案",
  transportHeader: ["方式", "运输时间", "到达日期", "与贵司需求日期相比", "费用承担"],
  transportFill: "专车／空运／专人携带：运输时间与到达日期",
  chosen: "我司选定",
  paidBy: {
    us: "我司承担",
    customer: "贵司承担",
    shared: "双方分担",
    "to-be-agreed": "待与贵司商定",
  },
  paidByInternal: {
    us: "我司承担",
    customer: "客户承担",
    shared: "双方分担",
    "to-be-agreed": "待商定",
  },
  early: (days) => `提前${days}`,
  late: (days) => `晚${days}`,
  onTime: "当天",
  recoveryHeading: "恢复计划",
  recoveryFromPlan: (when) => `按我司计划，自${when}起恢复全额供货。`,
  recoveryShortAtEnd: (when, qty) =>
    `按目前计划，到计划期末（${when}）仍短缺${qty}；恢复日期将在下次通报中确认。`,
  recoveryAtRisk: (receipts) => `只要${receipts}按时到达，就不会缺货。`,
  recoveryFill: "恢复正常供货的日期",
  askCustomerHeading: "希望贵司提供",
  askCustomer: [
    "贵司的停线日期：现有库存可支撑生产的最后一天。",
    "贵司该料号的当前库存及在途数量。",
    "如需分批交货，贵司的优先顺序：哪些订单或工厂优先。",
  ],
  nextUpdate: "下次通报",
  nextUpdateFill: "下次通报的日期",
  contactLabel: "联系人",
  contactFill: "唯一联系人：姓名、电话、邮箱",
  contactLine: (name, role, phone, email) =>
    [name + (role ? `（${role}）` : ""), phone ? `电话${phone}` : "", email ? `邮箱${email}` : ""]
      .filter(Boolean)
      .join("，"),
  reviewSubject: (item, when) => `[PAB Watch] 复盘：${item}${when ? `于${when}` : ""}缺货`,
  reviewLead: "本次复盘对事不对人：关注流程为何让问题发生、如何更早发现，而不是追究个人责任。",
  reviewFacts: "经过",
  detectedOn: "首次预警",
  leadTime: "提前发现时间",
  leadTimeValue: (days) => `比首次缺货提前${days}`,
  detectedLate: (days) => `在首个缺货日期之后${days}才发现`,
  detectedSameDay: "在首个缺货日期当天才发现",
  categoryLabel: "原因类别（人机料法环测）",
  category: {
    man: "人",
    machine: "机",
    material: "料",
    method: "法",
    environment: "环",
    measurement: "测",
  },
  timeline: "时间线",
  whys: "五个为什么",
  containment: "围堵措施",
  corrective: "纠正措施",
  preventive: "预防措施",
  owner: "负责人",
  due: "完成日期",
  reviewStatus: "状态",
  reviewFill: "复盘会上确定",
  groupName: (names: string[]) =>
    names.join("、").length <= 40 ? names.join("、") : `${names[0]}等${names.length}个物料`,
  groupAlertLead: (n: number, names: string) =>
    `本预警涉及同一原因影响的${n}个物料：${names}。以下分别列出各物料的推演。`,
  groupShortFrom: (when: string) => `预计缺货，最早于${when}`,
  groupAtRisk: "依赖到货按时到达",
  itemHeading: (name: string) => `物料${name}`,
  partHeading: (name: string) => `料号${name}`,
  groupRiskLead: (n: number) =>
    `特此提前告知：下列${n}个料号的交付存在潜在风险。目前尚未延误，我们正在全力避免，并将持续通报进展。`,
  groupConfirmedLead: (n: number) =>
    `很抱歉地确认：下列${n}个料号无法按承诺日期交付以下数量。以下按料号列出准确的日期和数量，以及我们采取的措施。`,
  groupRestoredLead: (n: number) =>
    `下列${n}个料号已恢复正常供货，以下交期均已确认，感谢贵司的耐心与支持。`,
  needDateOf: (item: string) => `${item}首个缺货日期`,
  leadTimeOf: (item: string) => `${item}提前发现时间`,
  itemsLabel: "物料",
  im: {
    alert: (item, what) => `⚠ ${item}：${what}。详情见邮件，请各自确认。`,
    allClear: (item) => `✓ ${item}：已恢复满足，谢谢大家。`,
    risk: (part, when) => `提前告知：${part}在${when}前后存在潜在供货风险，书面通知随后发送。`,
    riskAtRisk: (part, receipt) => `提前告知：${part}的供货取决于${receipt}，书面通知随后发送。`,
    confirmed: (part, when) => `确认：${part}自${when}起交付延误，准确日期的书面通知随后发送。`,
    restored: (part) => `好消息：${part}已恢复供货，确认的交期随后邮件发送。`,
    review: (item) => `${item}复盘：议程与事实见邮件。`,
  },
  refuse: {
    forecastOnly: (item) => `${item}：只有按预测计算的库存出现短缺，客户订单可以满足，不发客户通知`,
    covered: (item) => `${item}：客户订单可以满足，其依赖的到货也没有风险，不发客户通知`,
    nothingToConfirm: (item) => `${item}：推演中没有短缺的客户订单，无需确认延误`,
    stillShort: (item, when, qty) =>
      `${item}：客户订单在${when}仍短缺${qty}，仍有短缺时不能发送供货恢复通知`,
    alreadyShort: (item, when, qty) =>
      `${item}：客户订单在${when}已经短缺${qty}，这已是确认的延误而非潜在风险（请用--notice customer-confirmed）`,
    noDates: (item) =>
      `${item}：期间没有日期（编号周），客户通知必须写明日期：请用--start YYYY-MM-DD（第1期的第一天）重新扫描`,
    flagged: (item, what) =>
      `${item}：该物料的表格读取有问题（${what}）；请检查表格，或加--force仍然起草客户通知`,
    otherItem: (incidentItem, item) =>
      `该事件属于${incidentItem}，不属于${item}：请使用该物料的事件文件`,
    groupNoOrders: (items) =>
      `该事件涉及${items}：起草客户通知前，请填写客户订单及每个订单对应的物料`,
    orderWithoutItem: (po, items) =>
      `订单${po}未注明对应的物料（该事件涉及${items}）：请填写其物料`,
    orderOtherItem: (po, item, items) => `订单${po}对应${item}，不在本事件的物料（${items}）之内`,
  },
  warn: {
    stillShort: (item, when, qty) => `${item}：客户订单在${when}仍短缺${qty}，解除通知中已注明`,
    orderOutside: (po, date, period, short) =>
      `订单${po}（${date}${period ? `，属${period}` : ""}）不在短缺期间（${short}）内，请核对事件文件中的订单`,
    otherLanguage: (field) => `${field}不是中文，与通知的语言不一致`,
    thirdPerson: (field) => `${field}以第三人称称呼客户，客户通知应称“贵司”`,
    recoveryEarly: (date, when) => `recovery.date ${date}早于计划中的最终恢复期间${when}`,
    recoveryWhileShort: (date, when) => `recovery.date ${date}落在计划期末仍短缺的期间（${when}）`,
    unconfirmed: (po) => `订单${po}没有确认的新交期，而供货恢复通知写明交期已确认`,
  },
  languageName: "中文",
};

export function wordsFor(lang: Language): Words {
  return lang === "zh-CN" ? zh : en;
}
export type { Words };
