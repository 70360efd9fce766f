import {
  PlanRecord,
  SUMMARY_SHEET,
  SheetSnapshot,
  WorkbookSnapshot,
  cellOf,
  cellPos,
  columnName,
} from "../layout";
import { Finding, Language } from "../report";
import { cellPabFormula, openingRef } from "./cellFormulas";
import { Context, commit, commitParts, sheetOf } from "./commit";
import { Ownership, contentOf, hashOf } from "./ownership";
import {
  LongTableColumns,
  alignedRows,
  liveEligible,
  livePabFormula,
  longRowPabFormula,
  pabRun,
  adjacentPeriods,
} from "./pabFormulas";
import { writePlanOf } from "./pabRun";
import { CellPos, PabPlace, RowSpan, cellAt, formulaRef, isWritten, placed } from "./refs";
import { annotatePeriodsDown } from "./periodsDown";
import { annotateRowPerPart } from "./rowPerPart";
import { RuleSet } from "./rules";
import { summarySheet } from "./summary";
import { CellWrite, OWNED_NAME_PREFIX, PlannedCell, RULE_MARKER, WritePlan } from "./writePlan";

export interface AnnotateOptions {
  fence?: number;
  lang?: Language;
  /** Live mode: one spilled =PAB.BALANCE per item where the layout allows (needs the add-in). */
  live?: boolean;
  /** Side-sheet mode: no planner cell touched; the PAB goes on the PAB Watch sheet, referencing theirs. */
  sideSheet?: boolean;
}

const PAB_LABEL: Record<Language, string> = {
  en: "PAB (PAB Watch)",
  "zh-CN": "预计可用库存（PAB Watch）",
};

/**
 * Last row of an aligned record (grid, pivot): each of its rows lies in one sheet row; a grid
 * block's derived, beginning-inventory and unknown rows count too (blockEnd).
 */
function lastRowOf(record: PlanRecord): number {
  const rows = [record.orders, record.forecast, ...record.supply]
    .filter((s): s is NonNullable<typeof s> => !!s)
    .map((s) => cellAt(s.at, 0).row);
  if (record.blockEnd) rows.push(record.blockEnd.row);
  return Math.max(...rows);
}

/** Grid and pivot records: one PAB per period column, in a row. Returns where the PAB went. */
function annotateAligned(
  ctx: Context,
  f: Finding,
  pabRow: number,
  labelColumn: number,
  labelText: string | null,
  otherwise?: string
): PabPlace {
  const r = f.record;
  const sheet = r.sheet;
  // Period headers are adjacent columns (a header run), so the first one places them all.
  const first = cellAt(r.periodAt, 0).column;
  const pab: RowSpan = { sheet, row: pabRow, column: first, count: r.periodAt.columns.length };
  const live = ctx.live && liveEligible(r);
  const writes: PlannedCell[] = live
    ? [
        {
          sheet,
          row: pabRow,
          column: first,
          formula: livePabFormula(
            alignedRows(
              r,
              sheet,
              r.periodAt.columns.map((_c, t) => columnName(first + t))
            ),
            ctx.fence
          ),
          cached: f.plan.pab[0],
        },
      ]
    : [pabRun(r, sheet, pabRow, first, pab.count, f.plan.pab, ctx.fence)];
  if (live) {
    // The spill needs its cells empty (or still spilled from our own formula).
    let blocked: CellPos | null = null;
    for (let t = 1; t < pab.count && !blocked; t++) {
      const p = { sheet, row: pabRow, column: first + t };
      if (!spillFree(ctx, p)) blocked = p;
    }
    if (blocked) {
      const ref = formulaRef(blocked, "");
      const now = contentOf(sheetOf(ctx, sheet), blocked.row, blocked.column);
      ctx.diagnostics.push({
        severity: "warning",
        code: "cell-in-the-way",
        cell: ref,
        item: r.item,
        message: `${ref} holds "${now}", which PAB Watch did not write; ${r.item}'s PAB cannot spill there, ${otherwise ?? "so it is not written"}`,
      });
      return [];
    }
  }
  if (labelText !== null)
    writes.unshift({ sheet, row: pabRow, column: labelColumn, text: labelText });
  if (!commit(ctx, r.item, writes, `${r.item}'s PAB`, otherwise)) return [];
  addAlignedRules(ctx, r, pab);
  return pab;
}

/** A cell a live PAB may spill into: empty, ours, or already showing our own spill. */
function spillFree(ctx: Context, p: CellPos): boolean {
  const sheet = sheetOf(ctx, p.sheet);
  if (contentOf(sheet, p.row, p.column) === "" || ctx.ownership.owns(p.sheet, p.row, p.column))
    return true;
  return spilledFromOurs(ctx, sheet, p);
}

/** A value left of which, in the same row, sits our own =PAB.BALANCE anchor with nothing but values between. */
function spilledFromOurs(ctx: Context, sheet: SheetSnapshot, p: CellPos): boolean {
  if (sheet.formulas[`${columnName(p.column)}${p.row + 1}`] !== undefined) return false;
  for (let c = p.column - 1; c >= sheet.left; c--) {
    const f = sheet.formulas[`${columnName(c)}${p.row + 1}`];
    if (f === undefined) continue;
    return f.startsWith("=PAB.BALANCE(") && ctx.ownership.owns(p.sheet, p.row, c);
  }
  return false;
}

function addAlignedRules(ctx: Context, r: PlanRecord, pab: RowSpan): void {
  const sheet = r.sheet;
  const row = pab.row;
  const left = pab.column;
  const right = pab.column + pab.count - 1;
  const rel = (ar: number, ac: number, dr: number) => `${columnName(ac)}${ar + dr + 1}`;
  ctx.rules.add(
    sheet,
    "short",
    (ar, ac) => `AND(${RULE_MARKER},${rel(ar, ac, 0)}<0)`,
    row,
    left,
    row,
    right
  );
  if (r.safetyStock && r.safetyStock.value > 0) {
    const ss = cellPos(r.safetyStock.cell);
    const ssRef = (ar: number) =>
      ss.sheet === sheet
        ? `$${columnName(ss.column)}${ar + (ss.row - row) + 1}`
        : formulaRef(ss, sheet, "both");
    ctx.rules.add(
      sheet,
      "low",
      (ar, ac) => `AND(${RULE_MARKER},${rel(ar, ac, 0)}>=0,${rel(ar, ac, 0)}<${ssRef(ar)})`,
      row,
      left,
      row,
      right
    );
  }
  const supplyRows = r.supply.map((s) => cellAt(s.at, 0).row);
  for (const sRow of supplyRows) {
    const template = (ar: number, ac: number) => {
      const total = supplyRows.map((x) => rel(ar, ac, x - sRow)).join("+");
      const p = rel(ar, ac, row - sRow);
      return `AND(${RULE_MARKER},${rel(ar, ac, 0)}>0,${p}>=0,${p}-(${total})<0)`;
    };
    ctx.rules.add(sheet, "receipt", template, sRow, left, sRow, right);
  }
}

function annotateGrid(ctx: Context, f: Finding): PabPlace {
  const r = f.record;
  const own = r.plannerPab;
  if (own) {
    const first = cellAt(own.row.at, 0);
    const labelPos = placed(own.row.labelPos);
    const ours = ctx.ownership.owns(r.sheet, labelPos.row, labelPos.column);
    const pabRowFree = own.row.at.rows.every((_row, t) => {
      const p = cellAt(own.row.at, t);
      const now = contentOf(sheetOf(ctx, r.sheet), p.row, p.column);
      return (
        now === "" ||
        ctx.ownership.owns(r.sheet, p.row, p.column) ||
        spilledFromOurs(ctx, sheetOf(ctx, r.sheet), p)
      );
    });
    // The planner's own PAB row with figures in it is audited (pab-differs), never overwritten.
    if (!pabRowFree) return [];
    return annotateAligned(ctx, f, first.row, labelPos.column, ours ? ctx.label : null);
  }
  const label = (r.orders ?? r.supply[0])?.labelPos;
  if (!label) return [];
  const cells = annotateAligned(
    ctx,
    f,
    lastRowOf(r) + 1,
    label.column,
    ctx.label,
    fallbackNote(r.item)
  );
  if (!isWritten(cells)) ctx.fallback.push(f);
  return cells;
}

function fallbackNote(item: string): string {
  return `so ${item}'s PAB goes on the ${SUMMARY_SHEET} sheet instead`;
}

function annotatePivotTable(ctx: Context, findings: Finding[]): Map<Finding, PabPlace> {
  const out = new Map<Finding, PabPlace>();
  const end = findings.reduce((m, f) => Math.max(m, lastRowOf(f.record)), -Infinity);
  findings.forEach((f, k) => {
    const label = (f.record.orders ?? f.record.supply[0])?.labelPos;
    if (!label) return;
    const cells = annotateAligned(
      ctx,
      f,
      end + 2 + k,
      label.column,
      `${f.record.item}: ${ctx.label}`,
      fallbackNote(f.record.item)
    );
    if (!isWritten(cells)) ctx.fallback.push(f);
    out.set(f, cells);
  });
  return out;
}

function columnOf(pos: CellPos | null | undefined): number | null {
  return pos ? pos.column : null;
}

/** Looks a per-item figure up by item, whatever the row order: INDEX/MATCH on the figure's own table. */
function lookupFigure(
  ctx: Context,
  r: PlanRecord,
  pos: CellPos,
  itemRef: string,
  onSheet: string
): string {
  const sheet = sheetOf(ctx, pos.sheet);
  let itemColumn = -1;
  for (let c = sheet.left; c < sheet.left + (sheet.values[0]?.length ?? 0); c++) {
    if (contentOf(sheet, pos.row, c) === r.item) {
      itemColumn = c;
      break;
    }
  }
  if (itemColumn < 0) return formulaRef(pos, onSheet, "both");
  const col = (c: number) =>
    formulaRef({ sheet: pos.sheet, row: 0, column: c }, onSheet, "column").replace(/\d+$/, "");
  const whole = (c: number) => {
    const ref = col(c);
    const bang = ref.lastIndexOf("!");
    return bang < 0 ? `${ref}:${ref}` : `${ref}:${ref.slice(bang + 1)}`;
  };
  return `INDEX(${whole(pos.column)},MATCH(${itemRef},${whole(itemColumn)},0))`;
}

/**
 * Rows of a long table's PAB column one name records: a column of 260,000 formulas is then written
 * over several round trips (each under the request cap), each block of rows with its name, and a
 * planner's edit in one block leaves the others ours.
 */
export const LONG_COLUMN_PART_ROWS = 250;

/** The label and the column's first rows, then a part per LONG_COLUMN_PART_ROWS rows. */
function columnParts(writes: CellWrite[], firstRow: number): CellWrite[][] {
  const parts: CellWrite[][] = [];
  for (const w of writes) {
    const k = Math.max(0, Math.floor((w.row - firstRow) / LONG_COLUMN_PART_ROWS));
    while (parts.length <= k) parts.push([]);
    parts[k].push(w);
  }
  return parts.filter((p) => p.length);
}

function annotateLongTable(ctx: Context, findings: Finding[]): Map<Finding, CellPos[]> {
  const out = new Map<Finding, CellPos[]>();
  const first = findings[0].record;
  const sheetName = first.sheet;
  const sheet = sheetOf(ctx, sheetName);
  const headerRow = placed((first.orders ?? first.supply[0]).labelPos).row;
  const rows = findings.flatMap((f) => f.record.periodAt.rows.filter((row) => row >= 0));
  const cols: LongTableColumns = {
    sheet: sheetName,
    headerRow,
    firstRow: rows.reduce((m, r) => Math.min(m, r), Infinity),
    lastRow: rows.reduce((m, r) => Math.max(m, r), -Infinity),
    item: placed(first.itemPos).column,
    period: cellAt(
      first.periodAt,
      first.periodAt.rows.findIndex((row) => row >= 0)
    ).column,
    orders: columnOf(first.orders?.labelPos),
    forecast: columnOf(first.forecast?.labelPos),
    supply: first.supply.map((s) => placed(s.labelPos).column),
  };
  const used = [cols.item, cols.period, ...cols.supply, cols.orders ?? -1, cols.forecast ?? -1];
  const fenceValue = (f: Finding): number | null => {
    if (ctx.fence <= 0) return null;
    const cells = f.record.periodAt;
    const cell = cellOf(cells, Math.min(ctx.fence, cells.rows.length - 1));
    const v = cell ? sheet.values[cell.row - sheet.top]?.[cell.column - sheet.left] : null;
    return typeof v === "number" ? v : null;
  };
  // Our column: the first one right of the table that is free from the header down.
  let column = Math.max(...used) + 1;
  for (; ; column++) {
    const probe: CellWrite[] = [{ sheet: sheetName, row: headerRow, column, text: ctx.label }];
    for (let r = cols.firstRow; r <= cols.lastRow; r++)
      probe.push({ sheet: sheetName, row: r, column, formula: "" });
    const free = probe.every(
      (w) =>
        contentOf(sheet, w.row, w.column) === "" || ctx.ownership.owns(sheetName, w.row, w.column)
    );
    if (free || column > 16000) break;
  }
  const writes: CellWrite[] = [{ sheet: sheetName, row: headerRow, column, text: ctx.label }];
  for (const f of findings) {
    const r = f.record;
    const pab: CellPos[] = [];
    const openingAt = r.opening ? cellPos(r.opening.cell) : null;
    const pastDueAt = r.pastDue ? cellPos(r.pastDue.cell) : null;
    r.periodAt.rows.forEach((row, t) => {
      if (row < 0) return;
      const itemRef = `$${columnName(cols.item)}${row + 1}`;
      const opening = openingAt ? lookupFigure(ctx, r, openingAt, itemRef, sheetName) : "0";
      const pastDue = pastDueAt ? lookupFigure(ctx, r, pastDueAt, itemRef, sheetName) : null;
      writes.push({
        sheet: sheetName,
        row,
        column,
        formula: longRowPabFormula(cols, row, opening, pastDue, r.forecast ? fenceValue(f) : null),
        cached: f.plan.pab[t],
      });
      pab[t] = { sheet: sheetName, row, column };
    });
    out.set(f, pab);
  }
  if (!commitParts(ctx, first.item, columnParts(writes, cols.firstRow), "the PAB column"))
    return new Map();

  const rel = (ar: number, c: number) => `${columnName(c)}${ar + 1}`;
  ctx.rules.add(
    sheetName,
    "short",
    (ar) => `AND(${RULE_MARKER},${rel(ar, column)}<0)`,
    cols.firstRow,
    column,
    cols.lastRow,
    column
  );
  const ss = first.safetyStock ? cellPos(first.safetyStock.cell) : null;
  if (ss) {
    ctx.rules.add(
      sheetName,
      "low",
      (ar) =>
        `AND(${RULE_MARKER},${rel(ar, column)}>=0,${rel(ar, column)}<${lookupFigure(ctx, first, ss, `$${columnName(cols.item)}${ar + 1}`, sheetName)})`,
      cols.firstRow,
      column,
      cols.lastRow,
      column
    );
  }
  for (const sc of cols.supply) {
    const total = (ar: number) => cols.supply.map((c) => rel(ar, c)).join("+");
    ctx.rules.add(
      sheetName,
      "receipt",
      (ar) =>
        `AND(${RULE_MARKER},${rel(ar, sc)}>0,${rel(ar, column)}>=0,${rel(ar, column)}-(${total(ar)})<0)`,
      cols.firstRow,
      sc,
      cols.lastRow,
      sc
    );
  }
  return out;
}

const SIDE_TITLE: Record<Language, string> = {
  en: "PAB per period: formulas over your sheets (nothing in them was changed)",
  "zh-CN": "各期预计可用库存：引用您工作表的公式（未改动您的工作表）",
};

const SIDE_SAFETY: Record<Language, string> = {
  en: "Safety stock",
  "zh-CN": "安全库存",
};

/**
 * Side-sheet mode: each aligned item's PAB as formulas on the PAB Watch sheet, under the summary;
 * right of its periods, a reference to its safety stock, so one "below safety stock" rule reads every
 * item's own threshold from its row.
 */
function annotateSideSheet(
  ctx: Context,
  findings: Finding[],
  startRow: number,
  lang: Language
): Map<Finding, PabPlace> {
  const out = new Map<Finding, PabPlace>();
  const sheet = SUMMARY_SHEET;
  let row = startRow;
  const writes: PlannedCell[] = [{ sheet, row: row++, column: 0, text: SIDE_TITLE[lang] }];
  let lastHeader = "";
  for (const f of findings) {
    const r = f.record;
    if (r.layout === "long") {
      ctx.diagnostics.push({
        severity: "info",
        code: "not-on-side-sheet",
        cell: r.orders?.labelCell ?? null,
        item: r.item,
        message: `${r.item}: a long table's PAB needs a column of its own; in side-sheet mode it is only in the summary`,
      });
      continue;
    }
    if (r.periods.join("\u0000") !== lastHeader) {
      lastHeader = r.periods.join("\u0000");
      writes.push(
        { sheet, row, column: 0, text: ctx.label },
        ...r.periods.map((p, t) => ({ sheet, row, column: 2 + t, text: p })),
        { sheet, row, column: 2 + r.periods.length, text: SIDE_SAFETY[lang] }
      );
      row++;
    }
    // Periods down a column or in blocks per measure: each of the planner's cells named.
    const cellwise =
      r.layout === "periods-down" || r.layout === "row-per-part" || !adjacentPeriods(r);
    writes.push({ sheet, row, column: 0, text: r.item }, { sheet, row, column: 1, text: r.sheet });
    const pab: RowSpan = { sheet, row, column: 2, count: r.periods.length };
    if (!cellwise) writes.push(pabRun(r, sheet, row, 2, pab.count, f.plan.pab, ctx.fence));
    else
      for (let t = 0; t < pab.count; t++)
        writes.push({
          sheet,
          row,
          column: 2 + t,
          formula: cellPabFormula(
            r,
            t,
            t === 0 ? openingRef(r, sheet) : `${columnName(1 + t)}${row + 1}`,
            sheet,
            ctx.fence
          ),
          cached: f.plan.pab[t],
        });
    const rel = (ar: number, ac: number) => `${columnName(ac)}${ar + 1}`;
    ctx.rules.add(
      sheet,
      "short",
      (ar, ac) => `AND(${RULE_MARKER},${rel(ar, ac)}<0)`,
      row,
      2,
      row,
      1 + r.periods.length
    );
    if (r.safetyStock) {
      writes.push({
        sheet,
        row,
        column: 2 + r.periods.length,
        formula: formulaRef(cellPos(r.safetyStock.cell), sheet, "both"),
        cached: r.safetyStock.value,
      });
    }
    if (r.safetyStock && r.safetyStock.value > 0) {
      const ss = columnName(2 + r.periods.length);
      ctx.rules.add(
        sheet,
        "low",
        (ar, ac) => `AND(${RULE_MARKER},${rel(ar, ac)}>=0,${rel(ar, ac)}<$${ss}${ar + 1})`,
        row,
        2,
        row,
        1 + r.periods.length
      );
    }
    out.set(f, pab);
    row++;
  }
  // A loop, not push(...writes): JavaScriptCore (Excel on Mac) caps a call at 65,536 arguments.
  for (const w of writes) ctx.writes.push(w);
  return out;
}

/** Findings → the cells, rules, ownership records and summary page to write. */
export function buildWritePlan(
  workbook: WorkbookSnapshot,
  findings: Finding[],
  options: AnnotateOptions = {}
): WritePlan {
  const lang = options.lang ?? "en";
  const ctx: Context = {
    workbook,
    ownership: new Ownership(workbook),
    writes: [],
    owned: [],
    rules: new RuleSet(),
    diagnostics: [],
    fence: options.fence ?? 0,
    label: PAB_LABEL[lang],
    live: options.live ?? false,
    fallback: [],
  };
  const placed = new Map<Finding, PabPlace>();
  const tables = new Map<string, Finding[]>();
  for (const f of options.sideSheet ? [] : findings) {
    const r = f.record;
    if (r.layout === "grid") placed.set(f, annotateGrid(ctx, f));
    else if (r.layout === "periods-down") {
      const cells = annotatePeriodsDown(ctx, f, fallbackNote(r.item));
      if (cells) placed.set(f, cells);
      else ctx.fallback.push(f);
    } else {
      const at = r.layout === "long" ? (r.orders ?? r.supply[0])?.labelPos : cellOf(r.periodAt, 0);
      const key = `${r.layout}\u0000${r.sheet}\u0000${at ? `${at.row},${at.column}` : ""}`;
      const group = tables.get(key);
      if (group) group.push(f);
      else tables.set(key, [f]);
    }
  }
  for (const group of tables.values()) {
    const layout = group[0].record.layout;
    const result =
      layout === "long"
        ? annotateLongTable(ctx, group)
        : layout === "row-per-part"
          ? annotateRowPerPart(ctx, group)
          : annotatePivotTable(ctx, group);
    for (const [f, cells] of result) placed.set(f, cells);
  }
  const summary = summarySheet(findings, lang);
  const onSummary = options.sideSheet ? findings : ctx.fallback;
  if (onSummary.length) {
    for (const [f, cells] of annotateSideSheet(ctx, onSummary, summary.rows.length + 6, lang))
      placed.set(f, cells);
  }
  ctx.owned.push({
    name: `${OWNED_NAME_PREFIX}summary`,
    sheet: SUMMARY_SHEET,
    ranges: ["A1"],
    hash: hashOf([[0, 0]], [summary.title]),
  });
  return writePlanOf({
    cells: ctx.writes,
    rules: ctx.rules.rules(),
    owned: ctx.owned,
    summary,
    pabPlaces: findings.map((f) => placed.get(f) ?? []),
    diagnostics: ctx.diagnostics,
  });
}
