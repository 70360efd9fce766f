/* global TextEncoder, TextDecoder */
/**
 * The zip container of an .xlsx, read and written directly: parts are inflated only when asked
 * for, and a part that is carried over unchanged is written with its original compressed bytes.
 */

/** A raw DEFLATE stream fed in pieces. */
export interface Deflater {
  /** Adds data; the caller may reuse the array afterwards. */
  push(data: Uint8Array): void;
  /** Ends the stream and returns all of it, compressed. */
  end(): Uint8Array;
}

/** Raw DEFLATE and CRC-32, supplied by the platform (zlib in Node, fflate in the browser). */
export interface ZipCodec {
  /** Inflates `raw` into exactly `size` bytes; throws when the data would be longer or is damaged. */
  inflate(raw: Uint8Array, size: number): Uint8Array;
  /** A stream deflating at a fast level. */
  deflater(): Deflater;
  crc32(data: Uint8Array, crc?: number): number;
}

/** Part content as it is produced: views of the original part and new text, in order. */
export type Piece = Uint8Array | string;

export const STORED = 0;
export const DEFLATED = 8;

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated (others are copied but cannot be read). */
  method: number;
  encrypted: boolean;
  crc: number;
  compressedSize: number;
  /** What the central directory says the part unpacks to. */
  declaredSize: number;
  localHeader: number;
  /** The part's bytes as stored in the archive (compressed), a view into it. */
  raw: Uint8Array;
  /** DOS time and date of the entry. */
  time: number;
  date: number;
  /** General-purpose flags worth keeping (UTF-8 name, deflate options). */
  flags: number;
}

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ZipError";
  }
}

/** Thrown by a codec when data unpacks past the size it was given. */
export class InflateOverrun extends Error {
  constructor() {
    super("the data unpacks past its declared size");
    this.name = "InflateOverrun";
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UTF8_NAME = 0x800;
const KEPT_FLAGS = UTF8_NAME | 0x6;

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

function need(b: Uint8Array, end: number): void {
  if (end > b.length) throw new ZipError("the archive ends early");
}

const utf8 = new TextDecoder();

function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** The entries of a zip archive, in the order of its central directory. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("no zip central directory");
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20) {
    const locator = eocd - 20;
    if (u32(bytes, locator) === ZIP64_LOCATOR) {
      const at = u64(bytes, locator + 8);
      need(bytes, at + 56);
      if (u32(bytes, at) !== ZIP64_EOCD) throw new ZipError("damaged zip64 directory");
      count = u64(bytes, at + 32);
      offset = u64(bytes, at + 48);
    }
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL)
      throw new ZipError("a central directory entry is cut short");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const time = u16(bytes, p + 12);
    const date = u16(bytes, p + 14);
    const crc = u32(bytes, p + 16);
    let compressed = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let local = u32(bytes, p + 42);
    need(bytes, p + 46 + nameLength + extraLength);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    const name = flags & UTF8_NAME ? utf8.decode(nameBytes) : latin1(nameBytes);
    if (size === 0xffffffff || compressed === 0xffffffff || local === 0xffffffff) {
      // Zip64 extended information: the 64-bit values of exactly the fields set to 0xffffffff.
      for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength;) {
        const id = u16(bytes, e);
        const length = u16(bytes, e + 2);
        if (id === 1) {
          let f = e + 4;
          if (size === 0xffffffff) {
            size = u64(bytes, f);
            f += 8;
          }
          if (compressed === 0xffffffff) {
            compressed = u64(bytes, f);
            f += 8;
          }
          if (local === 0xffffffff) local = u64(bytes, f);
          break;
        }
        e += 4 + length;
      }
    }
    if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL)
      throw new ZipError(`${name} is missing from the package`);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + compressed > bytes.length) throw new ZipError(`${name} is cut short`);
    entries.push({
      name,
      method,
      encrypted: (flags & 1) === 1,
      crc,
      compressedSize: compressed,
      declaredSize: size,
      localHeader: local,
      raw: bytes.subarray(start, start + compressed),
      time,
      date,
      flags: flags & KEPT_FLAGS,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const pieceEncoder = new TextEncoder();

/** An entry of new content, deflated now piece by piece (the whole part never exists uncompressed). */
export function deflatedEntry(
  name: string,
  pieces: Piece[],
  codec: ZipCodec,
  when: { time: number; date: number }
): ZipEntry {
  const deflater = codec.deflater();
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    const data = typeof piece === "string" ? pieceEncoder.encode(piece) : piece;
    crc = codec.crc32(data, crc);
    size += data.length;
    deflater.push(data);
  }
  const raw = deflater.end();
  return {
    name,
    method: DEFLATED,
    encrypted: false,
    crc,
    compressedSize: raw.length,
    declaredSize: size,
    localHeader: 0,
    raw,
    time: when.time,
    date: when.date,
    flags: 0,
  };
}

/** Whether the pieces hold exactly the entry's content (checked by CRC and size first, then byte by byte). */
export function sameContent(
  pieces: Piece[],
  entry: ZipEntry,
  codec: ZipCodec,
  content: () => Uint8Array
): boolean {
  // UTF-8 takes at least a byte per UTF-16 unit: more units than the entry's bytes cannot match.
  let units = 0;
  for (const p of pieces) units += p.length;
  if (units > entry.declaredSize) return false;
  let crc = 0;
  let size = 0;
  const encoded = pieces.map((p) => (typeof p === "string" ? pieceEncoder.encode(p) : p));
  for (const data of encoded) {
    crc = codec.crc32(data, crc);
    size += data.length;
  }
  if (crc !== entry.crc || size !== entry.declaredSize) return false;
  const original = content();
  let at = 0;
  for (const data of encoded) {
    for (let i = 0; i < data.length; i++) if (data[i] !== original[at + i]) return false;
    at += data.length;
  }
  return true;
}

/** DOS time and date fields of a UTC moment. */
export function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

const textEncoder = new TextEncoder();

/** A zip archive of these entries, in this order; each entry's stored bytes are written as they are. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const names = entries.map((e) => textEncoder.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + 46 + 2 * names[i].length + e.raw.length));
  if (entries.length > 0xffff || total > 0xffffffff)
    throw new ZipError("the workbook is too large for a zip archive without zip64");
  const out = new Uint8Array(total);
  let p = 0;
  const w16 = (v: number) => {
    out[p++] = v & 0xff;
    out[p++] = (v >>> 8) & 0xff;
  };
  const w32 = (v: number) => {
    w16(v & 0xffff);
    w16(v >>> 16);
  };
  const offsets: number[] = [];
  const flagsOf = (e: ZipEntry, name: Uint8Array) =>
    (e.flags & ~UTF8_NAME) | (name.length !== e.name.length ? UTF8_NAME : 0);
  entries.forEach((e, i) => {
    offsets.push(p);
    w32(LOCAL);
    w16(20);
    w16(flagsOf(e, names[i]));
    w16(e.method);
    w16(e.time);
    w16(e.date);
    w32(e.crc);
    w32(e.raw.length);
    w32(e.declaredSize);
    w16(names[i].length);
    w16(0);
    out.set(names[i], p);
    p += names[i].length;
    out.set(e.raw, p);
    p += e.raw.length;
  });
  const central = p;
  entries.forEach((e, i) => {
    w32(CENTRAL);
    w16(20);
    w16(20);
    w16(flagsOf(e, names[i]));
    w16(e.method);
    w16(e.time);
    w16(e.date);
    w32(e.crc);
    w32(e.raw.length);
    w32(e.declaredSize);
    w16(names[i].length);
    w16(0); // extra
    w16(0); // comment
    w16(0); // disk
    w16(0); // internal attributes
    w32(0); // external attributes
    w32(offsets[i]);
    out.set(names[i], p);
    p += names[i].length;
  });
  const centralSize = p - central;
  w32(EOCD);
  w16(0);
  w16(0);
  w16(entries.length);
  w16(entries.length);
  w32(centralSize);
  w32(central);
  w16(0);
  return out;
}
