/* global Excel */
import { OWNED_NAME_PREFIX, RULE_MARKER, cellsOfRanges, hashOf } from "../annotate";
import { SUMMARY_SHEET } from "../layout";
import { ownedAreaOf } from "../annotate/ownedNames";
import { ExcelRun } from "./run";

export interface RemoveResult {
  /** Areas left as they are because the planner changed them after PAB Watch wrote there. */
  kept: string[];
}

/**
 * "Remove PAB Watch annotations": our rules, our cells (where they still hold exactly what we wrote),
 * our names and our summary sheet go; the planner's sheet is as it was before the first scan.
 */
export async function removeAnnotations(run: ExcelRun): Promise<RemoveResult> {
  const kept: string[] = [];
  try {
    await run(async (context) => {
      context.runtime.enableEvents = false;
      const wb = context.workbook;
      const names = wb.names;
      names.load("items/name,items/formula,items/comment");
      const sheets = wb.worksheets;
      sheets.load("items/name");
      await context.sync();

      const areas = names.items
        .map((n) => ({
          item: n,
          area: ownedAreaOf(n.name, n.comment, n.formula.replace(/^=/, "")),
        }))
        .filter((x) => x.area !== null);
      const reads = areas
        .filter((x) => x.area!.sheet !== SUMMARY_SHEET)
        .map((x) => {
          const ws = wb.worksheets.getItem(x.area!.sheet);
          const ranges = x.area!.ranges.map((r) => {
            const range = ws.getRange(r);
            range.load("formulas");
            return range;
          });
          return { ...x, ranges };
        });
      const formats = sheets.items.map((s) => {
        const cfs = s.getRange().conditionalFormats;
        cfs.load("items/type,items/custom/rule/formula");
        return cfs;
      });
      const summary = wb.worksheets.getItemOrNullObject(SUMMARY_SHEET);
      summary.load("isNullObject");
      await context.sync();

      for (const cfs of formats) {
        for (const cf of cfs.items)
          if (cf.type === "Custom" && cf.custom.rule.formula.includes(RULE_MARKER)) cf.delete();
      }
      for (const r of reads) {
        const cells = cellsOfRanges(r.area!.ranges);
        const contents = r.ranges.flatMap((range) => range.formulas.flat().map((v) => String(v)));
        if (r.area!.hash !== null && hashOf(cells, contents) === r.area!.hash) {
          r.ranges.forEach((range) => range.clear("All" as Excel.ClearApplyTo));
        } else {
          kept.push(`${r.area!.sheet}!${r.area!.ranges.join(",")}`);
        }
      }
      if (!summary.isNullObject && areas.some((x) => x.area!.sheet === SUMMARY_SHEET))
        summary.delete();
      for (const n of names.items) if (n.name.startsWith(OWNED_NAME_PREFIX)) n.delete();
      await context.sync();
    });
  } finally {
    await run(async (context) => {
      context.runtime.enableEvents = true;
      await context.sync();
    });
  }
  return { kept };
}
