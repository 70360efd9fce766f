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

/** A part's new content, produced piece by piece when it is written. */
export type PartContent = (emit: (piece: Piece) => void) => void;

/** Content that is one piece. */
export function contentOf(piece: Piece): PartContent {
  return (emit) => emit(piece);
}

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

/** Bytes gathered before they are checksummed and handed to the deflater. */
const BATCH = 2 << 20;
const FIRST_BATCH = 32 << 10;

/**
 * A part's new content, fed piece by piece as it is produced and deflated as it comes (the whole
 * part never exists uncompressed, and text is encoded straight into one reused batch). Given the
 * entry it replaces, it compares on the way: a part that comes out exactly as it was keeps that
 * entry, stored bytes and all.
 */
export class PartWriter {
  private readonly deflater: Deflater;
  /** Grows up to BATCH as the part does: a small part needs no 2 MB. */
  private batch = new Uint8Array(FIRST_BATCH);
  private used = 0;
  private crc = 0;
  private size = 0;
  /** Still byte for byte the original so far (only with an original). */
  private same: boolean;

  constructor(
    private readonly name: string,
    private readonly codec: ZipCodec,
    private readonly when: { time: number; date: number },
    private readonly original?: { entry: ZipEntry; content: Uint8Array }
  ) {
    this.deflater = codec.deflater();
    this.same = original !== undefined;
  }

  write(piece: Piece): void {
    if (typeof piece !== "string") {
      this.writeBytes(piece);
      return;
    }
    let text = piece;
    for (;;) {
      const { read, written } = pieceEncoder.encodeInto(text, this.batch.subarray(this.used));
      this.compare(this.batch.subarray(this.used, this.used + written));
      this.used += written;
      if (read === text.length) return;
      this.full();
      text = text.slice(read);
    }
  }

  /** The batch is full: a bigger one while it is small, otherwise on to the deflater. */
  private full(): void {
    if (this.batch.length >= BATCH) return this.flush();
    const bigger = new Uint8Array(Math.min(BATCH, this.batch.length * 4));
    bigger.set(this.batch.subarray(0, this.used));
    this.batch = bigger;
  }

  private writeBytes(data: Uint8Array): void {
    this.compare(data);
    for (let p = 0; p < data.length;) {
      const n = Math.min(this.batch.length - this.used, data.length - p);
      this.batch.set(data.subarray(p, p + n), this.used);
      this.used += n;
      p += n;
      if (this.used === this.batch.length) this.full();
    }
  }

  private compare(data: Uint8Array): void {
    if (!this.same) return;
    const original = (this.original as { content: Uint8Array }).content;
    const from = this.size + this.used; // where data goes in the part
    if (from + data.length > original.length) {
      this.same = false;
      return;
    }
    // A view of the original at the same place is the same without looking.
    if (data.buffer === original.buffer && data.byteOffset === original.byteOffset + from) return;
    for (let i = 0; i < data.length; i++)
      if (data[i] !== original[from + i]) {
        this.same = false;
        return;
      }
  }

  private flush(): void {
    if (!this.used) return;
    const data = this.batch.subarray(0, this.used);
    this.crc = this.codec.crc32(data, this.crc);
    this.deflater.push(data);
    this.size += this.used;
    this.used = 0;
  }

  /** The entry: the original when nothing changed, otherwise the new content, deflated. */
  end(): ZipEntry {
    this.flush();
    const raw = this.deflater.end();
    const original = this.original;
    if (original && this.same && this.size === original.content.length) return original.entry;
    return {
      name: this.name,
      method: DEFLATED,
      encrypted: false,
      crc: this.crc,
      compressedSize: raw.length,
      declaredSize: this.size,
      localHeader: 0,
      raw,
      time: this.when.time,
      date: this.when.date,
      flags: 0,
    };
  }
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
