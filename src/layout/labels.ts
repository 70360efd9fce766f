/**
 * What a label cell means. One table, easy to extend: add a synonym to its role. Labels are matched
 * after normalising case, width (全角/半角), spaces and punctuation, and after dropping qualifiers
 * and units (current, qty, total, 量, 数量, (pcs)).
 */
export type Role =
  | "item"
  | "site"
  | "description"
  | "orders"
  | "forecast"
  | "mps"
  | "firm"
  | "planned"
  | "inTransit"
  | "receipts"
  | "onHand"
  | "safetyStock"
  | "pab"
  | "pastDue"
  | "period"
  | "measure"
  | "atp"
  /** Rows MRP derives from the others (net requirements, planned order releases): read, not used. */
  | "derived";

export const SYNONYMS: Readonly<Record<Role, readonly string[]>> = {
  item: [
    "item",
    "item no",
    "item number",
    "item code",
    "part",
    "part no",
    "part number",
    "pn",
    "sku",
    "material",
    "material no",
    "material number",
    "product",
    "product code",
    "product no",
    "article",
    "finished good",
    "fg",
    "物料编码",
    "物料编号",
    "物料",
    "品号",
    "料号",
    "产品编码",
    "产品编号",
    "产品",
    "成品编码",
    "型号",
    "货号",
  ],
  site: ["site", "plant", "warehouse", "location", "wh", "工厂", "仓库", "厂区", "库位", "地点"],
  description: [
    "description",
    "item description",
    "name",
    "product name",
    "物料名称",
    "品名",
    "名称",
    "描述",
  ],
  orders: [
    "customer orders",
    "customer order",
    "cust orders",
    "cust order",
    "sales orders",
    "sales order",
    "orders",
    "order",
    "actual orders",
    "booked orders",
    "demand orders",
    "客户订单",
    "订单需求",
    "订单",
    "销售订单",
    "出货计划",
    "发货计划",
    "客户需求",
    "订单量",
    "gross requirements",
    "requirements",
    "demand",
    "gross demand",
    "dependent demand",
    "allocated",
    "allocations",
    "customer demand",
    "毛需求",
    "需求",
    "已分配量",
    "已分配",
  ],
  forecast: [
    "forecast",
    "fcst",
    "sales forecast",
    "demand forecast",
    "预测",
    "销售预测",
    "需求预测",
  ],
  mps: [
    "mps",
    "master production schedule",
    "master schedule",
    "planned production",
    "production plan",
    "production",
    "mps生产计划",
    "主生产计划",
    "生产计划",
    "计划生产",
    "入库",
    "计划入库",
    "计划产量",
    "生产",
  ],
  firm: [
    "firm",
    "firm orders",
    "firm planned orders",
    "firm production",
    "scheduled production",
    "确认生产",
    "已排产",
  ],
  planned: [
    "planned orders",
    "planned receipts",
    "planned order receipts",
    "计划订单",
    "计划订单接收",
    "计划订单收货",
  ],
  inTransit: [
    "in transit",
    "intransit",
    "transit",
    "on the water",
    "shipped",
    "在途",
    "在途库存",
    "在途数量",
  ],
  receipts: [
    "receipts",
    "scheduled receipts",
    "expected receipts",
    "supply",
    "incoming",
    "eta",
    "到货",
    "预计到货",
    "收货",
    "scheduled receipts",
    "计划接收",
    "计划接收量",
    "预计入库",
  ],
  onHand: [
    "on hand",
    "onhand",
    "opening",
    "opening stock",
    "opening balance",
    "opening inventory",
    "beginning inventory",
    "beginning balance",
    "beginning on hand",
    "starting inventory",
    "inventory",
    "stock",
    "stock on hand",
    "soh",
    "available stock",
    "期初库存",
    "现有库存",
    "结存",
    "可用库存",
    "上期期末库存",
    "库存",
    "当前库存",
    "期初",
    "on hand inventory",
    "current stock",
    "在手库存",
    "库存数量",
  ],
  safetyStock: ["safety stock", "ss", "safety", "min stock", "安全库存", "安全存量"],
  pab: [
    "pab",
    "projected available balance",
    "projected available",
    "projected balance",
    "projected on hand",
    "projected inventory",
    "ending inventory",
    "balance",
    "期末可用库存",
    "预计可用库存",
    "预计库存",
    "期末库存",
    "projected balance",
    "end inventory",
    "closing inventory",
    "closing stock",
    "closing balance",
    "ending balance",
    "ending stock",
    "available balance",
    "projected available inventory",
    "预计可用库存含在途",
    "预计可用库存不含在途",
    "期末结存",
  ],
  pastDue: ["past due", "pastdue", "overdue", "backlog", "arrears", "逾期", "欠交", "欠货", "拖欠"],
  period: [
    "week",
    "week starting",
    "week start",
    "week beginning",
    "period",
    "date",
    "month",
    "due date",
    "wk",
    "周",
    "周开始日期",
    "周次",
    "日期",
    "期间",
    "月份",
    "交期",
  ],
  measure: [
    "measure",
    "type",
    "key figure",
    "row type",
    "category",
    "data type",
    "项目",
    "类型",
    "类别",
    "指标",
  ],
  atp: ["atp", "available to promise", "可承诺量", "可供销售量"],
  derived: [
    "net requirements",
    "net requirement",
    "net demand",
    "planned order releases",
    "planned order release",
    "order releases",
    "净需求",
    "计划订单下达",
    "计划下达",
  ],
};

/** Words that qualify a label without changing what it is: "Current on hand", "Orders qty", "订单数量". */
const QUALIFIERS = [
  "current",
  "qty",
  "quantity",
  "quantities",
  "total",
  "units",
  "pcs",
  "pieces",
  "ea",
  "each",
  "weekly",
  "wk",
  "数量",
  "量",
  "合计",
  "总计",
  "本周",
  "当前",
];

/** A Map, not an object: a label word such as "constructor" must not find Object's own properties. */
const ABBREVIATIONS = new Map([
  ["cust", "customer"],
  ["fcst", "forecast"],
]);

/** Case, width, spaces and punctuation folded: "Ｃｕｓｔ. Orders (pcs)" → "customer orders". */
export function normalizeLabel(text: string): string {
  // Printable ASCII (most labels, item codes) needs neither NFKC nor Unicode classes: the same
  // folding with plain ones (normalizeLabelFully gives the same for every such text).
  if (!PRINTABLE_ASCII.test(text)) return normalizeLabelFully(text);
  let s = text.toLowerCase();
  if (OPENING_BRACKET.test(s)) s = s.replace(/[([{][^)\]}]*[)\]}]/g, " ");
  return words(s.replace(/[^a-z0-9]+/g, " ").trim());
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const OPENING_BRACKET = /[([{]/;

/** normalizeLabel for any text. */
export function normalizeLabelFully(text: string): string {
  let s = text.normalize("NFKC").toLowerCase();
  s = s.replace(/[([{（【][^)\]}）】]*[)\]}）】]/g, " "); // units in brackets
  return words(s.replace(/[^\p{L}\p{N}]+/gu, " ").trim());
}

function words(s: string): string {
  return s
    .split(" ")
    .map((w) => singular(ABBREVIATIONS.get(w) ?? w))
    .join(" ");
}

/** Plurals folded: requirements → requirement, receipts → receipt (not "ss", "gross", "pcs"). */
function singular(w: string): string {
  return w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && /^[a-z]+$/.test(w)
    ? w.slice(0, -1)
    : w;
}

/** The Chinese qualifiers, which also qualify a label written without a space ("订单数量"). */
const HAN_QUALIFIERS = QUALIFIERS.filter((q) => /^\p{Script=Han}+$/u.test(q));

function stripQualifiers(normalized: string): string {
  let words = normalized.split(" ").filter((w) => w && !QUALIFIERS.includes(w));
  let joined = words.join(" ");
  for (const q of HAN_QUALIFIERS) {
    if (joined.endsWith(q) && joined.length > q.length) joined = joined.slice(0, -q.length);
    if (joined.startsWith(q) && joined.length > q.length) joined = joined.slice(q.length);
  }
  words = joined.split(" ").filter(Boolean);
  return words.join(" ");
}

const INDEX = new Map<string, Role>();
/** Every English word of the synonyms → the roles it appears in ("order" → orders, firm, planned …). */
const WORD_ROLES = new Map<string, Set<Role>>();
for (const [role, words] of Object.entries(SYNONYMS) as [Role, readonly string[]][]) {
  for (const w of words) {
    const key = normalizeLabel(w);
    if (!INDEX.has(key)) INDEX.set(key, role);
    INDEX.set(key.replace(/ /g, ""), INDEX.get(key.replace(/ /g, "")) ?? role);
    for (const word of key.split(" ")) {
      if (!/^[a-z]+$/.test(word)) continue;
      const set = WORD_ROLES.get(word) ?? new Set<Role>();
      set.add(role);
      WORD_ROLES.set(word, set);
    }
  }
}
/** Words that join others without meaning anything: "Qty of orders", "MPS plan". */
const FILLERS = ["of", "the", "for", "plan", "schedule", "level", "amount"];

/**
 * A label made of known words of one role is that role: "customer order demand" (every word is a
 * word of orders), "planned production qty" (mps). A label whose words point to two roles is none.
 */
function compoundRole(normalized: string): Role | null {
  const words = normalized.split(" ").filter((w) => w && !QUALIFIERS.includes(w));
  const meaningful = words.filter((w) => !FILLERS.includes(w));
  if (words.length < 2 || !meaningful.length) return null;
  let roles: Role[] | null = null;
  for (const w of meaningful) {
    const these = WORD_ROLES.get(w);
    if (!these) return null;
    roles = (roles ?? [...these]).filter((r) => these.has(r));
  }
  return roles?.length === 1 ? roles[0] : null;
}

const memo = new Map<string, Role | null>();

/** The role a label names, or null. "Item: X" style cells are handled by splitLabelValue. */
export function roleOf(text: unknown): Role | null {
  if (typeof text !== "string") return null;
  let role = memo.get(text);
  if (role === undefined) {
    role = lookupRole(text);
    if (memo.size > 100_000) memo.clear();
    memo.set(text, role);
  }
  return role;
}

const TOTAL_WORDS = ["total", "sum", "subtotal", "grand total", "合计", "小计", "总计", "汇总"];

/**
 * No synonym, qualifier, filler or total word has a digit, so a label with one names a role only
 * as a cost ("Cost 2026"): item codes (FG-1001, 100234) are told apart without the word lookups.
 * Checked once: a synonym with a digit turns this short cut off.
 */
const DIGITS_NAME_NO_ROLE = ![...INDEX.keys(), ...QUALIFIERS, ...FILLERS, ...TOTAL_WORDS].some(
  (w) => /\d/.test(w)
);

function lookupRole(text: string): Role | null {
  const n = normalizeLabel(text);
  if (!n || n.length > 40) return null;
  if (DIGITS_NAME_NO_ROLE && /[0-9]/.test(n)) return isCost(n) ? "derived" : null;
  return roleOfNormalized(n);
}

/** The role of a label without the short cut for digits (lookupRole gives the same). */
export function lookupRoleFully(text: string): Role | null {
  const n = normalizeLabelFully(text);
  if (!n || n.length > 40) return null;
  return roleOfNormalized(n);
}

const isCost = (n: string) => /(^| )cost( |$)/.test(n) || /成本|费用/.test(n);

function roleOfNormalized(n: string): Role | null {
  const stripped = stripQualifiers(n);
  for (const candidate of [n, stripped]) {
    if (!candidate) continue;
    const hit = INDEX.get(candidate) ?? INDEX.get(candidate.replace(/ /g, ""));
    if (hit) return hit;
  }
  // A Total / Sum / 合计 row adds the others up (a lone unit such as "pcs" is no label at all).
  if (TOTAL_WORDS.includes(n)) return "derived";
  if (!stripped) return null;
  // Costs price the quantities (hiring cost, holding cost, 库存成本): not a quantity of the plan.
  if (isCost(n)) return "derived";
  return compoundRole(n);
}

/** A column after the periods that adds them up or prices them: Total, Sum, Cost, 合计, 小计. */
export function isTotalHeader(text: string): boolean {
  if (!text) return false;
  const n = normalizeLabel(text);
  if (!n) return false;
  return (
    TOTAL_WORDS.includes(n) ||
    /^(total|sum|cost|avg|average)( [a-z]+)*$/.test(n) ||
    /^[a-z ]*(total|cost)$/.test(n) ||
    /^(合计|小计|总计|汇总|成本|平均)/.test(n)
  );
}

const OPENING_WORDS = [
  "before",
  "opening",
  "start",
  "begin",
  "beginning",
  "initial",
  "期初",
  "初始",
  "期初库存",
  "上期结存",
];

/** A column just before period 1 that holds the opening: Before, Opening, Start, 期初. */
export function isOpeningHeader(text: string): boolean {
  if (!text) return false;
  const n = normalizeLabel(text);
  return !!n && (OPENING_WORDS.includes(n) || roleOf(text) === "onHand");
}

/** "Item: FG-1001" / "物料编码：成品-A01" → the role and the value after the colon. */
export function splitLabelValue(text: unknown): { role: Role; value: string } | null {
  if (typeof text !== "string") return null;
  const m = /^\s*([^:：]{1,40})[:：]\s*(.+?)\s*$/.exec(text);
  if (!m) return null;
  const role = roleOf(m[1]);
  return role ? { role, value: m[2] } : null;
}

/** Roles that are a row of supply per period; summed into MPS and kept by type. */
export const SUPPLY_ROLES: readonly Role[] = ["mps", "firm", "planned", "inTransit", "receipts"];
/** Roles that are a row of figures per period. */
export const SERIES_ROLES: readonly Role[] = ["orders", "forecast", "pab", "atp", ...SUPPLY_ROLES];
/** Roles of rows that are read and deliberately not used (said as info, never an error). */
export const IGNORED_ROLES: readonly Role[] = ["derived"];

/** Why a derived row is not used, for the info diagnostic. */
export const DERIVED_REASON =
  "is derived from the other rows (a net requirement, an order release, a total or a cost)";

/** Labels of rows that belong to a plan: what tells bare numbers above them are periods. */
export const PLAN_ROLES: readonly Role[] = [...SERIES_ROLES, "derived", "onHand"];
