import { Language } from "./environment";

export interface Strings {
  scan: string;
  scanAll: string;
  phases: Record<"reading" | "projecting" | "writing", string>;
  cancel: string;
  cancelled: string;
  /** The counts under the progress bar: rows read, blocks and items written. */
  progressReading: (done: string, total: string) => string;
  progressWriting: (block: number, done: string, total: string) => string;
  writingStops: string;
  cancelledWriting: (done: string, total: string) => string;
  /** Below a long Risks list: the next entries, and how many are shown. */
  showMore: (next: number, shown: string, total: string) => string;
  summary: string;
  summaryItems: Record<"read" | "short" | "receipt" | "low" | "problems", string>;
  horizon: string;
  horizonHint: string;
  slackThreshold: string;
  slackHint: string;
  sheetFilter: string;
  allSheets: string;
  statusFilter: string;
  allStatuses: string;
  statusWords: Record<"stockout" | "at-risk" | "low" | "ok", string>;
  changeWords: Record<"new" | "worse" | "unchanged" | "better" | "resolved", string>;
  noRisks: (horizon: number) => string;
  noneMatch: string;
  snoozedCount: (n: number) => string;
  showSnoozed: string;
  hideSnoozed: string;
  entry: {
    short: (qty: string) => string;
    belowSafety: (qty: string) => string;
    peak: (qty: string, period: string) => string;
    receipt: (period: string, qty: string, slack: number) => string;
    since: (date: string) => string;
    acknowledged: string;
    snoozedUntil: (date: string) => string;
    snoozedUntilWorse: string;
    wasStatus: (status: string) => string;
  };
  acknowledge: string;
  unacknowledge: string;
  snooze: string;
  snoozeUntilDate: string;
  snoozeUntilWorse: string;
  snoozeApply: string;
  unsnooze: string;
  language: string;
  languageName: string;
  firstScan: string;
  numberedPeriods: string;
  saveAndScan: string;
  staleStart: (first: string, days: number, date: string) => string;
  rollForward: (first: string) => string;
  nothingRead: string;
  openMapping: string;
  nothingWrittenNote: string;
  item: {
    back: string;
    flagged: string;
    chartLoading: string;
    chartFailed: string;
    chartName: (item: string) => string;
    chartAlt: (parts: {
      item: string;
      from: string;
      to: string;
      min: string;
      max: string;
      short: string[];
      low: string[];
      receipts: string[];
      safety: string;
    }) => string;
    legendPab: string;
    legendSafety: string;
    legendZero: string;
    legendShort: string;
    drivers: string;
    columns: Record<"period" | "date" | "demand" | "pab" | "ordersOnly" | "atp" | "slack", string>;
    notNeeded: string;
    selectFailed: (message: string) => string;
    noCell: string;
    cellOf: (what: string, cell: string) => string;
    actions: string;
  };
  advice: {
    covered: string;
    add: (qty: string, period: string) => string;
    pullIn: (period: string, qty: string, by: number) => string;
    confirmReceipt: (period: string, qty: string) => string;
    forecastOnly: (period: string) => string;
    topUpSafety: (qty: string, period: string) => string;
    or: string;
  };
  whatIf: {
    legend: string;
    receipt: string;
    receiptOption: (period: string, qty: string) => string;
    change: string;
    kinds: Record<"slip" | "pull" | "cut-quantity" | "cut-percent" | "split", string>;
    periods: string;
    quantity: string;
    percent: string;
    onTime: string;
    tryIt: string;
    noReceipts: string;
    noChanges: string;
    changed: (period: string, before: string, after: string) => string;
    firstShortage: (period: string, qty: string) => string;
    nothingShort: string;
    beyond: (qty: string) => string;
    invalid: (message: string) => string;
  };
  promise: {
    legend: string;
    quantity: string;
    period: string;
    check: string;
    yes: (qty: string, period: string, available: string) => string;
    no: (available: string, period: string) => string;
    fitsFrom: (qty: string, period: string) => string;
    neverFits: (qty: string) => string;
    invalid: string;
  };
  raiseAlert: string;
  noEscalation: string;
  mapping: {
    heading: string;
    intro: string;
    none: string;
    roles: Record<
      "item" | "periods" | "orders" | "supply" | "onHand" | "safetyStock" | "pab",
      string
    >;
    notFound: string;
    notPlaced: string;
    useSelection: string;
    saved: (role: string, address: string) => string;
    selectionFailed: (message: string) => string;
    badSelection: (address: string) => string;
    notAHeader: (address: string) => string;
    /** The reader's role words a saved mapping holds that are not one of `roles` (ignore, forecast …). */
    otherRoles: Record<string, string>;
    saveAndScan: string;
    clear: string;
    mapped: string;
    back: string;
    open: string;
  };
  scanning: string;
  risks: string;
  noPlan: string;
  problems: string;
  modeLabel: string;
  modes: Record<"live" | "portable" | "side-sheet" | "values", string>;
  writtenAs: (mode: string) => string;
  startDateLabel: string;
  startDateHint: string;
  remember: string;
  remove: string;
  /** The switch that re-scans after the planner edits an order, supply or stock cell. */
  followEdits: string;
  followEditsHint: string;
  removed: (kept: number) => string;
  failed: (message: string) => string;
  title: string;
  tagline: string;
  functionsHeading: string;
  functionsIntro: string;
  example: string;
  exampleNote: string;
  copy: string;
  copied: string;
  copyFailed: string;
  missingCustomFunctions: string;
  missingAnnotate: string;
  outsideExcel: string;
  help: string;
  statusHeading: string;
  colon: string;
  statuses: { code: string; label: string; meaning: string }[];
}

const en: Strings = {
  scanAll: "Scan all sheets",
  phases: {
    reading: "Reading the workbook…",
    projecting: "Projecting balances…",
    writing: "Writing to the sheet…",
  },
  cancel: "Cancel",
  cancelled: "Scan cancelled: nothing was written. Press Scan sheet when you are ready.",
  progressReading: (done, total) => `Reading rows: ${done} of ${total}`,
  progressWriting: (block, done, total) =>
    `Writing block ${block}: ${done} of ${total} items written`,
  writingStops:
    "Cancel stops after the block being written. Every item written is marked as PAB Watch's, so Remove PAB Watch annotations takes it out and a new scan completes it.",
  cancelledWriting: (done, total) =>
    `Scan cancelled while writing: ${done} of ${total} items are written, each marked as PAB Watch's; the colours and the PAB Watch sheet are not written yet. Press Scan sheet to complete it, or Remove PAB Watch annotations to take it out.`,
  showMore: (next, shown, total) => `Show ${next} more (${shown} of ${total} shown)`,
  summary: "Summary",
  summaryItems: {
    read: "Items read",
    short: "Projected short",
    receipt: "Needs its receipt on time",
    low: "Below safety stock",
    problems: "Items with reading problems",
  },
  horizon: "Horizon",
  horizonHint: "Periods ahead that count as risks",
  slackThreshold: "Slack threshold",
  slackHint: "A receipt is at risk when it may slip at most this many periods",
  sheetFilter: "Sheet",
  allSheets: "All sheets",
  statusFilter: "Status",
  allStatuses: "All statuses",
  statusWords: {
    stockout: "Projected short",
    "at-risk": "Needs its receipt on time",
    low: "Below safety stock",
    ok: "Covered",
  },
  changeWords: {
    new: "new",
    worse: "worse",
    unchanged: "unchanged",
    better: "better",
    resolved: "resolved",
  },
  noRisks: (h) => `No risks within the next ${h} periods.`,
  noneMatch: "No risks match these filters: choose All sheets or All statuses to see the rest.",
  snoozedCount: (n) => `${n} snoozed`,
  showSnoozed: "Show snoozed",
  hideSnoozed: "Hide snoozed",
  entry: {
    short: (q) => `short ${q}`,
    belowSafety: (q) => `${q} under safety stock`,
    peak: (q, p) => `peak ${q} in ${p}`,
    receipt: (p, q, slack) =>
      `receipt ${p} (${q}) ${slack === 0 ? "must land on time" : `may slip ${slack}`}`,
    since: (d) => `first seen ${d}`,
    acknowledged: "acknowledged",
    snoozedUntil: (d) => `snoozed until ${d}`,
    snoozedUntilWorse: "snoozed until worse",
    wasStatus: (s) => `was ${s.toLowerCase()}`,
  },
  acknowledge: "Acknowledge",
  unacknowledge: "Undo acknowledge",
  snooze: "Snooze",
  snoozeUntilDate: "Until",
  snoozeUntilWorse: "Until it gets worse",
  snoozeApply: "Snooze until this date",
  unsnooze: "Wake",
  language: "Language",
  languageName: "English",
  firstScan: "First scan in this workbook: check how PAB Watch writes, and when the periods start.",
  numberedPeriods: "Your periods are numbered (W1, W2 …): on which day does W1 start?",
  saveAndScan: "Save and scan again",
  staleStart: (first, days, date) => `${first} started ${days} days ago (${date}): roll forward?`,
  rollForward: (first) => `${first} is this week`,
  nothingRead:
    "No plan found, so nothing was written. Below is what the reader saw: select the rows in the sheet and press Use selection for each.",
  openMapping: "Show what the reader saw",
  nothingWrittenNote: "Nothing was written to the workbook.",
  item: {
    back: "Back to risks",
    flagged:
      "Some cells of this item could not be read: check them before acting on these figures.",
    chartLoading: "Loading the chart…",
    chartFailed: "The chart could not load: the Drivers table below has the same figures.",
    chartName: (item) => `PAB chart of ${item}`,
    chartAlt: (p) =>
      [
        `PAB chart of ${p.item}: from ${p.from} to ${p.to}, lowest ${p.min}, highest ${p.max}`,
        p.safety,
        p.short.length ? `short in ${p.short.join(", ")}` : "never short",
        p.low.length ? `below safety stock in ${p.low.join(", ")}` : "",
        p.receipts.length ? `receipts that must land on time: ${p.receipts.join(", ")}` : "",
      ]
        .filter(Boolean)
        .join("; "),
    legendPab: "PAB",
    legendSafety: "Safety stock",
    legendZero: "Zero",
    legendShort: "Short",
    drivers: "Drivers",
    columns: {
      period: "Period",
      date: "Date",
      demand: "Demand",
      pab: "PAB",
      ordersOnly: "Orders only",
      atp: "ATP",
      slack: "Slack",
    },
    notNeeded: "not needed",
    selectFailed: (m) => `Could not select the cell (${m}): find it in the sheet by its address.`,
    noCell: "computed",
    cellOf: (what, cell) => `${what}: ${cell}, press to select it in the sheet`,
    actions: "What to do",
  },
  advice: {
    covered: "Covered: nothing to do.",
    add: (q, p) => `Add ${q} by ${p}`,
    pullIn: (p, q, by) => `pull the ${p} receipt (${q}) in by ${by}`,
    confirmReceipt: (p, q) =>
      `The ${p} receipt of ${q} must land on time: confirm it with whoever makes it.`,
    forecastOnly: (p) =>
      `Short in ${p} only against forecast: customer orders are covered. Review the forecast before you tell anyone.`,
    topUpSafety: (q, p) => `Add ${q} by ${p} to stay at safety stock.`,
    or: ", or ",
  },
  whatIf: {
    legend: "What if",
    receipt: "Receipt",
    receiptOption: (p, q) => `${p}: ${q}`,
    change: "Change",
    kinds: {
      slip: "Slips by",
      pull: "Pulled in by",
      "cut-quantity": "Cut by a quantity",
      "cut-percent": "Cut by a percentage",
      split: "Split: part on time, rest late",
    },
    periods: "Periods",
    quantity: "Quantity",
    percent: "Percent",
    onTime: "On time",
    tryIt: "Try",
    noReceipts: "This item has no receipts to change.",
    noChanges: "No period changes status.",
    changed: (p, b, a) => `${p}: ${b} → ${a}`,
    firstShortage: (p, q) => `First shortage: ${p}, short ${q}.`,
    nothingShort: "Nothing runs short.",
    beyond: (q) => `${q} would arrive after the last period (still expected, outside the plan).`,
    invalid: (m) => `That change cannot be tried: ${m}. Adjust the figures and press Try again.`,
  },
  promise: {
    legend: "Promise check",
    quantity: "Quantity",
    period: "Period",
    check: "Check",
    yes: (q, p, a) => `Yes: ${q} more fits in ${p} (up to ${a} can be promised then).`,
    no: (a, p) => `No: at most ${a} fits in ${p}.`,
    fitsFrom: (q, p) => `All ${q} fit from ${p}.`,
    neverFits: (q) => `${q} does not fit within the plan: add supply first.`,
    invalid: "Enter a quantity above 0 and choose a period, then press Check.",
  },
  raiseAlert: "Raise alert",
  noEscalation:
    "Escalation is not available in this pane: draft the internal alert with pab-watch draft on the command line.",
  mapping: {
    heading: "What the reader saw",
    intro:
      "Select cells in the sheet, then press Use selection beside the role they hold. The mapping is saved in this workbook; the command line takes the same mapping (--mapping).",
    none: "Nothing was read as a plan.",
    roles: {
      item: "Item",
      periods: "Periods",
      orders: "Customer orders",
      supply: "Supply (MPS, receipts)",
      onHand: "On hand",
      safetyStock: "Safety stock",
      pab: "PAB",
    },
    notFound: "not found",
    notPlaced: "Could not place",
    useSelection: "Use selection",
    saved: (role, address) => `${role}: ${address} saved. Scan again to read with it.`,
    selectionFailed: (m) =>
      `Could not read the selection (${m}): click a cell in the sheet and try again.`,
    badSelection: (a) =>
      `${a} is not on one sheet: select cells on the plan's sheet and try again.`,
    notAHeader: (a) =>
      `${a} is not a period header: select the period names in one row (or one column), at least two cells, and try again.`,
    otherRoles: {
      mps: "Supply (MPS, receipts)",
      ignore: "ignored",
      forecast: "Forecast",
      firm: "Firm orders",
      planned: "Planned orders",
      inTransit: "In transit",
      receipts: "Receipts",
      atp: "ATP",
      site: "Site",
      pastDue: "Past due",
    },
    saveAndScan: "Scan with this mapping",
    clear: "Clear mapping",
    mapped: "Your mapping",
    back: "Back to risks",
    open: "Mapping",
  },
  scan: "Scan sheet",
  scanning: "Scanning…",
  risks: "Risks",
  noPlan:
    "No plan found on these sheets: open Mapping and show PAB Watch the periods and rows with Use selection.",
  problems: "Check these cells",
  modeLabel: "Write the PAB as",
  modes: {
    live: "Live =PAB.BALANCE (needs the add-in)",
    portable: "Formulas anyone can open",
    "side-sheet": "On the PAB Watch sheet only",
    values: "Numbers only",
  },
  writtenAs: (mode) =>
    `Written as: ${mode}. You can choose another way below; it is remembered for this workbook.`,
  startDateLabel: "First day of W1",
  startDateHint: "Only needed when the weeks are numbered (W1, 第1周).",
  remember: "Remember for this workbook",
  remove: "Remove PAB Watch annotations",
  followEdits: "Update risks when I edit the sheet",
  followEditsHint:
    "After you change an order, receipt or stock figure of a scanned item, PAB Watch scans again once you pause typing. Remembered for this workbook.",
  removed: (kept) =>
    kept
      ? `Removed. ${kept} area(s) you changed were left as they are.`
      : "Removed: the sheet is as it was.",
  failed: (message) =>
    `The scan stopped: ${message.replace(/\.\s*$/, "")}. Leave any cell you are typing in (Enter or Esc), then press Scan sheet again; if it stops again, close and reopen the PAB Watch pane.`,
  title: "PAB Watch",
  tagline:
    "Projected available balance in your own MPS sheet: see a stock-out weeks before it happens.",
  functionsHeading: "Worksheet functions",
  functionsIntro: "Type them in any cell; they recalculate when orders or MPS change.",
  example: "=PAB.BALANCE(B2, B5:I5, B6:I6)",
  exampleNote:
    "On hand in B2, customer orders in row 5, MPS in row 6: the balance spills across. Week 3: 14 − 15 + 50 = 49.",
  copy: "Copy",
  copied: "Copied",
  copyFailed: "This window may not use the clipboard: select the formula and press Ctrl+C.",
  missingCustomFunctions:
    "This Excel cannot run the =PAB functions: they need Excel on Windows, Mac or the web with the shared runtime (Microsoft 365).",
  missingAnnotate:
    "This Excel is too old to annotate sheets (ExcelApi 1.13, Microsoft 365, is needed). The =PAB functions still work.",
  outsideExcel:
    "Not running inside Excel: open PAB Watch from Excel's Home tab to work on your sheet.",
  help: "Function reference",
  statusHeading: "What the statuses mean",
  colon: ": ",
  statuses: [
    { code: "stockout", label: "Projected short", meaning: "the balance is below zero" },
    {
      code: "at-risk",
      label: "Needs its receipt on time",
      meaning: "covered only if that week's MPS receipt lands on time",
    },
    { code: "low", label: "Below safety stock", meaning: "the balance is under the safety stock" },
    { code: "ok", label: "OK", meaning: "covered" },
  ],
};

const zhCN: Strings = {
  scanAll: "扫描所有工作表",
  phases: {
    reading: "正在读取工作簿……",
    projecting: "正在计算预计可用库存……",
    writing: "正在写入工作表……",
  },
  cancel: "取消",
  cancelled: "扫描已取消：没有写入任何内容。准备好后请按“扫描工作表”。",
  progressReading: (done, total) => `正在读取：第 ${done} 行，共 ${total} 行`,
  progressWriting: (block, done, total) =>
    `正在写入第 ${block} 块：已写入 ${done} 个物料，共 ${total} 个`,
  writingStops:
    "取消会在当前这一块写完后停止。已写入的每个物料都标记为 PAB Watch 所写，可用“移除 PAB Watch 标注”移除，或重新扫描补全。",
  cancelledWriting: (done, total) =>
    `写入时已取消扫描：已写入 ${done} 个物料（共 ${total} 个），每个都标记为 PAB Watch 所写；颜色和 PAB Watch 工作表尚未写入。请按“扫描工作表”补全，或按“移除 PAB Watch 标注”移除。`,
  showMore: (next, shown, total) => `再显示 ${next} 条（已显示 ${shown} 条，共 ${total} 条）`,
  summary: "摘要",
  summaryItems: {
    read: "已读取物料",
    short: "预计缺货",
    receipt: "依赖按时到货",
    low: "低于安全库存",
    problems: "读取有问题的物料",
  },
  horizon: "展望期",
  horizonHint: "计入风险的未来期数",
  slackThreshold: "松动阈值",
  slackHint: "到货最多可推迟这么多期时即视为有风险",
  sheetFilter: "工作表",
  allSheets: "所有工作表",
  statusFilter: "状态",
  allStatuses: "所有状态",
  statusWords: {
    stockout: "预计缺货",
    "at-risk": "依赖到货",
    low: "低于安全库存",
    ok: "库存充足",
  },
  changeWords: {
    new: "新增",
    worse: "恶化",
    unchanged: "无变化",
    better: "好转",
    resolved: "已解决",
  },
  noRisks: (h) => `未来 ${h} 期内没有风险。`,
  noneMatch: "没有符合筛选条件的风险：选择“所有工作表”或“所有状态”查看其余风险。",
  snoozedCount: (n) => `${n} 项已暂缓`,
  showSnoozed: "显示已暂缓",
  hideSnoozed: "隐藏已暂缓",
  entry: {
    short: (q) => `缺 ${q}`,
    belowSafety: (q) => `低于安全库存 ${q}`,
    peak: (q, p) => `${p} 最多缺 ${q}`,
    receipt: (p, q, slack) => `${p} 到货（${q}）${slack === 0 ? "必须按时" : `可推迟 ${slack} 期`}`,
    since: (d) => `首次发现 ${d}`,
    acknowledged: "已确认",
    snoozedUntil: (d) => `暂缓至 ${d}`,
    snoozedUntilWorse: "暂缓至恶化",
    wasStatus: (s) => `原为${s}`,
  },
  acknowledge: "确认",
  unacknowledge: "撤销确认",
  snooze: "暂缓",
  snoozeUntilDate: "暂缓至",
  snoozeUntilWorse: "直到恶化",
  snoozeApply: "暂缓至此日期",
  unsnooze: "恢复提醒",
  language: "语言 (Language)",
  languageName: "中文",
  firstScan: "首次在本工作簿中扫描：请确认写入方式和各期的起始日期。",
  numberedPeriods: "您的期次是编号（W1、W2……）：W1 从哪一天开始？",
  saveAndScan: "保存并重新扫描",
  staleStart: (first, days, date) => `${first} 已于 ${days} 天前开始（${date}）：是否向前滚动？`,
  rollForward: (first) => `${first} 是本周`,
  nothingRead:
    "没有找到计划，因此没有写入任何内容。下面是读取到的内容：请在工作表中选择相应的行，再按每个角色旁的“使用所选内容”。",
  openMapping: "查看读取到的内容",
  nothingWrittenNote: "没有向工作簿写入任何内容。",
  item: {
    back: "返回风险列表",
    flagged: "此物料有单元格无法读取：请先检查这些单元格，再根据这些数字采取行动。",
    chartLoading: "正在加载图表……",
    chartFailed: "图表无法加载：下方的驱动因素表包含相同的数字。",
    chartName: (item) => `预计可用库存（PAB）图：${item}`,
    chartAlt: (p) =>
      [
        `预计可用库存（PAB）图：${p.item}，从 ${p.from} 到 ${p.to}，最低 ${p.min}，最高 ${p.max}`,
        p.safety,
        p.short.length ? `缺货期：${p.short.join("、")}` : "没有缺货",
        p.low.length ? `低于安全库存：${p.low.join("、")}` : "",
        p.receipts.length ? `必须按时到货：${p.receipts.join("、")}` : "",
      ]
        .filter(Boolean)
        .join("；"),
    legendPab: "预计可用库存",
    legendSafety: "安全库存",
    legendZero: "零",
    legendShort: "缺货",
    drivers: "驱动因素",
    columns: {
      period: "期次",
      date: "日期",
      demand: "需求",
      pab: "PAB",
      ordersOnly: "仅订单",
      atp: "可承诺量",
      slack: "松动",
    },
    notNeeded: "不需要",
    selectFailed: (m) => `无法选中该单元格（${m}）：请按地址在工作表中查找。`,
    noCell: "计算所得",
    cellOf: (what, cell) => `${what}：${cell}，按下可在工作表中选中`,
    actions: "建议措施",
  },
  advice: {
    covered: "库存充足：无需操作。",
    add: (q, p) => `在 ${p} 之前补充 ${q}`,
    pullIn: (p, q, by) => `把 ${p} 的到货（${q}）提前 ${by} 期`,
    confirmReceipt: (p, q) => `${p} 的 ${q} 到货必须按时：请与生产方确认。`,
    forecastOnly: (p) => `${p} 仅因预测而缺货：客户订单已覆盖。通知任何人之前请先复核预测。`,
    topUpSafety: (q, p) => `在 ${p} 之前补充 ${q} 以保持安全库存。`,
    or: "，或",
  },
  whatIf: {
    legend: "假设分析",
    receipt: "到货",
    receiptOption: (p, q) => `${p}：${q}`,
    change: "变化",
    kinds: {
      slip: "推迟",
      pull: "提前",
      "cut-quantity": "减少数量",
      "cut-percent": "按百分比减少",
      split: "拆分：部分按时，其余推迟",
    },
    periods: "期数",
    quantity: "数量",
    percent: "百分比",
    onTime: "按时数量",
    tryIt: "试算",
    noReceipts: "此物料没有可调整的到货。",
    noChanges: "没有期次的状态发生变化。",
    changed: (p, b, a) => `${p}：${b} → ${a}`,
    firstShortage: (p, q) => `首次缺货：${p}，缺 ${q}。`,
    nothingShort: "不会缺货。",
    beyond: (q) => `${q} 将在最后一期之后到货（仍在途，但超出计划范围）。`,
    invalid: (m) => `无法试算：${m}。请调整数字后再按“试算”。`,
  },
  promise: {
    legend: "承诺检查",
    quantity: "数量",
    period: "期次",
    check: "检查",
    yes: (q, p, a) => `可以：${p} 可再承诺 ${q}（当期最多可承诺 ${a}）。`,
    no: (a, p) => `不行：${p} 最多可承诺 ${a}。`,
    fitsFrom: (q, p) => `从 ${p} 起可承诺全部 ${q}。`,
    neverFits: (q) => `计划范围内无法承诺 ${q}：请先增加供应。`,
    invalid: "请输入大于 0 的数量并选择期次，然后按“检查”。",
  },
  raiseAlert: "发出预警",
  noEscalation: "此窗格暂不支持升级处理：请在命令行中用 pab-watch draft 起草内部预警。",
  mapping: {
    heading: "读取到的内容",
    intro:
      "在工作表中选择单元格，然后按其所属角色旁的“使用所选内容”。映射保存在本工作簿中；命令行使用相同的映射（--mapping）。",
    none: "没有读取到计划。",
    roles: {
      item: "物料",
      periods: "期次",
      orders: "客户订单",
      supply: "供应（MPS、到货）",
      onHand: "现有库存",
      safetyStock: "安全库存",
      pab: "PAB",
    },
    notFound: "未找到",
    notPlaced: "无法归类",
    useSelection: "使用所选内容",
    saved: (role, address) => `${role}：已保存 ${address}。重新扫描即可按此读取。`,
    selectionFailed: (m) => `无法读取所选内容（${m}）：请在工作表中单击一个单元格后重试。`,
    badSelection: (a) => `${a} 不在同一个工作表上：请在计划所在的工作表中选择单元格后重试。`,
    notAHeader: (a) =>
      `${a} 不是期次表头：请选择同一行（或同一列）中的期次名称，至少两个单元格，然后重试。`,
    otherRoles: {
      mps: "供应（MPS、到货）",
      ignore: "忽略",
      forecast: "预测",
      firm: "确认订单",
      planned: "计划订单",
      inTransit: "在途",
      receipts: "到货",
      atp: "可承诺量",
      site: "工厂/仓库",
      pastDue: "逾期",
    },
    saveAndScan: "按此映射扫描",
    clear: "清除映射",
    mapped: "您的映射",
    back: "返回风险列表",
    open: "映射",
  },
  scan: "扫描工作表",
  scanning: "正在扫描……",
  risks: "风险",
  noPlan: "这些工作表中没有找到计划：请打开“映射”，用“使用所选内容”指出期次和各行。",
  problems: "请检查这些单元格",
  modeLabel: "PAB 写入方式",
  modes: {
    live: "实时 =PAB.BALANCE（需要加载项）",
    portable: "任何人都能打开的公式",
    "side-sheet": "只写在 PAB Watch 工作表",
    values: "只写数值",
  },
  writtenAs: (mode) => `已写入方式：${mode}。可在下方选择其他方式，本工作簿会记住。`,
  startDateLabel: "第1周的第一天",
  startDateHint: "仅当周次为编号（W1、第1周）时需要。",
  remember: "为本工作簿记住",
  remove: "移除 PAB Watch 标注",
  followEdits: "编辑表格时更新风险",
  followEditsHint:
    "您修改已扫描物料的订单、到货或库存数字后，PAB Watch 会在您停止输入后重新扫描。本工作簿会记住此设置。",
  removed: (kept) =>
    kept ? `已移除。您改动过的 ${kept} 处保持不变。` : "已移除：工作表已恢复原样。",
  failed: (message) =>
    `扫描中止：${message.replace(/[.。]\s*$/, "")}。请先结束正在输入的单元格（按 Enter 或 Esc），再按“扫描工作表”；如果仍然中止，请关闭并重新打开 PAB Watch 窗格。`,
  title: "PAB Watch 库存预警",
  tagline: "在您自己的MPS表中计算预计可用库存：提前几周发现缺货。",
  functionsHeading: "工作表函数",
  functionsIntro: "可在任意单元格中输入；订单或MPS变化时自动重算。",
  example: "=PAB.BALANCE(B2, B5:I5, B6:I6)",
  exampleNote:
    "B2为现有库存，第5行为客户订单，第6行为MPS：结果向右溢出。第3周：14 − 15 + 50 = 49。",
  copy: "复制",
  copied: "已复制",
  copyFailed: "此窗口无法使用剪贴板：请选中公式后按 Ctrl+C。",
  missingCustomFunctions:
    "此版本的Excel无法运行 =PAB 函数：需要支持共享运行时的 Windows、Mac 或网页版 Excel（Microsoft 365）。",
  missingAnnotate:
    "此版本的Excel过旧，无法标注工作表（需要 Microsoft 365 的 ExcelApi 1.13）。=PAB 函数仍可使用。",
  outsideExcel: "当前不在Excel中运行：请从Excel“开始”选项卡打开库存预警。",
  help: "函数说明",
  statusHeading: "状态说明",
  colon: "：",
  statuses: [
    { code: "stockout", label: "预计缺货", meaning: "可用库存低于零" },
    { code: "at-risk", label: "依赖到货", meaning: "只有当周MPS按时到货才够" },
    { code: "low", label: "低于安全库存", meaning: "可用库存低于安全库存" },
    { code: "ok", label: "正常", meaning: "库存充足" },
  ],
};

export function stringsFor(language: Language): Strings {
  return language === "zh-CN" ? zhCN : en;
}
