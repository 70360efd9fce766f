import { ExcelRun } from "./run";

/** "MPS!B5", "'Weekly plan'!B5:I5" → the sheet and the address on it; null when it names no sheet. */
function splitAddress(address: string): { sheet: string; ref: string } | null {
  const bang = address.lastIndexOf("!");
  if (bang <= 0) return null;
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  const ref = address.slice(bang + 1).replace(/\$/g, "");
  return /^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/i.test(ref) ? { sheet, ref } : null;
}

/**
 * Shows cells to the planner: activates their sheet and selects them (the ones on the first
 * address's sheet; Excel selects on one sheet at a time). Addresses that are not cell references
 * are refused, never passed on.
 */
export async function selectCells(run: ExcelRun, addresses: string[]): Promise<void> {
  const parts = addresses.map(splitAddress);
  const bad = addresses.find((_a, i) => parts[i] === null);
  if (bad !== undefined) throw new Error(`${bad} is not a cell address`);
  const first = parts[0];
  if (!first) return;
  const refs = parts.filter((p) => p!.sheet === first.sheet).map((p) => p!.ref);
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(first.sheet);
    ws.activate();
    if (refs.length === 1) ws.getRange(refs[0]).select();
    else ws.getRanges(refs.join(",")).select();
    await context.sync();
  });
}

/** The address of the planner's selection (its first area), with the sheet: "MPS!B5:I5". */
export async function selectedAddress(run: ExcelRun): Promise<string> {
  return run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load("address");
    await context.sync();
    return range.address;
  });
}

/** The name of the sheet the planner is looking at. */
export async function activeSheetName(run: ExcelRun): Promise<string> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getActiveWorksheet();
    ws.load("name");
    await context.sync();
    return ws.name;
  });
}
