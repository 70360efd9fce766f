import { columnIndex, columnName } from "../layout/address";

/**
 * A shared formula as it reads in a cell `rows` down and `columns` right of its master: relative
 * references move, $-anchored parts stay, text in quotes is left alone.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (!rows && !columns) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(^|[^A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
            (_m, pre: string, colAbs: string, col: string, rowAbs: string, row: string) => {
              const c = colAbs ? col : columnName(columnIndex(col) + columns);
              const r = rowAbs ? row : String(Number(row) + rows);
              return `${pre}${colAbs}${c}${rowAbs}${r}`;
            }
          )
    )
    .join("");
}
