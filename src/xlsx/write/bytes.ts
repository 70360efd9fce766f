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

/** Index of `needle` in `hay` at or after `from` (and ending by `end`), or -1. */
export function findBytes(
  hay: Uint8Array,
  needle: Uint8Array,
  from: number,
  end = hay.length
): number {
  const first = needle[0];
  const n = needle.length;
  const last = end - n;
  for (let i = hay.indexOf(first, from); i >= 0 && i <= last; i = hay.indexOf(first, i + 1)) {
    let k = 1;
    while (k < n && hay[i + k] === needle[k]) k++;
    if (k === n) return i;
  }
  return -1;
}
