import { AttributeTable, attributeKey, isAttributeHeader, readAttributeTable } from "./attributes";
import { LayoutMapping, SheetContext } from "./context";
import { daysBetween } from "./dates";
import { Diagnostic } from "./diagnostics";
import { readGridBlock } from "./grid";
import { explainSheet } from "./explain";
import { parseRange } from "./address";
import { findHeaderRuns } from "./headerRuns";
import { isLongHeader, readLongTable } from "./long";
import { mappedPeriodRange, withMappedRun } from "./mappedPeriods";
import { periodsDownColumn, readPeriodsDown } from "./periodsDown";
import { isPivotHeader, readPivot } from "./pivot";
import { OwnedCells } from "./ownedCells";
import { PlanRecord, ReadResult } from "./record";
import { PartTable, partTableOf, readRowPerPart } from "./rowPerPart";
import { LOG_SHEET, SUMMARY_SHEET, WorkbookSnapshot } from "./snapshot";
import { TableHeader, tableHeaderAt } from "./tableHeader";

export interface ReadOptions {
  /** Start of period 1 for numbered periods (W1, 第1周), ISO date; never guessed from today. */
  startDate?: string | null;
  /** Today's date, ISO, only to warn when the start date is far behind. */
  today?: string | null;
  /** Only these sheets (default: all visible sheets). */
  sheets?: string[];
  mapping?: LayoutMapping;
}

/** Every plan record the workbook holds, in sheet order, and what needs the planner's attention. */
export function readPlans(workbook: WorkbookSnapshot, options: ReadOptions = {}): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const startDate = options.startDate ?? null;
  const attributes: AttributeTable = new Map();
  const records: PlanRecord[] = [];
  /** What the sheets without a plan hold, for the "no plan found" message. */
  const seen: string[] = [];

  const sheets = workbook.sheets.filter(
    (s) =>
      s.name !== SUMMARY_SHEET &&
      s.name !== LOG_SHEET &&
      (options.sheets ? options.sheets.includes(s.name) : s.visible)
  );
  for (const name of options.sheets ?? []) {
    if (!workbook.sheets.some((s) => s.name === name)) {
      diagnostics.push({
        severity: "error",
        code: "no-plan-found",
        cell: null,
        item: null,
        message: `There is no sheet named "${name}"`,
      });
    }
  }
  // Table headers, found once per sheet. Attribute tables may sit on sheets that are not scanned
  // themselves (an "Inventory" tab), so every sheet is looked at.
  const tableHeaders = new Map<string, TableHeader[]>();
  const ownedRangesOf = (name: string) =>
    (workbook.owned ?? []).filter((o) => o.sheet === name).flatMap((o) => o.ranges.map(parseRange));
  const ownedCells = new Map<string, OwnedCells>();
  for (const sheet of workbook.sheets) {
    if (sheet.name === SUMMARY_SHEET || sheet.name === LOG_SHEET) continue;
    const owned = new OwnedCells(ownedRangesOf(sheet.name));
    ownedCells.set(sheet.name, owned);
    const ctx = new SheetContext(sheet, workbook.date1904, [], undefined, owned);
    const found: TableHeader[] = [];
    for (let r = sheet.top; r <= ctx.bottom; r++) {
      const h = tableHeaderAt(ctx, r);
      if (!h) continue;
      found.push(h);
      if (isAttributeHeader(h)) r = readAttributeTable(ctx, h, attributes);
    }
    tableHeaders.set(sheet.name, found);
  }

  for (const sheet of sheets) {
    const ctx = new SheetContext(
      sheet,
      workbook.date1904,
      diagnostics,
      options.mapping?.sheets?.[sheet.name],
      ownedCells.get(sheet.name)
    );
    const runs = withMappedRun(ctx, findHeaderRuns(ctx));
    const runRows = new Set(runs.map((r) => r.row));
    const ownedRanges = ownedRangesOf(sheet.name);

    let consumed = -1;
    for (const h of tableHeaders.get(sheet.name) ?? []) {
      if (h.row <= consumed || runRows.has(h.row) || !isLongHeader(h)) continue;
      const table = readLongTable(ctx, h, startDate, ownedRanges);
      for (const r of table.records) records.push(r);
      consumed = table.end;
    }

    // Part tables first: the group headers over a part table's period blocks ("Receipts" …
    // "Demand") head no periods-down table, even where part numbers below read as periods (W2, 第1周).
    const partTables = new Map<number, PartTable | null>();
    const partHeaderRows = new Set<number>();
    for (let i = 0; i < runs.length;) {
      let j = i;
      while (j < runs.length && runs[j].row === runs[i].row) j++;
      const parts = partTableOf(ctx, runs.slice(i, j));
      partTables.set(runs[i].row, parts);
      if (parts?.groupRow != null)
        for (let r = parts.groupRow; r < parts.row; r++) partHeaderRows.add(r);
      i = j;
    }

    // Periods down the rows: a period column beside measure columns, no item column.
    const downAreas: [number, number][] = [];
    let downFrom = sheet.top;
    const mappedDown = mappedPeriodRange(ctx);
    const mappedHeaderRow = mappedDown && !mappedDown.across ? mappedDown.range.top - 1 : null;
    for (const h of tableHeaders.get(sheet.name) ?? []) {
      if (h.row < downFrom || runRows.has(h.row) || partHeaderRows.has(h.row)) continue;
      if (h.row === mappedHeaderRow) continue;
      const periodCol = periodsDownColumn(ctx, h);
      if (periodCol === null) continue;
      const table = readPeriodsDown(ctx, h, periodCol, downFrom, startDate);
      if (table.record) records.push(table.record);
      downAreas.push([h.row, table.end]);
      downFrom = table.end + 1;
    }
    // A period column the planner mapped: its header row is the row above the first period.
    if (mappedDown && mappedHeaderRow !== null) {
      const row = mappedHeaderRow;
      const h = tableHeaders.get(sheet.name)?.find((t) => t.row === row) ?? {
        row,
        columns: {},
        repeated: {},
      };
      const above = downAreas.filter(([, end]) => end < row).map(([, end]) => end + 1);
      const table = readPeriodsDown(
        ctx,
        h,
        mappedDown.range.left,
        above.reduce((m, end) => Math.max(m, end), sheet.top),
        startDate,
        mappedDown.range
      );
      if (table.record) records.push(table.record);
      downAreas.push([h.row, table.end]);
    }

    // Blocks side by side share their header row: each is read within its own columns.
    const sheetItem = runs.filter((r) => !isPivotHeader(ctx, r)).length === 1 ? sheet.name : null;
    let from = sheet.top;
    for (let i = 0; i < runs.length;) {
      const row = runs[i].row;
      let j = i;
      while (j < runs.length && runs[j].row === row) j++;
      const sameRow = runs.slice(i, j);
      i = j;
      if (row < from) continue;
      if (downAreas.some(([top, end]) => row >= top && row <= end)) continue;
      // One row per part, blocks of period columns per measure (all the row's header runs together).
      const parts = partTables.get(row) ?? null;
      if (parts) {
        const table = readRowPerPart(ctx, parts, startDate);
        for (const r of table.records) records.push(r);
        from = table.end + 1;
        continue;
      }
      const until = (runs[j]?.row ?? ctx.bottom + 1) - 1;
      let end = -1;
      for (const run of sameRow) {
        if (isPivotHeader(ctx, run)) {
          const pivot = readPivot(ctx, run, until, startDate, ownedRanges);
          for (const r of pivot.records) records.push(r);
          end = Math.max(end, pivot.end);
        } else {
          const block = readGridBlock(
            ctx,
            run,
            from,
            until,
            startDate,
            sheetItem,
            sameRow.length > 1
          );
          if (block?.record) records.push(block.record);
          if (block) end = Math.max(end, block.end);
        }
      }
      if (end >= 0) from = end + 1;
    }
    if (!records.some((r) => r.sheet === sheet.name))
      for (const d of explainSheet(ctx, runs)) seen.push(d);
  }

  completeFromAttributes(records, attributes, diagnostics);
  reportDuplicates(records, diagnostics);
  if (!records.length) {
    diagnostics.push({
      severity: "error",
      code: "no-plan-found",
      cell: null,
      item: null,
      message:
        `No plan found: PAB Watch looks for period headers (W1, Week 1, 第1周, dates, months, or 1 2 3 with plan rows below) with labelled rows such as Customer orders and MPS. ${seen.join(" ")}`.trim(),
    });
  }
  if (startDate && options.today) {
    const behind = daysBetween(startDate, options.today);
    if (behind >= 7) {
      const first = records.find((r) => r.periods.length)?.periods[0] ?? "Period 1";
      diagnostics.push({
        severity: "warning",
        code: "stale-start",
        cell: null,
        item: null,
        message: `${first} started ${behind} days ago (${startDate}): roll the plan forward?`,
      });
    }
  }
  const errorItems = new Set(diagnostics.filter((d) => d.severity === "error").map((d) => d.item));
  for (const r of records) r.flagged ||= errorItems.has(r.item);
  return { records, diagnostics, startDate };
}

function completeFromAttributes(
  records: PlanRecord[],
  attributes: AttributeTable,
  diagnostics: Diagnostic[]
): void {
  for (const r of records) {
    const attr =
      attributes.get(attributeKey(r.item, r.site)) ?? attributes.get(attributeKey(r.item, null));
    r.opening ??= attr?.opening ?? null;
    r.safetyStock ??= attr?.safetyStock ?? null;
    if (!r.opening) {
      const at = r.orders?.labelCell || r.periodCells[0] || null;
      diagnostics.push({
        severity: "error",
        code: "no-opening-balance",
        cell: at,
        item: r.item,
        message: `${r.item}: no on-hand (opening) balance found near ${at ?? `sheet ${r.sheet}`}; the projection starts from 0 until one is given`,
      });
    }
  }
}

function reportDuplicates(records: PlanRecord[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, PlanRecord>();
  for (const r of records) {
    const key = attributeKey(r.item, r.site);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, r);
      continue;
    }
    const at = r.orders?.labelCell || r.periodCells[0] || null;
    diagnostics.push({
      severity: "error",
      code: "duplicate-item",
      cell: at,
      item: r.item,
      message: `${r.item}${r.site ? ` (${r.site})` : ""} appears twice: at ${first.orders?.labelCell ?? first.sheet} and at ${at}; name the plant or warehouse if they differ`,
    });
  }
}
