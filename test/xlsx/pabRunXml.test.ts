import { buildWritePlan } from "../../src/annotate";
import { scanSnapshot } from "../../src/report";
import {
  XlsxPackage,
  applyWritePlanToPackage,
  readXlsxSnapshot,
  snapshotOfPackage,
} from "../../src/xlsx";
import { formulaAt, valueAt } from "../support/cells";
import { TestCell, buildXlsx } from "../support/xlsxBuilder";

/**
 * The .xlsx writer makes a run's formulas as it writes them: text XML must escape (a sheet named
 * with & and <, referenced from the PAB Watch sheet) comes out escaped, and every cell reads back as
 * the plan's cell-by-cell writes say.
 */
function workbook(sheet: string): Uint8Array {
  const rows: TestCell[][] = [];
  for (const [item, onHand] of [
    ["FG-1", 30],
    ["FG-2", 4],
  ] as const)
    rows.push(
      ["Item", item],
      ["On hand", onHand],
      ["Safety stock", 5],
      [null, "W1", "W2", "W3", "W4"],
      ["Customer orders", 10, 12, 9, 20],
      ["MPS", 0, 15, 0, 10],
      []
    );
  return buildXlsx([{ name: sheet, rows }]);
}

test.each<[string, string, { sideSheet?: boolean }]>([
  ["on the planner's sheet", "R&D <plan>", {}],
  ["on the PAB Watch sheet", "R&D <plan>", { sideSheet: true }],
  ["a plain sheet name, on the PAB Watch sheet", "MPS", { sideSheet: true }],
])("%s (%s): every cell written as planned", (_what, sheet, options) => {
  const bytes = workbook(sheet);
  const pkg = new XlsxPackage(bytes);
  const snap = snapshotOfPackage(pkg, "t.xlsx");
  const { findings } = scanSnapshot(snap);
  const plan = buildWritePlan(snap, findings, options);
  expect(plan.cells.some((c) => "plannerColumn" in c)).toBe(true);
  const after = readXlsxSnapshot(applyWritePlanToPackage(pkg, plan), "t.xlsx");
  const prefix = (s: string) => (/^[A-Za-z]+$/.test(s) ? s : `'${s.replace(/'/g, "''")}'`);
  for (const w of plan.writes) {
    const ref = `${prefix(w.sheet)}!${String.fromCharCode(65 + w.column)}${w.row + 1}`;
    if (w.formula !== undefined) {
      expect([ref, formulaAt(after, ref)]).toEqual([ref, `=${w.formula}`]);
      expect([ref, valueAt(after, ref)]).toEqual([ref, w.cached]);
    } else expect([ref, valueAt(after, ref)]).toEqual([ref, w.text]);
  }
  if (options.sideSheet)
    expect(plan.writes.some((w) => w.formula?.includes(`${prefix(sheet)}!`))).toBe(true);
});
