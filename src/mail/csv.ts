import { NoticeFacts } from "./facts";
import { Words } from "./words";

/** A CSV cell: text that a spreadsheet could read as a formula is prefixed with ' so it stays text. */
export function csvCell(v: string | number | null): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The projection as CSV (UTF-8 with BOM for Excel). Customers get the orders-only balance. */
export function projectionCsv(f: NoticeFacts, w: Words, audience: "internal" | "customer"): string {
  const customer = audience === "customer";
  const header = customer
    ? [w.item, w.projectionHeader[0], w.projectionHeader[1], w.projectionHeader[2], "MPS", "PAB"]
    : [w.item, ...w.projectionHeader];
  const balance = customer ? (f.ordersOnlyPab ?? f.pab) : f.pab;
  const rows = f.periods.map((p, t) =>
    customer
      ? [f.item, p, f.periodStarts[t], f.orders[t], f.mps[t], balance[t]]
      : [
          f.item,
          p,
          f.periodStarts[t],
          f.orders[t],
          f.demand[t],
          f.mps[t],
          f.pab[t],
          w.status[f.status[t]] ?? f.status[t],
        ]
  );
  return `\ufeff${[header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
