import { a1, cellRef, parseRange } from "../layout/address";
import { Diagnostic } from "../layout/diagnostics";
import { isErrorValue } from "../layout/quantities";
import {
  CellValue,
  SUMMARY_SHEET,
  WorkbookSnapshot,
  bottomRow,
  cellAt,
  rightColumn,
} from "../layout/snapshot";
import { ParsedFormula, TemplateCache, evaluate, parseFormula } from "./formulas/expression";
import { FormulaError, NotEvaluable, Scalar, isError, scalarOf } from "./formulas/values";

/** A formula cell the file carries without a saved value (files written by scripts, pandas, ERPs). */
export interface UncachedCell {
  sheet: string;
  row: number;
  column: number;
  /** The range of an array formula (CSE or spilled) that this cell is the top-left of. */
  array?: string;
}

/** A defined name of the workbook: global (sheet null) or local to a sheet. */
export interface DefinedName {
  name: string;
  text: string;
  sheet: string | null;
}

interface Node {
  sheet: number;
  row: number;
  column: number;
  formula: string;
  parsed: ParsedFormula | null;
  deps: number[];
  failure: string | null;
  result: Scalar | undefined;
  /** The other cells of a multi-cell array formula: they have no formula of their own. */
  arrayCells: [number, number][];
}

/**
 * Calculates the formulas that have no saved value, in dependency order, over the snapshot, and
 * writes their values where Office.js would report them. A formula it cannot calculate keeps an
 * empty value and is returned as a `formula-not-evaluated` diagnostic naming the cell and the
 * formula, never read as 0 in silence; each sheet with calculated formulas gets one info line.
 */
export function evaluateUncachedFormulas(
  workbook: WorkbookSnapshot,
  uncached: UncachedCell[],
  definedNames: DefinedName[] = []
): Diagnostic[] {
  if (!uncached.length) return [];
  const sheets = workbook.sheets;
  const byName = new Map(sheets.map((s, i) => [s.name.toLowerCase(), i]));
  const bounds = sheets.map((s, index) => ({ index, bottom: bottomRow(s), right: rightColumn(s) }));
  const names = new Map<string, DefinedName[]>();
  for (const d of definedNames) {
    const k = d.name.toLowerCase();
    names.set(k, [...(names.get(k) ?? []), d]);
  }
  const lookup = {
    sheet: (name: string) => {
      const i = byName.get(name.toLowerCase());
      return i === undefined ? null : bounds[i];
    },
    definedName: (name: string, sheet: number) => {
      const all = names.get(name.toLowerCase()) ?? [];
      const own = sheets[sheet].name.toLowerCase();
      const d =
        all.find((x) => x.sheet?.toLowerCase() === own) ?? all.find((x) => x.sheet === null);
      return d ? d.text : null;
    },
  };

  const nodes: Node[] = [];
  // Cells by number (sheet, row, column packed), not by string: there may be a million.
  const at = new Map<number, number>();
  const key = (sheet: number, row: number, column: number) =>
    sheet * 17_179_869_184 + row * 16_384 + column;
  const perSheet: number[][] = sheets.map(() => []);
  for (const u of uncached) {
    const sheet = byName.get(u.sheet.toLowerCase());
    if (sheet === undefined) continue;
    const formula = sheets[sheet].formulas[a1(u.row, u.column)];
    if (!formula) continue;
    const id = nodes.length;
    const node: Node = {
      sheet,
      row: u.row,
      column: u.column,
      formula,
      parsed: null,
      deps: [],
      failure: null,
      result: undefined,
      arrayCells: [],
    };
    nodes.push(node);
    const area = u.array && /^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(u.array) ? parseRange(u.array) : null;
    if (area && (area.bottom > area.top || area.right > area.left)) {
      node.failure = `it is an array formula over ${u.array}, which PAB Watch does not calculate`;
      for (let r = area.top; r <= area.bottom; r++)
        for (let c = area.left; c <= area.right; c++)
          if (r !== u.row || c !== u.column) node.arrayCells.push([r, c]);
    }
    at.set(key(sheet, u.row, u.column), id);
    perSheet[sheet].push(id);
  }

  const templates: TemplateCache = new Map();
  for (const n of nodes) {
    try {
      n.parsed = parseFormula(n.formula, bounds[n.sheet], lookup, n, templates);
    } catch (e) {
      if (!(e instanceof NotEvaluable)) throw e;
      n.failure = e.message;
      continue;
    }
    const deps = new Set<number>();
    for (const a of n.parsed.areas.values()) {
      const area = (a.bottom - a.top + 1) * (a.right - a.left + 1);
      if (area <= perSheet[a.sheet].length) {
        for (let r = a.top; r <= a.bottom; r++)
          for (let c = a.left; c <= a.right; c++) {
            const d = at.get(key(a.sheet, r, c));
            if (d !== undefined) deps.add(d);
          }
      } else {
        for (const d of perSheet[a.sheet]) {
          const m = nodes[d];
          if (m.row >= a.top && m.row <= a.bottom && m.column >= a.left && m.column <= a.right)
            deps.add(d);
        }
      }
    }
    n.deps = [...deps];
  }

  const refOf = (n: Node) => cellRef(sheets[n.sheet].name, n.row, n.column);
  const order = dependencyOrder(nodes, (cycle) => {
    const path = [...cycle, cycle[0]].map((i) => refOf(nodes[i])).join(" → ");
    for (const i of cycle) nodes[i].failure ??= `it is part of a circular reference (${path})`;
  });

  const cell = (sheet: number, row: number, column: number): Scalar => {
    const id = at.get(key(sheet, row, column));
    if (id !== undefined) {
      const n = nodes[id];
      if (n.result === undefined)
        throw new NotEvaluable(`it depends on ${refOf(n)}, which could not be calculated`);
      return n.result;
    }
    const s = sheets[sheet];
    const v = cellAt(s, row, column);
    if (v === "") return s.formulas[a1(row, column)] ? "" : null;
    return typeof v === "string" && isErrorValue(v) ? new FormulaError(v) : v;
  };

  for (const id of order) {
    const n = nodes[id];
    if (n.failure || !n.parsed) continue;
    try {
      const v = scalarOf(evaluate(n.parsed.ast, { parsed: n.parsed, cell }));
      n.result = v === null ? 0 : v;
    } catch (e) {
      if (!(e instanceof NotEvaluable)) throw e;
      n.failure = e.message.startsWith("it uses the range")
        ? `${e.message} (a spilled or implicitly intersected result)`
        : e.message;
      continue;
    }
    const s = sheets[n.sheet];
    s.values[n.row - s.top][n.column - s.left] = valueOf(n.result);
  }

  const diagnostics: Diagnostic[] = [];
  const calculated = new Map<number, Node[]>();
  for (const n of nodes) {
    if (sheets[n.sheet].name === SUMMARY_SHEET) continue;
    if (n.result !== undefined) {
      const list = calculated.get(n.sheet) ?? [];
      list.push(n);
      calculated.set(n.sheet, list);
      continue;
    }
    const ref = refOf(n);
    diagnostics.push({
      severity: "error",
      code: "formula-not-evaluated",
      cell: ref,
      item: null,
      message: `${ref}: ${n.formula} has no saved value and PAB Watch could not calculate it: ${n.failure}. Open and save the file in Excel (or type the figure) so the value is known`,
    });
    for (const [r, c] of n.arrayCells) {
      const other = cellRef(sheets[n.sheet].name, r, c);
      diagnostics.push({
        severity: "error",
        code: "formula-not-evaluated",
        cell: other,
        item: null,
        message: `${other}: part of the array formula ${n.formula} in ${ref}, which has no saved value and PAB Watch could not calculate (${n.failure}). Open and save the file in Excel so the values are known`,
      });
    }
  }
  for (const [sheet, list] of calculated) {
    const n = list.length;
    diagnostics.push({
      severity: "info",
      code: "formula-evaluated",
      cell: refOf(list[0]),
      item: null,
      message: `${sheets[sheet].name}: ${n} formula${n === 1 ? "" : "s"} had no saved value (the file was not saved by Excel); PAB Watch calculated ${n === 1 ? "it" : "them"}, from ${refOf(list[0])}`,
    });
  }
  return diagnostics;
}

function valueOf(v: Scalar): CellValue {
  if (v === null) return 0;
  return isError(v) ? v.code : v;
}

/**
 * Nodes ordered so that each comes after the nodes it depends on (iterative, so a chain of
 * 100,000 running balances does not exhaust the stack); each cycle found is handed to `onCycle`.
 */
function dependencyOrder(
  nodes: { deps: number[] }[],
  onCycle: (cycle: number[]) => void
): number[] {
  const state = new Uint8Array(nodes.length); // 0 new, 1 on the path, 2 done
  const order: number[] = [];
  for (let start = 0; start < nodes.length; start++) {
    if (state[start]) continue;
    const path: number[] = [start];
    const next: number[] = [0];
    state[start] = 1;
    while (path.length) {
      const top = path.length - 1;
      const id = path[top];
      const deps = nodes[id].deps;
      if (next[top] < deps.length) {
        const d = deps[next[top]++];
        if (state[d] === 0) {
          state[d] = 1;
          path.push(d);
          next.push(0);
        } else if (state[d] === 1) onCycle(path.slice(path.indexOf(d)));
      } else {
        state[id] = 2;
        order.push(id);
        path.pop();
        next.pop();
      }
    }
  }
  return order;
}
