import { Incident } from "../incidents";
import { Words } from "./words";

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/** Text plainly in the other language: English words and no Chinese, or Chinese in English. */
function otherLanguage(text: string, lang: Words["lang"]): boolean {
  const cjk = (text.match(CJK) ?? []).length;
  const latin = (text.match(LATIN_WORD) ?? []).length;
  return lang === "zh-CN" ? cjk === 0 && latin >= 2 : cjk >= 2;
}

/** A customer spoken of rather than addressed ("the customer", 客户 but not 客户服务). */
const THIRD_PERSON = {
  en: /\b(the|this|our) customer('s)?\b/i,
  "zh-CN": /客户(?!服务|部|经理|代表|端)/,
};

/** The incident's free text that a notice of this audience shows, by field name. */
function shownText(inc: Incident, customer: boolean): [string, string][] {
  const out: [string, string | undefined][] = [];
  const list = (name: string, xs: string[] | undefined) =>
    (xs ?? []).forEach((x, i) => out.push([`${name}[${i + 1}]`, x]));
  if (customer) {
    out.push(["cause.customer", inc.cause?.customer]);
    list("countermeasures", inc.countermeasures);
    (inc.transport ?? []).forEach((t, i) => out.push([`transport[${i + 1}].note`, t.note]));
    out.push(["recovery.schedule", inc.recovery?.schedule]);
  } else {
    out.push(["cause.internal", inc.cause?.internal], ["resolution", inc.resolution]);
    (inc.asks ?? []).forEach((a, i) => out.push([`asks[${i + 1}].what`, a.what]));
    list("review.timeline", inc.review?.timeline);
    list("review.whys", inc.review?.whys);
    out.push(
      ["review.corrective", inc.review?.corrective],
      ["review.preventive", inc.review?.preventive]
    );
  }
  return out.filter((x): x is [string, string] => !!x[1]);
}

/**
 * Warnings about the incident's wording: text in the other language than the notice, and a
 * customer notice speaking of "the customer" instead of addressing them.
 */
export function freeTextWarnings(inc: Incident, w: Words, customer: boolean): string[] {
  const warnings: string[] = [];
  for (const [field, text] of shownText(inc, customer)) {
    if (otherLanguage(text, w.lang)) warnings.push(w.warn.otherLanguage(field, w.languageName));
    if (customer && THIRD_PERSON[w.lang].test(text)) warnings.push(w.warn.thirdPerson(field));
  }
  return warnings;
}
