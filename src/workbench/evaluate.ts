import { AlwaysSparse, HyperFormula, RawCellContent } from "hyperformula";
import { parseA1Ref, tokenize } from "@borgar/fx";
import { CellRange } from "../layout/address";
import { FakeCell, FakeSheet, FakeWorkbookModel, ruleFormulaAt } from "../excel/fake/model";
import { registerPabFunctions } from "./pabPlugin";

export interface ShownCell {
  text: string;
  fill?: string;
  color?: string;
  bold?: boolean;
  border?: string;
  /** The name of the PAB Watch record covering this cell, shown on hover. */
  owner?: string;
}

/** The cells on screen: rows top..bottom, columns left..right (0-based, inclusive). */
export type CellWindow = CellRange;

function show(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number")
    return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
  if (typeof v === "object" && "value" in (v as object))
    return String((v as { value: unknown }).value);
  return String(v);
}

/** What HyperFormula is given for a cell: its formula, or its value (text that looks like one stays text). */
function contentOf(c: FakeCell): RawCellContent {
  if (c.formula !== undefined) return c.formula;
  if (c.value === "") return null;
  return typeof c.value === "string" && c.value.startsWith("=") ? `'${c.value}` : c.value;
}

/** Functions whose result can fill more than their own cell (dynamic arrays). */
const SPILLING =
  /\b(PAB\.\w+|TRANSPOSE|MMULT|FILTER|SORT|SORTBY|UNIQUE|SEQUENCE|ARRAYFORMULA|FREQUENCY)\s*\(/i;

const cellKey = (row: number, column: number) => `${row},${column}`;

interface Anchor {
  row: number;
  column: number;
  formula: string;
  /** The cells its result can fill (worked out when first asked); null: cannot be told (any, then). */
  area?: CellRange | null;
}

/** Per sheet and revision: the cells holding a formula that may spill (the anchors of dynamic arrays). */
const anchorCache = new WeakMap<FakeSheet, { revision: number; anchors: Anchor[] }>();

function spillAnchors(model: FakeWorkbookModel, sheet: FakeSheet): Anchor[] {
  const hit = anchorCache.get(sheet);
  if (hit && hit.revision === model.revision) return hit.anchors;
  const anchors: Anchor[] = [];
  for (const [row, column, c] of sheet.cells.cells())
    if (c.formula && SPILLING.test(c.formula)) anchors.push({ row, column, formula: c.formula });
  anchorCache.set(sheet, { revision: model.revision, anchors });
  return anchors;
}

/**
 * Where a =PAB.* result goes, as the workbench's engine sizes it (pabPlugin): along its orders range
 * (the second reference), a row across, a column down; SHORTAGE fills two cells of a row.
 */
function spillArea(
  model: FakeWorkbookModel,
  sheet: FakeSheet,
  row: number,
  column: number,
  formula: string
): CellRange | null {
  const fn = /^=?\s*PAB\.(\w+)\s*\(/i.exec(formula)?.[1]?.toUpperCase();
  if (!fn) return null;
  if (fn === "COVER") return { top: row, left: column, bottom: row, right: column };
  if (fn === "SHORTAGE") return { top: row, left: column, bottom: row, right: column + 1 };
  const orders = referencesOf(model, formula, sheet)[1]?.range;
  if (!orders) return null;
  const width = orders.right - orders.left + 1;
  const height = orders.bottom - orders.top + 1;
  return width >= height
    ? { top: row, left: column, bottom: row, right: column + width - 1 }
    : { top: row, left: column, bottom: row + height - 1, right: column };
}

/**
 * The cells a formula reads, as (sheet, range) pairs; whole rows and columns end where the sheet's
 * data ends. Names and references to other workbooks are left out (the formula engine reports them).
 */
function referencesOf(
  model: FakeWorkbookModel,
  formula: string,
  own: FakeSheet
): { sheet: FakeSheet; range: CellRange }[] {
  const out: { sheet: FakeSheet; range: CellRange }[] = [];
  let tokens: { type: string; value: string }[];
  try {
    tokens = tokenize(formula, { mergeRefs: true }) as { type: string; value: string }[];
  } catch {
    return out;
  }
  for (const t of tokens) {
    if (t.type !== "range" && t.type !== "range_beam") continue;
    const ref = parseA1Ref(t.value);
    if (!ref || !("range" in ref) || !ref.range) continue;
    const context = ref.context ?? [];
    if (context.length > 1) continue;
    const sheet = context.length ? model.sheet(context[0]) : own;
    if (!sheet) continue;
    const used = model.usedRange(sheet);
    if (!used) continue;
    const r = ref.range;
    out.push({
      sheet,
      range: {
        top: r.top ?? used.top,
        left: r.left ?? used.left,
        bottom: r.bottom ?? used.bottom,
        right: r.right ?? used.right,
      },
    });
  }
  return out;
}

/**
 * The cells that decide what a window shows: the window's own cells, every cell a formula there
 * (or a conditional-format rule on it, or a dynamic array spilling into it) reads, and so on down.
 */
class Closure {
  readonly cells = new Map<
    FakeSheet,
    Map<string, { row: number; column: number; cell: FakeCell }>
  >();
  private readonly queue: { sheet: FakeSheet; formula: string }[] = [];
  formulas = 0;

  constructor(private readonly model: FakeWorkbookModel) {}

  add(sheet: FakeSheet, row: number, column: number, cell: FakeCell | undefined): void {
    if (!cell) return;
    let mine = this.cells.get(sheet);
    if (!mine) this.cells.set(sheet, (mine = new Map()));
    const k = cellKey(row, column);
    if (mine.has(k)) return;
    mine.set(k, { row, column, cell });
    if (cell.formula) {
      this.formulas++;
      this.queue.push({ sheet, formula: cell.formula });
    }
  }

  /** A formula evaluated outside any cell (a conditional-format rule): what it reads is needed. */
  need(sheet: FakeSheet, formula: string): void {
    this.queue.push({ sheet, formula });
  }

  close(): void {
    for (let next = this.queue.pop(); next; next = this.queue.pop()) {
      for (const { sheet, range } of referencesOf(this.model, next.formula, next.sheet)) {
        for (const [r, c, cell] of sheet.cells.within(
          range.top,
          range.left,
          range.bottom,
          range.right
        ))
          this.add(sheet, r, c, cell);
      }
    }
  }
}

/** The formula with each reference that names no sheet given `sheet` ("C8" → "'MPS'!C8"). */
function qualified(formula: string, sheet: string): string {
  let tokens: { type: string; value: string }[];
  try {
    tokens = tokenize(formula, { mergeRefs: true }) as { type: string; value: string }[];
  } catch {
    return formula;
  }
  const prefix = `'${sheet.replace(/'/g, "''")}'!`;
  return tokens
    .map((t) =>
      (t.type === "range" || t.type === "range_beam") && !t.value.includes("!")
        ? prefix + t.value
        : t.value
    )
    .join("");
}

const intersect = (a: CellRange, b: CellRange): CellRange | null => {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
};

/**
 * What Excel would show in a window of one sheet: its formulas evaluated (HyperFormula, a test peer
 * here, never in the add-in) and the conditional-format rules on its cells applied. Only the cells
 * the window depends on are given to the formula engine, so a sheet of a million cells costs what
 * one screen of it costs; a window without formulas or rules needs no engine at all.
 */
export function shownWindow(
  model: FakeWorkbookModel,
  sheetName: string,
  window: CellWindow
): Map<string, ShownCell> {
  const shown = new Map<string, ShownCell>();
  const sheet = model.sheet(sheetName);
  if (!sheet) return shown;
  const closure = new Closure(model);
  for (const [r, c, cell] of sheet.cells.within(
    window.top,
    window.left,
    window.bottom,
    window.right
  ))
    closure.add(sheet, r, c, cell);
  for (const anchor of spillAnchors(model, sheet)) {
    const { row, column } = anchor;
    // Only an anchor above and left of the window's far corner can spill into it.
    if (row > window.bottom || column > window.right) continue;
    if (anchor.area === undefined)
      anchor.area = spillArea(model, sheet, row, column, anchor.formula);
    const area = anchor.area;
    const reaches = area
      ? intersect(area, window) !== null
      : row <= window.bottom && column <= window.right;
    if (reaches) closure.add(sheet, row, column, model.cell(sheet, row, column));
  }
  const rules: {
    row: number;
    column: number;
    formula: string;
    format: ShownFormat;
    rule: number;
  }[] = [];
  for (const [ruleIndex, cf] of sheet.conditionalFormats.entries())
    for (const range of cf.ranges) {
      const part = intersect(range, window);
      if (!part) continue;
      for (let r = part.top; r <= part.bottom; r++)
        for (let c = part.left; c <= part.right; c++) {
          const formula = ruleFormulaAt(cf, r, c);
          rules.push({ row: r, column: c, formula, format: cf.format, rule: ruleIndex });
          closure.need(sheet, formula);
        }
    }
  closure.close();

  if (closure.formulas === 0 && rules.length === 0) {
    for (const [k, { cell }] of closure.cells.get(sheet) ?? [])
      if (cell.value !== "") shown.set(k, { text: show(cell.value) });
  } else {
    registerPabFunctions();
    // Each rule's formulas go on a scratch sheet of its own, at the cell they are about (so the
    // engine parses a rule once: its references keep their offsets), naming the sheet they read.
    let scratch = "PAB Watch workbench rules";
    while (model.sheets.some((x) => x.name.startsWith(scratch))) scratch += " ";
    const scratchOf = (k: number) => `${scratch} ${k}`;
    const sheets: Record<string, RawCellContent[][]> = {};
    const put = (name: string, row: number, col: number, content: RawCellContent) => {
      const rows = (sheets[name] ??= []);
      for (let r = rows.length; r <= row; r++) rows.push([]);
      const line = rows[row];
      for (let c = line.length; c < col; c++) line.push(null);
      line[col] = content;
    };
    for (const s of model.sheets) sheets[s.name] = [];
    for (const [s, cells] of closure.cells)
      for (const { row, column, cell } of cells.values()) put(s.name, row, column, contentOf(cell));
    for (const rule of rules)
      put(scratchOf(rule.rule), rule.row, rule.column, qualified(`=${rule.formula}`, sheet.name));
    // Built at once and thrown away: no undo history (adding cells one by one costs more in it than the evaluation).
    const hf = HyperFormula.buildFromSheets(sheets, {
      licenseKey: "gpl-v3",
      chooseAddressMappingPolicy: new AlwaysSparse(),
      undoLimit: 0,
    });
    try {
      const id = hf.getSheetId(sheet.name) as number;
      for (let r = window.top; r <= window.bottom; r++)
        for (let c = window.left; c <= window.right; c++) {
          const v = hf.getCellValue({ sheet: id, row: r, col: c });
          if (v !== null && v !== "") shown.set(cellKey(r, c), { text: show(v) });
        }
      for (const rule of rules) {
        const at = {
          sheet: hf.getSheetId(scratchOf(rule.rule)) as number,
          row: rule.row,
          col: rule.column,
        };
        if (hf.getCellValue(at) !== true) continue;
        const k = cellKey(rule.row, rule.column);
        const cell = shown.get(k) ?? { text: "" };
        const symbol = /"\s*([▼▽◆])"/.exec(rule.format.numberFormat ?? "")?.[1];
        shown.set(k, {
          ...cell,
          text:
            symbol && cell.text && !cell.text.endsWith(symbol)
              ? `${cell.text} ${symbol}`
              : cell.text,
          fill: rule.format.fill ?? cell.fill,
          color: rule.format.fontColor ?? cell.color,
          bold: rule.format.bold ?? cell.bold,
          border: rule.format.border ?? cell.border,
        });
      }
    } finally {
      hf.destroy();
    }
  }

  for (const n of model.names) {
    if (n.sheet !== sheet.name) continue;
    for (const range of n.ranges) {
      const part = intersect(range, window);
      if (!part) continue;
      for (let r = part.top; r <= part.bottom; r++)
        for (let c = part.left; c <= part.right; c++) {
          const k = cellKey(r, c);
          shown.set(k, { ...(shown.get(k) ?? { text: "" }), owner: n.name });
        }
    }
  }
  return shown;
}

type ShownFormat = FakeSheet["conditionalFormats"][number]["format"];
