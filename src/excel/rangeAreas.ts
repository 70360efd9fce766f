/* global Excel */
import { a1, parseRange } from "../layout";
import { ACTION_BYTES, OBJECT_BYTES, utf8Length } from "./run";

/**
 * Office.js caps an address string; ranges go in lists well under the lengths reported to fail
 * (office-js #5198: 8,207 characters failed).
 */
export const ADDRESS_LIMIT = 6000;

/** Ranges in lists of at most ADDRESS_LIMIT characters, in order. */
export function chunkRanges(ranges: string[]): string[][] {
  const chunks: string[][] = [[]];
  let length = 0;
  for (const r of ranges) {
    if (length + r.length + 1 > ADDRESS_LIMIT && chunks[chunks.length - 1].length) {
      chunks.push([]);
      length = 0;
    }
    chunks[chunks.length - 1].push(r);
    length += r.length + 1;
  }
  return chunks[0].length ? chunks : [];
}

/**
 * A conditional format's ranges in lists whose first range is their top-left: ranges grouped by
 * first column, each group top to bottom. A custom rule's relative references are read from the
 * top-left of what it is added to (office-js #5194); for several areas that is the top-left of
 * their bounding box, which is then also the first range's, so a chunk never reads from a cell its
 * formula was not shifted to.
 */
export function ruleChunks(ranges: string[]): string[][] {
  const byColumn = new Map<number, { top: number; range: string }[]>();
  for (const range of ranges) {
    const { top, left } = parseRange(range);
    const group = byColumn.get(left);
    if (group) group.push({ top, range });
    else byColumn.set(left, [{ top, range }]);
  }
  const chunks: string[][] = [];
  for (const group of byColumn.values()) {
    group.sort((a, b) => a.top - b.top);
    for (const chunk of chunkRanges(group.map((g) => g.range))) chunks.push(chunk);
  }
  return chunks;
}

/** "MPS!$A$7:$BA$7", "'My sheet'!B2", "B2:B2" → one key per rectangle ("A7:BA7", "B2"). */
function key(address: string): string {
  const r = parseRange(address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, ""));
  const from = a1(r.top, r.left);
  const to = a1(r.bottom, r.right);
  return from === to ? from : `${from}:${to}`;
}

/**
 * Formulas of many ranges of one sheet read through a few `getRanges` lists (one object per list,
 * not one per range: 5,000 items' cells cost kilobytes of request instead of megabytes). Each area
 * comes back with its address, so a range is matched to what Excel returned, never by position.
 */
export class AreaReader {
  private readonly lists: Excel.RangeAreas[] = [];
  /** Request bytes the loads cost. */
  readonly cost: number;

  constructor(ws: Excel.Worksheet, ranges: string[]) {
    let cost = 0;
    for (const chunk of chunkRanges(ranges)) {
      const address = chunk.join(",");
      const areas = ws.getRanges(address);
      areas.load("areas/items/address,areas/items/formulas");
      this.lists.push(areas);
      cost += OBJECT_BYTES + ACTION_BYTES + utf8Length(address) + 60;
    }
    this.cost = cost;
  }

  /** The key `formulas()` gives a range under. */
  static key = key;

  /** After the sync: each range's formulas (as Office.js gives them) by `AreaReader.key` of its address. */
  formulas(): Map<string, unknown[][]> {
    const out = new Map<string, unknown[][]>();
    for (const list of this.lists)
      for (const area of list.areas.items) out.set(key(area.address), area.formulas);
    return out;
  }
}

/** Clears the contents of many ranges of one sheet, a list at a time; returns the request bytes. */
export function clearContents(ws: Excel.Worksheet, ranges: string[]): number {
  let cost = 0;
  for (const chunk of chunkRanges(ranges)) {
    const address = chunk.join(",");
    ws.getRanges(address).clear("Contents" as Excel.ClearApplyTo);
    cost += OBJECT_BYTES + ACTION_BYTES + utf8Length(address) + 20;
  }
  return cost;
}

/** Response bytes of formulas coming back (JSON), with each area's address and framing. */
export function responseCost(contents: string[], areas: number): number {
  let n = areas * 60;
  for (const c of contents) n += utf8Length(JSON.stringify(c)) + 1;
  return n;
}
