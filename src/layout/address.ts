import { packedMap } from "./arrays";

/** A1 addresses; rows and columns are 0-based inside the code, 1-based and lettered for people. */

/** Letters of the columns asked for so far (a sheet has at most 16,384). */
const columnNames = new Array<string | undefined>(16384);

export function columnName(column: number): string {
  const known = columnNames[column];
  if (known !== undefined) return known;
  let name = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  if (column >= 0 && column < 16384 && Number.isInteger(column)) columnNames[column] = name;
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

/** A cell by its place: what the pure folders carry from the reader to the write plan. */
export interface CellPos {
  sheet: string;
  /** 0-based. */
  row: number;
  /** 0-based. */
  column: number;
}

/** A position as people, reports and messages read it: MPS!D5, 'Weekly plan'!D5. */
export function refOf(p: CellPos): string {
  return cellRef(p.sheet, p.row, p.column);
}

/**
 * Cells of one sheet by place, two numbers a cell: cell t is (rows[t], columns[t]), 0-based, and
 * -1 in both where there is none. A series of 52 periods costs two small arrays, not 52 objects.
 */
export interface CellList {
  sheet: string;
  rows: number[];
  columns: number[];
}

export function cellList(sheet: string, cells: readonly (CellPos | null)[]): CellList {
  return {
    sheet,
    rows: packedMap(cells, (p) => (p ? p.row : -1)),
    columns: packedMap(cells, (p) => (p ? p.column : -1)),
  };
}

/** Cell t of a list, or null where it has none. */
export function cellOf(list: CellList, t: number): CellPos | null {
  const row = list.rows[t];
  return row === undefined || row < 0 ? null : { sheet: list.sheet, row, column: list.columns[t] };
}

/** A list as A1 text, "" where it has no cell. */
export function refsOf(list: CellList): string[] {
  return packedMap(list.rows, (row, t) =>
    row < 0 ? "" : cellRef(list.sheet, row, list.columns[t])
  );
}

/** "MPS!B5" or "'Weekly plan'!B5" → its place (a figure's one cell, read back where a formula needs it). */
export function cellPos(ref: string): CellPos {
  const bang = ref.lastIndexOf("!");
  const sheet = ref
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return { sheet, ...parseA1(ref.slice(bang + 1)) };
}
