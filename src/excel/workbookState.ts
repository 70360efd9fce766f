import { LayoutMapping } from "../layout";
import { parseLayoutMapping } from "../layout/mappingInput";
import { ExcelRun } from "./run";

/**
 * What PAB Watch remembers per workbook (in the workbook's own settings, so it travels with the file):
 * the write mode, the start date of period 1, the demand time fence, mapping overrides, and whether
 * to follow edits. Contacts are per user and never stored here: planners send workbooks to customers.
 */
export interface WorkbookState {
  writeMode: "live" | "portable" | "side-sheet" | "values" | null;
  startDate: string | null;
  fence: number;
  mapping: LayoutMapping | null;
  followEdits: boolean;
}

export const DEFAULT_STATE: WorkbookState = {
  writeMode: null,
  startDate: null,
  fence: 0,
  mapping: null,
  followEdits: false,
};
const KEY = "PABWatch.state";
/** The settings key the state is kept under (the workbench's save reads it from the fake). */
export const STATE_KEY = KEY;

/** A stored state as it may come back (old, hand-edited): what is not valid falls back to the default. */
export function parseWorkbookState(value: unknown): WorkbookState {
  return sanitize(value);
}

/** A stored mapping as the reader takes it; one that no longer checks out (edited by hand) is dropped. */
function checkedMapping(value: unknown): LayoutMapping | null {
  if (!value || typeof value !== "object") return null;
  try {
    return parseLayoutMapping(value);
  } catch {
    return null;
  }
}

function sanitize(value: unknown): WorkbookState {
  const v = (value ?? {}) as Partial<WorkbookState>;
  return {
    writeMode: ["live", "portable", "side-sheet", "values"].includes(v.writeMode as string)
      ? (v.writeMode as WorkbookState["writeMode"])
      : null,
    startDate:
      typeof v.startDate === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.startDate)
        ? v.startDate
        : null,
    fence: Number.isInteger(v.fence) && (v.fence as number) >= 0 ? (v.fence as number) : 0,
    mapping: checkedMapping(v.mapping),
    followEdits: v.followEdits === true,
  };
}

export async function loadWorkbookState(run: ExcelRun): Promise<WorkbookState> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(KEY);
    item.load("value");
    await context.sync();
    return item.isNullObject ? { ...DEFAULT_STATE } : sanitize(item.value);
  });
}

export async function saveWorkbookState(run: ExcelRun, state: WorkbookState): Promise<void> {
  await run(async (context) => {
    context.workbook.settings.add(KEY, sanitize(state));
    await context.sync();
  });
}
