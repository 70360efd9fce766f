import { MalformedXmlError } from "./xml";

export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;

const LT = 60;
const GT = 62;
const SLASH = 47;
const EQ = 61;
const COLON = 58;
const QUOT = 34;
const APOS = 39;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;

/**
 * One pass over an XML part without building objects per element: `next()` moves to the next
 * start tag, end tag or run of text and leaves positions in fields; names are local (no prefix);
 * attributes are read by index. Comments, processing instructions and the doctype are skipped,
 * CDATA is text. Line ends are normalised and entities decoded as an XML parser does.
 */
export class XmlScanner {
  kind = END;
  /** The current tag's local name: [nameStart, nameEnd). */
  nameStart = 0;
  nameEnd = 0;
  selfClosing = false;
  /** The current text: [textStart, textEnd); literal (CDATA) or with entities. */
  textStart = 0;
  textEnd = 0;
  cdata = false;
  /** Attributes of the current start tag: name start, name end, value start, value end per attribute. */
  attrCount = 0;
  private attrs = new Int32Array(64);
  private pos = 0;

  constructor(
    readonly xml: string,
    /** What the part is, for messages: `the sheet "MPS"`. */
    readonly what: string
  ) {}

  /** Local names of the elements open around the current position: start, end per element. */
  private open = new Int32Array(64);
  private depth = 0;

  private fail(reason: string, at: number): never {
    throw new MalformedXmlError(`${this.what}: ${reason} at character ${at}`);
  }

  private push(): void {
    if (this.depth * 2 + 2 > this.open.length) {
      const grown = new Int32Array(this.open.length * 2);
      grown.set(this.open);
      this.open = grown;
    }
    this.open[this.depth * 2] = this.nameStart;
    this.open[this.depth * 2 + 1] = this.nameEnd;
    this.depth++;
  }

  /** Checks that the end tag just read closes the element open last. */
  private pop(at: number): void {
    const xml = this.xml;
    const name = () => xml.slice(this.nameStart, this.nameEnd);
    if (this.depth === 0) this.fail(`</${name()}> closes nothing`, at);
    this.depth--;
    const s = this.open[this.depth * 2];
    const e = this.open[this.depth * 2 + 1];
    let same = e - s === this.nameEnd - this.nameStart;
    for (let i = 0; same && i < e - s; i++)
      same = xml.charCodeAt(s + i) === xml.charCodeAt(this.nameStart + i);
    if (!same) this.fail(`</${name()}> closes <${xml.slice(s, e)}>`, at);
  }

  next(): number {
    const xml = this.xml;
    const n = xml.length;
    for (;;) {
      const p = this.pos;
      if (p >= n) {
        if (this.depth > 0) {
          const s = this.open[this.depth * 2 - 2];
          this.fail(`<${xml.slice(s, this.open[this.depth * 2 - 1])}> is never closed`, n);
        }
        return (this.kind = END);
      }
      if (xml.charCodeAt(p) !== LT) {
        let q = xml.indexOf("<", p);
        if (q < 0) q = n;
        this.textStart = p;
        this.textEnd = q;
        this.cdata = false;
        this.pos = q;
        return (this.kind = TEXT);
      }
      const c = xml.charCodeAt(p + 1);
      if (c === SLASH) {
        const end = xml.indexOf(">", p + 2);
        if (end < 0) this.fail("an end tag is not closed", p);
        let e = end;
        while (e > p + 2 && isSpace(xml.charCodeAt(e - 1))) e--;
        this.setName(p + 2, e);
        this.pop(p);
        this.pos = end + 1;
        return (this.kind = CLOSE);
      }
      if (c === 33 /* ! */) {
        if (xml.startsWith("<!--", p)) {
          const end = xml.indexOf("-->", p + 4);
          if (end < 0) this.fail("a comment is not closed", p);
          this.pos = end + 3;
          continue;
        }
        if (xml.startsWith("<![CDATA[", p)) {
          const end = xml.indexOf("]]>", p + 9);
          if (end < 0) this.fail("a CDATA section is not closed", p);
          this.textStart = p + 9;
          this.textEnd = end;
          this.cdata = true;
          this.pos = end + 3;
          return (this.kind = TEXT);
        }
        this.pos = this.skipDeclaration(p);
        continue;
      }
      if (c === 63 /* ? */) {
        const end = xml.indexOf("?>", p + 2);
        if (end < 0) this.fail("a processing instruction is not closed", p);
        this.pos = end + 2;
        continue;
      }
      this.readStartTag(p);
      if (!this.selfClosing) this.push();
      return (this.kind = OPEN);
    }
  }

  private skipDeclaration(p: number): number {
    const xml = this.xml;
    let depth = 0;
    for (let i = p + 2; i < xml.length; i++) {
      const c = xml.charCodeAt(i);
      if (c === 91 /* [ */) depth++;
      else if (c === 93 /* ] */) depth--;
      else if (c === GT && depth <= 0) return i + 1;
    }
    return this.fail("a declaration is not closed", p);
  }

  private setName(start: number, end: number): void {
    let s = start;
    for (let i = start; i < end; i++) if (this.xml.charCodeAt(i) === COLON) s = i + 1;
    this.nameStart = s;
    this.nameEnd = end;
  }

  private readStartTag(p: number): void {
    const xml = this.xml;
    const n = xml.length;
    let i = p + 1;
    while (i < n) {
      const c = xml.charCodeAt(i);
      if (isSpace(c) || c === GT || c === SLASH) break;
      i++;
    }
    if (i === p + 1) this.fail("a tag has no name", p);
    this.setName(p + 1, i);
    let count = 0;
    for (;;) {
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (i >= n) this.fail("a tag is not closed", p);
      const c = xml.charCodeAt(i);
      if (c === GT) {
        this.selfClosing = false;
        i++;
        break;
      }
      if (c === SLASH) {
        if (xml.charCodeAt(i + 1) !== GT) this.fail("a tag is not closed", p);
        this.selfClosing = true;
        i += 2;
        break;
      }
      const nameStart = i;
      while (i < n) {
        const d = xml.charCodeAt(i);
        if (d === EQ || isSpace(d) || d === GT || d === SLASH) break;
        i++;
      }
      const nameEnd = i;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== EQ) this.fail("an attribute has no value", nameStart);
      i++;
      while (i < n && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== QUOT && quote !== APOS) this.fail("an attribute value is not quoted", i);
      const valueEnd = xml.indexOf(quote === QUOT ? '"' : "'", i + 1);
      if (valueEnd < 0) this.fail("an attribute value is not closed", i);
      if (count * 4 + 4 > this.attrs.length) {
        const grown = new Int32Array(this.attrs.length * 2);
        grown.set(this.attrs);
        this.attrs = grown;
      }
      const a = this.attrs;
      a[count * 4] = nameStart;
      a[count * 4 + 1] = nameEnd;
      a[count * 4 + 2] = i + 1;
      a[count * 4 + 3] = valueEnd;
      count++;
      i = valueEnd + 1;
    }
    this.attrCount = count;
    this.pos = i;
  }

  /** Where the next tag or text starts. */
  get position(): number {
    return this.pos;
  }

  /**
   * Moves on to `p`, past text the caller has read itself: whole elements only (nothing opened
   * there is left open), so the checks of the tags around it still hold.
   */
  skipTo(p: number): void {
    this.pos = p;
  }

  /** Whether the current tag's local name is `name`. */
  is(name: string): boolean {
    return (
      this.nameEnd - this.nameStart === name.length && this.xml.startsWith(name, this.nameStart)
    );
  }

  /** Index of the attribute named exactly `name` (prefix included), or -1. */
  attr(name: string): number {
    const a = this.attrs;
    for (let k = 0; k < this.attrCount; k++) {
      const s = a[k * 4];
      if (a[k * 4 + 1] - s === name.length && this.xml.startsWith(name, s)) return k;
    }
    return -1;
  }

  attrStart(k: number): number {
    return this.attrs[k * 4 + 2];
  }

  attrEnd(k: number): number {
    return this.attrs[k * 4 + 3];
  }

  /** An attribute's value, decoded. */
  attrValue(k: number): string {
    return this.decode(this.attrs[k * 4 + 2], this.attrs[k * 4 + 3], false);
  }

  /** The value of attribute `name`, or undefined. */
  value(name: string): string | undefined {
    const k = this.attr(name);
    return k < 0 ? undefined : this.attrValue(k);
  }

  /** The current text run, decoded. */
  text(): string {
    return this.decode(this.textStart, this.textEnd, this.cdata);
  }

  private decode(start: number, end: number, literal: boolean): string {
    let s = this.xml.slice(start, end);
    if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
    if (literal || s.indexOf("&") < 0) return s;
    return s.replace(ENTITY, (m, e: string) => {
      if (e[0] !== "#") {
        const named = ENTITIES[e];
        if (named === undefined) this.fail(`undefined entity ${m}`, start);
        return named;
      }
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!(code >= 0 && code <= 0x10ffff)) this.fail(`bad character reference ${m}`, start);
      return String.fromCodePoint(code);
    });
  }
}
