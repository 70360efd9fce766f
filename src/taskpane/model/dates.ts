import { Language } from "../environment";

const DAY_MS = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function parts(iso: string): { y: number; m: number; d: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}

/** ISO 8601 week number of a date. */
export function isoWeek(iso: string): number {
  const p = parts(iso);
  if (!p) return 0;
  const date = Date.UTC(p.y, p.m - 1, p.d);
  const weekday = (new Date(date).getUTCDay() + 6) % 7; // Monday 0
  const thursday = date + (3 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  return 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
}

/** A date as a planner reads it: "7 Dec 2026 (wk 49)", "2026年12月7日（第49周）". */
export function formatDate(iso: string | null, lang: Language, withWeek = true): string {
  if (!iso) return "";
  const p = parts(iso);
  if (!p) return iso;
  const week = isoWeek(iso);
  if (lang === "zh-CN") return `${p.y}年${p.m}月${p.d}日${withWeek ? `（第${week}周）` : ""}`;
  return `${p.d} ${MONTHS[p.m - 1]} ${p.y}${withWeek ? ` (wk ${week})` : ""}`;
}

/** Today on the planner's own calendar (local time, not UTC), as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function addDays(iso: string, days: number): string {
  const p = parts(iso);
  if (!p) return iso;
  return new Date(Date.UTC(p.y, p.m - 1, p.d) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysFrom(fromIso: string, toIso: string): number {
  return Math.round(
    (Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY_MS
  );
}

/** The start date rolled forward whole weeks to the week holding today ("W1 is this week"). */
export function rollForward(startIso: string, todayIso: string): string {
  const behind = daysFrom(startIso, todayIso);
  if (behind < 7) return startIso;
  return addDays(startIso, Math.floor(behind / 7) * 7);
}
