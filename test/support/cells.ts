import { CellValue, WorkbookSnapshot, cellAt, parseA1 } from "../../src/layout";

/** The value at "Sheet!A1" (quoted sheet names too) in a snapshot. */
export function valueAt(snapshot: WorkbookSnapshot, ref: string): CellValue {
  const bang = ref.lastIndexOf("!");
  const name = ref
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const { row, column } = parseA1(ref.slice(bang + 1));
  return cellAt(sheet, row, column);
}

export function formulaAt(snapshot: WorkbookSnapshot, ref: string): string | undefined {
  const bang = ref.lastIndexOf("!");
  const name = ref
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return snapshot.sheets.find((s) => s.name === name)?.formulas[ref.slice(bang + 1)];
}
