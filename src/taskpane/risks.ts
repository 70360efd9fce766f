import { ReportItem } from "../report";
import { Language } from "./environment";

export interface Risk {
  key: string;
  item: string;
  worst: ReportItem["worstStatus"];
  text: string;
  flagged: boolean;
}

const ORDER = { stockout: 0, "at-risk": 1, low: 2, ok: 3 };

function list(items: string[], lang: Language): string {
  if (lang === "zh-CN") return items.join("、");
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** One line per item, most urgent first: what a planner needs to read at a glance. */
export function risksOf(items: ReportItem[], lang: Language): Risk[] {
  const firstProblem = (it: ReportItem) => {
    const i = it.status.findIndex((s) => s !== "ok");
    return i < 0 ? 1e9 : i;
  };
  return [...items]
    .sort(
      (a, b) => ORDER[a.worstStatus] - ORDER[b.worstStatus] || firstProblem(a) - firstProblem(b)
    )
    .map((it) => {
      const onTime = it.receipts
        .filter((r) => r.slack === 0 && it.status[r.index] === "at-risk")
        .map((r) => it.periods[r.index]);
      const low = it.status
        .map((s, t) => (s === "low" ? it.periods[t] : null))
        .filter((p): p is string => p !== null);
      const parts: string[] = [];
      if (lang === "zh-CN") {
        if (onTime.length) parts.push(`${list(onTime, lang)} 依赖按时到货`);
        if (it.firstShortage)
          parts.push(`${it.firstShortage.period} 预计缺货 ${it.firstShortage.quantity}`);
        if (low.length)
          parts.push(`${list(low.slice(0, 3), lang)}${low.length > 3 ? " 等" : ""} 低于安全库存`);
        if (!parts.length) parts.push("库存充足");
      } else {
        if (onTime.length)
          parts.push(
            `needs ${onTime.length > 1 ? "its receipts" : "its receipt"} on time in ${list(onTime, lang)}`
          );
        if (it.firstShortage)
          parts.push(
            `projected short in ${it.firstShortage.period} by ${it.firstShortage.quantity}`
          );
        if (low.length)
          parts.push(
            `below safety stock in ${list(low.slice(0, 3), lang)}${low.length > 3 ? " and later" : ""}`
          );
        if (!parts.length) parts.push("covered");
      }
      const name = it.site ? `${it.item} (${it.site})` : it.item;
      return {
        key: `${it.sheet}|${it.item}|${it.site ?? ""}`,
        item: name,
        worst: it.worstStatus,
        text: `${name}${lang === "zh-CN" ? "：" : ": "}${parts.join(lang === "zh-CN" ? "；" : ", ")}`,
        flagged: it.flagged,
      };
    });
}
