/* global Excel, setTimeout, clearTimeout */
import { ExcelRun } from "./run";

export interface FollowOptions {
  /** Quiet time after the last edit before re-scanning. */
  delayMs?: number;
  /** True while PAB Watch itself is writing: those changes never trigger a scan. */
  isOwnWrite: () => boolean;
}

export interface Timers {
  set: (fn: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Calls `fn` once, `ms` after the last of a burst of calls. */
export function debounce(fn: () => void, ms: number, timers: Timers = realTimers): () => void {
  let handle: unknown = null;
  return () => {
    if (handle !== null) timers.clear(handle);
    handle = timers.set(() => {
      handle = null;
      fn();
    }, ms);
  };
}

/**
 * Follow edits (per workbook, off by default): re-scan when the planner changes cells, debounced,
 * local changes only, never reacting to PAB Watch's own writes. Returns a function that stops it.
 */
export async function followEdits(
  run: ExcelRun,
  rescan: () => void,
  options: FollowOptions,
  timers: Timers = realTimers
): Promise<() => Promise<void>> {
  const later = debounce(rescan, options.delayMs ?? 1500, timers);
  const handler = await run(async (context) => {
    const result = context.workbook.worksheets.onChanged.add(
      async (event: Excel.WorksheetChangedEventArgs) => {
        // Our own writes: events are off while we write, and where Excel tells (ExcelApi 1.14)
        // a change made by this add-in is marked with triggerSource.
        if (event.source !== "Local" || options.isOwnWrite()) return;
        if ((event as { triggerSource?: string }).triggerSource === "ThisLocalAddin") return;
        later();
      }
    );
    await context.sync();
    return result;
  });
  // Handlers are removed through the context that added them.
  return async () => {
    handler.remove();
    await handler.context.sync();
  };
}
