import { Diagnostic, LayoutMapping, PlanRecord, a1, columnName, parseRange } from "../../layout";
import { problemZh } from "../../layout/diagnosticsZh";
import { ReportItem } from "../../report";

export type MappingRole =
  "item" | "periods" | "orders" | "supply" | "onHand" | "safetyStock" | "pab";

/** Roles held by a whole row of figures, and the reader's role word for each. */
const ROW_ROLES: Partial<Record<MappingRole, "orders" | "mps" | "pab">> = {
  orders: "orders",
  supply: "mps",
  pab: "pab",
};
/** Roles held by one cell (the value, not its label). */
const CELL_ROLES: Partial<Record<MappingRole, "item" | "onHand" | "safetyStock">> = {
  item: "item",
  onHand: "onHand",
  safetyStock: "safetyStock",
};

export const MAPPING_ROLES: MappingRole[] = [
  "item",
  "periods",
  "orders",
  "supply",
  "onHand",
  "safetyStock",
  "pab",
];

/** "MPS!B5:I5", "'Weekly plan'!$B$5" → sheet and range; null when it is not one area on one sheet. */
export function parseSelection(
  address: string
): { sheet: string; range: ReturnType<typeof parseRange> } | null {
  const bang = address.lastIndexOf("!");
  if (bang <= 0) return null;
  const raw = address.slice(0, bang);
  const quoted = /^'((?:[^']|'')+)'$/.exec(raw);
  if (!quoted && /[!,;'\s]/.test(raw)) return null;
  const sheet = quoted ? quoted[1].replace(/''/g, "'") : raw;
  const ref = address.slice(bang + 1).replace(/\$/g, "");
  if (!/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/i.test(ref)) return null;
  return { sheet, range: parseRange(ref.toUpperCase()) };
}

/** Why a selection cannot be given a role: not one area on one sheet, or not a period header's shape. */
export function selectionProblem(
  role: MappingRole,
  address: string
): "not-one-sheet" | "not-a-header" | null {
  const sel = parseSelection(address);
  if (!sel) return "not-one-sheet";
  const { top, left, bottom, right } = sel.range;
  const line = top === bottom || left === right;
  if (role === "periods" && (!line || (top === bottom && left === right))) return "not-a-header";
  return null;
}

/**
 * The selection given a role, as plain data the reader (and `pab-watch scan --mapping`) takes:
 * rows of figures by their 1-based row number (columns by letter where the sheet's mapped periods
 * run down a column), single values by their cell, the period header as its range.
 */
export function withSelection(
  mapping: LayoutMapping | null,
  role: MappingRole,
  address: string
): LayoutMapping | null {
  const sel = parseSelection(address);
  if (!sel || selectionProblem(role, address)) return null;
  const sheets = { ...(mapping?.sheets ?? {}) };
  const current = sheets[sel.sheet] ?? {};
  const rows = { ...(current.rows ?? {}) };
  const cells = { ...(current.cells ?? {}) };
  const rowRole = ROW_ROLES[role];
  const cellRole = CELL_ROLES[role];
  const { top, left, bottom, right } = sel.range;
  const mappedPeriods = current.periods ? parseRange(current.periods) : null;
  const periodsDown = !!mappedPeriods && mappedPeriods.top !== mappedPeriods.bottom;
  let columns = current.columns;
  if (role === "periods") {
    sheets[sel.sheet] = { ...current, periods: `${a1(top, left)}:${a1(bottom, right)}` };
    return { ...mapping, sheets };
  }
  if (rowRole && periodsDown) {
    columns = { ...(columns ?? {}) };
    for (let c = left; c <= right; c++) columns[columnName(c)] = rowRole;
  } else if (rowRole) {
    for (let r = top; r <= bottom; r++) rows[r + 1] = rowRole;
  } else if (cellRole) {
    cells[a1(top, left)] = cellRole;
  }
  sheets[sel.sheet] = { ...current, rows, cells, ...(columns ? { columns } : {}) };
  return { ...mapping, sheets };
}

export interface MappingLine {
  sheet: string;
  where: string;
  role: string;
}

/** The mapping as lines a person can read back. */
export function mappingLines(mapping: LayoutMapping | null): MappingLine[] {
  const out: MappingLine[] = [];
  for (const [sheet, m] of Object.entries(mapping?.sheets ?? {})) {
    if (m.periods) out.push({ sheet, where: m.periods, role: "periods" });
    for (const [column, role] of Object.entries(m.columns ?? {}))
      out.push({ sheet, where: `${column}:${column}`, role });
    for (const [row, role] of Object.entries(m.rows ?? {}))
      out.push({ sheet, where: `${row}:${row}`, role });
    for (const [cell, role] of Object.entries(m.cells ?? {}))
      out.push({ sheet, where: cell, role });
  }
  return out;
}

function span(cells: string[]): string | null {
  if (!cells.length) return null;
  if (cells.length === 1) return cells[0];
  const last = cells[cells.length - 1];
  return `${cells[0]}:${last.slice(last.lastIndexOf("!") + 1)}`;
}

export interface ReaderView {
  item: string;
  sheet: string;
  roles: Record<MappingRole | "periods", string | null>;
}

/** What the reader took for each role of each plan it read. */
export function readerView(records: PlanRecord[], items: ReportItem[]): ReaderView[] {
  return records.map((r, i) => ({
    item: r.item,
    sheet: r.sheet,
    roles: {
      item: r.itemCell,
      periods:
        r.periodCells.length > 0
          ? `${span(r.periodCells)} (${r.periods[0]}${r.periods.length > 1 ? ` … ${r.periods[r.periods.length - 1]}` : ""})`
          : null,
      orders: r.orders ? span(r.orders.cells) : null,
      supply: r.supply.length ? r.supply.map((s) => span(s.cells)).join(", ") : null,
      onHand: r.opening?.cell ?? null,
      safetyStock: r.safetyStock?.cell ?? null,
      pab: span(items[i]?.pabCells.length ? items[i].pabCells : (r.plannerPab?.row.cells ?? [])),
    },
  }));
}

/** A reader diagnostic in the pane's language (the reader writes English; Chinese from its code and quoted values). */
export function diagnosticText(d: Diagnostic, lang: string): string {
  return lang === "zh-CN" ? problemZh(d) : d.message;
}

/** What the reader saw but could not place, or was unsure of: the reasons to open the mapping. */
export function unplaced(diagnostics: Diagnostic[]): Diagnostic[] {
  const codes = new Set([
    "row-not-understood",
    "ambiguous-row",
    "no-plan-found",
    "no-opening-balance",
    "mapping-invalid",
    "item-missing",
  ]);
  return diagnostics.filter((d) => codes.has(d.code));
}
