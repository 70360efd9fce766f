import { ExcelRun } from "./run";

/** The workbook setting holding the incidents (so a colleague who opens the file sees them). */
export const INCIDENTS_KEY = "PABWatch.incidents";

/** The incident store as the workbook's settings hold it (unchecked: the incidents folder checks it). */
export async function loadIncidentStore(run: ExcelRun): Promise<unknown> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(INCIDENTS_KEY);
    item.load("value");
    await context.sync();
    return item.isNullObject ? null : item.value;
  });
}

export async function saveIncidentStore(run: ExcelRun, store: unknown): Promise<void> {
  await run(async (context) => {
    context.workbook.settings.add(INCIDENTS_KEY, store);
    await context.sync();
  });
}

/** The values of the user's selection (for importing contacts from a range). */
export async function readSelectionValues(run: ExcelRun): Promise<unknown[][]> {
  return run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load("values");
    await context.sync();
    return range.values;
  });
}
