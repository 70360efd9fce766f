import { ExcelRun } from "./run";

/**
 * One JSON value kept in the workbook's settings (so it travels with the file), under a key of
 * PAB Watch's own; the caller checks what it reads back, as a colleague's copy may hold anything.
 */
export async function loadSetting(run: ExcelRun, key: string): Promise<unknown> {
  return run(async (context) => {
    const item = context.workbook.settings.getItemOrNullObject(key);
    item.load("value");
    await context.sync();
    return item.isNullObject ? null : item.value;
  });
}

export async function saveSetting(run: ExcelRun, key: string, value: unknown): Promise<void> {
  await run(async (context) => {
    context.workbook.settings.add(key, value as never);
    await context.sync();
  });
}
