import { Deflate, inflateSync } from "fflate";
import { Deflater, ZipCodec } from "./zip";

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

/** The codec that runs anywhere (browser, workbench, tests): fflate, deflating at level 1. */
export const portableCodec: ZipCodec = {
  inflate(raw, size) {
    // One byte more than declared, so data that runs longer shows as a wrong size instead of being cut.
    return inflateSync(raw, { out: new Uint8Array(size + 1) });
  },
  deflater: () => new PortableDeflater(),
  crc32,
};

class PortableDeflater implements Deflater {
  private readonly out: Uint8Array[] = [];
  private readonly stream = new Deflate({ level: 1 }, (chunk) => this.out.push(chunk));

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
