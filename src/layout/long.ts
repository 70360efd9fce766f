import { CellPos, CellRange, cellList } from "./address";
import { assemble } from "./assemble";
import { SheetContext } from "./context";
import { readFigure } from "./figures";
import { isFigureCell, isNumberCell } from "./headerRuns";
import { IGNORED_ROLES, Role, SERIES_ROLES, DERIVED_REASON, roleOf } from "./labels";
import { PeriodHeader, parsePeriodHeader, periodKey, periodStarts } from "./periods";
import { CellFigure, PlanRecord, SeriesRow, seriesRow } from "./record";
import { TableHeader, keyText } from "./tableHeader";
import { packedFill, packedMap } from "./arrays";

export function isLongHeader(h: TableHeader): boolean {
  const c = h.columns;
  return (
    c.item !== undefined &&
    c.period !== undefined &&
    (c.orders !== undefined || c.mps !== undefined)
  );
}

interface LongRow {
  row: number;
  key: number;
  header: PeriodHeader;
  label: string;
}

/** One row per item and period, in any order: grouped by item (and site), sorted by period. */
export function readLongTable(
  ctx: SheetContext,
  h: TableHeader,
  startDate: string | null,
  owned: CellRange[] = []
): { records: PlanRecord[]; end: number } {
  const periodCol = h.columns.period as number;
  // A cell PAB Watch wrote (the PAB of a block that shares these rows or columns) is none of the
  // planner's items, periods or figures.
  const ours = owned.filter((a) => a.bottom > h.row);
  const isOursAt = (r: number, c: number | undefined) =>
    c !== undefined && ours.some((a) => a.top <= r && r <= a.bottom && a.left <= c && c <= a.right);
  const isOurs = (r: number) => isOursAt(r, periodCol);
  const seriesColumns = (Object.entries(h.columns) as [Role, number][]).filter(([role]) =>
    SERIES_ROLES.includes(role)
  );
  for (const [role, cols] of Object.entries(h.repeated) as [Role, number[]][]) {
    if (role === "orders" || role === "forecast") {
      ctx.report(
        "error",
        "ambiguous-row",
        ctx.ref(h.row, cols[1]),
        null,
        `${cols.map((c) => ctx.ref(h.row, c)).join(" and ")} could both be the ${role === "orders" ? "customer orders" : "forecast"}; used ${ctx.ref(h.row, cols[0])}`
      );
    }
  }

  const groups = new Map<string, { item: string; site: string | null; rows: LongRow[] }>();
  const allPeriods = new Map<number, LongRow>();
  let end = h.row;
  for (let r = h.row + 1; r <= ctx.bottom; r++) {
    if (ctx.rowIsEmpty(r)) break;
    end = r;
    const item = isOursAt(r, h.columns.item) ? "" : keyText(ctx, r, h.columns.item);
    if (!item) continue;
    const site = (isOursAt(r, h.columns.site) ? "" : keyText(ctx, r, h.columns.site)) || null;
    const raw = isOurs(r) ? "" : ctx.value(r, periodCol);
    let header = parsePeriodHeader(raw, ctx.format(r, periodCol), ctx.date1904);
    if (!header && typeof raw === "number" && Number.isInteger(raw) && raw >= 1 && raw <= 53)
      header = { kind: "number", n: raw };
    const ref = ctx.ref(r, periodCol);
    if (!header || header.kind === "bad") {
      ctx.report(
        "error",
        "bad-period",
        ref,
        item,
        `${ref}: ${header?.kind === "bad" ? header.reason : raw === "" ? "no period given" : `"${String(raw)}" is not a period`}; row ${r + 1} skipped`
      );
      continue;
    }
    const label =
      typeof raw === "string" ? raw.trim() : header.kind === "date" ? header.iso : String(raw);
    const entry: LongRow = { row: r, key: periodKey(header), header, label };
    const key = `${item}\u0000${site ?? ""}`;
    const g = groups.get(key) ?? { item, site, rows: [] };
    groups.set(key, g);
    if (g.rows.some((x) => x.key === entry.key)) {
      ctx.report(
        "error",
        "duplicate-item",
        ref,
        item,
        `${ref}: ${item} has period ${label} twice; the figures are added up`
      );
    }
    g.rows.push(entry);
    if (!allPeriods.has(entry.key)) allPeriods.set(entry.key, entry);
  }

  const unknownColumns = tableColumnsNotUnderstood(ctx, h, end);

  const kinds = new Set([...allPeriods.values()].map((p) => p.header.kind));
  if (kinds.size > 1) {
    ctx.report(
      "error",
      "bad-period",
      ctx.ref(h.row, periodCol),
      null,
      `${ctx.ref(h.row, periodCol)}: the periods mix kinds (${[...kinds].join(", ")})`
    );
  }
  const horizon = [...allPeriods.values()].sort((a, b) => a.key - b.key);
  const index = new Map(horizon.map((p, i) => [p.key, i]));
  const records: PlanRecord[] = [];
  for (const g of groups.values()) {
    g.rows.sort((a, b) => a.key - b.key);
    const rows: SeriesRow[] = seriesColumns
      .filter(([role]) => role !== "pab" && role !== "atp")
      .map(([role, col]) => {
        const values = packedFill(horizon.length, 0);
        const cells = packedFill<CellPos | null>(horizon.length, null);
        for (const lr of g.rows) {
          const t = index.get(lr.key) as number;
          if (isOursAt(lr.row, col)) continue;
          values[t] += ctx.quantity(lr.row, col, g.item).value;
          cells[t] = ctx.at(lr.row, col);
        }
        return seriesRow(
          role,
          ctx.text(h.row, col),
          ctx.at(h.row, col),
          cellList(ctx.name, cells),
          values
        );
      });
    const figure = (role: "onHand" | "safetyStock" | "pastDue"): CellFigure | null => {
      const col = h.columns[role];
      if (col === undefined) return null;
      const lr = g.rows.find((x) => !ctx.isEmpty(x.row, col));
      return lr ? readFigure(ctx, g.item, role, lr.row, col) : null;
    };
    const pabCol = h.columns.pab;
    records.push(
      assemble(ctx, {
        item: g.item,
        itemPos: ctx.at(g.rows[0].row, h.columns.item as number),
        site: g.site,
        layout: "long",
        periods: packedMap(horizon, (p) => p.label),
        periodStarts: periodStarts(
          horizon.map((p) => p.header),
          startDate
        ),
        periodKind: (horizon[0]?.header.kind ?? "number") as PlanRecord["periodKind"],
        periodAt: cellList(
          ctx.name,
          horizon.map((p) => {
            const own = g.rows.find((x) => x.key === p.key);
            return own ? ctx.at(own.row, periodCol) : null;
          })
        ),
        opening: figure("onHand"),
        safetyStock: figure("safetyStock"),
        pastDue: figure("pastDue"),
        rows,
        plannerPab:
          pabCol === undefined ? [] : [longPab(ctx, g.rows, horizon.length, index, pabCol, h.row)],
      })
    );
  }
  // A column of figures nobody understood concerns every item with a figure in it.
  for (const rec of records) {
    const rows = groups.get(`${rec.item}\u0000${rec.site ?? ""}`)?.rows ?? [];
    if (unknownColumns.some((c) => rows.some((lr) => isNumberCell(ctx, lr.row, c))))
      rec.flagged = true;
  }
  return { records, end };
}

/** Columns of the table holding figures under a header that names no role: reported once each, by cell. */
function tableColumnsNotUnderstood(ctx: SheetContext, h: TableHeader, end: number): number[] {
  const known = new Set(Object.values(h.columns).concat(...Object.values(h.repeated)));
  const out: number[] = [];
  for (let c = ctx.sheet.left; c <= ctx.right; c++) {
    if (known.has(c)) continue;
    let first = -1;
    for (let r = h.row + 1; r <= end && first < 0; r++) if (isFigureCell(ctx, r, c)) first = r;
    if (first < 0) continue;
    const text = ctx.text(h.row, c);
    const at = ctx.ref(h.row, c);
    const role = text ? roleOf(text) : null;
    if (role && IGNORED_ROLES.includes(role)) {
      ctx.report(
        "info",
        "derived-row",
        at,
        null,
        `${at}: column "${text}" ${DERIVED_REASON}; read and not used`
      );
      continue;
    }
    out.push(c);
    ctx.report(
      "error",
      "row-not-understood",
      text ? at : ctx.ref(first, c),
      null,
      text
        ? `${at}: column "${text}" holds figures, but PAB Watch does not know what "${text}" is; it is not used, and the items with figures in it are flagged. Rename it or give it a role with a mapping`
        : `${ctx.ref(first, c)}: this column of the table holds figures but has no header; it is not used, and the items with figures in it are flagged`
    );
  }
  return out;
}

function longPab(
  ctx: SheetContext,
  rows: LongRow[],
  n: number,
  index: Map<number, number>,
  col: number,
  headerRow: number
): NonNullable<PlanRecord["plannerPab"]> {
  const values = packedFill<number | null>(n, null);
  const cells = packedFill<CellPos | null>(n, null);
  let formulas = false;
  for (const lr of rows) {
    const t = index.get(lr.key) as number;
    const v = ctx.value(lr.row, col);
    values[t] = typeof v === "number" ? v : null;
    cells[t] = ctx.at(lr.row, col);
    formulas ||= ctx.formula(lr.row, col) !== undefined;
  }
  return {
    row: seriesRow(
      "pab",
      ctx.text(headerRow, col),
      ctx.at(headerRow, col),
      cellList(ctx.name, cells),
      packedMap(values, (v) => v ?? 0)
    ),
    values,
    formulas,
  };
}
