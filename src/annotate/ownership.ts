import { SheetSnapshot, WorkbookSnapshot, a1, cellAt, parseRange } from "../layout";
import { CellWrite, PabRun } from "./writePlan";
import { relativeFormPieces } from "../layout/formulaRefs";
import { formulaClass, runFormula } from "./pabRun";
import { Fingerprint } from "./refs";

/** What a cell holds, as one string: its formula ("=…") or its value. */
export function contentOf(sheet: SheetSnapshot, row: number, column: number): string {
  if (hasFormulas(sheet)) {
    const f = sheet.formulas[a1(row, column)];
    if (f !== undefined) return f;
  }
  const v = cellAt(sheet, row, column);
  return typeof v === "string" ? v : String(v);
}

const formulaSheets = new WeakMap<SheetSnapshot, boolean>();
function hasFormulas(sheet: SheetSnapshot): boolean {
  let has = formulaSheets.get(sheet);
  if (has === undefined) formulaSheets.set(sheet, (has = Object.keys(sheet.formulas).length > 0));
  return has;
}

/** What a write puts in a cell, in the same form. */
export function intendedContent(w: CellWrite): string {
  return w.formula !== undefined ? `=${w.formula}` : (w.text ?? "");
}

export function cellsOfRanges(ranges: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const ref of ranges) {
    const r = parseRange(ref);
    for (let row = r.top; row <= r.bottom; row++)
      for (let c = r.left; c <= r.right; c++) out.push([row, c]);
  }
  return out;
}

/**
 * Fingerprint of cells' contents, formulas taken relative to their own cell, so the record still
 * matches after the planner inserts rows above (Excel moves the names and rewrites the references).
 */
export function hashOf(cells: [number, number][], contents: string[]): string {
  const f = new Fingerprint();
  contents.forEach((c, i) => addContent(f, c, cells[i][0], cells[i][1]));
  return f.hex();
}

/** One cell's content as hashOf takes it: a formula relative to its cell, anything else as it is. */
export function addContent(f: Fingerprint, content: string, row: number, column: number): void {
  if (content.startsWith("=")) addRelative(f, content, row, column);
  else f.add(content);
  f.endPart();
}

/** What a write puts in its cell, as addContent takes it, without making the "=…" text. */
export function addIntended(f: Fingerprint, w: CellWrite): void {
  if (w.formula === undefined) return addContent(f, w.text ?? "", w.row, w.column);
  f.add("=");
  addRelative(f, w.formula, w.row, w.column);
  f.endPart();
}

/**
 * Cell t of a run as addIntended takes it. Every period of a formula class reads the same relative
 * to its cell, so each class's relative form is made once (in `forms`, by class) and fed as text.
 */
export function addIntendedRun(f: Fingerprint, run: PabRun, t: number, forms: string[]): void {
  const k = formulaClass(run, t);
  const form = (forms[k] ??= flatRelativeForm(runFormula(run, t), run.row, run.column + t));
  f.add("=");
  f.add(form);
  f.endPart();
}

/** relativeForm as one flat string (read char by char for every cell of its class). */
function flatRelativeForm(formula: string, row: number, column: number): string {
  const pieces: string[] = [];
  relativeFormPieces(
    formula,
    row,
    column,
    (from, to) => pieces.push(formula.slice(from, to)),
    (rows, columns) => pieces.push(`R[${rows}]C[${columns}]`)
  );
  return pieces.join("");
}

function addRelative(f: Fingerprint, formula: string, row: number, column: number): void {
  relativeFormPieces(
    formula,
    row,
    column,
    (from, to) => f.add(formula, from, to),
    (rows, columns) => {
      f.add("R[");
      f.addInteger(rows);
      f.add("]C[");
      f.addInteger(columns);
      f.add("]");
    }
  );
}

/**
 * Cells PAB Watch may overwrite: those in an area an earlier run recorded whose contents are still
 * exactly what it wrote there (the hash matches). An area whose formulas the Office.js read left out
 * (`formulasUnread`) counts as ours here; the write confirms it by its re-read before touching it.
 */
export class Ownership {
  private readonly ours = new Set<string>();

  constructor(workbook: WorkbookSnapshot) {
    for (const area of workbook.owned ?? []) {
      const sheet = workbook.sheets.find((s) => s.name === area.sheet);
      if (!sheet) continue;
      const cells = cellsOfRanges(area.ranges);
      // Formulas not read: ours by the record, until the write's re-read confirms it (or leaves it).
      if (area.formulasUnread && area.hash !== null) {
        for (const [r, c] of cells) this.ours.add(`${area.sheet}!${r},${c}`);
        continue;
      }
      if (
        area.hash === null ||
        hashOf(
          cells,
          cells.map(([r, c]) => contentOf(sheet, r, c))
        ) !== area.hash
      )
        continue;
      for (const [r, c] of cells) this.ours.add(`${area.sheet}!${r},${c}`);
    }
  }

  owns(sheet: string, row: number, column: number): boolean {
    return this.ours.has(`${sheet}!${row},${column}`);
  }

  /** Free for this write: empty, already holding exactly this, or still holding what we wrote. */
  free(sheet: SheetSnapshot, w: CellWrite): boolean {
    const now = contentOf(sheet, w.row, w.column);
    return now === "" || now === intendedContent(w) || this.owns(sheet.name, w.row, w.column);
  }
}
