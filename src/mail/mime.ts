/* global TextEncoder, btoa */
import { validateAddress } from "./addresses";

const CRLF = "\r\n";

/**
 * A header value from user data: line breaks and control characters cannot start a new header;
 * bidi overrides and zero-width characters, which can disguise a subject, are dropped.
 */
export function headerText(value: string): string {
  // eslint-disable-next-line no-control-regex
  const controls = /[\r\n\t\u0000-\u001f\u007f-\u009f]+/g;
  const hidden = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
  return value.replace(hidden, "").replace(controls, " ").replace(/\s+/g, " ").trim();
}

function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

function base64(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** RFC 2047 "B" encoded words of at most 39 bytes each, split between characters, one per line. */
export function encodeSubject(subject: string): string {
  const text = headerText(subject);
  if (/^[\x20-\x7e]*$/.test(text) && text.length <= 68) return text;
  const words: string[] = [];
  let chunk = "";
  for (const ch of text) {
    if (utf8(chunk + ch).length > 39) {
      words.push(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64(utf8(w))}?=`).join(`${CRLF} `);
}

function foldAddresses(name: string, addresses: string[]): string {
  let line = `${name}: `;
  const lines: string[] = [];
  addresses.forEach((a, i) => {
    const piece = a + (i < addresses.length - 1 ? "," : "");
    if (line.length + piece.length > 77 && line.trim() !== `${name}:`) {
      lines.push(line.trimEnd());
      line = " ";
    }
    line += `${piece} `;
  });
  lines.push(line.trimEnd());
  return lines.join(CRLF);
}

function bodyPart(contentType: string, text: string): string {
  const b64 = base64(utf8(text.replace(/\r?\n/g, CRLF)));
  const lines = b64.match(/.{1,76}/g) ?? [""];
  return [
    `Content-Type: ${contentType}; charset=UTF-8`,
    "Content-Transfer-Encoding: base64",
    "",
    ...lines,
  ].join(CRLF);
}

function boundaryFor(parts: string[]): string {
  let h = 0x811c9dc5;
  for (const p of parts)
    for (let i = 0; i < p.length; i++) h = Math.imul(h ^ p.charCodeAt(i), 0x01000193) >>> 0;
  return `=_pabw_${h.toString(16).padStart(8, "0")}`;
}

export interface DraftMessage {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/**
 * An RFC 5322 draft: UTF-8, encoded subject, base64 bodies, CRLF, no line over 78 characters,
 * X-Unsent: 1 so Outlook opens it as a draft; never a Bcc. Addresses are checked before use.
 */
export function buildEml(message: DraftMessage): string {
  const to = message.to.map(validateAddress);
  const boundary = boundaryFor([to.join(","), message.subject, message.text, message.html]);
  const headers = [
    foldAddresses("To", to),
    `Subject: ${encodeSubject(message.subject)}`,
    "MIME-Version: 1.0",
    "X-Unsent: 1",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  return [
    ...headers,
    "",
    `--${boundary}`,
    bodyPart("text/plain", message.text),
    `--${boundary}`,
    bodyPart("text/html", message.html),
    `--${boundary}--`,
    "",
  ].join(CRLF);
}
