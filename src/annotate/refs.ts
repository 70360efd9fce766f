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

export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  const from = a1(top, left);
  const to = a1(bottom, right);
  return from === to ? from : `${from}:${to}`;
}

/** FNV-1a, 32 bits, hex, over parts fed in pieces: the same as fingerprint() of the whole parts. */
export class Fingerprint {
  private h = 0x811c9dc5;

  /** Adds text[from, to) to the current part. */
  add(text: string, from = 0, to = text.length): void {
    let h = this.h;
    for (let i = from; i < to; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    this.h = h;
  }

  /** Adds a whole number's decimal digits (and its minus sign) to the current part. */
  addInteger(n: number): void {
    this.add(String(n));
  }

  endPart(): void {
    this.h ^= 1;
    this.h = Math.imul(this.h, 0x01000193) >>> 0;
  }

  hex(): string {
    return this.h.toString(16).padStart(8, "0");
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
