/* global setTimeout, AbortSignal */
import { WritePlan, cellsOfRanges } from "../annotate";
import { PlanRecord, cellRef } from "../layout";
import { Language, Report } from "../report";
import { LeftAlone, WriteStopped, applyWritePlan } from "./applyWritePlan";
import { Projector, projectHere } from "./project";
import { readWorkbookSnapshot } from "./readSnapshot";
import { ExcelRun } from "./run";
import { WorkbookState } from "./workbookState";

export type WriteModeChoice = "live" | "portable" | "side-sheet" | "values";

/** With nothing stored: live where the add-in's functions run (per item where the layout allows), else portable. */
export function defaultWriteMode(customFunctions: boolean): WriteModeChoice {
  return customFunctions ? "live" : "portable";
}

export interface OpenScanResult {
  report: Report;
  mode: WriteModeChoice;
  syncs: number;
  /** The plan records behind the report's items (same order): every figure's cell. */
  records: PlanRecord[];
  /** False when the scan read no plan: then nothing was written to the workbook. */
  wrote: boolean;
  /** Request bytes each round trip of the write was estimated at (see ApplyResult). */
  estimates?: number[];
}

export interface ScanProgress {
  phase: "reading" | "projecting" | "writing";
  /** Reading: rows read of the rows to read. Writing: items written of the items to write. */
  done?: number;
  total?: number;
  /** Writing: blocks written so far (each one round trip carrying its items' records). */
  block?: number;
}

export interface OpenScanOptions {
  customFunctions: boolean;
  lang: Language;
  today?: string;
  name?: string;
  /** Only these sheets (default: every visible sheet). Every sheet is still read, for attribute tables. */
  sheets?: string[];
  onProgress?: (progress: ScanProgress) => void;
  /**
   * Aborting stops the scan before it writes, or while writing after the block being written: each
   * block carries the records of its items, so what was written is PAB Watch's (Remove takes it out,
   * a new scan completes it). ScanCancelled says how many items were written.
   */
  signal?: AbortSignal;
  /** Where the pure projection runs (default: here; the pane passes a worker). */
  project?: Projector;
}

/** Lets the pane paint between the stages of a long scan. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ScanCancelled();
}

export class ScanCancelled extends Error {
  /** Null: nothing was written. Otherwise the items written (with their records) of those to write. */
  readonly written: { items: number; total: number } | null;
  constructor(written: { items: number; total: number } | null = null) {
    super(
      written
        ? `The scan was cancelled while writing: ${written.items} of ${written.total} items were written`
        : "The scan was cancelled: nothing was written"
    );
    this.name = "ScanCancelled";
    this.written = written;
  }
}

/** The pane's "Scan sheet": read, project, annotate in the chosen (or default) mode, report. */
export async function scanOpenWorkbook(
  run: ExcelRun,
  state: WorkbookState,
  options: OpenScanOptions
): Promise<OpenScanResult> {
  const mode = state.writeMode ?? defaultWriteMode(options.customFunctions);
  options.onProgress?.({ phase: "reading" });
  // Our own formulas are not read back: the write's re-read confirms them (deferOwnedFormulas).
  const snapshot = await readWorkbookSnapshot(run, options.name ?? "workbook", {
    deferOwnedFormulas: true,
    onRows: (done, total) => {
      options.onProgress?.({ phase: "reading", done, total });
      checkAborted(options.signal);
    },
  });
  checkAborted(options.signal);
  options.onProgress?.({ phase: "projecting" });
  await breathe();
  const project = options.project ?? projectHere;
  const { report, records, plan } = await project(snapshot, {
    state,
    live: mode === "live",
    lang: options.lang,
    today: options.today ?? null,
    sheets: options.sheets,
  });
  checkAborted(options.signal);
  // A scan that read no plan writes nothing: no empty "PAB Watch" sheet, nothing to remove.
  if (!report.items.length) return { report, mode, syncs: 0, records, wrote: false, estimates: [] };
  options.onProgress?.({ phase: "writing" });
  await breathe();
  const applied = await applyWritePlan(run, plan, {
    snapshot,
    mode: mode === "values" ? "values" : "portable",
    signal: options.signal,
    onBlock: ({ block, items, total }) =>
      options.onProgress?.({ phase: "writing", done: items, total, block }),
  }).catch((e: Error) => {
    if (e instanceof WriteStopped) throw new ScanCancelled({ items: e.items, total: e.total });
    throw e;
  });
  reportLeftAlone(report, plan, applied.leftAlone);
  return {
    report,
    mode,
    syncs: applied.syncs,
    records,
    wrote: true,
    estimates: applied.estimates,
  };
}

/**
 * Items the write left as the planner has them (a cell of theirs changed since the read, or no longer
 * holding what PAB Watch wrote): said in the report, naming the cell, and no PAB cells listed for them.
 */
function reportLeftAlone(report: Report, plan: WritePlan, leftAlone: LeftAlone[]): void {
  for (const left of leftAlone) {
    const record = plan.owned.find((o) => o.name === left.name);
    const cells = new Set(
      record ? cellsOfRanges(record.ranges).map(([r, c]) => cellRef(record.sheet, r, c)) : []
    );
    const items = report.items.filter((i) => i.pabCells.some((c) => cells.has(c)));
    const cell = cellRef(left.sheet, left.row, left.column);
    const holds = left.holds.replace(/[\r\n\u202a-\u202e\u2066-\u2069]+/g, " ");
    const shown = holds.length > 60 ? `${holds.slice(0, 57)}…` : holds;
    for (const item of items.length ? items : [null]) {
      if (item) item.pabCells = [];
      const whose = item ? `${item.item}'s PAB` : "the cells of this area";
      report.diagnostics.push({
        severity: "warning",
        code: "cell-in-the-way",
        cell,
        item: item?.item ?? null,
        message: `${cell} holds "${shown}", which PAB Watch did not write or which changed after the sheet was read; ${whose} is not written, and nothing of yours is changed`,
      });
    }
  }
}
