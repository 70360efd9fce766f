import { columnName } from "./address";

interface Reference {
  column: number;
  row: number;
  colAbs: string;
  rowAbs: string;
}

/** A formula cut around its cell references (text in quotes left alone): texts[0] refs[0] texts[1] … */
interface FormulaParts {
  texts: string[];
  refs: Reference[];
}

const QUOTE = 34;
const DOLLAR = 36;

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Characters that may not stand right before a reference (it would be part of a name). */
function joinsBefore(c: number): boolean {
  return isUpper(c) || (c >= 97 && c <= 122) || isDigit(c) || c === 95 || c === 46;
}

/** Characters that may not follow a reference (a longer name, or a function call). */
function joinsAfter(c: number): boolean {
  return isUpper(c) || (c >= 97 && c <= 122) || isDigit(c) || c === 95 || c === 40;
}

/**
 * End of the quoted text starting at `i` ("" inside stands for one quote), or -1 when the quote
 * is never closed; an unclosed run after doubled quotes ends at the last of them.
 */
function quotedEnd(f: string, i: number): number {
  let lastPair = -1;
  let j = i + 1;
  while (j < f.length) {
    if (f.charCodeAt(j) !== QUOTE) j++;
    else if (f.charCodeAt(j + 1) === QUOTE) {
      lastPair = j;
      j += 2;
    } else return j + 1;
  }
  return lastPair < 0 ? -1 : lastPair + 1;
}

/** Called for each reference of a formula: where it stands (start, end) and what it names. */
type RefVisitor = (
  start: number,
  end: number,
  column: number,
  row: number,
  colAbs: string,
  rowAbs: string
) => void;

/**
 * The references of a formula: A1, $A$1, A$1 — not inside quotes, not part of a longer name
 * (`LOG10(`, `Sheet1_x`, `.A1`). One pass over the characters.
 */
function scanRefs(f: string, visit: RefVisitor): void {
  let partStart = 0; // start of the current stretch outside quotes
  let lastEnd = 0; // end of the last reference in this stretch
  const n = f.length;
  for (let j = 0; j < n; j++) {
    const c = f.charCodeAt(j);
    if (c === QUOTE) {
      const end = quotedEnd(f, j);
      if (end >= 0) {
        j = end - 1;
        partStart = lastEnd = end;
        continue;
      }
    }
    if (j !== partStart && (j - 1 < lastEnd || joinsBefore(f.charCodeAt(j - 1)))) continue;
    let k = j;
    const colAbs = f.charCodeAt(k) === DOLLAR ? (k++, "$") : "";
    const lettersStart = k;
    let column = 0;
    while (k < n && isUpper(f.charCodeAt(k)) && k - lettersStart < 4)
      column = column * 26 + (f.charCodeAt(k++) - 64);
    const letters = k - lettersStart;
    if (letters < 1 || letters > 3) continue;
    const rowAbs = f.charCodeAt(k) === DOLLAR ? (k++, "$") : "";
    const digitsStart = k;
    let row = 0;
    while (k < n && isDigit(f.charCodeAt(k))) row = row * 10 + (f.charCodeAt(k++) - 48);
    if (k === digitsStart || (k < n && joinsAfter(f.charCodeAt(k)))) continue;
    if (k - digitsStart > 15) row = Number(f.slice(digitsStart, k));
    visit(j, k, column - 1, row - 1, colAbs, rowAbs);
    lastEnd = k;
    j = k - 1;
  }
}

/** A formula cut around its cell references: texts[0] refs[0] texts[1] … */
function partsOf(f: string): FormulaParts {
  const texts: string[] = [];
  const refs: Reference[] = [];
  let copied = 0; // start of the text not yet in texts
  scanRefs(f, (start, end, column, row, colAbs, rowAbs) => {
    texts.push(f.slice(copied, start));
    refs.push({ column, row, colAbs, rowAbs });
    copied = end;
  });
  texts.push(f.slice(copied));
  return { texts, refs };
}

function joinParts(
  { texts, refs }: FormulaParts,
  f: (column: number, row: number, colAbs: string, rowAbs: string) => string
): string {
  let out = texts[0];
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i];
    out += f(r.column, r.row, r.colAbs, r.rowAbs) + texts[i + 1];
  }
  return out;
}

function mapRefs(
  formula: string,
  f: (column: number, row: number, colAbs: string, rowAbs: string) => string
): string {
  return joinParts(partsOf(formula), f);
}

/** shiftFormula for the many cells of one shared formula: the master's references are found once. */
export function formulaShifter(formula: string): (rows: number, columns: number) => string {
  let parts: FormulaParts | null = null;
  return (rows, columns) => {
    if (!rows && !columns) return formula;
    parts ??= partsOf(formula);
    return joinParts(
      parts,
      (c, r, colAbs, rowAbs) =>
        `${colAbs}${columnName(colAbs ? c : c + columns)}${rowAbs}${rowAbs ? r + 1 : r + rows + 1}`
    );
  };
}

/**
 * A shared formula as it reads in a cell `rows` down and `columns` right of its master: relative
 * references move, $-anchored parts stay, text in quotes is left alone.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  return formulaShifter(formula)(rows, columns);
}

/** References as offsets from the cell (R[-2]C[0]), $ or not: what stays the same when rows move together. */
export function relativeForm(formula: string, row: number, column: number): string {
  return mapRefs(formula, (c, r) => `R[${r - row}]C[${c - column}]`);
}

/**
 * relativeForm handed out in pieces (text of the formula by range, each reference as its offsets),
 * for whoever only reads it through once, such as a fingerprint: nothing is built.
 */
export function relativeFormPieces(
  formula: string,
  row: number,
  column: number,
  text: (from: number, to: number) => void,
  ref: (rows: number, columns: number) => void
): void {
  let copied = 0;
  scanRefs(formula, (start, end, c, r) => {
    text(copied, start);
    ref(r - row, c - column);
    copied = end;
  });
  text(copied, formula.length);
}

/** What Excel does to a formula's references when `count` rows are inserted at `at` (0-based). */
export function insertRowsInFormula(formula: string, at: number, count: number): string {
  return mapRefs(
    formula,
    (c, r, colAbs, rowAbs) => `${colAbs}${columnName(c)}${rowAbs}${r >= at ? r + count + 1 : r + 1}`
  );
}
