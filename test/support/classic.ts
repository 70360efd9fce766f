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
