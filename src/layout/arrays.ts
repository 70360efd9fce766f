/**
 * `values.map(f)`, packed: the reader's arrays (periods, figures, cells) become the engine's and
 * the report's, so they are made as the engine makes its own (see engine/arrays.ts, which the
 * reader may not import: `map` in optimised code gives holey arrays).
 */
export function packedMap<T, U>(values: readonly T[], f: (value: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < values.length; i++) out.push(f(values[i], i));
  return out;
}

/** `new Array(n).fill(value)`, packed. */
export function packedFill<T>(n: number, value: T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(value);
  return out;
}
