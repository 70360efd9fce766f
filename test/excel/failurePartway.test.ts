import { OWNED_NAME_PREFIX } from "../../src/annotate";
import {
  DEFAULT_STATE,
  ExcelRun,
  WriteModeChoice,
  removeAnnotations,
  scanOpenWorkbook,
} from "../../src/excel";
import { fakeExcelRun } from "../../src/excel/fake/context";
import * as fs from "fs";
import * as path from "path";
import {
  FakeCell,
  FakeWorkbookModel,
  modelFromSnapshot,
  parseAddress,
} from "../../src/excel/fake/model";
import { computePlan } from "../../src/engine";
import { SUMMARY_SHEET } from "../../src/layout";
import { sharedDir } from "../support/shared";
import { stackedGrid } from "../support/stackedGrid";
import { readXlsxSnapshot } from "../../src/xlsx";
import { longTableWorkbook, periodsDownWorkbook } from "../support/columnLayouts";
import { makeParts, materialBalanceSheet } from "../support/layouts";
import { TestSheet, buildXlsx } from "../support/xlsxBuilder";

/**
 * Defect 11 of issue 12: a batch is not a transaction. A sync that fails partway leaves the operations
 * before the failure done. For every sync of a scan and every operation of it, the failure is
 * injected there; then no cell we wrote may be without the name that records it, no planner cell
 * may have changed, and scanning again must give the sheet an uninterrupted scan gives.
 */

/** =PAB.BALANCE(onHand, orders, mps) as the add-in computes it, spilled across (live mode). */
function evaluateLive(model: FakeWorkbookModel) {
  return (sheet: string, _row: number, _column: number, formula: string) => {
    const m = /^=PAB\.BALANCE\(([^,]+),([^,]+),([^,)]+)\)$/.exec(formula);
    if (!m) return null;
    const s = model.sheet(sheet)!;
    const numbers = (ref: string) => {
      const { range } = parseAddress(ref, sheet);
      const out: number[] = [];
      for (let c = range.left; c <= range.right; c++)
        out.push(Number(model.cell(s, range.top, c)?.value ?? 0));
      return out;
    };
    const plan = computePlan({
      onHand: numbers(m[1])[0],
      orders: numbers(m[2]),
      mps: numbers(m[3]),
    });
    return [plan.pab];
  };
}

function workbook(): FakeWorkbookModel {
  const model = stackedGrid(3, 6);
  model.evaluate = evaluateLive(model);
  return model;
}

const sample = (file: string) =>
  modelFromSnapshot(readXlsxSnapshot(fs.readFileSync(path.join(sharedDir, "samples", file)), file));

const runOf = (model: FakeWorkbookModel) => fakeExcelRun(model) as unknown as ExcelRun;

async function scan(model: FakeWorkbookModel, mode: WriteModeChoice) {
  return scanOpenWorkbook(
    runOf(model),
    { ...DEFAULT_STATE, writeMode: mode },
    { customFunctions: true, lang: "en", today: "2026-11-30" }
  );
}

const cellKey = (sheet: string, key: string) => `${sheet}!${key}`;

function cellsOf(model: FakeWorkbookModel): Map<string, FakeCell> {
  const out = new Map<string, FakeCell>();
  for (const s of model.sheets) for (const [k, c] of s.cells) out.set(cellKey(s.name, k), c);
  return out;
}

/** Everything a planner could see or we rely on, comparable with toEqual (rule ids left out). */
function state(model: FakeWorkbookModel) {
  return {
    sheets: model.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells].sort(([a], [b]) => a.localeCompare(b)),
      rules: s.conditionalFormats.map((cf) => ({ ...cf, id: 0 })),
      spills: [...(s.spills ?? [])].sort(),
      widths: [...(s.columnWidths ?? [])].sort(),
    })),
    names: model.names.map((n) => ({ ...n })).sort((a, b) => a.name.localeCompare(b.name)),
    eventsEnabled: model.eventsEnabled,
  };
}

/** Cells that differ from the workbook before the scan and that no name of ours covers. */
function orphans(model: FakeWorkbookModel, before: Map<string, FakeCell>): string[] {
  const ours = model.names.filter((n) => n.name.startsWith(OWNED_NAME_PREFIX) && !n.broken);
  const covered = (sheet: string, row: number, column: number): boolean => {
    if (sheet === SUMMARY_SHEET && ours.some((n) => n.name === `${OWNED_NAME_PREFIX}summary`))
      return true;
    const inName = (r: number, c: number) =>
      ours.some(
        (n) =>
          n.sheet === sheet &&
          n.ranges.some((x) => r >= x.top && r <= x.bottom && c >= x.left && c <= x.right)
      );
    if (inName(row, column)) return true;
    // A spilled cell is covered by its anchor (live mode): Excel filled it, from our formula.
    const spills = model.sheet(sheet)?.spills ?? new Map();
    for (const [anchor, area] of spills) {
      const [ar, ac] = anchor.split(",").map(Number);
      if (row >= area.top && row <= area.bottom && column >= area.left && column <= area.right)
        return inName(ar, ac);
    }
    return false;
  };
  const out: string[] = [];
  for (const s of model.sheets)
    for (const [k, c] of s.cells) {
      const was = before.get(cellKey(s.name, k));
      if (was && JSON.stringify(was) === JSON.stringify(c)) continue;
      const [row, column] = k.split(",").map(Number);
      if (!covered(s.name, row, column)) out.push(`${cellKey(s.name, k)} ${JSON.stringify(c)}`);
    }
  return out;
}

/** Planner cells (those with content before the scan) that are no longer as they were. */
function changedPlannerCells(model: FakeWorkbookModel, before: Map<string, FakeCell>): string[] {
  const now = cellsOf(model);
  const out: string[] = [];
  for (const [k, c] of before)
    if (JSON.stringify(now.get(k)) !== JSON.stringify(c))
      out.push(`${k}: ${JSON.stringify(now.get(k))}`);
  return out;
}

/** Where two plain values first differ, as a path and both sides; null when equal. */
function firstDifference(a: unknown, b: unknown, at = ""): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${at}.${k}`
      );
      if (d) return d;
    }
  }
  return `${at}: ${JSON.stringify(a)} instead of ${JSON.stringify(b)}`;
}

const MODES: WriteModeChoice[] = ["portable", "live", "values", "side-sheet"];
/** A scan over an earlier scan in another mode: old cells cleared or re-owned, old names updated. */
const SWITCHES: [WriteModeChoice, WriteModeChoice][] = [
  ["live", "portable"],
  ["portable", "values"],
  ["portable", "side-sheet"],
];

describe("the fake fails a sync partway", () => {
  test("the k-th sync fails at its operation j: those before it stay done, none after, nothing loads", async () => {
    const model = new FakeWorkbookModel();
    const s = model.addSheet("S");
    const run = runOf(model);
    await run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").values = [[1]];
      await context.sync();
    });
    model.failAt = { sync: 1, op: 2 };
    const range = await run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A2").values = [[2]];
      ws.getRange("A3").values = [[3]];
      ws.getRange("A4").values = [[4]];
      const a1 = ws.getRange("A1");
      a1.load("values");
      await context.sync().catch(() => undefined);
      return a1;
    });
    expect([0, 1, 2, 3].map((r) => model.cell(s, r, 0)?.value)).toEqual([1, 2, 3, undefined]);
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    expect(model.opsPerSync).toEqual([1, 4]);
  });

  test("clearing a dynamic array's anchor clears its spill, keeping the cells' own formats", async () => {
    const model = new FakeWorkbookModel();
    const s = model.addSheet("S");
    model.evaluate = (_sheet, _row, _column, f) => (f === "=SEQ()" ? [[1, 2, 3]] : null);
    model.setCell(s, 0, 2, { fill: "#FFFF00" });
    const run = runOf(model);
    await run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").formulas = [["=SEQ()"]];
      await context.sync();
    });
    expect(model.cell(s, 0, 2)).toEqual({ value: 3, fill: "#FFFF00" });
    await run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").clear("Contents");
      await context.sync();
    });
    expect([...s.cells]).toEqual([["0,2", { value: "", fill: "#FFFF00" }]]);
  });
});

describe("11: a scan that fails partway leaves no cell without its owner", () => {
  const cases: {
    name: string;
    before: WriteModeChoice | null;
    mode: WriteModeChoice;
    make: () => FakeWorkbookModel;
    /** Whether a rerun must give the uninterrupted sheet (see below). */
    sameRerun: boolean;
  }[] = [
    ...MODES.map((mode) => ({ name: mode, before: null, mode, make: workbook, sameRerun: true })),
    ...SWITCHES.map(([before, mode]) => ({
      name: `${before}, then ${mode}`,
      before,
      mode,
      make: workbook,
      sameRerun: true,
    })),
    // Layouts whose PAB is a column (a long table, periods down the rows, one row per part): each
    // item's column goes with its label in one operation (null where it writes nothing), so a
    // failure leaves all or none of it; a row-per-part block whose headers a failure left half
    // written is found again right of the planner's cells (issue 12, defect 11).
    ...[
      "long-table.xlsx",
      "real-layouts/periods-down-chinese.xlsx",
      "real-layouts/material-balance.xlsx",
    ].map((file) => ({
      name: `${file}, portable`,
      before: null,
      mode: "portable" as WriteModeChoice,
      make: () => sample(file),
      sameRerun: true,
    })),
    // The same, generated: a long table of 30 items (rows shuffled), five periods-down blocks one
    // under the other, a row-per-part sheet of 12 parts.
    ...(
      [
        [
          "a long table of 30 items × 10 weeks (its PAB column in two parts)",
          () => longTableWorkbook(30, 10).sheets,
        ],
        ["five periods-down blocks", () => periodsDownWorkbook(5, 6).sheets],
        [
          "12 parts, one row each",
          () => [
            materialBalanceSheet(
              makeParts(12, 4, 5),
              [1, 2, 3, 4].map((m) => `2027-0${m}`),
              {
                sheet: "Material balance",
                part: "Part",
                description: "Description",
                stock: "Stock",
                safety: "Safety stock",
                receipts: "Receipts",
                demand: "Demand",
              }
            ),
          ],
        ],
      ] as [string, () => TestSheet[]][]
    ).map(([name, sheets]) => ({
      name: `${name}, portable`,
      before: null,
      mode: "portable" as WriteModeChoice,
      make: () => modelFromSnapshot(readXlsxSnapshot(buildXlsx(sheets()), `${name}.xlsx`)),
      sameRerun: true,
    })),
  ];

  test.each(cases)(
    "$name: a failure at any operation of any sync (the uninterrupted sheet on a rerun: $sameRerun)",
    async ({ before, mode, make, sameRerun }) => {
      const workbook = make;
      const prepare = async () => {
        const model = workbook();
        if (before) await scan(model, before);
        model.opsPerSync.length = 0;
        return model;
      };
      // The uninterrupted scan: what every interrupted one must come to when scanned again.
      const reference = await prepare();
      await scan(reference, mode);
      const expected = state(reference);
      const syncs = [...reference.opsPerSync];
      expect(syncs.length).toBeGreaterThan(2);

      let injected = 0;
      const problems: string[] = [];
      for (let sync = 0; sync < syncs.length; sync++)
        for (let op = 0; op <= syncs[sync]; op++) {
          const model = await prepare();
          const original = before ? null : cellsOf(model);
          const planner = cellsOf(workbook());
          model.failAt = { sync, op };
          // Some reads retry smaller on a failure (merged areas): such a scan may still finish.
          const failed = await scan(model, mode).then(
            () => false,
            () => true
          );
          if (failed) injected++;
          model.failAt = null;
          const at = `sync ${sync}, operation ${op}`;
          // The scan's own cells (also those of the earlier scan) are recorded by a name.
          for (const o of orphans(model, original ?? planner)) problems.push(`${at}: orphan ${o}`);
          for (const c of changedPlannerCells(model, planner))
            problems.push(`${at}: planner cell changed ${c}`);
          if (!model.eventsEnabled) problems.push(`${at}: events left off`);
          await scan(model, mode).catch((e: Error) =>
            problems.push(`${at}: rerun failed: ${e.message}`)
          );
          if (sameRerun)
            for (const o of orphans(model, planner))
              problems.push(`${at}: after the rerun, orphan ${o}`);
          const difference = firstDifference(state(model), expected);
          if (difference && sameRerun)
            problems.push(`${at}: the rerun gives another sheet: ${difference}`);
          if (problems.length > 20) break;
        }
      expect(problems).toEqual([]);
      expect(injected).toBeGreaterThan(syncs.length);
    },
    300_000
  );

  test.each(MODES)(
    "%s: Remove after a failure at any operation gives the workbook back as it was",
    async (mode) => {
      const reference = workbook();
      await scan(reference, mode);
      const syncs = [...reference.opsPerSync];
      const problems: string[] = [];
      for (let sync = 0; sync < syncs.length; sync++)
        for (let op = 0; op <= syncs[sync]; op++) {
          const model = workbook();
          const before = state(model);
          model.failAt = { sync, op };
          await scan(model, mode).catch(() => undefined);
          model.failAt = null;
          const result = await removeAnnotations(runOf(model));
          const at = `sync ${sync}, operation ${op}`;
          if (result.kept.length) problems.push(`${at}: kept ${result.kept.join(" ")}`);
          // An empty PAB Watch sheet added just before the failure, without its name, may stay.
          const side = model.sheet(SUMMARY_SHEET);
          if (side && !side.cells.size && !side.conditionalFormats.length)
            model.sheets.splice(model.sheets.indexOf(side), 1);
          const difference = firstDifference(state(model), before);
          if (difference) problems.push(`${at}: ${difference}`);
          if (problems.length > 20) break;
        }
      expect(problems).toEqual([]);
    },
    120_000
  );
});
