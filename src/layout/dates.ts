/** Excel serial dates ↔ ISO dates, in the 1900 or the 1904 date system. */

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30); // serial 0 as Excel counts after its 1900 leap-year bug
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(serial) * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoToSerial(iso: string, date1904: boolean): number {
  return Math.round(
    (Date.parse(`${iso}T00:00:00Z`) - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS
  );
}

/** A real calendar date (rejects 2026-02-30). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round(
    (Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY_MS
  );
}

/** Monday of ISO week `week` of `year`. */
export function isoWeekStart(year: number, week: number): string | null {
  if (week < 1 || week > 53) return null;
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Day = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  const monday = jan4 - jan4Day * DAY_MS + (week - 1) * 7 * DAY_MS;
  const iso = new Date(monday).toISOString().slice(0, 10);
  if (week === 53) {
    const next = isoWeekStart(year + 1, 1) as string;
    if (iso >= next) return null;
  }
  return iso;
}

/** Whether a number format shows a date ("m/d/yyyy", "yyyy-mm-dd", "mmm yy", "[$-804]yyyy年m月d日"). */
export function dateFormatKind(format: string | undefined): "date" | "month" | null {
  if (!format || /^general$/i.test(format)) return null;
  // A sheet has a handful of formats and the reader asks about every figure: each is read once.
  let kind = formatKinds.get(format);
  if (kind === undefined) {
    kind = formatKind(format);
    if (formatKinds.size > 10_000) formatKinds.clear();
    formatKinds.set(format, kind);
  }
  return kind;
}

const formatKinds = new Map<string, "date" | "month" | null>();

function formatKind(format: string): "date" | "month" | null {
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "");
  const section = bare.split(";")[0];
  const hasD = /d/i.test(section);
  const hasY = /y/i.test(section) || /e/.test(section);
  const hasM = /m/i.test(section);
  const hasTime = /[hs]/i.test(section);
  if (hasD && (hasM || hasY)) return "date";
  if (hasY && hasM) return "month";
  if (hasD && !hasTime) return "date";
  return null;
}
