/* global Excel */
import {
  CellValue,
  OwnedArea,
  SheetSnapshot,
  WorkbookSnapshot,
  a1,
  emptySheet,
  parseRange,
} from "../layout";
import { ownedAreaOf, parseOwnedReference } from "../annotate/ownedNames";
import { cellsOfRanges, contentOf, hashOf } from "../annotate/ownership";
import { DeferredFormulas, deferOwnedFormulas, isDeferred } from "./ownedFormulas";
import { ExcelRun, utf8Length } from "./run";

export interface ReadOptions {
  /** Only these sheets (default: all). */
  sheets?: string[];
  /** After each round trip of values: rows read so far, of the rows of every sheet read. */
  onRows?: (read: number, total: number) => void;
  /**
   * Leave out the formulas of cells our hidden names record as ours, where a range of ours holds
   * more than one formula (see deferOwnedFormulas): a second scan reads values only there. Their
   * areas come marked `formulasUnread` and are taken as ours until confirmed, so the snapshot is
   * only for a plan applied with `applyWritePlan(…, { snapshot })`, whose re-read confirms them.
   */
  deferOwnedFormulas?: boolean;
}

/**
 * Estimated response bytes per read round trip. Row costs are measured with a 20% margin, so a
 * response comes to about 3.75 MB, under Excel on the web's 5 MB cap.
 */
const READ_BYTES = 4.5 * 1024 * 1024;

/** Rows read with the used range itself, to measure what a row costs in a response. */
const PROBE_ROWS = 32;
/** What a formula costs in a response until one is measured (our PAB formulas are ~12 characters). */
const FORMULA_BYTES = 32;
/** Pieces a range is split into, per round trip, to find its hidden rows or columns. */
const HIDDEN_SPLIT = 64;
/** Pieces probed per round trip at most (about 300 bytes of request each). */
const MAX_PROBES = 8000;

/**
 * Serial numbers a date header can have (1925 to 2100 in either date system). Number formats are
 * read only for numbers in this window: formats matter to the reader only to tell a date from a
 * number, and reading every cell's format would triple the response.
 */
export function couldBeDate(v: CellValue): boolean {
  return typeof v === "number" && v >= 9000 && v <= 73051;
}

interface SheetRead {
  ws: Excel.Worksheet;
  snapshot: SheetSnapshot;
  used: Excel.Range;
  head: Excel.Range;
  formulaCells: Excel.RangeAreas;
  /** The visible cells of the used range: where rows or columns are hidden, they tell which. */
  visibleCells: Excel.RangeAreas;
  merged: Excel.RangeAreas | null;
  /** Bytes one row costs in a values response, as last measured. */
  rowBytes: number;
  next: number;
  formulaAreas: { top: number; address: string }[];
  /** Our cells whose formulas are left out of this read (deferOwnedFormulas). */
  deferred: DeferredFormulas | null;
}

/**
 * The open workbook as a SheetSnapshot per sheet, in few round trips: (1) sheets, names and the date
 * system; (2) each sheet's used range with its first rows, where its formulas are, its merged areas
 * and whether any row or column is hidden; (3…) values in blocks of rows sized from the bytes the
 * previous rows measured, each under the response cap, with the formulas of those rows; then, only
 * where needed, the number formats of cells that could be dates and the hidden rows and columns
 * (found by splitting, not cell by cell).
 */
export async function readWorkbookSnapshot(
  run: ExcelRun,
  name: string,
  options: ReadOptions = {}
): Promise<WorkbookSnapshot> {
  return run(async (context) => {
    const wb = context.workbook;
    const sheets = wb.worksheets;
    sheets.load("items/name,items/visibility");
    const names = wb.names;
    names.load("items/name,items/formula,items/comment");
    // Office.js has no 1904 flag; DATE(1904,1,1) is serial 0 in the 1904 system and 1462 in the 1900 one.
    const probe = wb.functions.date(1904, 1, 1);
    probe.load("value");

    // The first sheet's used range comes with the sheet list: a workbook of one sheet (the usual
    // plan) needs no round trip just to learn how big it is.
    const queueSheet = (
      ws: Excel.Worksheet,
      name: string,
      visible: boolean,
      withMerged: boolean
    ): SheetRead => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount,rowHidden,columnHidden");
      const head = used
        .getCell(0, 0)
        .getResizedRange(PROBE_ROWS - 1, 0)
        .getEntireRow()
        .getIntersectionOrNullObject(used);
      head.load("isNullObject,rowCount,values");
      const formulaCells = used.getSpecialCellsOrNullObject("Formulas" as Excel.SpecialCellType);
      formulaCells.load("isNullObject,address");
      const visibleCells = used.getSpecialCellsOrNullObject("Visible" as Excel.SpecialCellType);
      visibleCells.load("isNullObject,address");
      let merged: Excel.RangeAreas | null = null;
      if (withMerged) {
        merged = used.getMergedAreasOrNullObject();
        merged.load("isNullObject,areas/items/address");
      }
      return {
        ws,
        used,
        head,
        formulaCells,
        visibleCells,
        merged,
        rowBytes: 0,
        next: 0,
        formulaAreas: [],
        deferred: null,
        snapshot: emptySheet(name, visible),
      };
    };
    const wanted = (name: string) => !options.sheets || options.sheets.includes(name);
    const firstSheet = () => {
      const ws = sheets.getFirst();
      ws.load("name");
      return ws;
    };
    let first = firstSheet();
    let firstRead = queueSheet(first, "", true, true);
    let mergedLater = new Set<string>();
    try {
      await context.sync();
    } catch {
      // More merged areas than Excel returns at once (it fails above 512): read them per block below.
      names.load("items/name,items/formula,items/comment");
      sheets.load("items/name,items/visibility");
      probe.load("value");
      first = firstSheet();
      firstRead = queueSheet(first, "", true, false);
      await context.sync();
      mergedLater.add(first.name);
    }
    const date1904 = probe.value === 0;
    const owned: OwnedArea[] = [];
    for (const n of names.items) {
      const area = ownedAreaOf(n.name, n.comment, n.formula.replace(/^=/, ""));
      if (area) owned.push(area);
    }
    const listed = sheets.items.filter((s) => wanted(s.name));
    firstRead.snapshot.name = first.name;
    const others = listed.filter((s) => s.name !== first.name);
    const queueOthers = (withMerged: boolean) =>
      others.map((s) =>
        queueSheet(wb.worksheets.getItem(s.name), s.name, s.visibility === "Visible", withMerged)
      );
    const firstInfo = sheets.items.find((s) => s.name === first.name);
    if (firstInfo) firstRead.snapshot.visible = firstInfo.visibility === "Visible";
    // The other sheets' used ranges come with the first sheet's first block of values.
    let rest: SheetRead[] = [];
    let othersQueued = false;
    const live: SheetRead[] = [];
    const adoptDims = (r: SheetRead) => {
      if (r.used.isNullObject) return;
      live.push(r);
      const s = r.snapshot;
      s.top = r.used.rowIndex;
      s.left = r.used.columnIndex;
      s.values = new Array(r.used.rowCount);
      const head = r.head.isNullObject ? [] : (r.head.values as CellValue[][]);
      head.forEach((line, i) => (s.values[i] = line));
      r.next = head.length;
      r.rowBytes = head.length
        ? (utf8Length(JSON.stringify(head)) / head.length) * 1.2 + 8
        : r.used.columnCount * 8;
      if (!r.formulaCells.isNullObject) {
        let refs = parseOwnedReference(r.formulaCells.address)?.ranges ?? [];
        if (options.deferOwnedFormulas) {
          r.deferred = deferOwnedFormulas(
            refs,
            owned.filter((o) => o.sheet === s.name)
          );
          refs = r.deferred.read;
        }
        for (const ref of refs) r.formulaAreas.push({ top: parseRange(ref).top, address: ref });
      }
      if (r.merged && !r.merged.isNullObject)
        s.merged = r.merged.areas.items.map((a) =>
          a.address.slice(a.address.lastIndexOf("!") + 1).replace(/\$/g, "")
        );
      adoptHidden(r);
    };

    // Hidden rows and columns: where the used range has some (rowHidden or columnHidden null), the
    // rows and columns its visible cells cover are the visible ones. Only where no cell is visible
    // (every column hidden, say) a range is split until each piece is all hidden or all shown.
    type Piece = { read: SheetRead; from: number; count: number; rows: boolean };
    type Probe = Piece & { range: Excel.Range };
    let probes: Probe[] = [];
    const waiting: Piece[] = [];
    const split = (read: SheetRead, from: number, count: number, rows: boolean) => {
      const size = Math.ceil(count / HIDDEN_SPLIT);
      for (let start = from; start < from + count; start += size)
        waiting.push({ read, from: start, count: Math.min(size, from + count - start), rows });
    };
    // Probes go a bounded number per round trip, so their requests stay far under the cap.
    const queueProbes = () => {
      for (const p of waiting.splice(0, MAX_PROBES)) {
        const u = p.read.used;
        const range = p.rows
          ? p.read.ws.getRangeByIndexes(p.from, u.columnIndex, p.count, 1)
          : p.read.ws.getRangeByIndexes(u.rowIndex, p.from, 1, p.count);
        range.load(p.rows ? "rowHidden" : "columnHidden");
        probes.push({ ...p, range });
      }
    };
    const settleProbes = () => {
      const open = probes;
      probes = [];
      for (const p of open) {
        const hidden = p.rows ? p.range.rowHidden : p.range.columnHidden;
        const list = p.rows ? p.read.snapshot.hiddenRows : p.read.snapshot.hiddenColumns;
        if (hidden === true) for (let i = 0; i < p.count; i++) list.push(p.from + i);
        else if (hidden === null) split(p.read, p.from, p.count, p.rows);
      }
    };
    function adoptHidden(r: SheetRead) {
      const u = r.used;
      const rowsMixed = u.rowHidden === null;
      const columnsMixed = u.columnHidden === null;
      if (u.rowHidden === true)
        for (let i = 0; i < u.rowCount; i++) r.snapshot.hiddenRows.push(u.rowIndex + i);
      if (u.columnHidden === true)
        for (let i = 0; i < u.columnCount; i++) r.snapshot.hiddenColumns.push(u.columnIndex + i);
      if (!rowsMixed && !columnsMixed) return;
      const address = r.visibleCells.isNullObject ? "" : r.visibleCells.address;
      let areas = (parseOwnedReference(address)?.ranges ?? []).map((a) => parseRange(a));
      // An area this cannot read ("1:6") leaves the probes to tell.
      if (areas.length !== address.split(",").length) areas = [];
      const shown = (rows: boolean) => {
        const seen = new Set<number>();
        for (const a of areas)
          for (let i = rows ? a.top : a.left; i <= (rows ? a.bottom : a.right); i++) seen.add(i);
        return seen;
      };
      if (rowsMixed) {
        if (!areas.length) split(r, u.rowIndex, u.rowCount, true);
        else {
          const seen = shown(true);
          for (let i = u.rowIndex; i < u.rowIndex + u.rowCount; i++)
            if (!seen.has(i)) r.snapshot.hiddenRows.push(i);
        }
      }
      if (columnsMixed) {
        if (!areas.length) split(r, u.columnIndex, u.columnCount, false);
        else {
          const seen = shown(false);
          for (let i = u.columnIndex; i < u.columnIndex + u.columnCount; i++)
            if (!seen.has(i)) r.snapshot.hiddenColumns.push(i);
        }
      }
    }

    // Values (and the formulas of those rows) in blocks; each round trip holds what fits the cap.
    type Block = {
      read: SheetRead;
      start: number;
      rows: number;
      range: Excel.Range | null;
      formulas: { address: string; range: Excel.Range }[];
    };
    const formulasDone = new Set<SheetRead>();
    if (wanted(first.name)) adoptDims(firstRead);
    let othersMerged = true;
    for (;;) {
      // What this round trip changes, to plan it again if it fails.
      const saved = live.map((r) => ({ r, next: r.next, areas: r.formulaAreas }));
      const savedDone = new Set(formulasDone);
      const savedWaiting = waiting.slice();
      const dims = !othersQueued && others.length > 0;
      if (dims) rest = queueOthers(othersMerged);
      let budget = READ_BYTES;
      const blocks: Block[] = [];
      for (const r of live) {
        const rowCount = r.used.rowCount;
        while (r.next < rowCount && (budget > r.rowBytes || !blocks.length)) {
          const rows = Math.max(1, Math.min(rowCount - r.next, Math.floor(budget / r.rowBytes)));
          const range = r.ws.getRangeByIndexes(
            r.used.rowIndex + r.next,
            r.used.columnIndex,
            rows,
            r.used.columnCount
          );
          range.load("values");
          blocks.push({ read: r, start: r.next, rows, range, formulas: [] });
          budget -= rows * r.rowBytes;
          r.next += rows;
        }
        // The formulas of the rows read so far (the probe's with the first block).
        if (!formulasDone.has(r) && budget > 0) {
          const upTo = r.used.rowIndex + r.next;
          const block: Block = { read: r, start: 0, rows: 0, range: null, formulas: [] };
          r.formulaAreas = r.formulaAreas.filter((area) => {
            if (area.top >= upTo || budget <= 0) return true;
            const range = r.ws.getRange(area.address);
            range.load("formulas");
            block.formulas.push({ address: area.address, range });
            budget -= cellsOfRanges([area.address]).length * FORMULA_BYTES;
            return false;
          });
          if (block.formulas.length) blocks.push(block);
          if (!r.formulaAreas.length && r.next >= rowCount) formulasDone.add(r);
        }
      }
      queueProbes();
      if (!blocks.length && !probes.length && !dims) break;
      try {
        await context.sync();
      } catch (e) {
        const tooLarge = isResponseTooLarge(e);
        const oneRow = blocks.every((b) => !b.range || b.rows === 1);
        // Rows far longer than those measured so far (long CJK text below short rows): the response
        // was refused and returned nothing. The same rows again, an eighth as many per block.
        // Or more merged areas on another sheet than Excel returns at once (it fails above 512):
        // the same round trip again without them; they are read per block below.
        if (tooLarge ? oneRow : !dims || !othersMerged) throw e;
        for (const x of saved) {
          x.r.next = x.next;
          x.r.formulaAreas = x.areas;
        }
        formulasDone.clear();
        for (const r of savedDone) formulasDone.add(r);
        waiting.length = 0;
        for (const piece of savedWaiting) waiting.push(piece);
        probes = [];
        if (tooLarge) {
          for (const b of blocks)
            if (b.range)
              b.read.rowBytes = Math.max(
                b.read.rowBytes,
                READ_BYTES / Math.max(1, Math.floor(b.rows / 8))
              );
        } else {
          othersMerged = false;
          for (const o of others) mergedLater.add(o.name);
        }
        continue;
      }
      if (dims) {
        othersQueued = true;
        for (const r of rest) adoptDims(r);
      }
      for (const b of blocks) {
        const s = b.read.snapshot;
        if (b.range) {
          const values = b.range.values as CellValue[][];
          values.forEach((line, i) => (s.values[b.start + i] = line));
          // The next block is sized from what these rows measured (long text, CJK).
          b.read.rowBytes = (utf8Length(JSON.stringify(values)) / values.length) * 1.2 + 8;
        }
        for (const f of b.formulas) {
          const start = parseRange(f.address);
          f.range.formulas.forEach((line, i) =>
            line.forEach((v, j) => {
              if (typeof v === "string" && v.startsWith("="))
                s.formulas[a1(start.top + i, start.left + j)] = v;
            })
          );
        }
      }
      settleProbes();
      if (options.onRows) {
        let read = 0;
        let total = 0;
        for (const r of live) {
          read += r.next;
          total += r.used.rowCount;
        }
        options.onRows(read, total);
      }
    }

    // Sheets in the workbook's order, as the list gives them.
    const reads = listed.map((s) =>
      s.name === first.name ? firstRead : rest.find((r) => r.snapshot.name === s.name)!
    );
    mergedLater = new Set([...mergedLater].filter((n) => reads.some((r) => r.snapshot.name === n)));

    // Merged areas that could not come at once: per block of rows, halving a block that fails
    // (before anything else is queued: a failed round trip returns none of its loads).
    if (mergedLater.size)
      await readMergedInBlocks(
        context,
        live.filter((r) => mergedLater.has(r.snapshot.name))
      );

    // Number formats, only of cells that could be dates: a range per row run, the same run in
    // the rows below stacked into it (a long table's date column is one range, not one per row:
    // 52,000 rows were 15.9 MB of request).
    const formats: {
      snapshot: SheetSnapshot;
      row: number;
      left: number;
      right: number;
      rows: number;
      ws: Excel.Worksheet;
    }[] = [];
    for (const r of live) {
      const s = r.snapshot;
      let open: (typeof formats)[number] | null = null;
      s.values.forEach((line, i) => {
        let first = -1;
        let last = -1;
        line.forEach((v, j) => {
          // Our own cells are never a date header (nor a planner's date, while the record holds).
          if (!couldBeDate(v) || isDeferred(r.deferred, s.top + i, s.left + j)) return;
          if (first < 0) first = j;
          last = j;
        });
        if (first < 0) return;
        const row = s.top + i;
        const [left, right] = [s.left + first, s.left + last];
        if (open && open.row + open.rows === row && open.left === left && open.right === right)
          open.rows++;
        else formats.push((open = { snapshot: s, row, left, right, rows: 1, ws: r.ws }));
      });
    }
    const formatRanges = formats.map((f) => {
      const range = f.ws.getRangeByIndexes(f.row, f.left, f.rows, f.right - f.left + 1);
      range.load("numberFormat");
      return range;
    });
    if (formats.length) {
      await context.sync();
      formats.forEach((f, k) => {
        formatRanges[k].numberFormat.forEach((line, i) => {
          const values = f.snapshot.values[f.row + i - f.snapshot.top];
          line.forEach((nf, j) => {
            const v = values[f.left - f.snapshot.left + j];
            if (couldBeDate(v) && nf && nf !== "General")
              f.snapshot.numberFormats[a1(f.row + i, f.left + j)] = nf;
          });
        });
      });
    }
    for (const r of reads) {
      r.snapshot.hiddenRows.sort((a, b) => a - b);
      r.snapshot.hiddenColumns.sort((a, b) => a - b);
    }

    const out = reads.map((r) => r.snapshot);
    for (const r of reads)
      for (const area of owned)
        if (area.sheet === r.snapshot.name && r.deferred?.names.has(area.name))
          area.formulasUnread = true;

    // Cells spilled from our own =PAB.BALANCE hold values only (`formulas` gives the value), so
    // they are recorded as ours here, from the spill range Excel reports (ExcelApi 1.12).
    const anchors: { area: OwnedArea; sheet: SheetSnapshot; spill: Excel.Range }[] = [];
    for (const area of owned) {
      const sheet = out.find((s) => s.name === area.sheet);
      if (!sheet) continue;
      for (const [r, c] of cellsOfRanges(area.ranges)) {
        if (!sheet.formulas[a1(r, c)]?.startsWith("=PAB.BALANCE(")) continue;
        const spill = wb.worksheets
          .getItem(area.sheet)
          .getRangeByIndexes(r, c, 1, 1)
          .getSpillingToRangeOrNullObject();
        spill.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
        anchors.push({ area, sheet, spill });
      }
    }
    if (anchors.length) {
      await context.sync();
      for (const { area, sheet, spill } of anchors) {
        if (spill.isNullObject) continue;
        const cells: [number, number][] = [];
        for (let r = spill.rowIndex; r < spill.rowIndex + spill.rowCount; r++)
          for (let c = spill.columnIndex; c < spill.columnIndex + spill.columnCount; c++)
            if (!sheet.formulas[a1(r, c)]) cells.push([r, c]);
        if (!cells.length) continue;
        owned.push({
          name: `${area.name}.spill`,
          sheet: area.sheet,
          ranges: cells.map(([r, c]) => a1(r, c)),
          hash: hashOf(
            cells,
            cells.map(([r, c]) => contentOf(sheet, r, c))
          ),
        });
      }
    }
    return { name, date1904, sheets: out, ...(owned.length ? { owned } : {}) };
  });
}

/** Excel on the web refused the response (over its 5 MB cap). */
function isResponseTooLarge(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? "";
  return (
    code === "ResponsePayloadSizeLimitExceeded" ||
    /ResponsePayloadSizeLimitExceeded/.test(String((e as Error).message))
  );
}

/** Merged areas per block of rows; a block Excel refuses (too many areas) is halved and read again. */
async function readMergedInBlocks(
  context: Excel.RequestContext,
  reads: { ws: Excel.Worksheet; used: Excel.Range; snapshot: SheetSnapshot }[]
): Promise<void> {
  for (const r of reads) {
    const pending = [{ from: r.used.rowIndex, count: r.used.rowCount }];
    while (pending.length) {
      const block = pending.shift()!;
      const range = r.ws.getRangeByIndexes(
        block.from,
        r.used.columnIndex,
        block.count,
        r.used.columnCount
      );
      const merged = range.getMergedAreasOrNullObject();
      merged.load("isNullObject,areas/items/address");
      try {
        await context.sync();
      } catch (e) {
        if (block.count === 1) throw e;
        const half = Math.ceil(block.count / 2);
        pending.unshift(
          { from: block.from, count: half },
          { from: block.from + half, count: block.count - half }
        );
        continue;
      }
      if (merged.isNullObject) continue;
      for (const a of merged.areas.items) {
        const ref = a.address.slice(a.address.lastIndexOf("!") + 1).replace(/\$/g, "");
        // An area crossing two blocks comes back from both.
        if (!r.snapshot.merged.includes(ref)) r.snapshot.merged.push(ref);
      }
    }
  }
}
