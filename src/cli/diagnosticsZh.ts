import { Diagnostic } from "../layout";

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
  const meaning = MEANING[d.code];
  const severity = SEVERITY[d.severity] ?? d.severity;
  if (!meaning) return `${severity}：${d.message}`;
  const quoted = d.message.match(/"[^"]*"/g) ?? [];
  const values = quoted.length ? `：${quoted.map((q) => `“${q.slice(1, -1)}”`).join("、")}` : "";
  return `${severity}：${d.cell ? `${d.cell}，` : d.item ? `${d.item}，` : ""}${meaning}${values}`;
}
