import { Language } from "../environment";
import { formatDate } from "./dates";

const formats = new Map<Language, Intl.NumberFormat>();

/** A quantity as people read it: thousands grouped, at most three decimals. */
export function qty(n: number, lang: Language): string {
  let f = formats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === "zh-CN" ? "zh-CN" : "en-US", { maximumFractionDigits: 3 });
    formats.set(lang, f);
  }
  return f.format(n);
}

/** "W8 · 25 Jan 2027 (wk 4)", "W8 · 2027年1月25日（第4周）"; the label alone when the period has no date. */
export function periodWithDate(label: string, start: string | null, lang: Language): string {
  if (!start) return label;
  if (label === start) return formatDate(start, lang);
  return `${label} · ${formatDate(start, lang)}`;
}
