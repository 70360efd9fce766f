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

/** What a diagnostic says, in Chinese, without its severity (for a notice's assumptions). */
export function problemZh(d: Diagnostic): string {
  if (d.code === "csv-read") return csvReadZh(d.message) ?? d.message;
  const meaning = MEANING[d.code];
  if (!meaning) return d.message;
  const quoted = d.message.match(/"[^"]*"/g) ?? [];
  const values = quoted.length ? `：${quoted.map((q) => `“${q.slice(1, -1)}”`).join("、")}` : "";
  return `${d.cell ? `${d.cell}，` : d.item ? `${d.item}，` : ""}${meaning}${values}`;
}

const WORKBOOK_ERRORS: [RegExp, string][] = [
  [
    /^the workbook unpacks to (\d+ MB), over the (\d+ MB) PAB Watch reads/,
    "工作簿解压后为$1，超过PAB Watch可读取的$2（文件已损坏或为压缩炸弹）",
  ],
  [
    /^the workbook unpacks to (\d+ MB) from (\d+ MB), more than (\d+) times its size/,
    "工作簿从$2解压为$1，超过其大小的$3倍（文件已损坏或为压缩炸弹）",
  ],
  [
    /^the workbook package is damaged or a zip bomb \((\S+) unpacks past the (\d+) bytes it declares\)/,
    "工作簿文件已损坏或为压缩炸弹（$1解压后超过其声明的$2字节）",
  ],
  [
    /^the workbook is password-protected/,
    "工作簿设有密码（已加密）：请在Excel中打开，取消密码（文件→信息→保护工作簿→用密码进行加密），另存一份后再检查",
  ],
  [
    /^not an \.xlsx workbook \(an Excel 97-2003/,
    "不是.xlsx工作簿（是Excel 97-2003的.xls文件或其他OLE文档）：请在Excel中另存为.xlsx",
  ],
  [
    /^the workbook package lacks (\S+), the part of sheet "(.*)"/,
    "工作簿缺少工作表“$2”的部件$1（文件已损坏）",
  ],
  [/^the workbook package is damaged \((.*)\)$/, "工作簿文件已损坏（$1）"],
  [
    /^not an \.xlsx workbook \(it is not a zip package/,
    "不是.xlsx工作簿（不是zip包）；CSV导出文件的文件名须以.csv结尾",
  ],
  [
    /^the CSV file is neither UTF-8 nor GB18030 text/,
    "CSV文件既不是UTF-8也不是GB18030文本：请另存为“CSV UTF-8”",
  ],
  [/^cannot open (.*) \((\w+)\)$/, "无法打开$1（$2）"],
  [/^malformed XML \((.*)\)$/, "无法读取工作簿：XML格式错误（$1）"],
];

/** A workbook that cannot be read, said in Chinese; null when the message is not one we know. */
export function workbookErrorZh(message: string): string | null {
  for (const [pattern, zh] of WORKBOOK_ERRORS)
    if (pattern.test(message)) return message.replace(new RegExp(`${pattern.source}[\\s\\S]*`), zh);
  return null;
}
