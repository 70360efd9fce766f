import { CellRange } from "./address";

/**
 * The cells of one sheet that PAB Watch wrote (the workbook's owned ranges), looked up by row: a
 * header the reader finds must be the planner's, so these cells never count for finding one.
 */
export class OwnedCells {
  /** Per row, the owned columns as [left, right, left, right, …]. */
  private readonly spans = new Map<number, number[]>();

  constructor(ranges: readonly CellRange[]) {
    for (const a of ranges)
      for (let r = a.top; r <= a.bottom; r++) {
        const row = this.spans.get(r);
        if (row) row.push(a.left, a.right);
        else this.spans.set(r, [a.left, a.right]);
      }
  }

  get isEmpty(): boolean {
    return this.spans.size === 0;
  }

  has(row: number, column: number): boolean {
    const s = this.spans.get(row);
    if (!s) return false;
    for (let i = 0; i < s.length; i += 2) if (s[i] <= column && column <= s[i + 1]) return true;
    return false;
  }

  /** The same cells with rows and columns swapped (for a transposed reading of the sheet). */
  transposed(): OwnedCells {
    const ranges: CellRange[] = [];
    for (const [row, s] of this.spans)
      for (let i = 0; i < s.length; i += 2)
        ranges.push({ top: s[i], bottom: s[i + 1], left: row, right: row });
    return new OwnedCells(ranges);
  }
}
