import { a1, parseA1, parseRange } from "../../../src/layout/address";
import { isoToSerial } from "../../../src/layout/dates";
import { CellValue, SheetSnapshot } from "../../../src/layout/snapshot";
import { shiftFormula } from "../../../src/layout/formulaRefs";
import { isTrue, parseXml } from "./xml";

interface SharedFormula {
  row: number;
  column: number;
  text: string;
}

/**
 * One worksheet part → SheetSnapshot, shaped as Office.js reports the used range: numbers,
 * strings, booleans, errors as their text, "" for empty; formulas and non-General formats by address.
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
  const cells = new Map<number, Map<number, CellValue>>();
  const formulas: Record<string, string> = {};
  const numberFormats: Record<string, string> = {};
  const merged: string[] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns: number[] = [];
  const shared = new Map<string, SharedFormula>();

  let row = -1;
  let column = -1;
  let type = "n";
  let style = 0;
  let value: string | null = null;
  let formula: string | null = null;
  let formulaAttrs: Record<string, string> | null = null;
  let text: "v" | "f" | "t" | null = null;
  let inlineText = "";
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -1;
  let maxCol = -1;

  const finishCell = () => {
    const address = a1(row, column);
    let v: CellValue = "";
    if (type === "inlineStr") v = inlineText;
    else if (value !== null) {
      switch (type) {
        case "s":
          v = sharedStrings[Number(value)] ?? "";
          break;
        case "str":
        case "e":
          v = value;
          break;
        case "b":
          v = value === "1" || value === "true";
          break;
        case "d":
          v = isoToSerial(value.slice(0, 10), date1904);
          break;
        default:
          v = Number(value);
      }
    }
    let f: string | null = formula;
    if (formulaAttrs?.t === "shared" && formulaAttrs.si !== undefined) {
      const master = shared.get(formulaAttrs.si);
      if (f) shared.set(formulaAttrs.si, { row, column, text: f });
      else if (master) f = shiftFormula(master.text, row - master.row, column - master.column);
    }
    if (f) formulas[address] = `=${f}`;
    if (f && value === null && type !== "inlineStr")
      uncached?.push({
        row,
        column,
        array: formulaAttrs?.t === "array" ? formulaAttrs.ref : undefined,
      });
    const format = styleFormats[style];
    if (format && format !== "General" && (v !== "" || f)) numberFormats[address] = format;
    if (v !== "" || f) {
      let r = cells.get(row);
      if (!r) cells.set(row, (r = new Map()));
      r.set(column, v);
      if (row < minRow) minRow = row;
      if (row > maxRow) maxRow = row;
      if (column < minCol) minCol = column;
      if (column > maxCol) maxCol = column;
    }
  };

  parseXml(xml, {
    open: (tag, a) => {
      switch (tag) {
        case "row":
          row = a.r ? Number(a.r) - 1 : row + 1;
          column = -1;
          if (isTrue(a.hidden)) hiddenRows.push(row);
          break;
        case "c":
          if (a.r) ({ row, column } = parseA1(a.r));
          else column += 1;
          type = a.t ?? "n";
          style = Number(a.s ?? 0);
          value = null;
          formula = null;
          formulaAttrs = null;
          inlineText = "";
          break;
        case "v":
          text = "v";
          value = "";
          break;
        case "f":
          text = "f";
          formula = "";
          formulaAttrs = a;
          break;
        case "t":
          if (type === "inlineStr") text = "t";
          break;
        case "rPh":
          text = null;
          break;
        case "col":
          if (isTrue(a.hidden))
            for (let c = Number(a.min) - 1; c <= Number(a.max) - 1 && c < 16384; c++)
              hiddenColumns.push(c);
          break;
        case "mergeCell":
          if (a.ref) merged.push(a.ref);
          break;
      }
    },
    close: (tag) => {
      if (tag === "c") finishCell();
      else if (tag === "v" || tag === "f" || tag === "t") text = null;
    },
    text: (t) => {
      if (text === "v") value += t;
      else if (text === "f") formula += t;
      else if (text === "t") inlineText += t;
    },
  });

  if (formulaAttrsEmpty(formulas) && maxRow < 0) {
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
  const values: CellValue[][] = [];
  for (let r = minRow; r <= maxRow; r++) {
    const line = new Array<CellValue>(maxCol - minCol + 1).fill("");
    const source = cells.get(r);
    if (source) for (const [c, v] of source) line[c - minCol] = v;
    values.push(line);
  }
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

function formulaAttrsEmpty(formulas: Record<string, string>): boolean {
  for (const _ in formulas) return false;
  return true;
}
