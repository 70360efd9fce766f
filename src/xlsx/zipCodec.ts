import { Deflate, Inflate } from "fflate";
import { Deflater, InflateOverrun, ZipCodec } from "./zip";
import { crc32, joinBytes } from "./zipBytes";

export { crc32, joinBytes } from "./zipBytes";

const INFLATE_STEP = 16 * 1024;

/**
 * Inflates with fflate, counting the bytes as they come: one byte past `declared` stops it with
 * InflateOverrun (so a part that lies about its size costs no more than it declared).
 */
export function portableInflate(data: Uint8Array, declared: number): Uint8Array {
  const out = new Uint8Array(declared);
  let at = 0;
  const inflate = new Inflate((chunk) => {
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
  private readonly stream = new Deflate({ level: 1 }, (chunk) => this.out.push(chunk));

  push(data: Uint8Array): void {
    if (data.length) this.stream.push(data);
  }

  end(): Uint8Array {
    this.stream.push(new Uint8Array(0), true);
    return joinBytes(this.out);
  }
}
