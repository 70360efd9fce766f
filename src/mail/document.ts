import { formatQuantity } from "./quantity";
import { Language } from "./words";

/** A notice as structure, rendered to plain text and HTML; values from cells are escaped on the way out. */
export type Val = string | number | { fill: string };
export type Line = Val | Val[];

export type Block =
  | { kind: "p"; text: Line }
  /** Lines kept together, without a blank line between them (a letter's closing). */
  | { kind: "lines"; lines: Line[] }
  | { kind: "h"; text: string }
  | { kind: "list"; items: Line[] }
  | { kind: "fields"; rows: [string, Line][] }
  | { kind: "table"; header: string[]; rows: Val[][] };

export function fill(what: string): { fill: string } {
  return { fill: what };
}

/** How a notice's language writes what is left to fill, a field's colon and a number. */
export interface TextStyle {
  lang: Language;
  fill: (what: string) => string;
  colon: string;
}

function valText(v: Val, style: TextStyle): string {
  if (typeof v === "object") return style.fill(v.fill);
  return typeof v === "number" ? formatQuantity(v, style.lang) : v;
}

export function lineText(l: Line, style: TextStyle): string {
  return (Array.isArray(l) ? l : [l]).map((v) => valText(v, style)).join("");
}

/** Width as a fixed-width font shows it: CJK characters take two columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch
      )
        ? 2
        : 1;
  return w;
}

export function renderText(blocks: Block[], style: TextStyle): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case "h":
        out.push("", b.text, "-".repeat(Math.min(60, displayWidth(b.text))));
        break;
      case "p":
        out.push("", lineText(b.text, style));
        break;
      case "lines":
        out.push("", ...b.lines.map((l) => lineText(l, style)));
        break;
      case "list":
        out.push("", ...b.items.map((i) => `- ${lineText(i, style)}`));
        break;
      case "fields": {
        out.push("");
        for (const [k, v] of b.rows) out.push(`${k}${style.colon}${lineText(v, style)}`);
        break;
      }
      case "table": {
        const cells = [b.header, ...b.rows.map((r) => r.map((v) => valText(v, style)))];
        const widths = b.header.map((_h, c) =>
          Math.max(...cells.map((r) => displayWidth(r[c] ?? "")))
        );
        const pad = (s: string, c: number) => {
          const gap = " ".repeat(widths[c] - displayWidth(s));
          return /^-?[\d,.]+$/.test(s) ? gap + s : s + gap;
        };
        out.push(
          "",
          ...cells.map((r) =>
            r
              .map((s, c) => pad(s ?? "", c))
              .join("  ")
              .trimEnd()
          )
        );
        break;
      }
    }
  }
  return `${out.join("\n").trim()}\n`;
}

/** HTML for values from cells and incidents: never markup. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function valHtml(v: Val, style: TextStyle): string {
  if (typeof v === "object")
    return `<mark style="background:#fff3b0">${escapeHtml(style.fill(v.fill))}</mark>`;
  return escapeHtml(valText(v, style));
}

function lineHtml(l: Line, style: TextStyle): string {
  return (Array.isArray(l) ? l : [l]).map((v) => valHtml(v, style)).join("");
}

export function renderHtml(blocks: Block[], style: TextStyle): string {
  const lang = style.lang;
  const cell = "border:1px solid #c8c8c8;padding:3px 8px";
  const body = blocks
    .map((b) => {
      switch (b.kind) {
        case "h":
          return `<h3 style="margin:18px 0 6px;font-size:15px">${escapeHtml(b.text)}</h3>`;
        case "p":
          return `<p style="margin:8px 0">${lineHtml(b.text, style)}</p>`;
        case "lines":
          return `<p style="margin:8px 0">${b.lines.map((l) => lineHtml(l, style)).join("<br>")}</p>`;
        case "list":
          return `<ul style="margin:6px 0">${b.items.map((i) => `<li>${lineHtml(i, style)}</li>`).join("")}</ul>`;
        case "fields":
          return `<table style="border-collapse:collapse;margin:6px 0">${b.rows
            .map(
              ([k, v]) =>
                `<tr><th style="${cell};text-align:left;background:#f3f3f3">${escapeHtml(k)}</th><td style="${cell}">${lineHtml(v, style)}</td></tr>`
            )
            .join("")}</table>`;
        case "table":
          return `<table style="border-collapse:collapse;margin:6px 0"><tr>${b.header
            .map((h) => `<th style="${cell};background:#f3f3f3">${escapeHtml(h)}</th>`)
            .join("")}</tr>${b.rows
            .map(
              (r) =>
                `<tr>${r.map((v) => `<td style="${cell}${typeof v === "number" ? ";text-align:right" : ""}">${valHtml(v, style)}</td>`).join("")}</tr>`
            )
            .join("")}</table>`;
      }
    })
    .join("\n");
  return `<!DOCTYPE html>\n<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"></head>\n<body style="font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#222">\n${body}\n</body></html>\n`;
}
