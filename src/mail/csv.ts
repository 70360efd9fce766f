import { Incident } from "../incidents";
import { NoticeFacts } from "./facts";
import { Words } from "./words";

/** A CSV cell: text that a spreadsheet could read as a formula is prefixed with ' so it stays text. */
export function csvCell(v: string | number | null): string {
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const BOM = "\ufeff";

function csvText(rows: (string | number | null)[][]): string {
  return `${BOM}${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/**
 * The CSV beside a notice (UTF-8 with BOM for Excel). Colleagues get the projection; a customer
 * gets only their own order lines, never our orders, MPS or balance.
 */
export function projectionCsv(
  facts: NoticeFacts | readonly NoticeFacts[],
  w: Words,
  audience: "internal" | "customer",
  incident: Incident = {}
): string {
  const list: readonly NoticeFacts[] = Array.isArray(facts) ? facts : [facts as NoticeFacts];
  if (audience === "customer") {
    const items = new Set(list.map((f) => f.item));
    // Several items: only the orders of the incident's items, each with its own part number.
    const orders = (incident.customer?.orders ?? []).filter(
      (o) => list.length === 1 || (o.item !== undefined && items.has(o.item))
    );
    return csvText([
      [w.partLabel, ...w.ordersHeader],
      ...orders.map((o) => [
        o.partNumber ??
          (list.length === 1 ? incident.customer?.partNumber : undefined) ??
          o.item ??
          list[0].item,
        o.po,
        o.line ?? "",
        o.quantity,
        o.originalDate,
        o.newDate ?? "",
        o.newQuantity ?? o.quantity,
      ]),
    ]);
  }
  return csvText([
    [w.item, ...w.projectionHeader],
    ...list.flatMap((f) =>
      f.periods.map((p, t) => [
        f.item,
        p,
        f.periodStarts[t],
        f.orders[t],
        f.demand[t],
        f.mps[t],
        f.pab[t],
        w.status[f.status[t]] ?? f.status[t],
      ])
    ),
  ]);
}
