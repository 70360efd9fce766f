import { OwnedArea, a1, parseRange } from "../layout";
import { cellsOfRanges } from "../annotate/ownership";

/** A cell as one number: row * COLUMNS + column. */
const COLUMNS = 16384;
const keyOf = (row: number, column: number) => row * COLUMNS + column;

/** What a read leaves out of its formulas on a sheet PAB Watch annotated before. */
export interface DeferredFormulas {
  /** The formula areas (A1) still to be read: all but the cells left out. */
  read: string[];
  /** Cells whose formulas are left out (`row * 16384 + column`). */
  cells: Set<number>;
  /** The names (OwnedArea.name) of the areas holding any of those cells. */
  names: Set<string>;
}

/**
 * On a sheet we annotated, most formulas are ours: 5,000 items × 52 weeks are 260,000 PAB formulas,
 * 6.5 MB of response for nothing the reader needs. Inside the ranges our hidden names record (with
 * the hash of what we wrote), formulas are left out of the read where a range holds more than one
 * formula cell; the area is then taken as ours until the apply, which re-reads every cell it writes
 * anyway, confirms it against the hash (an area that no longer matches is left alone). A range of
 * ours holding one formula cell is still read: a live PAB's `=PAB.BALANCE` anchor, whose spill the
 * read must find.
 *
 * `formulaAreas` are the sheet's formula cells as Excel lists them (`getSpecialCells("Formulas")`).
 */
export function deferOwnedFormulas(formulaAreas: string[], owned: OwnedArea[]): DeferredFormulas {
  const out: DeferredFormulas = { read: formulaAreas, cells: new Set(), names: new Set() };
  const recorded = owned.filter((o) => o.hash !== null);
  if (!recorded.length || !formulaAreas.length) return out;
  // Each recorded cell's range (an index into `ranges`).
  const ranges: string[] = [];
  const rangeOf = new Map<number, number>();
  for (const o of recorded)
    for (const range of o.ranges) {
      const index = ranges.push(range) - 1;
      const r = parseRange(range);
      for (let row = r.top; row <= r.bottom; row++)
        for (let c = r.left; c <= r.right; c++) rangeOf.set(keyOf(row, c), index);
    }
  const areas = formulaAreas.map(parseRange);
  const formulaCells = new Array<number>(ranges.length).fill(0);
  for (const a of areas)
    for (let row = a.top; row <= a.bottom; row++)
      for (let c = a.left; c <= a.right; c++) {
        const index = rangeOf.get(keyOf(row, c));
        if (index !== undefined) formulaCells[index]++;
      }
  const deferred = (row: number, c: number) => {
    const index = rangeOf.get(keyOf(row, c));
    return index !== undefined && formulaCells[index] > 1;
  };
  const read: string[] = [];
  areas.forEach((a, i) => {
    let any = false;
    for (let row = a.top; row <= a.bottom && !any; row++)
      for (let c = a.left; c <= a.right && !any; c++) any = deferred(row, c);
    if (!any) {
      read.push(formulaAreas[i]);
      return;
    }
    // Row by row, the runs of cells still to read.
    for (let row = a.top; row <= a.bottom; row++) {
      let start = -1;
      for (let c = a.left; c <= a.right + 1; c++) {
        const skip = c > a.right || deferred(row, c);
        if (!skip && start < 0) start = c;
        if (skip && start >= 0) {
          read.push(a1Range(row, start, c - 1));
          start = -1;
        }
        if (c <= a.right && deferred(row, c)) out.cells.add(keyOf(row, c));
      }
    }
  });
  out.read = read;
  // Every area holding a cell left out is confirmed by the apply (names may overlap).
  for (const o of recorded)
    if (cellsOfRanges(o.ranges).some(([r, c]) => out.cells.has(keyOf(r, c)))) out.names.add(o.name);
  return out;
}

/** Whether a cell's formula was left out (see deferOwnedFormulas). */
export function isDeferred(d: DeferredFormulas | null, row: number, column: number): boolean {
  return d !== null && d.cells.size > 0 && d.cells.has(keyOf(row, column));
}

function a1Range(row: number, left: number, right: number): string {
  return left === right ? a1(row, left) : `${a1(row, left)}:${a1(row, right)}`;
}
