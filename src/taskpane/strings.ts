import { Language } from "./environment";

export interface Strings {
  scan: string;
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
  scan: "Scan sheet",
  scanning: "Scanning…",
  risks: "Risks",
  noPlan: "No plan found on these sheets.",
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
  removed: (kept) =>
    kept
      ? `Removed. ${kept} area(s) you changed were left as they are.`
      : "Removed: the sheet is as it was.",
  failed: (message) => `The scan stopped: ${message}`,
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
  scan: "扫描工作表",
  scanning: "正在扫描……",
  risks: "风险",
  noPlan: "这些工作表中没有找到计划。",
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
  removed: (kept) =>
    kept ? `已移除。您改动过的 ${kept} 处保持不变。` : "已移除：工作表已恢复原样。",
  failed: (message) => `扫描中止：${message}`,
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
