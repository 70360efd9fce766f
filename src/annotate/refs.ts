import { a1, columnName, parseA1, sheetPrefix } from "../layout";

export interface CellPos {
  sheet: string;
  row: number;
  column: number;
}

/** "MPS!B5" or "'Weekly plan'!B5" → sheet, row, column. */
export function splitRef(ref: string): CellPos {
  const bang = ref.lastIndexOf("!");
  const sheet = ref
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return { sheet, ...parseA1(ref.slice(bang + 1)) };
}

/** A reference as written in a formula on `onSheet`: no sheet prefix when it is the same sheet. */
export function formulaRef(
  pos: CellPos,
  onSheet: string,
  absolute: "none" | "both" | "column" = "none"
): string {
  const col = columnName(pos.column);
  const row = String(pos.row + 1);
  const text =
    absolute === "both"
      ? `$${col}$${row}`
      : absolute === "column"
        ? `$${col}${row}`
        : `${col}${row}`;
  return pos.sheet === onSheet ? text : `${sheetPrefix(pos.sheet)}!${text}`;
}

export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  const from = a1(top, left);
  const to = a1(bottom, right);
  return from === to ? from : `${from}:${to}`;
}

/** FNV-1a, 32 bits, hex: a short fingerprint of what we wrote. */
export function fingerprint(parts: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      h ^= part.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 1;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
