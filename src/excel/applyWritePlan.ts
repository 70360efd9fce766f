/* global Excel */
import {
  CellWrite,
  ConditionalRule,
  OWNED_NAME_PREFIX,
  Ownership,
  RULE_MARKER,
  RULE_STYLES,
  WritePlan,
  cellsOfRanges,
  contentOf,
  hashOf,
  ownedReference,
} from "../annotate";
import { SUMMARY_SHEET, WorkbookSnapshot, a1, parseRange } from "../layout";
import { shiftFormula } from "../layout/formulaRefs";
import { bandRules } from "./bandRules";
import { BLOCK_BYTES, ExcelRun, requestCost } from "./run";

/** How results go into the planner's sheet (see DESIGN.md, "Write modes"). */
export type WriteMode = "portable" | "values";

export interface ApplyOptions {
  mode?: WriteMode;
  /**
   * The snapshot the plan was built from. With it, the apply re-reads the cells it is about to write
   * and leaves alone any the planner changed since (an item is written whole or not at all), and
   * clears cells an earlier run wrote that this plan no longer writes (a mode switch).
   */
  snapshot?: WorkbookSnapshot;
}

export interface ApplyResult {
  syncs: number;
  cfRules: number;
  /** Items left unwritten because the planner changed one of their cells after the read, as "MPS!B7". */
  changedSinceRead: string[];
}

/**
 * Office.js caps an address string; long rules are added in pieces well under the lengths reported
 * to fail (office-js #5198: 8,207 characters failed).
 */
const ADDRESS_LIMIT = 6000;

/** Consecutive cells of one row with formulas (or values), written as one range. */
interface Run {
  sheet: string;
  row: number;
  left: number;
  cells: CellWrite[];
}

/**
 * Text that typing cannot turn into anything but itself (letters and a bracket, no leading sign): our
 * row labels. It may go in one range with the formulas beside it; any other text is written alone,
 * text-formatted first.
 */
export function inertText(text: string): boolean {
  return /[A-Za-z\u3400-\u9fff]/.test(text) && /[(（]/.test(text) && !/^[=+\-@'\s]/.test(text);
}

function runsOf(writes: CellWrite[]): Run[] {
  const sorted = writes
    .slice()
    .sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.column - b.column);
  const runs: Run[] = [];
  const kind = (w: CellWrite) => (w.text === undefined || inertText(w.text) ? "f" : "t");
  for (const w of sorted) {
    const last = runs[runs.length - 1];
    if (
      last &&
      last.sheet === w.sheet &&
      last.row === w.row &&
      last.left + last.cells.length === w.column &&
      kind(last.cells[0]) === kind(w)
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

/**
 * One rule per chunk of ranges. A custom rule's relative references are read from the top-left cell
 * of the range the format is added to (office-js #5194, by design), so each chunk gets the formula
 * as it reads from its own first range.
 */
function addRule(context: Excel.RequestContext, rule: ConditionalRule): number {
  const ws = context.workbook.worksheets.getItem(rule.sheet);
  const style = RULE_STYLES[rule.kind];
  const anchor = parseRange(rule.ranges[0]);
  const chunks = chunkRanges(rule.ranges);
  for (const chunk of chunks) {
    const first = parseRange(chunk[0]);
    const cf = ws
      .getRanges(chunk.join(","))
      .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    cf.custom.rule.formula = `=${shiftFormula(rule.formula, first.top - anchor.top, first.left - anchor.left)}`;
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

/** What a write puts in the cell in this mode, as the snapshot would show it. */
function written(w: CellWrite, mode: WriteMode): string {
  if (w.text !== undefined) return w.text;
  if (mode === "values") return w.cached === undefined ? "" : String(w.cached);
  return `=${w.formula}`;
}

/** Our conditional formats on a sheet: custom rules carrying the marker (other types have no custom rule to load: office-js #2180). */
export function loadRules(context: Excel.RequestContext, sheet: string) {
  const cfs = context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
  cfs.load("items/type,items/customOrNullObject/rule/formula");
  return cfs;
}

/**
 * Ours: a custom rule carrying the marker, or one without a formula, which only a run of ours
 * interrupted between adding the rule and setting its formula leaves (Excel does not save a formula
 * rule without a formula).
 */
export function isOurRule(cf: Excel.ConditionalFormat): boolean {
  if (cf.type !== "Custom" || cf.customOrNullObject.isNullObject) return false;
  const formula = cf.customOrNullObject.rule.formula;
  return formula.includes(RULE_MARKER) || formula.replace(/^=/, "").trim() === "";
}

/**
 * Writes a plan into the open workbook. First sync: events off, our old rules (on every sheet) and
 * names found, the target cells re-read. Then blocks of cells, each item's cells together with the
 * hidden name that records them (so a failure partway leaves no cell without its owner), calculation
 * suspended per block. Last sync, calculated: rules, the summary sheet (kept, so references to it
 * survive), names hidden, old names gone, events back on.
 */
export async function applyWritePlan(
  run: ExcelRun,
  plan: WritePlan,
  options: ApplyOptions = {}
): Promise<ApplyResult> {
  const mode = options.mode ?? "portable";
  const snapshot = options.snapshot;
  let syncs = 0;
  let cfRules = 0;
  let done = false;
  const changedSinceRead: string[] = [];
  try {
    await run(async (context) => {
      context.runtime.enableEvents = false;
      const wb = context.workbook;
      const names = wb.names;
      names.load("items/name");
      const summary = wb.worksheets.getItemOrNullObject(SUMMARY_SHEET);
      summary.load("isNullObject");
      let sheetNames = snapshot?.sheets.map((s) => s.name) ?? null;
      if (!sheetNames) {
        wb.worksheets.load("items/name");
        await context.sync();
        syncs++;
        sheetNames = wb.worksheets.items.map((s) => s.name);
      }
      // Every sheet's, the PAB Watch sheet's too (clearing it is not relied on to remove rules).
      const formats = sheetNames.map((s) => loadRules(context, s));

      // Each write with the record that owns it; the targets re-read where we know what they held.
      const writesOf = new Map<string, CellWrite>();
      for (const w of plan.writes) writesOf.set(`${w.sheet}!${w.row},${w.column}`, w);
      const targets = plan.owned
        .filter(
          (o) => o.sheet !== SUMMARY_SHEET && snapshot?.sheets.some((s) => s.name === o.sheet)
        )
        .map((o) => ({
          owned: o,
          ranges: o.ranges.map((r) => {
            const range = wb.worksheets.getItem(o.sheet).getRange(r);
            range.load("formulas");
            return range;
          }),
        }));
      await context.sync();
      syncs++;

      // An item whose cells changed since the read is left as the planner has it now.
      const skip = new Set<string>();
      const ownership = snapshot ? new Ownership(snapshot) : null;
      for (const t of targets) {
        const sheet = snapshot!.sheets.find((s) => s.name === t.owned.sheet)!;
        const now = t.ranges.flatMap((range) => range.formulas.flat().map((v) => String(v)));
        const cells = cellsOfRanges(t.owned.ranges);
        if (cells.some(([r, c], i) => now[i] !== contentOf(sheet, r, c))) {
          skip.add(t.owned.name);
          changedSinceRead.push(`${t.owned.sheet}!${a1(cells[0][0], cells[0][1])}`);
        }
      }

      // A PAB Watch sheet without our name is the planner's, unless it is empty (a run of ours
      // interrupted between adding the sheet and its name leaves it so): empty, nothing can be lost.
      const summaryName = `${OWNED_NAME_PREFIX}summary`;
      const summaryOwned = names.items.some((n) => n.name === summaryName);
      const summaryRead = snapshot?.sheets.find((s) => s.name === SUMMARY_SHEET);
      const summaryEmpty =
        summaryRead !== undefined &&
        Object.keys(summaryRead.formulas).length === 0 &&
        summaryRead.values.every((row) => row.every((v) => v === ""));
      if (!summary.isNullObject && !summaryOwned && !summaryEmpty)
        throw new Error(
          `The sheet "${SUMMARY_SHEET}" is not PAB Watch's: rename it so PAB Watch can write its summary`
        );

      // Our old rules go, on every sheet; the planner's (any type) stay.
      for (const cfs of formats) for (const cf of cfs.items) if (isOurRule(cf)) cf.delete();

      // The summary sheet is ours: kept (references to it stay valid) and cleared.
      const sheet = summary.isNullObject
        ? wb.worksheets.add(SUMMARY_SHEET)
        : wb.worksheets.getItem(SUMMARY_SHEET);
      if (!summary.isNullObject) sheet.getRange().clear("All" as Excel.ClearApplyTo);
      // Its name right after it, before anything is written there.
      const summaryRecord = plan.owned.find((o) => o.name === summaryName);
      if (summaryRecord && !summaryOwned)
        names.add(summaryName, `=${ownedReference(summaryRecord)}`, `pabw:${summaryRecord.hash}`);

      // Cells an earlier run wrote that this plan does not write again: cleared while still ours.
      if (snapshot && ownership) {
        for (const area of snapshot.owned ?? []) {
          if (area.sheet === SUMMARY_SHEET) continue;
          const cells = cellsOfRanges(area.ranges);
          if (!cells.every(([r, c]) => ownership.owns(area.sheet, r, c))) continue;
          if (cells.some(([r, c]) => writesOf.has(`${area.sheet}!${r},${c}`))) continue;
          for (const r of area.ranges) {
            const range = wb.worksheets.getItem(area.sheet).getRange(r);
            range.clear("Contents" as Excel.ClearApplyTo);
            range.numberFormat = [["General"]];
          }
        }
      }

      let bytes = 0;
      const spend = async (n: number) => {
        bytes += n;
        if (bytes < BLOCK_BYTES) return;
        context.application.suspendApiCalculationUntilNextSync();
        await context.sync();
        syncs++;
        bytes = 0;
      };

      const existing = new Set(names.items.map((n) => n.name));
      if (summaryRecord) existing.add(summaryName);
      const sheetsByName = new Map<string, Excel.Worksheet>();
      const worksheet = (name: string) => {
        let ws = sheetsByName.get(name);
        if (!ws) sheetsByName.set(name, (ws = wb.worksheets.getItem(name)));
        return ws;
      };
      const writeRun = (r: Run): number => {
        const range = worksheet(r.sheet).getRangeByIndexes(r.row, r.left, 1, r.cells.length);
        const text = r.cells.every((w) => w.text !== undefined) && !inertText(r.cells[0].text!);
        const data = r.cells.map((w) =>
          w.text !== undefined ? w.text : mode === "values" ? (w.cached ?? "") : `=${w.formula}`
        );
        // Text is set text-formatted first, so it can never be parsed into a formula, date or number.
        if (text) range.numberFormat = [r.cells.map(() => "@")];
        if (text || mode === "values") range.values = [data];
        else range.formulas = [data];
        return requestCost(text ? 2 : 1, data);
      };

      // Each item's cells and its name in the same block.
      const byOwner = new Map<string, Run[]>();
      const unowned: Run[] = [];
      const ownerOf = new Map<string, string>();
      for (const o of plan.owned)
        for (const [r, c] of cellsOfRanges(o.ranges)) ownerOf.set(`${o.sheet}!${r},${c}`, o.name);
      for (const r of runsOf(plan.writes)) {
        const owner = ownerOf.get(`${r.sheet}!${r.row},${r.left}`);
        if (!owner) unowned.push(r);
        else {
          const list = byOwner.get(owner);
          if (list) list.push(r);
          else byOwner.set(owner, [r]);
        }
      }
      // A batch is not a transaction: whichever operation a failure stops at, every cell written
      // must be inside a name of ours whose record matches it, so the next run knows it. A new name
      // goes before its cells. An existing name whose record changes (a mode switch) is bridged: a
      // second name with the new record (one operation) before the cells, the name updated after
      // them, the bridge deleted.
      const recorded = new Map((snapshot?.owned ?? []).map((a) => [a.name, a]));
      const bridgeFor = (name: string) => {
        let bridge = `${name}.next`;
        for (let i = 2; existing.has(bridge); i++) bridge = `${name}.next${i}`;
        return bridge;
      };
      for (const o of plan.owned) {
        if (skip.has(o.name) || o.name === summaryName) continue;
        let cost = 0;
        // What the name records is what was written: in values mode, the numbers.
        const cells = cellsOfRanges(o.ranges);
        const hash =
          mode === "values"
            ? hashOf(
                cells,
                cells.map(([r, c]) => {
                  const w = writesOf.get(`${o.sheet}!${r},${c}`);
                  return w ? written(w, mode) : "";
                })
              )
            : o.hash;
        const reference = `=${ownedReference(o)}`;
        const runs = byOwner.get(o.name) ?? [];
        if (existing.has(o.name)) {
          const was = recorded.get(o.name);
          const bridge =
            was && was.hash === hash && was.ranges.join(",") === o.ranges.join(",")
              ? null
              : bridgeFor(o.name);
          if (bridge) {
            names.add(bridge, reference, `pabw:${hash}`);
            cost += requestCost(1, [reference, bridge], 60);
          }
          for (const r of runs) cost += writeRun(r);
          const item = names.getItem(o.name);
          item.formula = reference;
          item.comment = `pabw:${hash}`;
          cost += requestCost(2, [reference], 60);
          if (bridge) {
            names.getItem(bridge).delete();
            cost += requestCost(1, [bridge]);
          }
        } else {
          names.add(o.name, reference, `pabw:${hash}`);
          cost += requestCost(1, [reference, o.name], 60);
          for (const r of runs) cost += writeRun(r);
        }
        await spend(cost);
      }
      for (const r of unowned) await spend(writeRun(r));
      // Names are hidden in a later batch than the one that added them (office-js #3878).
      if (bytes > 0) await spend(BLOCK_BYTES);

      for (const rule of bandRules(plan)) {
        cfRules += addRule(context, rule);
        await spend(requestCost(10, rule.ranges));
      }

      const s = plan.summary;
      const width = s.header.length;
      const rows: (string | number)[][] = [
        [s.title, ...Array(width - 1).fill("")],
        [s.legend, ...Array(width - 1).fill("")],
        Array(width).fill(""),
        s.header,
      ];
      for (const r of s.rows) rows.push(r.map((v) => v ?? ""));
      const SUMMARY_BLOCK = 2000;
      for (let start = 0; start < rows.length; start += SUMMARY_BLOCK) {
        const block = rows.slice(start, start + SUMMARY_BLOCK);
        const target = sheet.getRangeByIndexes(start, 0, block.length, width);
        const formats = block.map((r) => r.map((v) => (typeof v === "number" ? "General" : "@")));
        target.numberFormat = formats;
        target.values = block;
        await spend(requestCost(2, [formats, block]));
      }
      s.widths.forEach((w, c) => {
        sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(w * 7);
      });

      // Names an earlier run left that this plan does not use go last.
      const planned = new Set(plan.owned.map((o) => o.name));
      for (const n of names.items)
        if (n.name.startsWith(OWNED_NAME_PREFIX) && !planned.has(n.name)) n.delete();
      for (const o of plan.owned) if (!skip.has(o.name)) names.getItem(o.name).visible = false;
      // The last sync is not suspended: what we wrote is calculated.
      context.runtime.enableEvents = true;
      await context.sync();
      syncs++;
      done = true;
    });
  } finally {
    if (!done) {
      await run(async (context) => {
        context.runtime.enableEvents = true;
        await context.sync();
        syncs++;
      });
    }
  }
  return { syncs, cfRules, changedSinceRead };
}
