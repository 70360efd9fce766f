/**
 * The engine's arrays are packed. `Array.prototype.map` does not ensure it: once the code calling
 * it is optimised, V8 makes the result as `new Array(n)`, holey, and an array made holey stays
 * holey after every slot is filled. In a 5,000-item scan half the arrays came out holey, the code
 * reading them was optimised for one kind, met the other and was optimised again, and
 * JSON.stringify took its slow path over them. Appending keeps an array packed.
 */
export function packedMap<T, U>(values: readonly T[], f: (value: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < values.length; i++) out.push(f(values[i], i));
  return out;
}

export function packedCopy(values: readonly number[]): number[] {
  return packedMap(values, (v) => v);
}
