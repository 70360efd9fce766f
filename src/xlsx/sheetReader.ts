import { a1, parseRange } from "../layout/address";
import { isoToSerial } from "../layout/dates";
import { CellValue, SheetSnapshot } from "../layout/snapshot";
import { formulaShifter } from "../layout/formulaRefs";
import { UnreadableWorkbookError } from "./xlsxPackage";
import { CLOSE, END, OPEN, XmlScanner } from "./xmlScanner";

/** Cell types (the `t` attribute), as small numbers. */
const NUMBER = 0;
const SHARED = 1;
const STR = 2;
const INLINE = 3;
const BOOL = 4;
const ERROR = 5;
const DATE = 6;

/** Which text the scanner is in. */
const NONE = 0;
const VALUE = 1;
const FORMULA = 2;
const INLINE_TEXT = 3;

function typeOf(xml: string, start: number, end: number): number {
  switch (end - start) {
    case 1: {
      const c = xml.charCodeAt(start);
      return c === 115 ? SHARED : c === 98 ? BOOL : c === 101 ? ERROR : c === 100 ? DATE : NUMBER;
    }
    case 3:
      return xml.startsWith("str", start) ? STR : NUMBER;
    case 9:
      return xml.startsWith("inlineStr", start) ? INLINE : NUMBER;
    default:
      return NUMBER;
  }
}

/** Digits only (at most 15, so exact) → their value; anything else → -1. */
function digits(xml: string, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = xml.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Growable columns of numbers (row, column per cell) without an object per cell. */
class IntColumn {
  data = new Int32Array(4096);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
}

interface SharedFormula {
  row: number;
  column: number;
  shift: (rows: number, columns: number) => string;
}

/**
 * One worksheet part → SheetSnapshot, shaped as Office.js reports the used range: numbers,
 * strings, booleans, errors as their text, "" for empty; formulas and non-General formats by address.
 * One pass over the XML text: positions go into typed arrays, A1 addresses are made only for the
 * cells that have a formula or a format, a shared formula's references are found once.
 */
export function readSheet(
  xml: string,
  name: string,
  visible: boolean,
  sharedStrings: string[],
  styleFormats: string[],
  date1904: boolean,
  /** Receives the formula cells that carry no saved value, for evaluateUncachedFormulas. */
  uncached?: { row: number; column: number; array?: string }[]
): SheetSnapshot {
  const what = `the sheet "${name}"`;
  const s = new XmlScanner(xml, what);
  const cellRows = new IntColumn();
  const cellColumns = new IntColumn();
  const cellValues: CellValue[] = [];
  const formulas: Record<string, string> = {};
  const numberFormats: Record<string, string> = {};
  const merged: string[] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns: number[] = [];
  const shared = new Map<string, SharedFormula>();

  let inSheetData = false;
  let row = -1;
  let column = -1;
  let type = NUMBER;
  let style = 0;
  let value: string | null = null;
  /** A number or string index written as digits only (the common case) is read without making a string. */
  let valueDigits = -1;
  let valueAt = -1;
  let valueEnd = -1;
  let formula: string | null = null;
  let sharedIndex: string | null = null;
  /** The range of an array formula (`<f t="array" ref="B2:B9">`). */
  let arrayRef: string | null = null;
  let inlineText = "";
  let text = NONE;
  let phonetic = 0;
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -1;
  let maxCol = -1;

  const badAddress = (start: number, end: number): never => {
    throw new UnreadableWorkbookError(
      `${what} has a cell whose address "${xml.slice(start, end)}" is not an A1 address`
    );
  };

  /** Sets row and column from an A1 address in the text ($ allowed, letters in any case). */
  const readAddress = (start: number, end: number) => {
    let i = start;
    if (xml.charCodeAt(i) === 36) i++;
    let c = 0;
    const lettersStart = i;
    for (; i < end; i++) {
      const ch = xml.charCodeAt(i) | 32; // lower case
      if (ch < 97 || ch > 122) break;
      c = c * 26 + (ch - 96);
    }
    if (i === lettersStart || i - lettersStart > 3) badAddress(start, end);
    if (xml.charCodeAt(i) === 36) i++;
    const r = digits(xml, i, end);
    if (r < 0) badAddress(start, end);
    row = r - 1;
    column = c - 1;
  };

  /** Forgets what the previous cell held, as a new `<c>` starts. */
  const clearCell = () => {
    value = null;
    valueDigits = -1;
    valueAt = -1;
    formula = null;
    sharedIndex = null;
    arrayRef = null;
    inlineText = "";
    text = NONE;
    phonetic = 0;
  };

  const finishCell = () => {
    let v: CellValue = "";
    if (type === INLINE) v = inlineText;
    else if (value !== null) {
      switch (type) {
        case SHARED:
          v = sharedStrings[valueDigits >= 0 ? valueDigits : Number(value)] ?? "";
          break;
        case STR:
        case ERROR:
          v = value;
          break;
        case BOOL:
          v = value === "1" || value === "true";
          break;
        case DATE:
          v = isoToSerial(value.slice(0, 10), date1904);
          break;
        default:
          v = valueDigits >= 0 ? valueDigits : Number(value);
      }
    }
    let f: string | null = formula;
    if (sharedIndex !== null) {
      const master = shared.get(sharedIndex);
      if (f) shared.set(sharedIndex, { row, column, shift: formulaShifter(f) });
      else if (master) f = master.shift(row - master.row, column - master.column);
    }
    if (f) formulas[a1(row, column)] = `=${f}`;
    if (f && value === null && type !== INLINE)
      uncached?.push({ row, column, array: arrayRef ?? undefined });
    const format = styleFormats[style];
    if (format && format !== "General" && (v !== "" || f)) numberFormats[a1(row, column)] = format;
    if (v !== "" || f) {
      cellRows.push(row);
      cellColumns.push(column);
      cellValues.push(v);
      if (row < minRow) minRow = row;
      if (row > maxRow) maxRow = row;
      if (column < minCol) minCol = column;
      if (column > maxCol) maxCol = column;
    }
  };

  /**
   * A cell as Excel writes most of them, `<c r="B5" s="1" t="s"><v>12</v></c>` or `<c r="B5"
   * s="1"/>`, read straight from the text into the same state the scanner's events give; returns
   * where it ends, or -1 for anything else (a formula, an inline string, entities, other
   * attributes or spacing), which the scanner then reads.
   */
  const n = xml.length;
  const quickCell = (p: number): number => {
    let i = p + 3; // after "<c "
    let rStart = -1;
    let rEnd = -1;
    let sStart = -1;
    let sEnd = -1;
    let tStart = -1;
    let tEnd = -1;
    let closed = false;
    for (;;) {
      const a = xml.charCodeAt(i);
      if (xml.charCodeAt(i + 1) !== 61 /* = */ || xml.charCodeAt(i + 2) !== 34 /* " */) return -1;
      const start = i + 3;
      let end = start;
      while (end < n && xml.charCodeAt(end) !== 34) end++;
      if (end >= n) return -1;
      if (a === 114 /* r */ && rStart < 0) {
        rStart = start;
        rEnd = end;
      } else if (a === 115 /* s */ && sStart < 0) {
        sStart = start;
        sEnd = end;
      } else if (a === 116 /* t */ && tStart < 0) {
        tStart = start;
        tEnd = end;
      } else return -1;
      i = end + 1;
      const c = xml.charCodeAt(i);
      if (c === 32) {
        i++;
      } else if (c === 62 /* > */) {
        i++;
        break;
      } else if (c === 47 /* / */ && xml.charCodeAt(i + 1) === 62) {
        i += 2;
        closed = true;
        break;
      } else return -1;
    }
    const st = sStart < 0 ? 0 : digits(xml, sStart, sEnd);
    if (st < 0) return -1;
    let textStart = -1;
    let textEnd = -1;
    let after = i;
    if (!closed) {
      if (
        xml.charCodeAt(i) !== 60 ||
        xml.charCodeAt(i + 1) !== 118 /* v */ ||
        xml.charCodeAt(i + 2) !== 62
      )
        return -1;
      textStart = i + 3;
      textEnd = textStart;
      for (; textEnd < n; textEnd++) {
        const ch = xml.charCodeAt(textEnd);
        if (ch === 60 /* < */) break;
        if (ch === 38 /* & */ || ch === 13 /* CR */) return -1;
      }
      if (!xml.startsWith("</v></c>", textEnd)) return -1;
      after = textEnd + 8;
    }
    if (rStart >= 0 && rEnd > rStart) readAddress(rStart, rEnd);
    else column += 1;
    type = tStart >= 0 ? typeOf(xml, tStart, tEnd) : NUMBER;
    style = st;
    clearCell();
    if (!closed) {
      value = "";
      if (textEnd > textStart) {
        if (type === NUMBER || type === SHARED) valueDigits = digits(xml, textStart, textEnd);
        if (valueDigits < 0) value = xml.slice(textStart, textEnd);
      }
    }
    finishCell();
    return after;
  };

  for (;;) {
    if (inSheetData) {
      const p = s.position;
      if (
        xml.charCodeAt(p) === 60 &&
        xml.charCodeAt(p + 1) === 99 &&
        xml.charCodeAt(p + 2) === 32
      ) {
        const after = quickCell(p);
        if (after >= 0) {
          s.skipTo(after);
          continue;
        }
      }
    }
    const kind = s.next();
    if (kind === END) break;
    if (kind === OPEN) {
      if (inSheetData) {
        if (s.is("c")) {
          const r = s.attr("r");
          if (r >= 0 && s.attrEnd(r) > s.attrStart(r)) readAddress(s.attrStart(r), s.attrEnd(r));
          else column += 1;
          const t = s.attr("t");
          type = t >= 0 ? typeOf(xml, s.attrStart(t), s.attrEnd(t)) : NUMBER;
          const st = s.attr("s");
          style = st < 0 ? 0 : digits(xml, s.attrStart(st), s.attrEnd(st));
          if (style < 0) style = Number(s.attrValue(st));
          clearCell();
          if (s.selfClosing) finishCell();
        } else if (s.is("v")) {
          value = "";
          valueDigits = -1;
          valueAt = -1;
          text = s.selfClosing ? NONE : VALUE;
        } else if (s.is("f")) {
          formula = "";
          const t = s.value("t");
          sharedIndex = t === "shared" ? (s.value("si") ?? null) : null;
          arrayRef = t === "array" ? (s.value("ref") ?? null) : null;
          text = s.selfClosing ? NONE : FORMULA;
        } else if (s.is("row")) {
          const r = s.attr("r");
          if (r >= 0 && s.attrEnd(r) > s.attrStart(r)) {
            const n = digits(xml, s.attrStart(r), s.attrEnd(r));
            row = (n >= 0 ? n : Number(s.attrValue(r))) - 1;
          } else row += 1;
          column = -1;
          const h = s.value("hidden");
          if (h === "1" || h === "true") hiddenRows.push(row);
        } else if (s.is("t")) {
          if (type === INLINE && phonetic === 0 && !s.selfClosing) text = INLINE_TEXT;
        } else if (s.is("rPh")) {
          text = NONE;
          if (!s.selfClosing) phonetic++;
        }
      } else if (s.is("sheetData")) {
        inSheetData = !s.selfClosing;
      } else if (s.is("col")) {
        const h = s.value("hidden");
        if (h === "1" || h === "true") {
          const max = Number(s.value("max")) - 1;
          for (let c = Number(s.value("min")) - 1; c <= max && c < 16384; c++)
            hiddenColumns.push(c);
        }
      } else if (s.is("mergeCell")) {
        const ref = s.value("ref");
        if (ref) merged.push(ref);
      }
    } else if (kind === CLOSE) {
      if (!inSheetData) continue;
      if (s.is("c")) finishCell();
      else if (s.is("v") || s.is("f") || s.is("t")) text = NONE;
      else if (s.is("rPh")) phonetic--;
      else if (s.is("sheetData")) inSheetData = false;
    } else if (text === VALUE) {
      if (valueAt < 0 && value === "" && !s.cdata && (type === NUMBER || type === SHARED)) {
        valueDigits = digits(xml, s.textStart, s.textEnd);
        if (valueDigits >= 0) {
          valueAt = s.textStart;
          valueEnd = s.textEnd;
          continue;
        }
      }
      if (valueAt >= 0) {
        value = xml.slice(valueAt, valueEnd);
        valueAt = -1;
        valueDigits = -1;
      }
      value += s.text();
    } else if (text === FORMULA) formula += s.text();
    else if (text === INLINE_TEXT) inlineText += s.text();
  }

  if (maxRow < 0 && isEmpty(formulas)) {
    return {
      name,
      visible,
      top: 0,
      left: 0,
      values: [[""]],
      formulas,
      numberFormats,
      merged,
      hiddenRows,
      hiddenColumns,
    };
  }
  for (const ref of merged) {
    const m = parseRange(ref);
    if (m.top < minRow) minRow = m.top;
    if (m.left < minCol) minCol = m.left;
  }
  const width = maxCol - minCol + 1;
  const values: CellValue[][] = [];
  for (let r = minRow; r <= maxRow; r++) values.push(new Array<CellValue>(width).fill(""));
  const rows = cellRows.data;
  const columns = cellColumns.data;
  for (let i = 0; i < cellValues.length; i++)
    values[rows[i] - minRow][columns[i] - minCol] = cellValues[i];
  return {
    name,
    visible,
    top: minRow,
    left: minCol,
    values,
    formulas,
    numberFormats,
    merged,
    hiddenRows,
    hiddenColumns,
  };
}

function isEmpty(record: Record<string, string>): boolean {
  for (const _ in record) return false;
  return true;
}
