import { CellList, CellPos, a1, cellOf, columnName, sheetPrefix } from "../layout";

export type { CellPos };

/**
 * The cell of a record where the reader always gives one (every period of a grid, pivot, periods-down
 * or row-per-part record; a series' label): a missing one is a reader bug, said as such.
 */
export function placed(p: CellPos | null | undefined): CellPos {
  if (!p) throw new Error("the plan record has no cell where its layout always has one");
  return p;
}

/** Cell t of a list where the layout always has one (see placed). */
export function cellAt(list: CellList, t: number): CellPos {
  return placed(cellOf(list, t));
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

/** `count` cells along one row from `column` on. */
export interface RowSpan {
  sheet: string;
  row: number;
  column: number;
  count: number;
}

/** Where an item's PAB went, in period order: its cells (none when it was not written), or one row of them. */
export type PabPlace = CellPos[] | RowSpan;

export function isWritten(p: PabPlace): boolean {
  return Array.isArray(p) ? p.length > 0 : p.count > 0;
}

/** The PAB's cells as references with their sheet (`MPS!B8`), in period order. */
export function placeRefs(p: PabPlace): string[] {
  if (Array.isArray(p)) return p.filter(Boolean).map((c) => formulaRef(c, ""));
  const prefix = `${sheetPrefix(p.sheet)}!`;
  const row = String(p.row + 1);
  const out: string[] = new Array(p.count);
  for (let t = 0; t < p.count; t++) out[t] = prefix + columnName(p.column + t) + row;
  return out;
}

export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  const from = a1(top, left);
  const to = a1(bottom, right);
  return from === to ? from : `${from}:${to}`;
}

/** FNV-1a, 32 bits, hex, over parts fed in pieces: the same as fingerprint() of the whole parts. */
export class Fingerprint {
  /** The state as a signed 32-bit integer (the same bits as FNV's unsigned one, kept fast). */
  private h = 0x811c9dc5 | 0;

  /** Adds text[from, to) to the current part. */
  add(text: string, from = 0, to = text.length): void {
    let h = this.h;
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    this.h = h;
  }

  /** Adds a whole number's decimal digits (and its minus sign) to the current part. */
  addInteger(n: number): void {
    this.add(String(n));
  }

  endPart(): void {
    this.h = Math.imul(this.h ^ 1, 0x01000193);
  }

  hex(): string {
    return (this.h >>> 0).toString(16).padStart(8, "0");
  }
}

/** FNV-1a, 32 bits, hex: a short fingerprint of what we wrote. */
export function fingerprint(parts: readonly string[]): string {
  const f = new Fingerprint();
  for (const part of parts) {
    f.add(part);
    f.endPart();
  }
  return f.hex();
}
