/* global Excel, setTimeout, clearTimeout */
import { ExcelRun } from "./run";

/** Cells the planner changed: the sheet's name and the address within it ("B5:C7"). */
export interface EditedRange {
  sheet: string;
  address: string;
}

/** Excel.run on a context that exists already (an event handler's), as Office.js asks for removing it. */
export type ExcelRunIn = <T>(
  context: Excel.RequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>
) => Promise<T>;

export const officeExcelRunIn: ExcelRunIn = (context, batch) =>
  Excel.run(context, batch as (c: Excel.RequestContext) => Promise<never>);

export interface FollowOptions {
  /** Quiet time after the last edit before telling (the planner may still be typing). */
  delayMs?: number;
  /** True while PAB Watch itself is writing: those changes never count. */
  isOwnWrite?: () => boolean;
}

export interface Timers {
  set: (fn: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Calls `fn` once, `ms` after the last of a burst of calls; `cancel` drops a pending call. */
export function debounce(
  fn: () => void,
  ms: number,
  timers: Timers = realTimers
): (() => void) & { cancel: () => void } {
  let handle: unknown = null;
  const call = () => {
    if (handle !== null) timers.clear(handle);
    handle = timers.set(() => {
      handle = null;
      fn();
    }, ms);
  };
  return Object.assign(call, {
    cancel: () => {
      if (handle !== null) timers.clear(handle);
      handle = null;
    },
  });
}

/**
 * Follow the planner's edits: `onEdits` gets, once the sheet has been quiet for `delayMs`, the ranges
 * the planner changed in this workbook (not remote co-authors' changes, never PAB Watch's own writes:
 * events are off while it writes, and where Excel tells (ExcelApi 1.14) a change this add-in made is
 * marked with triggerSource). The handler itself does no workbook work; the sheets' names are read in
 * a batch of their own. Returns a function that stops following, removing the handler in
 * Excel.run on the context that added it.
 */
export async function followEdits(
  run: ExcelRun,
  runIn: ExcelRunIn,
  onEdits: (edits: EditedRange[]) => void,
  options: FollowOptions = {},
  timers: Timers = realTimers
): Promise<() => Promise<void>> {
  let pending: { worksheetId: string; address: string }[] = [];
  let stopped = false;
  const flush = async () => {
    const batch = pending;
    pending = [];
    if (!batch.length || stopped) return;
    const names = await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/id,items/name");
      await context.sync();
      return new Map(sheets.items.map((s) => [s.id, s.name]));
    });
    const edits = batch.flatMap((e) => {
      const sheet = names.get(e.worksheetId);
      return sheet ? [{ sheet, address: e.address }] : [];
    });
    if (edits.length && !stopped) onEdits(edits);
  };
  const later = debounce(
    () => void flush().catch(() => undefined),
    options.delayMs ?? 1500,
    timers
  );
  const handler = await run(async (context) => {
    const result = context.workbook.worksheets.onChanged.add(
      async (event: Excel.WorksheetChangedEventArgs) => {
        if (event.source !== "Local" || options.isOwnWrite?.()) return;
        if ((event as { triggerSource?: string }).triggerSource === "ThisLocalAddin") return;
        pending.push({ worksheetId: event.worksheetId, address: event.address });
        later();
      }
    );
    await context.sync();
    return result;
  });
  return async () => {
    stopped = true;
    later.cancel();
    await runIn(handler.context as Excel.RequestContext, async (context) => {
      handler.remove();
      await context.sync();
    });
  };
}
