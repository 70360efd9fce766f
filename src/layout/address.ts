/** A1 addresses; rows and columns are 0-based inside the code, 1-based and lettered for people. */

export function columnName(column: number): string {
  let name = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(row: number, column: number): string {
  return `${columnName(column)}${row + 1}`;
}

export function parseA1(address: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address);
  if (!m) throw new Error(`not an A1 cell address: ${address}`);
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]) };
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRange(ref: string): CellRange {
  const [from, to = from] = ref.split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/** The sheet name as a formula or report writes it: quoted when it is not a plain word. */
export function sheetPrefix(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) &&
    !/^[A-Za-z]{1,3}\d+$/.test(sheet) &&
    !/^r\d*c\d*$/i.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/** MPS!D5, 'Weekly plan'!D5 */
export function cellRef(sheet: string, row: number, column: number): string {
  return `${sheetPrefix(sheet)}!${a1(row, column)}`;
}
