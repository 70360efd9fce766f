/* global Excel, AbortSignal */
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
import {
  OwnedArea,
  SUMMARY_SHEET,
  SheetSnapshot,
  WorkbookSnapshot,
  a1,
  cellAt,
  parseRange,
} from "../layout";
import { shiftFormula } from "../layout/formulaRefs";
import { bandRules } from "./bandRules";
import { AreaReader, clearContents, responseCost, ruleChunks } from "./rangeAreas";
import {
  ACTION_BYTES,
  BLOCK_BYTES,
  ExcelRun,
  RESPONSE_BYTES,
  requestCost,
  utf8Length,
} from "./run";

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
  /** After each block of items (one round trip, each item's cells with the name that records them). */
  onBlock?: (progress: { block: number; items: number; total: number }) => void;
  /**
   * Aborting stops after the block being written (WriteStopped): the items written keep their
   * records, so Remove takes them out and a new scan completes the sheet; the colours and the
   * summary are not written then.
   */
  signal?: AbortSignal;
}

/** The write was stopped between blocks: `items` of `total` items are in the sheet, each with its record. */
export class WriteStopped extends Error {
  constructor(
    readonly items: number,
    readonly total: number
  ) {
    super(`The write was stopped after ${items} of ${total} items`);
    this.name = "WriteStopped";
  }
}

export interface ApplyResult {
  syncs: number;
  cfRules: number;
  /** Items left unwritten because the planner changed one of their cells after the read, as "MPS!B7". */
  changedSinceRead: string[];
  /**
   * The same items: the name of each one's record (plan.owned) and the cell that is not as PAB
   * Watch read or wrote it, with what it holds now (a formula as "=…").
   */
  leftAlone: LeftAlone[];
  /** Request bytes each round trip of the write was estimated at (`requestCost`), in order. */
  estimates: number[];
}

/** An item the write left as the planner has it (see ApplyResult.leftAlone). */
export interface LeftAlone {
  name: string;
  sheet: string;
  row: number;
  column: number;
  holds: string;
}

/**
 * Cells written as one range: a rectangle of one kind (formulas and inert text, or other text), null
 * where nothing is written (Office.js leaves such a cell as it is).
 */
interface Area {
  sheet: string;
  top: number;
  left: number;
  cells: (CellWrite | null)[][];
}

/**
 * Text that typing cannot turn into anything but itself (letters and a bracket, no leading sign): our
 * row labels. It may go in one range with the formulas beside it; any other text is written alone,
 * text-formatted first.
 */
export function inertText(text: string): boolean {
  return /[A-Za-z\u3400-\u9fff]/.test(text) && /[(（]/.test(text) && !/^[=+\-@'\s]/.test(text);
}

/**
 * Office.js sends a 2-D array of more than this many cells as several sets, one per block of rows
 * (`setRangePropertiesInBulk`): a range so large is not one operation.
 */
export const BULK_CELLS = 1500;

/**
 * Request bytes Office.js adds to `sets` property sets of a rows × columns array over BULK_CELLS: a
 * size check, then per block of rows two row objects, their bounding range and the set (about 660
 * bytes measured with Office.js's request builder; 720 counted).
 */
export function bulkCost(rows: number, columns: number, sets = 1): number {
  if (rows * columns <= BULK_CELLS) return 0;
  const blocks = Math.ceil(rows / Math.max(1, Math.round(BULK_CELLS / columns)));
  return sets * (ACTION_BYTES + 720 * blocks);
}

const kindOf = (w: CellWrite) => (w.text === undefined || inertText(w.text) ? "f" : "t");

/** Consecutive cells of one row and one kind, each run one area. */
function runsOf(writes: CellWrite[]): Area[] {
  const sorted = writes
    .slice()
    .sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.column - b.column);
  const runs: Area[] = [];
  for (const w of sorted) {
    const last = runs[runs.length - 1];
    const line = last?.cells[0];
    if (
      last &&
      last.sheet === w.sheet &&
      last.top === w.row &&
      last.left + line.length === w.column &&
      kindOf(line[0]!) === kindOf(w)
    ) {
      line.push(w);
    } else {
      runs.push({ sheet: w.sheet, top: w.row, left: w.column, cells: [[w]] });
    }
  }
  return runs;
}

/**
 * One item's cells (those its name records), in as few operations as there are kinds: each kind's
 * cells as one rectangle (a PAB column with its label, a block of rows), so a failure leaves all or
 * none of them. Cells so scattered that their rectangle would be mostly empty go as runs, identical
 * runs of consecutive rows stacked.
 */
function areasOfItem(writes: CellWrite[]): Area[] {
  const groups = new Map<string, CellWrite[]>();
  for (const w of writes) {
    const key = `${kindOf(w)}\u0000${w.sheet}`;
    const list = groups.get(key);
    if (list) list.push(w);
    else groups.set(key, [w]);
  }
  const out: Area[] = [];
  for (const list of groups.values()) {
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    for (const w of list) {
      top = Math.min(top, w.row);
      bottom = Math.max(bottom, w.row);
      left = Math.min(left, w.column);
      right = Math.max(right, w.column);
    }
    const height = bottom - top + 1;
    const width = right - left + 1;
    if (height * width <= 2 * list.length + 16) {
      const cells: (CellWrite | null)[][] = [];
      for (let i = 0; i < height; i++) cells.push(new Array<CellWrite | null>(width).fill(null));
      for (const w of list) cells[w.row - top][w.column - left] = w;
      out.push({ sheet: list[0].sheet, top, left, cells });
      continue;
    }
    // Stacked: a run under one of the same columns in the row above joins it.
    const open = new Map<string, Area>();
    for (const run of runsOf(list)) {
      const line = run.cells[0];
      const key = `${run.left},${line.length}`;
      const above = open.get(key);
      if (above && above.top + above.cells.length === run.top) above.cells.push(line);
      else {
        out.push(run);
        open.set(key, run);
      }
    }
  }
  return out;
}

/**
 * One rule per chunk of ranges. A custom rule's relative references are read from the top-left cell
 * of the range the format is added to (office-js #5194, by design), so each chunk gets the formula
 * as it reads from its own first range, which `ruleChunks` makes its top-left.
 */
function addRule(
  context: Excel.RequestContext,
  rule: ConditionalRule
): { rules: number; cost: number } {
  const ws = context.workbook.worksheets.getItem(rule.sheet);
  const style = RULE_STYLES[rule.kind];
  const anchor = parseRange(rule.ranges[0]);
  const chunks = ruleChunks(rule.ranges);
  let cost = 0;
  for (const chunk of chunks) {
    const first = parseRange(chunk[0]);
    const cf = ws
      .getRanges(chunk.join(","))
      .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    const formula = `=${shiftFormula(rule.formula, first.top - anchor.top, first.left - anchor.left)}`;
    cf.custom.rule.formula = formula;
    cost += ruleListCost(chunk, formula, style);
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
  return { rules: chunks.length, cost };
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

/** A cell we text-formatted when we wrote it (text typing could turn into something else), so the format goes with the text. */
export function textFormattedByUs(v: unknown): boolean {
  return typeof v === "string" && v !== "" && !v.startsWith("=") && !inertText(v);
}

/**
 * One rule over one list of ranges: the list, the rule and its format objects (fill, font, each
 * border), and a setting per property (about 2 kB a rule, as Office.js's request builder measures).
 */
function ruleListCost(
  chunk: string[],
  formula: string,
  style: (typeof RULE_STYLES)[keyof typeof RULE_STYLES]
): number {
  const borders = style.border ? 4 : 0;
  return requestCost(7 + borders, 5 + (style.fill ? 1 : 0) + 2 * borders, [
    chunk.join(","),
    formula,
    style,
  ]);
}

/** Request bytes of one custom rule, list by list (see addRule). */
function ruleCost(rule: ConditionalRule): number {
  const style = RULE_STYLES[rule.kind];
  return ruleChunks(rule.ranges).reduce(
    (n, chunk) => n + ruleListCost(chunk, rule.formula, style),
    0
  );
}

/** Re-read before writing: the cells of one item, or of an earlier run's area this plan clears. */
interface Target {
  sheet: SheetSnapshot;
  ranges: string[];
  /** The round trip (0 = the first) whose response brings these cells back. */
  block: number;
  changed: boolean;
  /** Areas whose formulas the read left out that this re-read confirms (the same cells). */
  confirms: OwnedArea[];
  /** What the cells hold now, in cellsOfRanges order (kept for the cells an earlier run left). */
  held: string[];
  /** Where changed: the first cell that is neither what the read saw nor what we write, and what it holds. */
  changedAt: { row: number; column: number; holds: string } | null;
}

/** A cell of an area as one string key. */
const cellKey = (sheet: string, row: number, column: number) => `${sheet}!${row},${column}`;

/**
 * What a re-read brings back for a cell of ours whose formula was not read and that this run does
 * not write (an earlier run's, in another mode or for an item now elsewhere), at most: the longest
 * formula PAB Watch writes (a long table's balance, the opening looked up on another sheet and two
 * SUMIFS over whole columns, 140 characters with a 9-character sheet name) with a 31-character one.
 */
const UNREAD_FORMULA = "=".padEnd(256, "x");

/**
 * Writes a plan into the open workbook, in as few round trips as the request cap allows.
 * First sync: events off, our old rules (on every sheet) and names found, the target cells re-read
 * (an item whose cells changed since the snapshot is left as the planner has it now; where the
 * cells coming back would pass the response cap, the rest are re-read in the next syncs, each ahead
 * of its items' writes). Then blocks filled up to BLOCK_BYTES of request: old rules deleted, the
 * summary sheet kept (references to it survive) and cleared, an earlier run's cells this plan no
 * longer writes cleared, each item's cells with the hidden name that records them (a new name goes
 * before its cells, a changed one is bridged: a failure partway leaves no cell without its owner),
 * the rules, the summary; names added in one block are hidden in the next (office-js #3878);
 * calculation suspended per block. Last sync: names an earlier run left deleted, what we wrote
 * recalculated, events back on.
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
  const leftAlone: LeftAlone[] = [];
  const estimates: number[] = [];
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
        estimates.push(requestCost(4, 4));
        sheetNames = wb.worksheets.items.map((s) => s.name);
      }
      // Every sheet's, the PAB Watch sheet's too (clearing it is not relied on to remove rules).
      const formats = sheetNames.map((s) => loadRules(context, s));

      const sheetsByName = new Map<string, Excel.Worksheet>();
      const worksheet = (name: string) => {
        let ws = sheetsByName.get(name);
        if (!ws) sheetsByName.set(name, (ws = wb.worksheets.getItem(name)));
        return ws;
      };
      const writesOf = new Map<string, CellWrite>();
      for (const w of plan.writes) writesOf.set(`${w.sheet}!${w.row},${w.column}`, w);

      // Areas of ours whose formulas the read left out (a second scan): each is confirmed by a
      // re-read of exactly its cells against the hash its name records, before any of its cells is
      // written or cleared. A cell is ours if an area holding it is confirmed (names may overlap: a
      // name and the bridge of a run cut short), or if a name whose cells were read owns it and it
      // holds what the read saw; otherwise its item is left alone.
      const unreadOf = new Map<string, OwnedArea[]>();
      for (const area of snapshot?.owned ?? [])
        if (area.formulasUnread && area.hash !== null)
          for (const [r, c] of cellsOfRanges(area.ranges)) {
            const key = cellKey(area.sheet, r, c);
            const list = unreadOf.get(key);
            if (list) list.push(area);
            else unreadOf.set(key, [area]);
          }
      const confirmed = new Map<OwnedArea, boolean>();
      const confirmedBy = new Map<OwnedArea, Target>();
      const readOwnership =
        snapshot && unreadOf.size
          ? new Ownership({
              ...snapshot,
              owned: (snapshot.owned ?? []).filter((a) => !a.formulasUnread),
            })
          : null;

      // What is re-read, in blocks whose response stays under the cap (what the cells held at the
      // read tells how big they come back).
      const snapshotSheets = new Map((snapshot?.sheets ?? []).map((s) => [s.name, s]));
      const blocks: Target[][] = [];
      let response = 0;
      const target = (sheetName: string, ranges: string[]): Target | null => {
        const sheet = snapshotSheets.get(sheetName);
        if (!sheet || sheetName === SUMMARY_SHEET) return null;
        // A cell whose formula was not read comes back as a formula an earlier run wrote, maybe in
        // another mode: a value here now can be the portable formula there.
        const size = responseCost(
          cellsOfRanges(ranges).map(([r, c]) => {
            const now = contentOf(sheet, r, c);
            if (!unreadOf.has(cellKey(sheetName, r, c))) return now;
            const w = writesOf.get(cellKey(sheetName, r, c));
            const ours = w ? written(w, mode) : UNREAD_FORMULA;
            const portable = w?.formula !== undefined ? `=${w.formula}` : ours;
            const longest = portable.length > ours.length ? portable : ours;
            return longest.length > now.length ? longest : now;
          }),
          ranges.length
        );
        const last = blocks[blocks.length - 1];
        if (!last || (response + size > RESPONSE_BYTES && last.length)) {
          blocks.push([]);
          response = 0;
        }
        const t: Target = {
          sheet,
          ranges,
          block: blocks.length - 1,
          changed: false,
          confirms: [],
          held: [],
          changedAt: null,
        };
        blocks[blocks.length - 1].push(t);
        response += size;
        return t;
      };
      // Cells an earlier run wrote that this plan does not write again, while still as we left them.
      const stale: { sheet: string; ranges: string[]; target: Target }[] = [];
      const ownership = snapshot ? new Ownership(snapshot) : null;
      if (snapshot && ownership) {
        for (const area of snapshot.owned ?? []) {
          if (area.sheet === SUMMARY_SHEET) continue;
          const cells = cellsOfRanges(area.ranges);
          if (!cells.every(([r, c]) => ownership.owns(area.sheet, r, c))) continue;
          if (cells.some(([r, c]) => writesOf.has(`${area.sheet}!${r},${c}`))) continue;
          const t = target(area.sheet, area.ranges);
          if (!t) continue;
          stale.push({ sheet: area.sheet, ranges: area.ranges, target: t });
          if (area.formulasUnread && !confirmedBy.has(area)) {
            t.confirms.push(area);
            confirmedBy.set(area, t);
          }
        }
      }
      const targets = new Map<string, Target>();
      for (const o of plan.owned) {
        // Unread areas under this item's cells: confirmed by its own re-read when they are its
        // cells (the usual second scan), otherwise by a re-read of theirs just before.
        const under = new Set<OwnedArea>();
        if (unreadOf.size)
          for (const [r, c] of cellsOfRanges(o.ranges))
            for (const area of unreadOf.get(cellKey(o.sheet, r, c)) ?? [])
              if (!confirmedBy.has(area)) under.add(area);
        const same: OwnedArea[] = [];
        for (const area of under) {
          if (area.sheet === o.sheet && area.ranges.join(",") === o.ranges.join(",")) {
            same.push(area);
            continue;
          }
          const t = target(area.sheet, area.ranges);
          if (!t) continue;
          t.confirms.push(area);
          confirmedBy.set(area, t);
        }
        const t = target(o.sheet, o.ranges);
        if (!t) continue;
        targets.set(o.name, t);
        for (const area of same) {
          t.confirms.push(area);
          confirmedBy.set(area, t);
        }
      }

      let settled = -1;
      let reading: { block: number; reads: { list: Target[]; reader: AreaReader }[] } | null = null;
      const queueRead = (block: number): number => {
        const bySheet = new Map<string, Target[]>();
        for (const t of blocks[block]) {
          const list = bySheet.get(t.sheet.name);
          if (list) list.push(t);
          else bySheet.set(t.sheet.name, [t]);
        }
        const reads = [...bySheet].map(([name, list]) => ({
          list,
          reader: new AreaReader(
            worksheet(name),
            list.flatMap((t) => t.ranges)
          ),
        }));
        reading = { block, reads };
        return reads.reduce((n, r) => n + r.reader.cost, 0);
      };
      /** The cell to name for a changed item: one the planner changed, not one still as we left it. */
      const changedCell = (
        sheet: SheetSnapshot,
        cells: [number, number][],
        held: string[]
      ): Target["changedAt"] => {
        const wanted = (r: number, c: number) => {
          const w = writesOf.get(cellKey(sheet.name, r, c));
          return w ? written(w, mode) : contentOf(sheet, r, c);
        };
        let at = cells.findIndex(
          ([r, c], i) => held[i] !== wanted(r, c) && held[i] !== contentOf(sheet, r, c)
        );
        if (at < 0) at = cells.findIndex(([r, c], i) => held[i] !== wanted(r, c));
        if (at < 0) at = 0;
        return { row: cells[at][0], column: cells[at][1], holds: held[at] ?? "" };
      };
      const settle = () => {
        if (!reading) return;
        const read: { t: Target; cells: [number, number][]; held: string[] }[] = [];
        for (const { list, reader } of reading.reads) {
          const now = reader.formulas();
          for (const t of list) {
            const held = t.ranges.flatMap((r) => {
              const f = now.get(AreaReader.key(r));
              return f ? f.flat().map((v) => String(v)) : [];
            });
            read.push({ t, cells: cellsOfRanges(t.ranges), held });
          }
        }
        // An unread area is ours while what its cells hold hashes to what its name records.
        for (const { t, cells, held } of read)
          for (const area of t.confirms)
            confirmed.set(area, held.length === cells.length && hashOf(cells, held) === area.hash);
        for (const { t, cells, held } of read) {
          const name = t.sheet.name;
          t.changed =
            held.length !== cells.length ||
            cells.some(([r, c], i) => {
              const areas = unreadOf.size ? unreadOf.get(cellKey(name, r, c)) : undefined;
              if (areas?.some((a) => confirmed.get(a) === true)) return false;
              if (areas && !readOwnership?.owns(name, r, c)) return true;
              return held[i] !== contentOf(t.sheet, r, c);
            });
          if (t.confirms.length) t.held = held;
          if (t.changed) t.changedAt = changedCell(t.sheet, cells, held);
        }
        settled = reading.block;
        reading = null;
      };

      // Events off, the names, the summary sheet and each sheet's rules.
      let bytes = requestCost(4 + 2 * formats.length, 4 + formats.length);
      if (blocks.length) bytes += queueRead(0);
      await context.sync();
      syncs++;
      estimates.push(bytes);
      settle();

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

      bytes = 0;
      let added: string[] = [];
      // Items queued so far (their blocks report progress), and whether Cancel may stop here.
      const total = plan.owned.filter((o) => o.name !== summaryName).length;
      let queued = 0;
      let block = 0;
      let stoppable = true;
      /** The next block: this one goes (calculation suspended), its new names are hidden in the next. */
      const next = async () => {
        context.application.suspendApiCalculationUntilNextSync();
        await context.sync();
        syncs++;
        estimates.push(bytes + requestCost(1, 1));
        bytes = 0;
        settle();
        for (const n of added) names.getItem(n).visible = false;
        bytes += added.reduce((b, n) => b + requestCost(1, 1, [n, false]), 0);
        added = [];
        options.onBlock?.({ block: ++block, items: queued, total });
        if (stoppable && queued > 0 && options.signal?.aborted) {
          // Stopped between blocks: every item written has its name (hidden in this last batch).
          context.application.calculate("Recalculate" as Excel.CalculationType);
          context.runtime.enableEvents = true;
          await context.sync();
          syncs++;
          estimates.push(bytes + requestCost(2, 2));
          done = true;
          throw new WriteStopped(queued, total);
        }
        if (settled + 1 < blocks.length) bytes += queueRead(settled + 1);
      };
      const put = async (cost: number, write: () => void) => {
        if (bytes > 0 && bytes + cost > BLOCK_BYTES) await next();
        write();
        bytes += cost;
      };
      const reread = async (t: Target | undefined): Promise<boolean> => {
        if (!t) return true;
        while (t.block > settled) await next();
        return !t.changed;
      };

      // Our old rules go, on every sheet; the planner's (any type) stay.
      for (const cfs of formats)
        for (const cf of cfs.items)
          if (isOurRule(cf)) await put(requestCost(1, 1, 40), () => cf.delete());

      // The summary sheet is ours: kept (references to it stay valid) and cleared; its name right
      // after it, before anything is written there.
      let sheet: Excel.Worksheet | null = null;
      const summaryRecord = plan.owned.find((o) => o.name === summaryName);
      const summaryReference = summaryRecord ? `=${ownedReference(summaryRecord)}` : "";
      await put(requestCost(5, 3, [SUMMARY_SHEET, summaryName, summaryReference]), () => {
        sheet = summary.isNullObject ? wb.worksheets.add(SUMMARY_SHEET) : worksheet(SUMMARY_SHEET);
        if (!summary.isNullObject) sheet.getRange().clear("All" as Excel.ClearApplyTo);
        if (summaryRecord && !summaryOwned) {
          names.add(summaryName, summaryReference, `pabw:${summaryRecord.hash}`);
          added.push(summaryName);
        } else if (summaryOwned) names.getItem(summaryName).visible = false;
      });

      for (const s of stale) {
        if (!(await reread(s.target))) continue;
        await put(utf8Length(s.ranges.join(",")) + requestCost(1, 1, 20), () => {
          clearContents(worksheet(s.sheet), s.ranges);
        });
        // The text format we gave text goes with it; the planner's own formats stay.
        const cells = cellsOfRanges(s.ranges);
        for (let i = 0; i < cells.length; i++) {
          const [r, c] = cells[i];
          // Where the read left formulas out, the re-read tells which cells held one.
          const formula = s.target.held.length
            ? s.target.held[i].startsWith("=")
            : s.target.sheet.formulas[a1(r, c)];
          if (formula || !textFormattedByUs(cellAt(s.target.sheet, r, c))) continue;
          await put(requestCost(1, 1, [["General"]]), () => {
            worksheet(s.sheet).getRangeByIndexes(r, c, 1, 1).numberFormat = [["General"]];
          });
        }
      }

      const areaData = (a: Area) => {
        const first = a.cells.flat().find((w) => w !== null)!;
        const text = kindOf(first) === "t";
        const data = a.cells.map((line) =>
          line.map((w) =>
            w === null
              ? null
              : w.text !== undefined
                ? w.text
                : mode === "values"
                  ? (w.cached ?? "")
                  : `=${w.formula}`
          )
        );
        const formats = text ? a.cells.map((line) => line.map((w) => (w ? "@" : null))) : null;
        const sets = text ? 2 : 1;
        const cost =
          requestCost(1, sets, text ? [formats, data] : data) +
          bulkCost(a.cells.length, a.cells[0].length, sets);
        return { formats, data, cost };
      };
      const writeArea = (
        a: Area,
        formats: (string | null)[][] | null,
        data: (string | number | null)[][]
      ) => {
        const range = worksheet(a.sheet).getRangeByIndexes(
          a.top,
          a.left,
          a.cells.length,
          a.cells[0].length
        );
        // Text is set text-formatted first, so it can never be parsed into a formula, date or number.
        if (formats) range.numberFormat = formats;
        if (formats || mode === "values") range.values = data;
        else range.formulas = data;
      };

      // Each item's cells and its name in the same block.
      const writesByOwner = new Map<string, CellWrite[]>();
      const unownedWrites: CellWrite[] = [];
      const ownerOf = new Map<string, string>();
      for (const o of plan.owned)
        for (const [r, c] of cellsOfRanges(o.ranges)) ownerOf.set(`${o.sheet}!${r},${c}`, o.name);
      for (const w of plan.writes) {
        const owner = ownerOf.get(`${w.sheet}!${w.row},${w.column}`);
        if (!owner) unownedWrites.push(w);
        else {
          const list = writesByOwner.get(owner);
          if (list) list.push(w);
          else writesByOwner.set(owner, [w]);
        }
      }
      const unowned = runsOf(unownedWrites);
      const existing = new Set(names.items.map((n) => n.name));
      if (summaryRecord) existing.add(summaryName);
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
      const skip = new Set<string>();
      for (const o of plan.owned) {
        if (o.name === summaryName) continue;
        const t = targets.get(o.name);
        if (!(await reread(t))) {
          skip.add(o.name);
          const [r, c] = cellsOfRanges(o.ranges)[0];
          changedSinceRead.push(`${o.sheet}!${a1(r, c)}`);
          const at = t?.changedAt ?? { row: r, column: c, holds: "" };
          leftAlone.push({ name: o.name, sheet: o.sheet, ...at });
          continue;
        }
        const areas = areasOfItem(writesByOwner.get(o.name) ?? []).map((a) => ({
          a,
          ...areaData(a),
        }));
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
        const comment = `pabw:${hash}`;
        const isNew = !existing.has(o.name);
        const was = recorded.get(o.name);
        const bridge =
          isNew || (was && was.hash === hash && was.ranges.join(",") === o.ranges.join(","))
            ? null
            : bridgeFor(o.name);
        const cost =
          areas.reduce((n, x) => n + x.cost, 0) +
          (isNew
            ? requestCost(1, 0, [o.name, reference, comment])
            : requestCost(1, 3, [o.name, reference, comment, false])) +
          (bridge ? requestCost(2, 1, [bridge, reference, comment, bridge]) : 0);
        await put(cost, () => {
          if (isNew) {
            names.add(o.name, reference, comment);
            added.push(o.name);
          } else if (bridge) names.add(bridge, reference, comment);
          for (const x of areas) writeArea(x.a, x.formats, x.data);
          if (!isNew) {
            const item = names.getItem(o.name);
            item.formula = reference;
            item.comment = comment;
            item.visible = false;
            if (bridge) names.getItem(bridge).delete();
          }
        });
        queued++;
      }
      stoppable = false;
      for (const a of unowned) {
        const x = areaData(a);
        await put(x.cost, () => writeArea(a, x.formats, x.data));
      }

      for (const rule of bandRules(plan))
        await put(ruleCost(rule), () => {
          cfRules += addRule(context, rule).rules;
        });

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
        const formats = block.map((r) => r.map((v) => (typeof v === "number" ? "General" : "@")));
        // Office.js sends a 2-D array over BULK_CELLS a block of rows at a time (bulkCost, measured);
        // a byte a cell per property covers the rest of what its request builder adds.
        const cells = 2 * block.length * width;
        const bulk = Math.max(cells, bulkCost(block.length, width, 2));
        await put(requestCost(1, 2, [formats, block]) + bulk, () => {
          const at = sheet!.getRangeByIndexes(start, 0, block.length, width);
          at.numberFormat = formats;
          at.values = block;
        });
      }
      await put(requestCost(2 * s.widths.length, s.widths.length), () =>
        s.widths.forEach((w, c) => {
          sheet!.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(w * 7);
        })
      );

      // Names added in this block are hidden in the next; names an earlier run left that this plan
      // does not use go last.
      if (added.length) await next();
      const planned = new Set(plan.owned.map((o) => o.name));
      for (const n of names.items)
        if (n.name.startsWith(OWNED_NAME_PREFIX) && !planned.has(n.name))
          await put(requestCost(1, 1, n.name), () => n.delete());
      // The last sync is not suspended, and what was written under suspended calculation is
      // calculated now.
      context.application.calculate("Recalculate" as Excel.CalculationType);
      context.runtime.enableEvents = true;
      await context.sync();
      syncs++;
      estimates.push(bytes + requestCost(2, 2));
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
  return { syncs, cfRules, changedSinceRead, leftAlone, estimates };
}
