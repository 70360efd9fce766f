// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** Whether escapeXml would change the text. */
export function needsEscape(text: string): boolean {
  return NEEDS_ESCAPE.test(text);
}

/** Text for XML element content or attribute values. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text; // most formulas: nothing to escape
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      // XML 1.0 cannot carry these control characters at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
  );
}

/** The value of attribute `name` in a start tag, or null. */
export function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}="([^"]*)"`).exec(tag);
  return m ? m[1] : null;
}

/** A start tag with attribute `name` set (or removed with null). */
export function withAttr(tag: string, name: string, value: string | null): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}="[^"]*"`);
  const stripped = tag.replace(re, "");
  if (value === null) return stripped;
  return stripped.replace(/^(<[\w:]+)/, `$1 ${name}="${escapeXml(value)}"`);
}
