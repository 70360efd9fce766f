import { columnIndex, columnName } from "./address";

const REF = /(^|[^A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

function mapRefs(
  formula: string,
  f: (column: number, row: number, colAbs: string, rowAbs: string) => string
): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            REF,
            (_m, pre: string, colAbs: string, col: string, rowAbs: string, row: string) => {
              return `${pre}${f(columnIndex(col), Number(row) - 1, colAbs, rowAbs)}`;
            }
          )
    )
    .join("");
}

/**
 * A shared formula as it reads in a cell `rows` down and `columns` right of its master: relative
 * references move, $-anchored parts stay, text in quotes is left alone.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (!rows && !columns) return formula;
  return mapRefs(
    formula,
    (c, r, colAbs, rowAbs) =>
      `${colAbs}${columnName(colAbs ? c : c + columns)}${rowAbs}${rowAbs ? r + 1 : r + rows + 1}`
  );
}

/** References as offsets from the cell (R[-2]C[0]), $ or not: what stays the same when rows move together. */
export function relativeForm(formula: string, row: number, column: number): string {
  return mapRefs(formula, (c, r) => `R[${r - row}]C[${c - column}]`);
}

/** What Excel does to a formula's references when `count` rows are inserted at `at` (0-based). */
export function insertRowsInFormula(formula: string, at: number, count: number): string {
  return mapRefs(
    formula,
    (c, r, colAbs, rowAbs) => `${colAbs}${columnName(c)}${rowAbs}${r >= at ? r + count + 1 : r + 1}`
  );
}
