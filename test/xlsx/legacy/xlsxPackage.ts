/* global TextDecoder */
import { Inflate, strFromU8 } from "fflate";
import { parseXml } from "./xml";

/** Thrown when a file is not a workbook we can read; the message is one line for the user. */
export class UnreadableWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableWorkbookError";
  }
}

/** The parts of an .xlsx (a zip of XML files), read once. */
export class XlsxPackage {
  readonly parts: Record<string, Uint8Array>;

  constructor(bytes: Uint8Array) {
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      throw new UnreadableWorkbookError(notAZipPackage(bytes));
    }
    this.parts = unzipWithinLimits(bytes);
    if (!this.parts["[Content_Types].xml"] || !this.parts["xl/workbook.xml"]) {
      throw new UnreadableWorkbookError(
        "not an Excel workbook (no xl/workbook.xml in the package)"
      );
    }
  }

  has(path: string): boolean {
    return path in this.parts;
  }

  private readonly texts = new Map<string, string>();

  /** A part as text, decoded once (large sheets are read by the reader and again by the writer). */
  text(path: string): string {
    let text = this.texts.get(path);
    if (text === undefined) {
      const part = this.parts[path];
      if (!part) throw new UnreadableWorkbookError(`the workbook package lacks ${path}`);
      text = strFromU8(part);
      this.texts.set(path, text);
    }
    return text;
  }

  /** Relationship id → target part path, for the part at `source`. */
  relationships(source: string): Record<string, { target: string; type: string }> {
    const slash = source.lastIndexOf("/");
    const dir = source.slice(0, slash + 1);
    const relsPath = `${dir}_rels/${source.slice(slash + 1)}.rels`;
    const out: Record<string, { target: string; type: string }> = {};
    if (!this.has(relsPath)) return out;
    parseXml(this.text(relsPath), {
      open: (name, a) => {
        if (name !== "Relationship" || a.TargetMode === "External") return;
        out[a.Id] = { target: resolvePath(dir, a.Target), type: a.Type };
      },
    });
    return out;
  }
}

export function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : dir + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** Why a file that is not a zip package cannot be read: an encrypted workbook says so. */
export function notAZipPackage(bytes: Uint8Array): string {
  const cfb = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length >= 8 && cfb.every((b, i) => bytes[i] === b)) {
    // An encrypted .xlsx is an OLE compound file holding the streams EncryptionInfo and EncryptedPackage.
    const name = "EncryptedPackage";
    const utf16 = new Uint8Array(name.length * 2);
    for (let i = 0; i < name.length; i++) utf16[i * 2] = name.charCodeAt(i);
    if (indexOfBytes(bytes, utf16) >= 0)
      return "the workbook is password-protected (encrypted): open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save a copy to check";
    return "not an .xlsx workbook (an Excel 97-2003 .xls file or another OLE document): save it as .xlsx in Excel";
  }
  return "not an .xlsx workbook (it is not a zip package; .xls and .csv are not supported)";
}

function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** How far a package may unpack: an absolute size and, above a floor, a compression ratio. */
export interface ZipLimits {
  /** All parts together, unpacked. */
  maxTotalBytes: number;
  /** Unpacked / packed size of the whole file, checked once the parts exceed `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

const MB = 1024 * 1024;
export const ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 500 * MB,
  maxRatio: 200,
  ratioFloorBytes: 64 * MB,
};

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** What the central directory says the part unpacks to. */
  declaredSize: number;
  localHeader: number;
}

function damaged(why: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError(`the workbook package is damaged (${why})`);
}

/** The central directory of a zip package (zip64 included); nothing is unpacked. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  let end = bytes.length - 22;
  while (end >= 0 && u32(end) !== 0x06054b50) {
    if (bytes.length - end > 65557) break;
    end--;
  }
  if (end < 0 || u32(end) !== 0x06054b50) throw damaged("no zip central directory");
  let count = u16(end + 10);
  let offset = u32(end + 16);
  if (end >= 20 && u32(end - 20) === 0x07064b50) {
    const z = u64(end - 12);
    if (z + 56 <= bytes.length && u32(z) === 0x06064b50) {
      count = u64(z + 32);
      offset = u64(z + 48);
    }
  }
  const entries: ZipEntry[] = [];
  const names = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || u32(offset) !== 0x02014b50)
      throw damaged("a central directory entry is cut short");
    const nameLength = u16(offset + 28);
    const extraLength = u16(offset + 30);
    const commentLength = u16(offset + 32);
    let compressedSize = u32(offset + 20);
    let declaredSize = u32(offset + 24);
    let localHeader = u32(offset + 42);
    const extraStart = offset + 46 + nameLength;
    for (let x = extraStart; x + 4 <= extraStart + extraLength;) {
      const id = u16(x);
      const size = u16(x + 2);
      if (id === 0x0001) {
        let at = x + 4;
        if (declaredSize === 0xffffffff) ((declaredSize = u64(at)), (at += 8));
        if (compressedSize === 0xffffffff) ((compressedSize = u64(at)), (at += 8));
        if (localHeader === 0xffffffff) localHeader = u64(at);
      }
      x += 4 + size;
    }
    entries.push({
      name: names.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: u16(offset + 10),
      encrypted: (u16(offset + 8) & 1) === 1,
      compressedSize,
      declaredSize,
      localHeader,
    });
    offset = extraStart + extraLength + commentLength;
  }
  return entries;
}

/** Refuses a package whose declared sizes pass the limits, before anything is unpacked. */
export function checkDeclaredSizes(
  entries: ZipEntry[],
  fileBytes: number,
  limits: ZipLimits = ZIP_LIMITS
): void {
  const total = entries.reduce((sum, e) => sum + e.declaredSize, 0);
  const mb = (n: number) => `${Math.round(n / MB)} MB`;
  if (total > limits.maxTotalBytes)
    throw new UnreadableWorkbookError(
      `the workbook unpacks to ${mb(total)}, over the ${mb(limits.maxTotalBytes)} PAB Watch reads (a damaged file or a zip bomb)`
    );
  if (total > limits.ratioFloorBytes && total / Math.max(1, fileBytes) > limits.maxRatio)
    throw new UnreadableWorkbookError(
      `the workbook unpacks to ${mb(total)} from ${mb(fileBytes)}, more than ${limits.maxRatio} times its size (a damaged file or a zip bomb)`
    );
}

const INFLATE_STEP = 16 * 1024;

/**
 * Inflates one part, counting the bytes as they come: one byte past the size its entry declares
 * stops it (so the declared sizes, already checked, cap memory and time).
 */
export function inflateWithinSize(data: Uint8Array, declared: number, name: string): Uint8Array {
  const out = new Uint8Array(declared);
  let at = 0;
  const inflate = new Inflate((chunk) => {
    if (at + chunk.length > declared)
      throw new UnreadableWorkbookError(
        `the workbook package is damaged or a zip bomb (${name} unpacks past the ${declared} bytes it declares)`
      );
    out.set(chunk, at);
    at += chunk.length;
  });
  if (data.length === 0) inflate.push(data, true);
  for (let i = 0; i < data.length; i += INFLATE_STEP)
    inflate.push(data.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= data.length);
  return at === declared ? out : out.subarray(0, at);
}

function partData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.localHeader + 30 > bytes.length || view.getUint32(e.localHeader, true) !== 0x04034b50)
    throw damaged(`${e.name} is missing from the package`);
  const start =
    e.localHeader +
    30 +
    view.getUint16(e.localHeader + 26, true) +
    view.getUint16(e.localHeader + 28, true);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (data.length < e.compressedSize) throw damaged(`${e.name} is cut short`);
  return data;
}

function unpack(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  if (e.encrypted)
    throw new UnreadableWorkbookError(
      `the workbook package is encrypted (${e.name}): save it again without a password`
    );
  const data = partData(bytes, e);
  if (e.method === 0) {
    if (e.compressedSize !== e.declaredSize) throw damaged(`${e.name} has two sizes`);
    return data.slice();
  }
  if (e.method !== 8) throw damaged(`${e.name} uses compression method ${e.method}`);
  try {
    return inflateWithinSize(data, e.declaredSize, e.name);
  } catch (err) {
    if (err instanceof UnreadableWorkbookError) throw err;
    throw damaged(`${e.name}: ${(err as Error).message}`);
  }
}

/** One part of a zip package, within the limits; null when the package has no such part. */
export function unzipPart(
  bytes: Uint8Array,
  name: string,
  limits: ZipLimits = ZIP_LIMITS
): Uint8Array | null {
  const entry = zipEntries(bytes).find((e) => e.name === name);
  if (!entry) return null;
  checkDeclaredSizes([entry], bytes.length, limits);
  return unpack(bytes, entry);
}

/** Every part of the package, unpacked within the limits. */
export function unzipWithinLimits(
  bytes: Uint8Array,
  limits: ZipLimits = ZIP_LIMITS
): Record<string, Uint8Array> {
  const entries = zipEntries(bytes);
  checkDeclaredSizes(entries, bytes.length, limits);
  const parts: Record<string, Uint8Array> = {};
  for (const e of entries) if (!e.name.endsWith("/")) parts[e.name] = unpack(bytes, e);
  return parts;
}
