import { buildWritePlan } from "../../src/annotate";
import { balance } from "../../src/functions/functions";
import { WorkbookSnapshot } from "../../src/layout";
import { scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";
import { classicRows } from "../support/classic";
import { TestCell, buildXlsx } from "../support/xlsxBuilder";

const classic = classicRows;

function live(rows: TestCell[][], fence = 0) {
  const snapshot = readXlsxSnapshot(buildXlsx([{ name: "MPS", rows }]), "t.xlsx");
  const { findings } = scanSnapshot(snapshot, { fence });
  return { snapshot, plan: buildWritePlan(snapshot, findings, { live: true, fence }) };
}

/** What Excel shows after the spill: the anchor's formula, the other cells as plain values. */
function spilled(
  snapshot: WorkbookSnapshot,
  plan: ReturnType<typeof buildWritePlan>
): WorkbookSnapshot {
  const sheet = snapshot.sheets[0];
  const values = sheet.values.map((r) => r.slice());
  const formulas = { ...sheet.formulas };
  const row = 6;
  while (values.length <= row) values.push(new Array(values[0].length).fill(""));
  for (const w of plan.writes) {
    if (w.text !== undefined) values[w.row][w.column] = w.text;
    if (w.formula) formulas[`${String.fromCharCode(65 + w.column)}${w.row + 1}`] = `=${w.formula}`;
  }
  const pab = [29, 14, 49, 29, 11, 39, 19, -6];
  pab.forEach((v, t) => (values[row][1 + t] = v));
  const owned = plan.owned.map((o) => ({ ...o }));
  return { ...snapshot, sheets: [{ ...sheet, values, formulas }], owned };
}

test("one spilled =PAB.BALANCE per item, over the planner's rows", () => {
  const { plan } = live(classic());
  expect(plan.writes.map((w) => [w.row, w.column, w.formula ?? w.text])).toEqual([
    [6, 0, "PAB (PAB Watch)"],
    [6, 1, "PAB.BALANCE($B$2,B5:I5,B6:I6)"],
  ]);
  expect(plan.pabCells[0]).toEqual([
    "MPS!B7",
    "MPS!C7",
    "MPS!D7",
    "MPS!E7",
    "MPS!F7",
    "MPS!G7",
    "MPS!H7",
    "MPS!I7",
  ]);
  expect(plan.rules.map((r) => r.kind)).toEqual(["short", "low", "receipt"]);
});

test("the live formula computes the plan's PAB (called as Excel calls it)", () => {
  const { snapshot, plan } = live(classic());
  const v = snapshot.sheets[0].values;
  expect(balance(v[1][1] as number, [v[4].slice(1)], [v[5].slice(1)])).toEqual([
    [29, 14, 49, 29, 11, 39, 19, -6],
  ]);
  expect(plan.writes[1].cached).toBe(29);
});

test("forecast and fence are passed on", () => {
  const rows = classic();
  rows.splice(4, 0, ["Forecast", 20, 20, 20, 20, 20, 20, 20, 20]);
  const { plan } = live(rows, 2);
  expect(plan.writes[1].formula).toBe("PAB.BALANCE($B$2,B6:I6,B7:I7,B5:I5,2)");
});

test("layouts the function cannot express stay portable: several supply rows", () => {
  const rows = classic();
  rows.push(["In transit", 0, 5, 0, 0, 0, 0, 0, 0]);
  const { plan } = live(rows);
  expect(plan.writes.filter((w) => w.formula).length).toBe(8);
  expect(plan.writes[1].formula).toBe("$B$2-B5+B6+B7");
});

test("scanning again after Excel spilled gives the same plan, nothing in the way", () => {
  const first = live(classic());
  const after = spilled(first.snapshot, first.plan);
  const again = buildWritePlan(after, scanSnapshot(after).findings, { live: true });
  expect(again.diagnostics).toEqual([]);
  expect(again.writes).toEqual(first.plan.writes);
  expect(again.owned).toEqual(first.plan.owned);
});

test("a note in the spill range is in the way, and named; the PAB goes on the PAB Watch sheet", () => {
  const rows = classic();
  rows.push([null, null, null, "see mail"]);
  const { plan } = live(rows);
  expect(plan.writes.filter((w) => w.sheet === "MPS")).toEqual([]);
  expect(plan.pabCells[0][0]).toMatch(/^'PAB Watch'!C\d+$/);
  expect(plan.diagnostics).toEqual([
    expect.objectContaining({
      code: "cell-in-the-way",
      cell: "MPS!D7",
      message: expect.stringContaining(
        "cannot spill there, so FG-1001's PAB goes on the PAB Watch sheet instead"
      ),
    }),
  ]);
});
