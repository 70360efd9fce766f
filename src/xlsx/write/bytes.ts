/* global TextEncoder, TextDecoder */
/** Byte-level helpers for editing parts without decoding what we only copy. */

const encoder = new TextEncoder();
/** Decodes a whole part the way the reader does (a leading byte-order mark dropped). */
const partDecoder = new TextDecoder();
/** Decodes a piece cut from the middle of a part (a U+FEFF there is content). */
const pieceDecoder = new TextDecoder("utf-8", { ignoreBOM: true });

export function encode(text: string): Uint8Array {
  return encoder.encode(text);
}

export function decodeStart(bytes: Uint8Array): string {
  return partDecoder.decode(bytes);
}

export function decodePiece(bytes: Uint8Array): string {
  return pieceDecoder.decode(bytes);
}

/** Bytes on almost every position of a worksheet part: a poor anchor for a search. */
const COMMON = new Set(Array.from('<>/"= crvtsf0123456789.', (ch) => ch.charCodeAt(0)));

/** Index of `needle` in `hay` at or after `from` (and ending by `end`), or -1. */
export function findBytes(
  hay: Uint8Array,
  needle: Uint8Array,
  from: number,
  end = hay.length
): number {
  const n = needle.length;
  // The native indexOf looks for one byte: take the needle's least common one, so that few
  // candidates need comparing ("o" of "<row", not "<", which starts every tag).
  let k = 0;
  while (k < n - 1 && COMMON.has(needle[k])) k++;
  if (COMMON.has(needle[k])) k = 0;
  const anchor = needle[k];
  const last = end - n;
  for (
    let i = hay.indexOf(anchor, from + k);
    i >= 0 && i - k <= last;
    i = hay.indexOf(anchor, i + 1)
  ) {
    const start = i - k;
    let j = 0;
    while (j < n && hay[start + j] === needle[j]) j++;
    if (j === n) return start;
  }
  return -1;
}
