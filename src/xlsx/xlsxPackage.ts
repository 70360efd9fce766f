/* global TextDecoder */
import { parseXml } from "./xml";
import { ZipCodec, ZipEntry, ZipError, inflateEntry, readZip } from "./zip";
import { portableCodec } from "./zipCodec";

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

/** The parts of an .xlsx (a zip of XML files): the directory read once, each part inflated when first asked for. */
export class XlsxPackage {
  readonly codec: ZipCodec;
  /** The archive's entries in their order, with their stored bytes. */
  readonly entries: ReadonlyMap<string, ZipEntry>;
  private readonly texts = new Map<string, string>();

  constructor(bytes: Uint8Array, options: PackageOptions = {}) {
    this.codec = options.codec ?? portableCodec;
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      throw new UnreadableWorkbookError(
        "not an .xlsx workbook (it is not a zip package; .xls and .csv are not supported)"
      );
    }
    const entries = new Map<string, ZipEntry>();
    try {
      for (const e of readZip(bytes)) entries.set(e.name, e);
    } catch (e) {
      throw new UnreadableWorkbookError(
        `the workbook package is damaged (${(e as Error).message})`
      );
    }
    this.entries = entries;
    if (!entries.has("[Content_Types].xml") || !entries.has("xl/workbook.xml")) {
      throw new UnreadableWorkbookError(
        "not an Excel workbook (no xl/workbook.xml in the package)"
      );
    }
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** A part's bytes, inflated now (not kept: a sheet is read once by the reader and once by the writer). */
  bytes(path: string): Uint8Array {
    const entry = this.entries.get(path);
    if (!entry) throw new UnreadableWorkbookError(`the workbook package lacks ${path}`);
    try {
      return inflateEntry(entry, this.codec);
    } catch (e) {
      if (e instanceof ZipError)
        throw new UnreadableWorkbookError(`the workbook package is damaged (${e.message})`);
      throw e;
    }
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
