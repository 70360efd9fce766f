/* global Buffer */
import * as fs from "fs";

const CHUNK = 1 << 20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The bytes of a file read a megabyte at a time, one byte after another. */
class ByteReader {
  private readonly buf = Buffer.alloc(CHUNK);
  /** The part of buf read last. */
  private view = this.buf.subarray(0, 0);
  private pos = 0;

  constructor(private readonly fd: number) {}

  private fill(): boolean {
    this.view = this.buf.subarray(0, fs.readSync(this.fd, this.buf, 0, CHUNK, null));
    this.pos = 0;
    return this.view.length > 0;
  }

  /** The next byte, or -1 at the end of the file. */
  next(): number {
    if (this.pos === this.view.length && !this.fill()) return -1;
    return this.view[this.pos++];
  }

  /** The next byte that is not JSON whitespace. */
  nextSolid(): number {
    let b = this.next();
    while (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) b = this.next();
    return b;
  }

  /**
   * Past the bracket that closes an array or object whose opening bracket was just read: brackets
   * counted, strings skipped by their quotes, in a tight loop over each megabyte read. False when
   * the file ends first.
   */
  skipNested(): boolean {
    let depth = 1;
    for (;;) {
      if (this.pos === this.view.length && !this.fill()) return false;
      const v = this.view;
      const n = v.length;
      let i = this.pos;
      for (; i < n; i++) {
        const c = v[i];
        if (c === QUOTE) break;
        if (c === 0x5b || c === 0x7b) depth++;
        else if (c === 0x5d || c === 0x7d) {
          if (--depth === 0) {
            this.pos = i + 1;
            return true;
          }
        }
      }
      this.pos = i;
      if (i < n) {
        this.pos = i + 1;
        if (!this.string()) return false;
      }
    }
  }

  /**
   * Reads up to the quote that closes a string whose opening quote was just read (a native search
   * for it, then a look for a backslash before it): the string's bytes as written (escapes kept; none
   * when not `keep`), or null when the file ends first.
   */
  string(keep = false): number[] | null {
    const out: number[] = [];
    for (;;) {
      if (this.pos === this.view.length && !this.fill()) return null;
      const q = this.view.indexOf(QUOTE, this.pos);
      const stop = q < 0 ? this.view.length : q;
      let escape = -1;
      for (let i = this.pos; i < stop; i++)
        if (this.view[i] === BACKSLASH) {
          escape = i;
          break;
        }
      const upTo = escape >= 0 ? escape : stop;
      if (keep) for (let i = this.pos; i < upTo; i++) out.push(this.view[i]);
      if (escape >= 0) {
        this.pos = escape + 1;
        const escaped = this.next();
        if (escaped < 0) return null;
        if (keep) out.push(BACKSLASH, escaped);
        continue;
      }
      this.pos = stop;
      if (q >= 0) {
        this.pos = q + 1;
        return out;
      }
    }
  }
}

/** A JSON string's bytes (escapes as written) → its text, or null when they are not valid JSON. */
function jsonText(bytes: number[]): string | null {
  try {
    return JSON.parse(`"${Buffer.from(bytes).toString("utf8")}"`) as string;
  } catch {
    return null;
  }
}

/**
 * The top level of a report file, read without building it: the first byte of each member's value
 * (`[`, `"`, a digit …), and schemaVersion's and workbook's text. Nested values are skipped byte by
 * byte, strings by their quotes. Null when the file is not one JSON object.
 */
function topLevel(file: string): Map<string, { first: number; text: string }> | null {
  const fd = fs.openSync(file, "r");
  try {
    const r = new ByteReader(fd);
    let b = r.nextSolid();
    if (b === 0xef && r.next() === 0xbb && r.next() === 0xbf) b = r.nextSolid(); // a byte-order mark
    if (b !== 0x7b) return null;
    const members = new Map<string, { first: number; text: string }>();
    b = r.nextSolid();
    if (b === 0x7d) return members;
    for (;;) {
      if (b !== QUOTE) return null;
      const keyBytes = r.string(true);
      const key = keyBytes && jsonText(keyBytes);
      if (key === null || r.nextSolid() !== 0x3a) return null;
      const first = r.nextSolid();
      let text = "";
      let after: number;
      if (first === QUOTE) {
        if (!r.string()) return null;
        after = r.nextSolid();
      } else if (first === 0x5b || first === 0x7b) {
        if (!r.skipNested()) return null;
        after = r.nextSolid();
      } else {
        const bytes: number[] = [first];
        let c = r.next();
        while (
          c >= 0 &&
          c !== 0x2c &&
          c !== 0x7d &&
          c !== 0x20 &&
          c !== 0x0a &&
          c !== 0x0d &&
          c !== 0x09
        ) {
          bytes.push(c);
          c = r.next();
        }
        text = Buffer.from(bytes).toString("latin1");
        after = c === 0x2c || c === 0x7d ? c : r.nextSolid();
      }
      members.set(key, { first, text });
      if (after === 0x7d) return r.nextSolid() < 0 ? members : null;
      if (after !== 0x2c) return null;
      b = r.nextSolid();
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Whether a file is a report PAB Watch wrote: one JSON object with schemaVersion 1, a workbook
 * name, and items and diagnostics lists. Read a megabyte at a time: a 5,000-item report is 55 MB,
 * and parsing it whole to look at four fields cost more memory than the scan itself.
 */
export function isOurReport(file: string): boolean {
  const top = topLevel(file);
  if (!top) return false;
  const version = top.get("schemaVersion");
  return (
    !!version &&
    version.first !== QUOTE &&
    Number(version.text) === 1 &&
    top.get("workbook")?.first === QUOTE &&
    top.get("items")?.first === 0x5b &&
    top.get("diagnostics")?.first === 0x5b
  );
}
