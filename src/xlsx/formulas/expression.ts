import { AstExpression, ReferenceIdentifier, parse, parseA1Ref, tokenize } from "@borgar/fx";
import { columnIndex } from "../../layout/address";
import { FUNCTIONS } from "./functions";
import {
  DIV0,
  FormulaError,
  Grid,
  NotEvaluable,
  Scalar,
  VALUE,
  Value,
  compare,
  satisfies,
  finite,
  isError,
  isGrid,
  scalarOf,
  toNumber,
  toText,
} from "./values";

/** A rectangle on one sheet of the workbook, 0-based and inclusive. */
export interface Area {
  sheet: number;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetLookup {
  /** The sheet of that name (names match without regard to case, as in Excel); null if none. */
  sheet(name: string): { index: number; bottom: number; right: number } | null;
  /** What a defined name refers to ("Stock!$B$2:$B$9"), seen from a sheet: its own names first. */
  definedName?(name: string, sheet: number): string | null;
}

/** A formula's syntax tree (by @borgar/fx) with every reference resolved to an area. */
export interface ParsedFormula {
  ast: AstExpression;
  areas: Map<ReferenceIdentifier, Area>;
}

/** A parsed formula kept for the other cells whose formula is the same but for relative shifts. */
interface Template {
  parsed: ParsedFormula;
  row: number;
  column: number;
  /** Which bounds are anchored ($) in each reference. */
  anchored: Map<ReferenceIdentifier, [boolean, boolean, boolean, boolean]>;
}

export type TemplateCache = Map<string, Template | null>;

const A1_REF = /(^|[^A-Za-z0-9_.])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g;

/**
 * The formula with each A1 reference written relative to its cell (or as anchored), so the
 * formulas of a filled-down row ("=B6-C4+C5", "=C6-D4+D5" …) share one key and one parse.
 */
function relativeKey(sheet: number, formula: string, row: number, column: number): string {
  const body = formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/) // text and quoted sheet names stay as they are
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(
            A1_REF,
            (_m, pre: string, ca: string, col: string, ra: string, r: string) =>
              `${pre}${ca ? `$${col.toUpperCase()}` : `c${columnIndex(col) - column}`}${ra ? `$${r}` : `r${Number(r) - 1 - row}`}`
          )
    )
    .join("");
  return `${sheet}|${body}`;
}

/**
 * A formula read into its syntax tree (by @borgar/fx) with every reference resolved to an area.
 * Throws NotEvaluable for anything that cannot be pinned to cells of this workbook.
 */
export function parseFormula(
  formula: string,
  own: { index: number; bottom: number; right: number },
  lookup: SheetLookup,
  at: { row: number; column: number } = { row: 0, column: 0 },
  cache?: TemplateCache
): ParsedFormula {
  const key = cache ? relativeKey(own.index, formula, at.row, at.column) : "";
  const t = cache?.get(key);
  if (t) return shifted(t, at.row - t.row, at.column - t.column);
  const parsed = parseOnce(formula, own, lookup);
  if (cache && t === undefined) {
    // Whole rows and columns (A:A) are not shifted: such formulas are parsed each time.
    const anchored = new Map<ReferenceIdentifier, [boolean, boolean, boolean, boolean]>();
    let shareable = true;
    for (const node of parsed.areas.keys()) {
      const ref = parseA1Ref(node.value);
      const r = ref && "range" in ref ? ref.range : null;
      if (!r || r.top === null || r.left === null || r.bottom === null || r.right === null)
        shareable = false;
      else anchored.set(node, [!!r.$top, !!r.$left, !!r.$bottom, !!r.$right]);
    }
    cache.set(key, shareable ? { parsed, row: at.row, column: at.column, anchored } : null);
  }
  return parsed;
}

function shifted(t: Template, dr: number, dc: number): ParsedFormula {
  const areas = new Map<ReferenceIdentifier, Area>();
  for (const [node, a] of t.parsed.areas) {
    const [top, left, bottom, right] = t.anchored.get(node) as [boolean, boolean, boolean, boolean];
    areas.set(node, {
      sheet: a.sheet,
      top: top ? a.top : a.top + dr,
      left: left ? a.left : a.left + dc,
      bottom: bottom ? a.bottom : a.bottom + dr,
      right: right ? a.right : a.right + dc,
    });
  }
  return { ast: t.parsed.ast, areas };
}

function parseOnce(
  formula: string,
  own: { index: number; bottom: number; right: number },
  lookup: SheetLookup
): ParsedFormula {
  let ast: AstExpression;
  try {
    ast = parse(tokenize(formula, { mergeRefs: true }));
  } catch {
    throw new NotEvaluable("it cannot be read as a formula");
  }
  const areas = new Map<ReferenceIdentifier, Area>();
  const visit = (node: AstExpression | null): void => {
    if (!node) return;
    switch (node.type) {
      case "ReferenceIdentifier":
        areas.set(node, resolve(node, own, lookup));
        return;
      case "UnaryExpression":
      case "BinaryExpression":
      case "CallExpression":
        node.arguments.forEach(visit);
        return;
      case "ArrayExpression":
        node.elements.flat().forEach((e) => visit(e));
        return;
      case "LambdaExpression":
      case "LetExpression":
        throw new NotEvaluable("it uses LET or LAMBDA");
      default:
        return;
    }
  };
  visit(ast);
  return { ast, areas };
}

function resolve(
  node: ReferenceIdentifier,
  own: { index: number; bottom: number; right: number },
  lookup: SheetLookup
): Area {
  if (node.kind === "name") {
    const text = lookup.definedName?.(node.value, own.index) ?? null;
    // A name for a range of cells is followed; a name for a constant or a formula is not.
    const target = text?.replace(/^=/, "") ?? "";
    const ref = target ? parseA1Ref(target) : null;
    if (!ref || !("range" in ref) || !ref.range || !ref.context?.length)
      throw new NotEvaluable(
        text === null
          ? `it uses the name ${node.value}, which the workbook does not define`
          : `it uses the defined name ${node.value} (${target}), which is not a range of cells`
      );
    return resolve({ ...node, kind: "range", value: target }, own, lookup);
  }
  if (node.kind === "table") throw new NotEvaluable(`it refers to the table column ${node.value}`);
  const ref = parseA1Ref(node.value);
  if (!ref || !("range" in ref) || !ref.range) throw new NotEvaluable(`it refers to ${node.value}`);
  const context = ref.context ?? [];
  if (context.length > 1 || /[[\]]/.test(node.value))
    throw new NotEvaluable(`it refers to another workbook (${node.value})`);
  const sheet = context.length ? lookup.sheet(context[0]) : own;
  if (!sheet)
    throw new NotEvaluable(`it refers to a sheet that is not in the workbook (${node.value})`);
  const r = ref.range;
  // Whole columns and rows (A:A, 3:3) end where the sheet's data ends.
  const top = r.top ?? 0;
  const left = r.left ?? 0;
  const bottom = r.bottom ?? Math.max(sheet.bottom, top);
  const right = r.right ?? Math.max(sheet.right, left);
  return { sheet: sheet.index, top, left, bottom, right };
}

export interface EvalContext {
  parsed: ParsedFormula;
  /** A cell's value (blank is null); throws NotEvaluable when that cell could not be calculated. */
  cell(sheet: number, row: number, column: number): Scalar;
}

const LAZY = new Set(["IF", "IFERROR", "IFNA"]);

/** The value of a formula's syntax tree, by Excel's rules; NotEvaluable for what it will not guess. */
export function evaluate(node: AstExpression | null, ctx: EvalContext): Value {
  if (node === null) return null; // an omitted argument: IF(A1,,2)
  switch (node.type) {
    case "Literal":
      return node.value;
    case "ErrorLiteral":
      return new FormulaError(node.value.toUpperCase());
    case "ReferenceIdentifier":
      return gridOf(node, ctx);
    case "ArrayExpression":
      return {
        kind: "grid",
        fromReference: false,
        text: "{…}",
        values: node.elements.map((row) =>
          row.map((e) => {
            const v = evaluate(e, ctx);
            if (isGrid(v)) throw new NotEvaluable("it holds a reference inside an array constant");
            return v;
          })
        ),
      };
    case "UnaryExpression": {
      const v = scalarOf(evaluate(node.arguments[0], ctx));
      if (node.operator === "+") return v;
      if (node.operator !== "-" && node.operator !== "%")
        throw new NotEvaluable(`it uses the operator ${node.operator}`);
      const n = toNumber(v);
      if (isError(n)) return n;
      return node.operator === "-" ? -n : n / 100;
    }
    case "BinaryExpression":
      return binary(node.operator, node.arguments, ctx);
    case "CallExpression":
      return call(node.callee.name, node.arguments, ctx);
    default:
      throw new NotEvaluable("it uses LET or LAMBDA");
  }
}

function gridOf(node: ReferenceIdentifier, ctx: EvalContext): Grid {
  const a = ctx.parsed.areas.get(node) as Area;
  const values: Scalar[][] = [];
  for (let r = a.top; r <= a.bottom; r++) {
    const row: Scalar[] = [];
    for (let c = a.left; c <= a.right; c++) row.push(ctx.cell(a.sheet, r, c));
    values.push(row);
  }
  return { kind: "grid", values, fromReference: true, text: node.value };
}

function binary(op: string, args: (AstExpression | null)[], ctx: EvalContext): Value {
  if (op === ":" || op === " " || op === ",")
    throw new NotEvaluable("it combines ranges with the range, union or intersection operator");
  const a = scalarOf(evaluate(args[0], ctx));
  const b = scalarOf(evaluate(args[1], ctx));
  if (op === "&") {
    const x = toText(a);
    if (isError(x)) return x;
    const y = toText(b);
    if (isError(y)) return y;
    return x + y;
  }
  if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
    const d = compare(a, b);
    if (isError(d)) return d;
    return satisfies(op, d);
  }
  const x = toNumber(a);
  if (isError(x)) return x;
  const y = toNumber(b);
  if (isError(y)) return y;
  switch (op) {
    case "+":
      return finite(x + y);
    case "-":
      return finite(x - y);
    case "*":
      return finite(x * y);
    case "/":
      return y === 0 ? DIV0 : finite(x / y);
    case "^":
      if (x === 0 && y === 0) return new FormulaError("#NUM!");
      return finite(x ** y);
    default:
      throw new NotEvaluable(`it uses the operator ${op}`);
  }
}

function call(rawName: string, args: (AstExpression | null)[], ctx: EvalContext): Value {
  const name = rawName.toUpperCase().replace(/^_XLFN\.|^_XLWS\./, "");
  if (LAZY.has(name)) {
    if (args.length < 2 || args.length > 3 || (name !== "IF" && args.length !== 2))
      throw new NotEvaluable(`${name} is given ${args.length} arguments`);
    const first = evaluate(args[0], ctx);
    const v = scalarOf(first);
    if (name === "IF") {
      if (isError(v)) return v;
      const test = typeof v === "string" ? VALUE : toNumber(v);
      if (isError(test)) return test;
      if (test !== 0) return args[1] === null ? 0 : evaluate(args[1], ctx);
      if (args.length < 3) return false;
      return args[2] === null ? 0 : evaluate(args[2], ctx);
    }
    const caught = name === "IFERROR" ? isError(v) : isError(v) && v.code === "#N/A";
    // IFERROR gives a value, not a reference: an empty cell comes back as 0.
    if (!caught) return v === null ? 0 : v;
    return args[1] === null ? 0 : evaluate(args[1], ctx);
  }
  const fn = FUNCTIONS[name];
  if (!fn) throw new NotEvaluable(`it uses ${name}, which PAB Watch does not calculate`);
  return fn(args.map((a) => evaluate(a, ctx)));
}
