import * as fs from "fs";
import * as path from "path";
import {
  CellWrite,
  PabRun,
  WritePlan,
  buildWritePlan,
  cellsOfRanges,
  hashOf,
  intendedContent,
  isPabRun,
} from "../../src/annotate";
import { cellPabFormula, openingRef } from "../../src/annotate/cellFormulas";
import { expandCells, runFormula, runFormulas } from "../../src/annotate/pabRun";
import { formulaRef } from "../../src/annotate/refs";
import { WorkbookSnapshot } from "../../src/layout";
import { Finding, scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";
import { classicRows } from "../support/classic";
import { sharedDir } from "../support/shared";
import { TestCell, buildXlsx } from "../support/xlsxBuilder";

/**
 * The write plan holds an aligned item's PAB as one run per row, its formulas made when written.
 * Checked here against the cell-by-cell forms: the formula of every period as the periods-down
 * writer names cells one by one, the expanded writes, and every ownership hash as the second scan
 * computes it from the cells' contents.
 */

function samples(): [string, WorkbookSnapshot][] {
  const out: [string, WorkbookSnapshot][] = [];
  for (const dir of ["samples", "samples/real-layouts"])
    for (const f of fs.readdirSync(path.join(sharedDir, dir)).filter((x) => x.endsWith(".xlsx")))
      out.push([f, readXlsxSnapshot(fs.readFileSync(path.join(sharedDir, dir, f)), f)]);
  return out;
}

/** Two items with a forecast row, two supply rows and a past-due cell, on a sheet whose name needs quotes. */
function forecastGrid(): WorkbookSnapshot {
  const weeks = ["W1", "W2", "W3", "W4", "W5", "W6"];
  const rows: TestCell[][] = [];
  for (const [item, onHand] of [
    ["FG-1", 40],
    ["FG-2", 5],
  ] as const) {
    rows.push(
      ["Item", item],
      ["On hand", onHand],
      ["Safety stock", 10],
      ["Past due", 3],
      [null, ...weeks],
      ["Forecast", 12, 12, 14, 14, 16, 16],
      ["Customer orders", 15, 9, 20, 4, 0, 30],
      ["Firm receipts", 0, 20, 0, 0, 25, 0],
      ["Planned receipts", 0, 0, 10, 0, 0, 40],
      []
    );
  }
  return readXlsxSnapshot(buildXlsx([{ name: "Weekly plan", rows }]), "forecast.xlsx");
}

function cases(): [string, WorkbookSnapshot, Parameters<typeof buildWritePlan>[2]][] {
  const out: [string, WorkbookSnapshot, Parameters<typeof buildWritePlan>[2]][] = [];
  const classic = readXlsxSnapshot(buildXlsx([{ name: "MPS", rows: classicRows() }]), "c.xlsx");
  for (const [name, snap] of [...samples(), ["forecast grid", forecastGrid()] as const]) {
    out.push([`${name}`, snap, {}]);
    out.push([`${name}, fence 2`, snap, { fence: 2 }]);
    out.push([`${name}, side sheet`, snap, { sideSheet: true, fence: 3 }]);
  }
  out.push(["classic, live", classic, { live: true }]);
  return out;
}

function runsOf(plan: WritePlan): PabRun[] {
  return plan.cells.filter(isPabRun);
}

describe.each(cases())("%s", (_name, snapshot, options) => {
  const { findings } = scanSnapshot(snapshot, { fence: options?.fence ?? 0 });
  const plan = buildWritePlan(snapshot, findings, options);

  test("the writes are the cells with every run expanded in place", () => {
    expect(plan.writes).toEqual(expandCells(plan.cells));
    const cells = plan.writes.length;
    expect(cells).toBe(plan.cells.reduce((n, c) => n + (isPabRun(c) ? c.cached.length : 1), 0));
  });

  test("each run's formulas are the cell-by-cell formulas, and its cached values the PAB", () => {
    const byFirstCell = new Map<string, Finding>();
    findings.forEach((f, i) => {
      const first = plan.pabCells[i][0];
      if (first) byFirstCell.set(first, f);
    });
    for (const run of runsOf(plan)) {
      const first = formulaRef({ sheet: run.sheet, row: run.row, column: run.column }, "");
      const f = byFirstCell.get(first) as Finding;
      expect([first, f !== undefined]).toEqual([first, true]);
      const fence = options?.fence ?? 0;
      for (let t = 0; t < run.cached.length; t++) {
        const prev =
          t === 0
            ? openingRef(f.record, run.sheet)
            : formulaRef({ sheet: run.sheet, row: run.row, column: run.column + t - 1 }, run.sheet);
        expect([first, t, runFormula(run, t)]).toEqual([
          first,
          t,
          cellPabFormula(f.record, t, prev, run.sheet, fence),
        ]);
        expect(run.cached[t]).toBe(f.plan.pab[t]);
        expect(runFormulas(run)(t)).toBe(runFormula(run, t));
      }
    }
  });

  test("every ownership record's hash is the hash of the contents written there", () => {
    const writes = new Map<string, CellWrite>();
    for (const w of plan.writes) writes.set(`${w.sheet}!${w.row},${w.column}`, w);
    for (const o of plan.owned) {
      if (o.name.endsWith(".summary")) continue; // the summary title, written by the summary page
      const cells = cellsOfRanges(o.ranges);
      const contents = cells.map(([r, c]) =>
        intendedContent(writes.get(`${o.sheet}!${r},${c}`) as CellWrite)
      );
      expect([o.name, hashOf(cells, contents)]).toEqual([o.name, o.hash]);
    }
  });
});

test("the cases hold runs on the planner's sheet, on the PAB Watch sheet and across a fence", () => {
  const kinds = new Set<string>();
  for (const [, snapshot, options] of cases()) {
    const plan = buildWritePlan(snapshot, scanSnapshot(snapshot).findings, options);
    for (const run of runsOf(plan)) {
      kinds.add(run.prefix ? "side" : "own");
      if (run.forecast !== null && run.fence > 0) kinds.add("fence");
      if (run.pastDue) kinds.add("past due");
      if (run.supply.length > 1) kinds.add("two supply rows");
    }
  }
  expect([...kinds].sort()).toEqual(["fence", "own", "past due", "side", "two supply rows"]);
});
