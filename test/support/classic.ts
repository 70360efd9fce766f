import { computePlan } from "../../src/engine";
import type { FakeWorkbookModel } from "../../src/excel/fake/model";
import { TestCell } from "./xlsxBuilder";

/** The classic example as a planner lays it out on a sheet "MPS" (A1:I6). */
export function classicRows(): TestCell[][] {
  return [
    ["Item", "FG-1001"],
    ["On hand", 45],
    ["Safety stock", 10],
    [null, "W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8"],
    ["Customer orders", 16, 15, 15, 20, 18, 22, 20, 25],
    ["MPS", 0, 0, 50, 0, 0, 50, 0, 0],
  ];
}

/**
 * What Excel's `=PAB.BALANCE` would spill on the classic example's sheet "MPS" in the fake
 * (`model.evaluate`): the engine's PAB over the sheet's on-hand, orders and MPS as they are now.
 */
export function classicLiveEvaluate(model: FakeWorkbookModel): FakeWorkbookModel["evaluate"] {
  return (_sheet, _row, _column, formula) => {
    if (!formula.startsWith("=PAB.BALANCE(")) return null;
    const mps = model.sheet("MPS")!;
    const row = (r: number) =>
      Array.from({ length: 8 }, (_x, c) => Number(model.cell(mps, r, 1 + c)?.value ?? 0));
    const plan = computePlan({
      onHand: Number(model.cell(mps, 1, 1)?.value),
      orders: row(4),
      mps: row(5),
    });
    return [plan.pab];
  };
}
