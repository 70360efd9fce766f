import { WorkbookSnapshot, readPlans } from "../../src/layout";
import { readXlsxSnapshot } from "../../src/xlsx";
import { TestCell, buildXlsx } from "../support/xlsxBuilder";

/**
 * Cells PAB Watch wrote (the workbook's owned ranges) are never the planner's headers: the same
 * cells the planner typed would head a table; recorded as ours, they head nothing.
 */
function workbook(rows: TestCell[][], owned: string[] = []): WorkbookSnapshot {
  const snapshot = readXlsxSnapshot(buildXlsx([{ name: "S", rows }]), "t.xlsx");
  return owned.length
    ? { ...snapshot, owned: [{ name: "_PABWatch.1", sheet: "S", ranges: owned, hash: "0" }] }
    : snapshot;
}
const itemsOf = (w: WorkbookSnapshot) => readPlans(w).records.map((r) => [r.item, r.layout]);

test("a role header of ours beside one of the planner's makes no table header", () => {
  // "Customer orders" alone heads nothing; with a second role it heads a periods-down table.
  const rows: TestCell[][] = [
    ["Item: FG-1"],
    [null, "Customer orders", "MPS"],
    ["W1", 5, 0],
    ["W2", 7, 10],
  ];
  expect(itemsOf(workbook(rows))).toEqual([["FG-1", "periods-down"]]);
  expect(itemsOf(workbook(rows, ["C2:C4"]))).toEqual([]);
});

test("figures of ours under the planner's Week header are no periods", () => {
  const rows: TestCell[][] = [
    ["Item: FG-1"],
    ["Week", "Customer orders", "MPS"],
    [1, null, null],
    [2, null, null],
    [3, 4, 5],
  ];
  expect(itemsOf(workbook(rows))).toEqual([["FG-1", "periods-down"]]);
  // A3:A4 ours (the figures of a PAB row we wrote): one period of the planner's is left.
  expect(itemsOf(workbook(rows, ["A3:A4"]))).toEqual([]);
});

test("a header of ours left of a part table's periods is not its Item column", () => {
  const rows: TestCell[][] = [
    [null, null, "Demand", null],
    ["Item", null, "W1", "W2"],
    ["P-1", null, 5, 6],
  ];
  expect(itemsOf(workbook(rows))).toEqual([["P-1", "row-per-part"]]);
  expect(itemsOf(workbook(rows, ["A2"]))).toEqual([]);
});
