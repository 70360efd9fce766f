import { Diagnostic } from "./diagnostics";

/** What each diagnostic code means, in Chinese, for the summary under --lang zh-CN. */
const MEANING: Record<string, string> = {
  "not-a-number": "单元格内容不是数量",
  "ambiguous-number": "数字有两种读法（千位分隔符还是小数点），未采用",
  "error-value": "单元格是错误值，不是数量",
  "negative-quantity": "数量为负",
  "negative-opening": "期初库存为负，按欠交结转到第1期",
  "no-opening-balance": "没有找到期初库存，按0计算",
  "ambiguous-row": "有多行可能是同一用途，请用--mapping指定",
  "duplicate-item": "同一物料出现多次",
  "merged-cell": "合并单元格",
  "hidden-row": "隐藏行",
  "hidden-column": "隐藏列",
  "bad-period": "无法识别的期间表头",
  "period-gap": "期间不连续或重复，按表格顺序读取",
  "stale-start": "起始日期可能已过时",
  "no-plan-found": "没有找到计划",
  "pab-differs": "表格中的PAB与推演结果不一致",
  "mapping-invalid": "映射文件有误",
  "item-missing": "没有找到物料",
  "cell-in-the-way": "单元格已有内容，未写入",
  "not-on-side-sheet": "未能写入PAB Watch工作表",
  "row-not-understood": "该行数字的用途无法识别，未使用，物料已标记",
  "derived-row": "推导行（净需求、计划订单下达、合计），已读取但不使用",
  "month-year": "月份没有年份",
  "item-from-sheet": "计划没有物料名称，以工作表名称命名",
  "formula-not-evaluated": "公式没有保存的值且无法计算",
  "formula-evaluated": "已计算没有保存值的公式",
};

const SEVERITY: Record<string, string> = { error: "错误", warning: "警告", info: "提示" };

/**
 * One diagnostic as a Chinese line: severity, cell, what the code means, and the values the
 * message quotes from the sheet. A code without a Chinese meaning keeps its English message.
 */
export function diagnosticZh(d: Diagnostic): string {
  return `${SEVERITY[d.severity] ?? d.severity}：${problemZh(d)}`;
}

const ENCODING_ZH: Record<string, string> = {
  "GB18030 (Chinese Windows) text": "GB18030（中文 Windows）编码",
  "UTF-8": "UTF-8 编码",
  "UTF-16LE": "UTF-16LE 编码",
  "UTF-16BE": "UTF-16BE 编码",
};
const SEPARATOR_ZH: Record<string, string> = { commas: "逗号", semicolons: "分号", tabs: "制表符" };

/** How a CSV export was read ("plan.csv: read as one sheet "plan", UTF-8, fields separated by commas"). */
function csvReadZh(message: string): string | null {
  const m = /^(.*): read as one sheet "(.*)", (.*), fields separated by (.*)$/.exec(message);
  if (!m) return null;
  const sep = SEPARATOR_ZH[m[4]] ?? m[4];
  return `${m[1]}：作为一个工作表“${m[2]}”读取，${ENCODING_ZH[m[3]] ?? m[3]}，字段以${sep}分隔`;
}

const NO_PLAN =
  "No plan found: PAB Watch looks for period headers (W1, Week 1, 第1周, dates, months, or 1 2 3 with plan rows below) with labelled rows such as Customer orders and MPS.";

/** The sentences explainSheet says about a sheet without a plan, in Chinese. */
const SEEN_ZH: [RegExp, (m: string[]) => string][] = [
  [
    /^(.+) row (\d+) holds periods (.+), but no row below it carries a plan label \(Customer orders, MPS, Gross requirements …\)\.$/,
    ([sheet, row, labels]) =>
      `${sheet} 第 ${row} 行有期次 ${labels}，但下方没有带计划标签的行（客户订单、MPS、毛需求 …）。`,
  ],
  [
    /^(.+) row (\d+) holds (.+): plain numbers are read as periods when rows below carry plan labels\.$/,
    ([sheet, row, values]) =>
      `${sheet} 第 ${row} 行是 ${values}：只有下方的行带有计划标签时，纯数字才会被当作期次。`,
  ],
  [
    /^(.+): no row label PAB Watch knows \(such as Customer orders, MPS, Gross requirements\)\.$/,
    ([sheet]) => `${sheet}：没有 PAB Watch 认识的行标签（如客户订单、MPS、毛需求）。`,
  ],
  [/^(.+): no on-hand found\.$/, ([sheet]) => `${sheet}：没有找到现有库存。`],
  [
    /^(.+) rows? ([\d–, ]+): (.+)\.$/,
    ([sheet, rows, labels]) => `${sheet} 第 ${rows} 行：${labels}。`,
  ],
];

/** "No plan found: … Plan row 3 holds periods …" in Chinese, sentence by sentence. */
function noPlanZh(message: string): string | null {
  const missing = /^There is no sheet named "(.*)"$/.exec(message);
  if (missing) return `没有名为“${missing[1]}”的工作表`;
  if (!message.startsWith(NO_PLAN)) return null;
  const seen = message
    .slice(NO_PLAN.length)
    .trim()
    .split(/(?<=\.) (?=\S)/)
    .filter(Boolean)
    .map((sentence) => {
      for (const [pattern, zh] of SEEN_ZH) {
        const m = pattern.exec(sentence);
        if (m) return zh(m.slice(1));
      }
      return sentence;
    });
  return `没有找到计划：PAB Watch 查找期次表头（W1、Week 1、第1周、日期、月份，或下方有计划行的 1 2 3）以及带标签的行（如客户订单、MPS）。${seen.join("")}`;
}

/** What a diagnostic says, in Chinese, without its severity (for a notice's assumptions). */
export function problemZh(d: Diagnostic): string {
  if (d.code === "csv-read") return csvReadZh(d.message) ?? d.message;
  if (d.code === "no-plan-found") return noPlanZh(d.message) ?? MEANING[d.code];
  const meaning = MEANING[d.code];
  if (!meaning) return d.message;
  const quoted = d.message.match(/"[^"]*"/g) ?? [];
  const values = quoted.length ? `：${quoted.map((q) => `“${q.slice(1, -1)}”`).join("、")}` : "";
  return `${d.cell ? `${d.cell}，` : d.item ? `${d.item}，` : ""}${meaning}${values}`;
}
