/** The values a formula works with, and Excel's rules for turning one kind into another. */

/** An Excel error value (#DIV/0!, #N/A …): a result like any other, it propagates. */
export class FormulaError {
  constructor(readonly code: string) {}
}

/** One cell's worth: blank is null. */
export type Scalar = number | string | boolean | null | FormulaError;

/** A rectangle of values: what a reference or an array constant gives. */
export interface Grid {
  kind: "grid";
  values: Scalar[][];
  /** From a reference (text and logical values in it are skipped by SUM, MIN …) or an array constant. */
  fromReference: boolean;
  /** The reference as written, for messages. */
  text: string;
}

export type Value = Scalar | Grid;

/**
 * A formula PAB Watch will not calculate rather than guess: Excel's answer would depend on
 * something it does not know (a function it does not have, the computer's locale, a cycle).
 */
export class NotEvaluable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "NotEvaluable";
  }
}

export const DIV0 = new FormulaError("#DIV/0!");
export const VALUE = new FormulaError("#VALUE!");
export const NA = new FormulaError("#N/A");
export const NUM = new FormulaError("#NUM!");
export const REF = new FormulaError("#REF!");

export const isGrid = (v: Value): v is Grid => typeof v === "object" && v !== null && "kind" in v;
export const isError = (v: unknown): v is FormulaError => v instanceof FormulaError;

/** A reference or array used where one value is wanted: only a single cell will do. */
export function scalarOf(v: Value): Scalar {
  if (!isGrid(v)) return v;
  if (v.values.length === 1 && v.values[0].length === 1) return v.values[0][0];
  throw new NotEvaluable(`it uses the range ${v.text} where one value is wanted`);
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Digits with separators, signs or a currency: 1,200  1.200  3/4  2026-01-05  12:30  $5  (5). */
const NUMBER_LIKE = /^[$€£¥\s+\-(]*\d[\d.,/:\-'\s\u00a0]*[)%\s]*$/;
const MONTH_DATE =
  /^(\d{1,2}[-\s/.])?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?([-\s/,]+\d{1,4})*$|\d\s*[年月日]/i;

/** Text Excel reads as a number the same way on every computer ("35", " 2.5 ", "1e3", "50%"). */
export function numberFromText(text: string): number | FormulaError {
  const t = text.trim();
  if (PLAIN_NUMBER.test(t)) return Number(t);
  if (t.endsWith("%") && PLAIN_NUMBER.test(t.slice(0, -1).trim()))
    return Number(t.slice(0, -1).trim()) / 100;
  // Excel reads these by the computer's locale (a number, a date or #VALUE!): not guessed here.
  if (NUMBER_LIKE.test(t) || MONTH_DATE.test(t))
    throw new NotEvaluable(
      `it uses the text "${text}" as a number, which Excel reads by the computer's settings`
    );
  return VALUE;
}

/** A value as a number for arithmetic: blank 0, TRUE 1, numeric text its number, other text #VALUE!. */
export function toNumber(v: Scalar): number | FormulaError {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") return numberFromText(v);
  return v;
}

export function toBoolean(v: Scalar): boolean | FormulaError {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") {
    const t = v.trim().toUpperCase();
    if (t === "TRUE") return true;
    if (t === "FALSE") return false;
    return VALUE;
  }
  return v;
}

/** A number as Excel's General format writes it in text (up to 15 significant digits). */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = String(Number(n.toPrecision(15)));
  return s.replace(/e\+?/, "E+").replace("E+-", "E-");
}

export function toText(v: Scalar): string | FormulaError {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

/** Excel's ordering for = < > …: numbers before text before logical values; text ignores case. */
export function compare(a: Scalar, b: Scalar): number | FormulaError {
  if (isError(a)) return a;
  if (isError(b)) return b;
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === "number" ? 0 : typeof b === "string" ? "" : false;
  if (b === null) b = typeof a === "number" ? 0 : typeof a === "string" ? "" : false;
  const rank = (x: Scalar) => (typeof x === "number" ? 0 : typeof x === "string" ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A finished number: overflow or NaN is #NUM! as in Excel. */
export function finite(n: number): number | FormulaError {
  return Number.isFinite(n) ? n : NUM;
}

/** Whether a comparison's outcome (`compare`'s sign) satisfies the operator: = <> < > <= >=. */
export function satisfies(op: string, d: number): boolean {
  switch (op) {
    case "=":
      return d === 0;
    case "<>":
      return d !== 0;
    case "<":
      return d < 0;
    case ">":
      return d > 0;
    case "<=":
      return d <= 0;
    default:
      return d >= 0;
  }
}
