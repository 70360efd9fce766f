/* global TextDecoder, require */
import { parseXml } from "./xml";
import { InflateOverrun, ZipCodec, ZipEntry, ZipError, readZip } from "./zip";

/**
 * The portable codec (fflate) loads when first used: the command line passes zlib's and reads a
 * workbook without it.
 */
const portable = () => require("./zipCodec") as typeof import("./zipCodec");

export type { ZipEntry } from "./zip";

/** Thrown when a file is not a workbook we can read; the message is one line for the user. */
export class UnreadableWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableWorkbookError";
  }
}

export interface PackageOptions {
  /** Inflate, deflate and CRC; the portable one (fflate) unless the platform has a faster one. */
  codec?: ZipCodec;
}

const decoder = new TextDecoder();

/**
 * The parts of an .xlsx (a zip of XML files): the directory read once and checked against the
 * decompression cap, every part unpacked within its declared size. The entries keep their stored
 * (compressed) bytes, so the writer copies a part it does not change without recompressing it.
 */
export class XlsxPackage {
  readonly codec: ZipCodec;
  /** Every entry of the archive in its order (folders included), with its stored bytes. */
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** The parts, unpacked. */
  readonly parts: Record<string, Uint8Array>;
  private readonly texts = new Map<string, string>();

  constructor(bytes: Uint8Array, options: PackageOptions = {}) {
    this.codec = options.codec ?? portable().portableCodec;
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      throw new UnreadableWorkbookError(notAZipPackage(bytes));
    }
    const list = zipEntries(bytes);
    checkDeclaredSizes(list, bytes.length);
    const entries = new Map<string, ZipEntry>();
    const parts: Record<string, Uint8Array> = {};
    for (const e of list) {
      entries.set(e.name, e);
      if (!e.name.endsWith("/")) parts[e.name] = unpack(e, this.codec);
    }
    this.entries = entries;
    this.parts = parts;
    if (!parts["[Content_Types].xml"] || !parts["xl/workbook.xml"]) {
      throw new UnreadableWorkbookError(
        "not an Excel workbook (no xl/workbook.xml in the package)"
      );
    }
  }

  has(path: string): boolean {
    return path in this.parts;
  }

  /** A part's bytes. */
  bytes(path: string): Uint8Array {
    const part = this.parts[path];
    if (!part) throw new UnreadableWorkbookError(`the workbook package lacks ${path}`);
    return part;
  }

  /** A part as text, decoded now and not kept (a sheet, the shared strings: read once). */
  readText(path: string): string {
    return decoder.decode(this.bytes(path));
  }

  /** A small part as text, decoded once and kept (workbook, relationships, styles are read several times). */
  text(path: string): string {
    let text = this.texts.get(path);
    if (text === undefined) {
      text = decoder.decode(this.bytes(path));
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
  return "not an .xlsx workbook (it is not a zip package; a CSV export is read when its name ends in .csv)";
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

function damaged(why: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError(`the workbook package is damaged (${why})`);
}

/** The central directory of a zip package (zip64 included); nothing is unpacked. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  try {
    return readZip(bytes);
  } catch (e) {
    if (e instanceof ZipError) throw damaged(e.message);
    throw e;
  }
}

/** Refuses a package whose declared sizes pass the limits, before anything is unpacked. */
export function checkDeclaredSizes(
  entries: readonly { declaredSize: number }[],
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

function pastDeclared(name: string, declared: number): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    `the workbook package is damaged or a zip bomb (${name} unpacks past the ${declared} bytes it declares)`
  );
}

/**
 * Inflates one part, counting the bytes as they come: one byte past the size its entry declares
 * stops it (so the declared sizes, already checked, cap memory and time).
 */
export function inflateWithinSize(data: Uint8Array, declared: number, name: string): Uint8Array {
  try {
    return portable().portableInflate(data, declared);
  } catch (e) {
    if (e instanceof InflateOverrun) throw pastDeclared(name, declared);
    throw e;
  }
}

function unpack(e: ZipEntry, codec: ZipCodec): Uint8Array {
  if (e.encrypted)
    throw new UnreadableWorkbookError(
      `the workbook package is encrypted (${e.name}): save it again without a password`
    );
  const data = e.raw;
  if (e.method === 0) {
    if (e.compressedSize !== e.declaredSize) throw damaged(`${e.name} has two sizes`);
    return data;
  }
  if (e.method !== 8) throw damaged(`${e.name} uses compression method ${e.method}`);
  try {
    return codec.inflate(data, e.declaredSize);
  } catch (err) {
    if (err instanceof InflateOverrun) throw pastDeclared(e.name, e.declaredSize);
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
  return unpack(entry, portable().portableCodec);
}

/** Every part of the package, unpacked within the limits. */
export function unzipWithinLimits(
  bytes: Uint8Array,
  limits: ZipLimits = ZIP_LIMITS
): Record<string, Uint8Array> {
  const entries = zipEntries(bytes);
  checkDeclaredSizes(entries, bytes.length, limits);
  const parts: Record<string, Uint8Array> = {};
  const codec = portable().portableCodec;
  for (const e of entries) if (!e.name.endsWith("/")) parts[e.name] = unpack(e, codec);
  return parts;
}
