import {
  DIV0,
  FormulaError,
  Grid,
  NA,
  NotEvaluable,
  REF,
  Scalar,
  VALUE,
  Value,
  compare,
  satisfies,
  finite,
  isError,
  isGrid,
  numberFromText,
  scalarOf,
  toBoolean,
  toNumber,
  toText,
} from "./values";

/** The worksheet functions PAB Watch calculates, each as Excel defines it; IF, IFERROR, IFNA are lazy and live in the evaluator. */
type Fn = (args: Value[]) => Value;

const cells = (g: Grid): Scalar[] => g.values.flat();

/** The numbers SUM, MIN, MAX … take: in ranges and arrays only numbers count; a typed argument is coerced. */
function numbersOf(args: Value[]): number[] | FormulaError {
  const out: number[] = [];
  for (const a of args) {
    if (isGrid(a)) {
      for (const v of cells(a)) {
        if (isError(v)) return v;
        if (typeof v === "number") out.push(v);
      }
    } else {
      const n = toNumber(a);
      if (isError(n)) return n;
      out.push(n);
    }
  }
  return out;
}

function aggregate(f: (ns: number[]) => number | FormulaError): Fn {
  return (args) => {
    const ns = numbersOf(args);
    return isError(ns) ? ns : f(ns);
  };
}

function num(v: Value | undefined, fallback?: number): number | FormulaError {
  if (v === undefined) {
    if (fallback === undefined) return VALUE;
    return fallback;
  }
  return toNumber(scalarOf(v));
}

function arity(name: string, args: Value[], min: number, max: number): void {
  if (args.length < min || args.length > max)
    throw new NotEvaluable(`${name} is given ${args.length} arguments`);
}

/** ROUND, ROUNDUP, ROUNDDOWN: decimal rounding as Excel does it (1.005 → 1.01), half away from zero. */
function rounding(name: string, mode: "half" | "up" | "down"): Fn {
  return (args) => {
    arity(name, args, 2, 2);
    const x = num(args[0]);
    const d = num(args[1]);
    if (isError(x)) return x;
    if (isError(d)) return d;
    const digits = Math.trunc(d);
    const scale = 10 ** Math.abs(digits);
    const scaled = Math.abs(digits >= 0 ? x * scale : x / scale);
    const clean = Number(scaled.toPrecision(15));
    const r =
      mode === "half" ? Math.round(clean) : mode === "up" ? Math.ceil(clean) : Math.floor(clean);
    return finite(Math.sign(x) * (digits >= 0 ? r / scale : r * scale));
  };
}

function logical(name: string, combine: (a: boolean, b: boolean) => boolean, start: boolean): Fn {
  return (args) => {
    arity(name, args, 1, 255);
    let result = start;
    let seen = false;
    for (const a of args) {
      const values = isGrid(a)
        ? cells(a).filter((v) => typeof v === "boolean" || typeof v === "number" || isError(v))
        : [a];
      for (const v of values) {
        const b = toBoolean(v);
        if (isError(b)) return b;
        result = combine(result, b);
        seen = true;
      }
    }
    return seen ? result : VALUE;
  };
}

const WILDCARD_CACHE = new Map<string, RegExp>();
function wildcard(pattern: string): RegExp {
  let re = WILDCARD_CACHE.get(pattern);
  if (!re) {
    let src = "";
    for (let i = 0; i < pattern.length; i++) {
      const ch = pattern[i];
      if (ch === "~" && i + 1 < pattern.length)
        src += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      else if (ch === "*") src += "[\\s\\S]*";
      else if (ch === "?") src += "[\\s\\S]";
      else src += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }
    re = new RegExp(`^${src}$`, "i");
    WILDCARD_CACHE.set(pattern, re);
  }
  return re;
}

/** A COUNTIF/SUMIF criterion ("FG-1", ">5", "<>", "A*", 3) as a test on one cell. */
function criterion(c: Value): (v: Scalar) => boolean {
  const s = scalarOf(c);
  if (s === null) throw new NotEvaluable("a criterion refers to an empty cell");
  if (isError(s)) return (v) => isError(v) && v.code === s.code;
  if (typeof s === "number") return (v) => typeof v === "number" && v === s;
  if (typeof s === "boolean") return (v) => v === s;
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(s) as RegExpExecArray;
  const op = m[1] ?? "=";
  const rest = m[2];
  if (rest === "") {
    if (op === "=") return (v) => v === null || v === "";
    if (op === "<>") return (v) => !(v === null || v === "");
    return () => false;
  }
  let target: number | string | boolean;
  const n = numberFromText(rest);
  if (typeof n === "number") target = n;
  else if (/^(true|false)$/i.test(rest)) target = rest.toUpperCase() === "TRUE";
  else target = rest;
  const test = (v: Scalar): boolean => {
    if (v === null || isError(v)) return op === "<>";
    if (typeof target === "string") {
      if (typeof v !== "string") return op === "<>";
      if (op === "=" || op === "<>") return wildcard(target).test(v) === (op === "=");
    } else if (typeof v !== typeof target) return op === "<>";
    return satisfies(op, compare(v, target) as number);
  };
  return test;
}

function gridArg(name: string, v: Value | undefined): Grid {
  if (v === undefined || !isGrid(v)) throw new NotEvaluable(`${name} needs a range`);
  return v;
}

/** Ranges and their criteria (COUNTIFS, SUMIFS …): which positions of the first range pass all of them. */
function matching(name: string, pairs: Value[]): boolean[] | FormulaError {
  if (pairs.length < 2 || pairs.length % 2)
    throw new NotEvaluable(`${name} is given ${pairs.length} arguments`);
  let ok: boolean[] | null = null;
  let shape: [number, number] | null = null;
  for (let i = 0; i < pairs.length; i += 2) {
    const g = gridArg(name, pairs[i]);
    const dims: [number, number] = [g.values.length, g.values[0]?.length ?? 0];
    if (shape && (shape[0] !== dims[0] || shape[1] !== dims[1])) return VALUE;
    shape = dims;
    const test = criterion(pairs[i + 1]);
    const pass = cells(g).map(test);
    ok = ok ? ok.map((x, k) => x && pass[k]) : pass;
  }
  return ok as boolean[];
}

function sumWhere(values: Scalar[], ok: boolean[]): number | FormulaError {
  let total = 0;
  for (let k = 0; k < ok.length; k++) {
    if (!ok[k]) continue;
    const v = values[k];
    if (isError(v)) return v;
    if (typeof v === "number") total += v;
  }
  return total;
}

/** Position of `lookup` in a row or column: exact (0) or in ascending order (1) as Excel does. */
function position(lookup: Scalar, line: Scalar[], exact: boolean): number | FormulaError {
  if (isError(lookup)) return lookup;
  if (exact) {
    const re = typeof lookup === "string" && /[*?~]/.test(lookup) ? wildcard(lookup) : null;
    for (let i = 0; i < line.length; i++) {
      const v = line[i];
      if (
        re
          ? typeof v === "string" && re.test(v)
          : v !== null && !isError(v) && typeof v === typeof lookup && compare(v, lookup) === 0
      )
        return i;
    }
    return NA;
  }
  // Approximate lookup is a binary search in Excel: on data out of order its answer is arbitrary.
  const same = line.filter((v) => v !== null && typeof v === typeof lookup);
  for (let i = 1; i < same.length; i++) {
    if ((compare(same[i - 1], same[i]) as number) > 0)
      throw new NotEvaluable(
        "an approximate lookup runs over values that are not in ascending order"
      );
  }
  let found = -1;
  for (let i = 0; i < line.length; i++) {
    const v = line[i];
    if (v === null || isError(v) || typeof v !== typeof lookup) continue;
    if ((compare(v, lookup) as number) <= 0) found = i;
    else break;
  }
  return found < 0 ? NA : found;
}

function lookup(name: string, vertical: boolean): Fn {
  return (args) => {
    arity(name, args, 3, 4);
    const key = scalarOf(args[0]);
    const table = gridArg(name, args[1]);
    const index = num(args[2]);
    if (isError(index)) return index;
    const approx = args[3] === undefined ? true : toBoolean(scalarOf(args[3]));
    if (isError(approx)) return approx;
    const rows = table.values;
    const line = vertical ? rows.map((r) => r[0]) : rows[0];
    const at = position(key, line, !approx);
    if (isError(at)) return at;
    const k = Math.trunc(index);
    if (k < 1) return VALUE;
    const v = vertical ? rows[at][k - 1] : rows[k - 1]?.[at];
    return v === undefined ? REF : v;
  };
}

export const FUNCTIONS: Record<string, Fn> = {
  SUM: aggregate((ns) => finite(ns.reduce((a, b) => a + b, 0))),
  PRODUCT: aggregate((ns) => finite(ns.reduce((a, b) => a * b, 1))),
  // Folded, not Math.min(...ns): a whole column holds more numbers than one call may take.
  MIN: aggregate((ns) => (ns.length ? ns.reduce((a, b) => Math.min(a, b)) : 0)),
  MAX: aggregate((ns) => (ns.length ? ns.reduce((a, b) => Math.max(a, b)) : 0)),
  AVERAGE: aggregate((ns) => (ns.length ? ns.reduce((a, b) => a + b, 0) / ns.length : DIV0)),
  COUNT: (args) =>
    args.reduce<number>((n, a) => {
      if (isGrid(a)) return n + cells(a).filter((v) => typeof v === "number").length;
      const x = a === null ? VALUE : toNumber(a);
      return n + (isError(x) ? 0 : 1);
    }, 0),
  COUNTA: (args) =>
    args.reduce<number>(
      (n, a) => n + (isGrid(a) ? cells(a).filter((v) => v !== null).length : 1),
      0
    ),
  COUNTBLANK: (args) => {
    arity("COUNTBLANK", args, 1, 1);
    return cells(gridArg("COUNTBLANK", args[0])).filter((v) => v === null || v === "").length;
  },
  ROUND: rounding("ROUND", "half"),
  ROUNDUP: rounding("ROUNDUP", "up"),
  ROUNDDOWN: rounding("ROUNDDOWN", "down"),
  INT: (args) => {
    arity("INT", args, 1, 1);
    const x = num(args[0]);
    return isError(x) ? x : Math.floor(x);
  },
  ABS: (args) => {
    arity("ABS", args, 1, 1);
    const x = num(args[0]);
    return isError(x) ? x : Math.abs(x);
  },
  MOD: (args) => {
    arity("MOD", args, 2, 2);
    const x = num(args[0]);
    const d = num(args[1]);
    if (isError(x)) return x;
    if (isError(d)) return d;
    if (d === 0) return DIV0;
    return finite(x - d * Math.floor(x / d));
  },
  AND: logical("AND", (a, b) => a && b, true),
  OR: logical("OR", (a, b) => a || b, false),
  NOT: (args) => {
    arity("NOT", args, 1, 1);
    const b = toBoolean(scalarOf(args[0]));
    return isError(b) ? b : !b;
  },
  TRUE: (args) => (arity("TRUE", args, 0, 0), true),
  FALSE: (args) => (arity("FALSE", args, 0, 0), false),
  N: (args) => {
    arity("N", args, 1, 1);
    const v = scalarOf(args[0]);
    return typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : isError(v) ? v : 0;
  },
  ISBLANK: (args) => (arity("ISBLANK", args, 1, 1), scalarOf(args[0]) === null),
  ISNUMBER: (args) => (arity("ISNUMBER", args, 1, 1), typeof scalarOf(args[0]) === "number"),
  ISTEXT: (args) => (arity("ISTEXT", args, 1, 1), typeof scalarOf(args[0]) === "string"),
  ISERROR: (args) => (arity("ISERROR", args, 1, 1), isError(scalarOf(args[0]))),
  ISNA: (args) => {
    arity("ISNA", args, 1, 1);
    const v = scalarOf(args[0]);
    return isError(v) && v.code === "#N/A";
  },
  CONCATENATE: (args) => {
    let s = "";
    for (const a of args) {
      const t = toText(scalarOf(a));
      if (isError(t)) return t;
      s += t;
    }
    return s;
  },
  SUMPRODUCT: (args) => {
    if (!args.length) throw new NotEvaluable("SUMPRODUCT is given no arguments");
    const grids = args.map((a) => gridArg("SUMPRODUCT", a));
    const n = cells(grids[0]).length;
    const h = grids[0].values.length;
    if (grids.some((g) => g.values.length !== h || cells(g).length !== n)) return VALUE;
    const lists = grids.map(cells);
    let total = 0;
    for (let k = 0; k < n; k++) {
      let p = 1;
      for (const l of lists) {
        const v = l[k];
        if (isError(v)) return v;
        p *= typeof v === "number" ? v : 0;
      }
      total += p;
    }
    return finite(total);
  },
  COUNTIF: (args) => {
    arity("COUNTIF", args, 2, 2);
    const ok = matching("COUNTIF", args);
    return isError(ok) ? ok : ok.filter(Boolean).length;
  },
  COUNTIFS: (args) => {
    const ok = matching("COUNTIFS", args);
    return isError(ok) ? ok : ok.filter(Boolean).length;
  },
  SUMIF: (args) => {
    arity("SUMIF", args, 2, 3);
    const ok = matching("SUMIF", args.slice(0, 2));
    if (isError(ok)) return ok;
    const sum = gridArg("SUMIF", args[2] ?? args[0]);
    const range = gridArg("SUMIF", args[0]);
    // Excel sizes the sum range like the criteria range, from its top-left cell.
    if (
      sum.values.length !== range.values.length ||
      sum.values[0].length !== range.values[0].length
    )
      throw new NotEvaluable("SUMIF's sum range is not the size of its criteria range");
    return sumWhere(cells(sum), ok);
  },
  SUMIFS: (args) => {
    const sum = gridArg("SUMIFS", args[0]);
    const ok = matching("SUMIFS", args.slice(1));
    if (isError(ok)) return ok;
    if (ok.length !== cells(sum).length) return VALUE;
    return sumWhere(cells(sum), ok);
  },
  INDEX: (args) => {
    arity("INDEX", args, 2, 3);
    const g = isGrid(args[0]) ? args[0] : null;
    if (!g) throw new NotEvaluable("INDEX needs a range");
    const a = num(args[1]);
    const b = num(args[2], 0);
    if (isError(a)) return a;
    if (isError(b)) return b;
    let r = Math.trunc(a);
    let c = Math.trunc(b);
    if (args.length === 2 && g.values.length === 1) [r, c] = [1, r];
    if (args.length === 2 && g.values[0].length === 1) c = 1;
    if (r < 1 || c < 1) throw new NotEvaluable("INDEX with row or column 0 gives a whole range");
    const v = g.values[r - 1]?.[c - 1];
    return v === undefined ? REF : v;
  },
  MATCH: (args) => {
    arity("MATCH", args, 2, 3);
    const g = gridArg("MATCH", args[1]);
    if (g.values.length !== 1 && g.values[0].length !== 1) return NA;
    const type = num(args[2], 1);
    if (isError(type)) return type;
    if (type < 0) throw new NotEvaluable("MATCH with match type -1 is not calculated");
    const at = position(scalarOf(args[0]), cells(g), type === 0);
    return isError(at) ? at : at + 1;
  },
  VLOOKUP: lookup("VLOOKUP", true),
  HLOOKUP: lookup("HLOOKUP", false),
};
