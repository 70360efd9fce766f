/* global Excel */
import { OWNED_NAME_PREFIX, cellsOfRanges, hashOf } from "../annotate";
import { OwnedArea, SUMMARY_SHEET } from "../layout";
import { ownedAreaOf } from "../annotate/ownedNames";
import { isOurRule, loadRules } from "./applyWritePlan";
import { ExcelRun, RESPONSE_BYTES } from "./run";

export interface RemoveResult {
  /** Areas left as they are because the planner changed them after PAB Watch wrote there. */
  kept: string[];
}

/** Bytes a cell's formula costs in a response, for sizing blocks (our formulas are short). */
const RESPONSE_BYTES_PER_CELL = 40;

/**
 * "Remove PAB Watch annotations": our rules (on every sheet), our cells where they still hold exactly
 * what we wrote (contents only: the planner's fills and borders stay; the text format we gave our
 * labels goes), our summary sheet and, last, our names. Cells are read back in blocks under the
 * response cap; names whose sheet was deleted are skipped.
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

      // Blocks of areas read back under the response cap; each block's clears go with the next read.
      let pending: { area: OwnedArea; ranges: Excel.Range[] }[] = [];
      const settle = () => {
        for (const p of pending) {
          const cells = cellsOfRanges(p.area.ranges);
          const contents: string[] = [];
          for (const range of p.ranges)
            for (const line of range.formulas) for (const v of line) contents.push(String(v));
          // Nothing there (a run of ours stopped between adding the name and writing its cells).
          if (contents.every((v) => v === "")) continue;
          if (p.area.hash === null || hashOf(cells, contents) !== p.area.hash) {
            kept.push(`${p.area.sheet}!${p.area.ranges.join(",")}`);
            continue;
          }
          const ws = wb.worksheets.getItem(p.area.sheet);
          p.ranges.forEach((range, i) => {
            range.clear("Contents" as Excel.ClearApplyTo);
            // Our labels were text-formatted so they could not turn into formulas: that format goes too.
            const start = cellsOfRanges(p.area.ranges.slice(0, i)).length;
            cellsOfRanges([p.area.ranges[i]]).forEach(([r, c], j) => {
              const v = contents[start + j];
              if (v !== "" && !v.startsWith("="))
                ws.getRangeByIndexes(r, c, 1, 1).numberFormat = [["General"]];
            });
          });
        }
        pending = [];
      };
      let budget = 0;
      for (const area of areas) {
        const size = cellsOfRanges(area.ranges).length * RESPONSE_BYTES_PER_CELL;
        if (budget + size > RESPONSE_BYTES && pending.length) {
          await context.sync();
          settle();
          budget = 0;
        }
        const ws = wb.worksheets.getItem(area.sheet);
        pending.push({
          area,
          ranges: area.ranges.map((r) => {
            const range = ws.getRange(r);
            range.load("formulas");
            return range;
          }),
        });
        budget += size;
      }
      await context.sync();
      settle();

      for (const cfs of formats) for (const cf of cfs.items) if (isOurRule(cf)) cf.delete();
      if (!summary.isNullObject && summaryOurs) summary.delete();
      for (const n of names.items) if (n.name.startsWith(OWNED_NAME_PREFIX)) n.delete();
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
