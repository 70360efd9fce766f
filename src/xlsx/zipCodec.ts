/* global require */
import { Deflater, InflateOverrun, ZipCodec } from "./zip";

/** fflate loads when first used: the command line inflates and deflates with zlib (nodeZip.ts). */
const fflate = () => require("fflate") as typeof import("fflate");

let table: Int32Array | null = null;

function crcTable(): Int32Array {
  if (table) return table;
  table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
}

/** CRC-32 (the zip polynomial) in plain JavaScript. */
export function crc32(data: Uint8Array, crc = 0): number {
  const t = crcTable();
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const INFLATE_STEP = 16 * 1024;

/**
 * Inflates with fflate, counting the bytes as they come: one byte past `declared` stops it with
 * InflateOverrun (so a part that lies about its size costs no more than it declared).
 */
export function portableInflate(data: Uint8Array, declared: number): Uint8Array {
  const out = new Uint8Array(declared);
  let at = 0;
  const inflate = new (fflate().Inflate)((chunk) => {
    if (at + chunk.length > declared) throw new InflateOverrun();
    out.set(chunk, at);
    at += chunk.length;
  });
  if (data.length === 0) inflate.push(data, true);
  for (let i = 0; i < data.length; i += INFLATE_STEP)
    inflate.push(data.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= data.length);
  return at === declared ? out : out.subarray(0, at);
}

/** The codec that runs anywhere (browser, workbench, tests): fflate, deflating at level 1. */
export const portableCodec: ZipCodec = {
  inflate: portableInflate,
  deflater: () => new PortableDeflater(),
  crc32,
};

class PortableDeflater implements Deflater {
  private readonly out: Uint8Array[] = [];
  private readonly stream = new (fflate().Deflate)({ level: 1 }, (chunk) => this.out.push(chunk));

  push(data: Uint8Array): void {
    if (data.length) this.stream.push(data);
  }

  end(): Uint8Array {
    this.stream.push(new Uint8Array(0), true);
    return joinBytes(this.out);
  }
}

export function joinBytes(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let total = 0;
  for (const c of chunks) total += c.length;
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
