/* global Excel */
import { OWNED_NAME_PREFIX, cellsOfRanges, hashOf } from "../annotate";
import { OwnedArea, SUMMARY_SHEET } from "../layout";
import { ownedAreaOf } from "../annotate/ownedNames";
import { isOurRule, loadRules, textFormattedByUs } from "./applyWritePlan";
import { AreaReader, clearContents } from "./rangeAreas";
import { BLOCK_BYTES, ExcelRun, RESPONSE_BYTES, requestCost, utf8Length } from "./run";

export interface RemoveResult {
  /** Areas left as they are because the planner changed them after PAB Watch wrote there. */
  kept: string[];
}

/** What a cell's formula costs in a response until one block has measured it (our formulas are short). */
const FIRST_BYTES_PER_CELL = 40;

/**
 * "Remove PAB Watch annotations": our rules (on every sheet), our cells where they still hold exactly
 * what we wrote (contents only: the planner's fills and borders stay; the text format we gave text
 * goes), our summary sheet and, last, our names. Cells are read back through range lists in blocks
 * under the response cap (sized from what the block before measured); each block is cleared with
 * the next read; names whose sheet was deleted are skipped.
 */
export async function removeAnnotations(run: ExcelRun): Promise<RemoveResult> {
  const kept: string[] = [];
  let done = false;
  try {
    await run(async (context) => {
      context.runtime.enableEvents = false;
      const wb = context.workbook;
      const names = wb.names;
      names.load("items/name,items/formula,items/comment");
      const sheets = wb.worksheets;
      sheets.load("items/name");
      await context.sync();

      const present = new Set(sheets.items.map((s) => s.name));
      const formats = sheets.items
        .filter((s) => s.name !== SUMMARY_SHEET)
        .map((s) => loadRules(context, s.name));
      const summary = wb.worksheets.getItemOrNullObject(SUMMARY_SHEET);
      summary.load("isNullObject");
      const areas: OwnedArea[] = [];
      let summaryOurs = false;
      for (const n of names.items) {
        const area = ownedAreaOf(n.name, n.comment, n.formula.replace(/^=/, ""));
        if (!area || !present.has(area.sheet)) continue;
        if (area.sheet === SUMMARY_SHEET) summaryOurs = true;
        else areas.push(area);
      }

      const sheetsByName = new Map<string, Excel.Worksheet>();
      const worksheet = (name: string) => {
        let ws = sheetsByName.get(name);
        if (!ws) sheetsByName.set(name, (ws = wb.worksheets.getItem(name)));
        return ws;
      };
      let bytesPerCell = FIRST_BYTES_PER_CELL;
      let bytes = 0;
      const put = async (cost: number, write: () => void) => {
        if (bytes > 0 && bytes + cost > BLOCK_BYTES) {
          await context.sync();
          bytes = 0;
        }
        write();
        bytes += cost;
      };

      // Areas read back in blocks; a block's clears go with the next block's read.
      let pending: { areas: OwnedArea[]; readers: { sheet: string; reader: AreaReader }[] } | null =
        null;
      const settle = async () => {
        if (!pending) return;
        const now = new Map<string, Map<string, unknown[][]>>();
        let responded = 0;
        let cells = 0;
        for (const { sheet, reader } of pending.readers) {
          const got = reader.formulas();
          now.set(sheet, got);
          for (const v of got.values()) {
            responded += utf8Length(JSON.stringify(v));
            cells += v.length * (v[0]?.length ?? 0);
          }
        }
        if (cells) bytesPerCell = (responded / cells) * 1.2 + 4;
        const clear = new Map<string, string[]>();
        for (const area of pending.areas) {
          const got = now.get(area.sheet) ?? new Map<string, unknown[][]>();
          const contents: unknown[] = area.ranges.flatMap(
            (r) => got.get(AreaReader.key(r))?.flat() ?? []
          );
          const cellsOf = cellsOfRanges(area.ranges);
          // Nothing there (a run of ours stopped between adding the name and writing its cells).
          if (contents.length === cellsOf.length && contents.every((v) => String(v) === ""))
            continue;
          if (
            area.hash === null ||
            contents.length !== cellsOf.length ||
            hashOf(
              cellsOf,
              contents.map((v) => String(v))
            ) !== area.hash
          ) {
            kept.push(`${area.sheet}!${area.ranges.join(",")}`);
            continue;
          }
          const list = clear.get(area.sheet);
          if (list) for (const r of area.ranges) list.push(r);
          else clear.set(area.sheet, area.ranges.slice());
          // Text we text-formatted so it could not turn into a formula: that format goes too.
          for (let i = 0; i < cellsOf.length; i++) {
            if (!textFormattedByUs(contents[i])) continue;
            const [r, c] = cellsOf[i];
            await put(requestCost(1, 1, [["General"]]), () => {
              worksheet(area.sheet).getRangeByIndexes(r, c, 1, 1).numberFormat = [["General"]];
            });
          }
        }
        for (const [name, ranges] of clear)
          await put(utf8Length(ranges.join(",")) + requestCost(1, 1, 20), () => {
            clearContents(worksheet(name), ranges);
          });
        pending = null;
      };
      const readBlock = (block: OwnedArea[]) => {
        const bySheet = new Map<string, string[]>();
        for (const a of block) {
          const list = bySheet.get(a.sheet);
          if (list) for (const r of a.ranges) list.push(r);
          else bySheet.set(a.sheet, a.ranges.slice());
        }
        const readers = [...bySheet].map(([sheet, ranges]) => ({
          sheet,
          reader: new AreaReader(worksheet(sheet), ranges),
        }));
        bytes += readers.reduce((n, r) => n + r.reader.cost, 0);
        return { areas: block, readers };
      };

      let block: OwnedArea[] = [];
      let budget = 0;
      for (let i = 0; i <= areas.length; i++) {
        const area = areas[i];
        const size = area ? cellsOfRanges(area.ranges).length * bytesPerCell : 0;
        if (block.length && (!area || budget + size > RESPONSE_BYTES)) {
          // This block's read goes with the clears of the one before.
          const reading = readBlock(block);
          await settle();
          await context.sync();
          bytes = 0;
          pending = reading;
          block = [];
          budget = 0;
        }
        if (area) {
          block.push(area);
          budget += size;
        }
      }
      // With no cells of ours to read back, the rules and the summary sheet still need their load.
      if (!areas.length) {
        await context.sync();
        bytes = 0;
      }
      await settle();

      for (const cfs of formats)
        for (const cf of cfs.items)
          if (isOurRule(cf)) await put(requestCost(1, 1, 40), () => cf.delete());
      if (!summary.isNullObject && summaryOurs)
        await put(requestCost(1, 1), () => summary.delete());
      for (const n of names.items)
        if (n.name.startsWith(OWNED_NAME_PREFIX))
          await put(requestCost(1, 1, n.name), () => n.delete());
      context.runtime.enableEvents = true;
      await context.sync();
      done = true;
    });
  } finally {
    if (!done) {
      await run(async (context) => {
        context.runtime.enableEvents = true;
        await context.sync();
      });
    }
  }
  return { kept };
}
