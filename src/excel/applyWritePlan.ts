/* global Excel */
import {
  CellWrite,
  ConditionalRule,
  OWNED_NAME_PREFIX,
  RULE_MARKER,
  RULE_STYLES,
  WritePlan,
  ownedReference,
} from "../annotate";
import { SUMMARY_SHEET } from "../layout";
import { BLOCK_BYTES, ExcelRun } from "./run";

/** How results go into the planner's sheet (see DESIGN.md, "Write modes"). */
export type WriteMode = "portable" | "values";

export interface ApplyOptions {
  mode?: WriteMode;
}

export interface ApplyResult {
  syncs: number;
  cfRules: number;
}

/** Office.js caps one address string; long rules are added in pieces of this many characters. */
const ADDRESS_LIMIT = 8000;

/** Consecutive cells of one row with formulas (or values), written as one range. */
interface Run {
  sheet: string;
  row: number;
  left: number;
  cells: CellWrite[];
}

function runsOf(writes: CellWrite[]): Run[] {
  const sorted = writes
    .slice()
    .sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.column - b.column);
  const runs: Run[] = [];
  for (const w of sorted) {
    const last = runs[runs.length - 1];
    const isText = w.text !== undefined;
    if (
      last &&
      last.sheet === w.sheet &&
      last.row === w.row &&
      last.left + last.cells.length === w.column &&
      (last.cells[0].text !== undefined) === isText
    ) {
      last.cells.push(w);
    } else {
      runs.push({ sheet: w.sheet, row: w.row, left: w.column, cells: [w] });
    }
  }
  return runs;
}

function chunkRanges(ranges: string[]): string[][] {
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
  return chunks;
}

function addRule(context: Excel.RequestContext, rule: ConditionalRule): number {
  const ws = context.workbook.worksheets.getItem(rule.sheet);
  const style = RULE_STYLES[rule.kind];
  const chunks = chunkRanges(rule.ranges);
  for (const chunk of chunks) {
    const cf = ws
      .getRanges(chunk.join(","))
      .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    cf.custom.rule.formula = `=${rule.formula}`;
    if (style.fill) cf.custom.format.fill.color = `#${style.fill}`;
    cf.custom.format.font.color = `#${style.font}`;
    cf.custom.format.font.bold = style.bold;
    cf.custom.format.numberFormat = style.numberFormat;
    if (style.border) {
      for (const side of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
        const b = cf.custom.format.borders.getItem(side);
        b.style = "Continuous";
        b.color = `#${style.border}`;
      }
    }
  }
  return chunks.length;
}

/**
 * Writes a plan into the open workbook: our old names and rules replaced, cells written in blocks of
 * under 4 MB with calculation suspended until each block's sync, rules and names added, the summary
 * sheet refreshed. Events are off during our writes and back on afterwards, even after a failure.
 */
export async function applyWritePlan(
  run: ExcelRun,
  plan: WritePlan,
  options: ApplyOptions = {}
): Promise<ApplyResult> {
  const mode = options.mode ?? "portable";
  let syncs = 0;
  let cfRules = 0;
  try {
    await run(async (context) => {
      context.runtime.enableEvents = false;
      const wb = context.workbook;
      const names = wb.names;
      names.load("items/name");
      const summary = wb.worksheets.getItemOrNullObject(SUMMARY_SHEET);
      summary.load("isNullObject");
      const sheetNames = [
        ...new Set([...plan.writes.map((w) => w.sheet), ...plan.rules.map((r) => r.sheet)]),
      ].filter((n) => n !== SUMMARY_SHEET);
      const formats = sheetNames.map((s) => {
        const cfs = wb.worksheets.getItem(s).getRange().conditionalFormats;
        cfs.load("items/type,items/custom/rule/formula");
        return cfs;
      });
      await context.sync();
      syncs++;

      // Our old rules and names go; the planner's stay.
      for (const cfs of formats) {
        for (const cf of cfs.items)
          if (cf.type === "Custom" && cf.custom.rule.formula.includes(RULE_MARKER)) cf.delete();
      }
      for (const n of names.items) if (n.name.startsWith(OWNED_NAME_PREFIX)) n.delete();

      // The summary sheet is ours: made afresh each run (it also holds the side-sheet PAB).
      if (!summary.isNullObject) {
        if (!names.items.some((n) => n.name === `${OWNED_NAME_PREFIX}summary`)) {
          throw new Error(
            `The sheet "${SUMMARY_SHEET}" is not PAB Watch's: rename it so PAB Watch can write its summary`
          );
        }
        summary.delete();
      }
      const sheet = wb.worksheets.add(SUMMARY_SHEET);

      // Everything below goes in blocks sized by the request it makes (an estimate, kept well under the cap).
      let bytes = 0;
      const spend = async (n: number) => {
        bytes += n;
        if (bytes < BLOCK_BYTES) return;
        context.application.suspendApiCalculationUntilNextSync();
        await context.sync();
        syncs++;
        bytes = 0;
      };

      for (const r of runsOf(plan.writes)) {
        const ws = wb.worksheets.getItem(r.sheet);
        const range = ws.getRangeByIndexes(r.row, r.left, 1, r.cells.length);
        const text = r.cells[0].text !== undefined;
        const data = r.cells.map((w) =>
          text ? (w.text as string) : mode === "values" ? (w.cached ?? "") : `=${w.formula}`
        );
        if (text) range.numberFormat = [r.cells.map(() => "@")];
        if (text || mode === "values") range.values = [data];
        else range.formulas = [data];
        await spend(2 * JSON.stringify(data).length + 200);
      }

      for (const rule of plan.rules) {
        cfRules += addRule(context, rule);
        await spend(2 * rule.ranges.join(",").length + 600);
      }
      for (const o of plan.owned) {
        const reference = `=${ownedReference(o)}`;
        const item = names.add(o.name, reference, `pabw:${o.hash}`);
        item.visible = false;
        await spend(2 * reference.length + 300);
      }

      const s = plan.summary;
      const width = s.header.length;
      const rows: (string | number)[][] = [
        [s.title, ...Array(width - 1).fill("")],
        [s.legend, ...Array(width - 1).fill("")],
        Array(width).fill(""),
        s.header,
        ...s.rows.map((r) => r.map((v) => v ?? "")),
      ];
      const SUMMARY_BLOCK = 2000;
      for (let start = 0; start < rows.length; start += SUMMARY_BLOCK) {
        const block = rows.slice(start, start + SUMMARY_BLOCK);
        const target = sheet.getRangeByIndexes(start, 0, block.length, width);
        target.numberFormat = block.map((r) =>
          r.map((v) => (typeof v === "number" ? "General" : "@"))
        );
        target.values = block;
        await spend(3 * JSON.stringify(block).length);
      }
      context.application.suspendApiCalculationUntilNextSync();
      await context.sync();
      syncs++;
    });
  } finally {
    await run(async (context) => {
      context.runtime.enableEvents = true;
      await context.sync();
      syncs++;
    });
  }
  return { syncs, cfRules };
}
