import { OwnedArea, sheetPrefix } from "../layout";

const PREFIX = "_PABWatch.";

/** "MPS!$B$7:$I$7,MPS!$A$7" → sheet and plain A1 ranges; null when it is not a plain union of ranges on one sheet. */
export function parseOwnedReference(text: string): { sheet: string; ranges: string[] } | null {
  const parts = text.match(
    /('(?:[^']|'')+'|[^,'!]+)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?/g
  );
  if (!parts) return null;
  let sheet: string | null = null;
  const ranges: string[] = [];
  for (const p of parts) {
    const bang = p.lastIndexOf("!");
    // "#REF!$A$7:$I$7": its sheet was deleted (a sheet named #REF would be quoted).
    if (p.startsWith("#REF!")) return null;
    const s = p
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    if (sheet !== null && s !== sheet) return null;
    sheet = s;
    ranges.push(p.slice(bang + 1).replace(/\$/g, ""));
  }
  return sheet === null ? null : { sheet, ranges };
}

export function ownedAreaOf(
  name: string,
  comment: string | undefined,
  text: string
): OwnedArea | null {
  if (!name.startsWith(PREFIX)) return null;
  const ref = parseOwnedReference(text);
  if (!ref) return null;
  const hash = comment && /^pabw:[0-9a-f]{8}$/.test(comment) ? comment.slice(5) : null;
  return { name, sheet: ref.sheet, ranges: ref.ranges, hash };
}

/** What a hidden name refers to: "MPS!$A$7:$I$7,MPS!$B$9" (no leading "="). */
export function ownedReference(o: { sheet: string; ranges: string[] }): string {
  const absolute = (range: string) =>
    range
      .split(":")
      .map((p) => p.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
      .join(":");
  return o.ranges.map((r) => `${sheetPrefix(o.sheet)}!${absolute(r)}`).join(",");
}
