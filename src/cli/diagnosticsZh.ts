export { diagnosticZh, problemZh } from "../layout/diagnosticsZh";

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
