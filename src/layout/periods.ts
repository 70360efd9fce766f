import { addDays, dateFormatKind, daysBetween, isoDate, isoWeekStart, serialToIso } from "./dates";
import { CellValue } from "./snapshot";
import { packedMap } from "./arrays";

export type PeriodHeader =
  /** W1, 第1周; `plain` when the cell is a bare number (1, 2, 3 or week numbers 21, 22, 23). */
  | { kind: "number"; n: number; plain?: true }
  | { kind: "week"; year: number; week: number }
  | { kind: "date"; iso: string }
  | { kind: "month"; year: number; month: number }
  /** A month without a year (Jan, 1月, January): the year comes from the start date or the sheet. */
  | { kind: "monthName"; month: number }
  | { kind: "bad"; reason: string };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthOf(name: string): number | null {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
}

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const CHINESE_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/** A month named without a year: Jan, Jan., January, Sept, 1月, 一月, 1月份. */
function bareMonth(s: string): number | null {
  const w = s.toLowerCase().replace(/\.$/, "");
  let i = MONTH_NAMES.findIndex((m) => m === w || (w.length === 3 && m.startsWith(w)));
  if (w === "sept") i = 8;
  if (i >= 0) return i + 1;
  const m = /^(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?$/.exec(s);
  if (!m) return null;
  const n = /\d/.test(m[1]) ? Number(m[1]) : CHINESE_MONTHS.indexOf(m[1]) + 1;
  return n >= 1 && n <= 12 ? n : null;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

/** A period header cell, or null when the cell is not one at all. */
export function parsePeriodHeader(
  value: CellValue,
  format: string | undefined,
  date1904: boolean
): PeriodHeader | null {
  if (typeof value === "number") {
    const kind = dateFormatKind(format);
    if (!kind) return null;
    const iso = serialToIso(value, date1904);
    if (!iso) return { kind: "bad", reason: `${value} is not a date Excel can show` };
    return kind === "month"
      ? { kind: "month", year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) }
      : { kind: "date", iso };
  }
  if (typeof value !== "string") return null;
  let parsed = textMemo.get(value);
  if (parsed === undefined) {
    parsed = parseTextHeader(value);
    if (textMemo.size > 100_000) textMemo.clear();
    textMemo.set(value, parsed);
  }
  return parsed;
}

const textMemo = new Map<string, PeriodHeader | null>();

function parseTextHeader(value: string): PeriodHeader | null {
  const s = value.normalize("NFKC").trim();
  let m: RegExpExecArray | null;

  // Numbered periods: W1, Wk 1, Week 1, WK01, P1, Period 1, 第1周, 第1期
  if ((m = /^(?:w|wk|week|p|per|period)\s*\.?\s*(\d{1,3})$/i.exec(s)))
    return { kind: "number", n: Number(m[1]) };
  if ((m = /^第\s*(\d{1,3})\s*[周期]$/.exec(s))) return { kind: "number", n: Number(m[1]) };

  // Calendar weeks: 2026-W49, 2026 W49, W49 2026, W49/2026, 2026年第49周
  if (
    (m = /^(\d{4})\s*[-/ ]?\s*w(?:k|eek)?\s*(\d{1,2})$/i.exec(s)) ||
    (m = /^(\d{4})年\s*第\s*(\d{1,2})\s*周$/.exec(s))
  ) {
    return weekOf(Number(m[1]), Number(m[2]), s);
  }
  if ((m = /^w(?:k|eek)?\s*(\d{1,2})\s*[-/ ]\s*(\d{4})$/i.exec(s)))
    return weekOf(Number(m[2]), Number(m[1]), s);

  // Dates written as text: 2026-12-07, 2026/12/7, 2026.12.07, 2026年12月7日
  if ((m = /^(\d{4})[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})日?$/.exec(s))) {
    return dateOf(Number(m[1]), Number(m[2]), Number(m[3]), s);
  }
  // d/m/yyyy or m/d/yyyy: only when the reading is unambiguous
  if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    if (a > 12 && b <= 12) return dateOf(y, b, a, s);
    if (b > 12 && a <= 12) return dateOf(y, a, b, s);
    if (a === b) return dateOf(y, a, b, s);
    return { kind: "bad", reason: `"${s}" could be day/month or month/day` };
  }

  // Months: 2027-01, 2027/1, 2027年1月, Jan 2027, January-27, Jan-2027
  if ((m = /^(\d{4})[-/年]\s*(\d{1,2})月?$/.exec(s)))
    return monthPeriod(Number(m[1]), Number(m[2]), s);
  if ((m = /^([A-Za-z]{3,9})\.?[\s\-/']*(\d{2}|\d{4})$/.exec(s)) && monthOf(m[1])) {
    return monthPeriod(fullYear(m[2]), monthOf(m[1]) as number, s);
  }
  const bare = bareMonth(s);
  if (bare) return { kind: "monthName", month: bare };
  return null;
}

function weekOf(year: number, week: number, text: string): PeriodHeader {
  return isoWeekStart(year, week)
    ? { kind: "week", year, week }
    : { kind: "bad", reason: `"${text}" is not a calendar week` };
}

function dateOf(y: number, mo: number, d: number, text: string): PeriodHeader {
  const iso = isoDate(y, mo, d);
  return iso ? { kind: "date", iso } : { kind: "bad", reason: `"${text}" is not a real date` };
}

function monthPeriod(year: number, month: number, text: string): PeriodHeader {
  return month >= 1 && month <= 12 && year >= 1900
    ? { kind: "month", year, month }
    : { kind: "bad", reason: `"${text}" is not a month` };
}

/** A value that sorts periods of one kind in time. */
export function periodKey(h: PeriodHeader): number {
  switch (h.kind) {
    case "number":
      return h.n;
    case "week":
      return h.year * 100 + h.week;
    case "month":
      return h.year * 100 + h.month;
    case "monthName":
      return h.month;
    case "date":
      return Date.parse(h.iso) / 86_400_000;
    default:
      return NaN;
  }
}

/**
 * Start dates of periods: from the headers, or numbered periods counted weekly from a start date
 * (plain numbers by their place in the sheet, since 21 22 24 is read in sheet order). Months
 * without a year must have been given one first (withYears); those left stay undated.
 */
export function periodStarts(headers: PeriodHeader[], startDate: string | null): (string | null)[] {
  return packedMap(headers, (h, t) => {
    switch (h.kind) {
      case "date":
        return h.iso;
      case "month":
        return isoDate(h.year, h.month, 1);
      case "week":
        return isoWeekStart(h.year, h.week);
      case "number": {
        const first = headers[0];
        if (!startDate || first.kind !== "number") return null;
        return addDays(startDate, 7 * (h.plain ? t : h.n - first.n));
      }
      default:
        return null;
    }
  });
}

/** Consecutive periods of one kind: numbers step by 1, weeks by 7 days, months by 1. */
export function isNextPeriod(prev: PeriodHeader, next: PeriodHeader): boolean {
  if (prev.kind !== next.kind) return false;
  switch (prev.kind) {
    case "number":
      return (next as typeof prev).n === prev.n + 1;
    case "week": {
      const a = isoWeekStart(prev.year, prev.week) as string;
      const b = isoWeekStart((next as typeof prev).year, (next as typeof prev).week) as string;
      return daysBetween(a, b) === 7;
    }
    case "month": {
      const n = next as typeof prev;
      return n.year * 12 + n.month === prev.year * 12 + prev.month + 1;
    }
    case "monthName":
      return (next as typeof prev).month === (prev.month % 12) + 1;
    case "date":
      return daysBetween(prev.iso, (next as typeof prev).iso) > 0;
    default:
      return false;
  }
}

/**
 * Months without a year, given years: period 1 takes the year that puts it nearest the anchor date
 * (the start date, or a date found in the sheet), and the year turns after December.
 */
export function withYears(headers: PeriodHeader[], anchorIso: string | null): PeriodHeader[] {
  const first = headers.find((h) => h.kind === "monthName");
  if (!first || first.kind !== "monthName" || !anchorIso) return headers;
  const ay = Number(anchorIso.slice(0, 4));
  const am = Number(anchorIso.slice(5, 7));
  const anchor = ay * 12 + am - 1;
  let year = [ay - 1, ay, ay + 1].reduce((best, y) =>
    Math.abs(y * 12 + first.month - 1 - anchor) < Math.abs(best * 12 + first.month - 1 - anchor)
      ? y
      : best
  );
  let prev = 0;
  return headers.map((h) => {
    if (h.kind !== "monthName") return h;
    if (prev && h.month <= prev) year++;
    prev = h.month;
    return { kind: "month", year, month: h.month };
  });
}

/** The kind a record reports for its periods. */
export function recordKind(h: PeriodHeader | undefined): "number" | "week" | "date" | "month" {
  if (!h || h.kind === "bad") return "number";
  return h.kind === "monthName" ? "month" : h.kind;
}
