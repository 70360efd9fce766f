import { strFromU8, unzipSync } from "fflate";
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
      throw new UnreadableWorkbookError(
        "not an .xlsx workbook (it is not a zip package; .xls and .csv are not supported)"
      );
    }
    try {
      this.parts = unzipSync(bytes);
    } catch (e) {
      throw new UnreadableWorkbookError(
        `the workbook package is damaged (${(e as Error).message})`
      );
    }
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
