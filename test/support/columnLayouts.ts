import { handPab, seeded } from "./layouts";
import { TestCell, TestSheet } from "./xlsxBuilder";

/**
 * Generated workbooks whose PAB is a column: a long table (one row per item and week, in any order,
 * the opening on an Inventory sheet) and periods-down blocks (第1周 … down the rows). Each comes with
 * the PAB per item a planner would work out by hand from the cells written.
 */
export interface ColumnWorkbook {
  sheets: TestSheet[];
  pab: Record<string, number[]>;
}

/** A long table of `items` items × `weeks` weeks, its rows shuffled; on hand on an Inventory sheet. */
export function longTableWorkbook(items: number, weeks: number, seed = 11): ColumnWorkbook {
  const rnd = seeded(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const rows: TestCell[][] = [];
  const inventory: TestCell[][] = [["Item", "On hand", "Safety stock"]];
  const pab: Record<string, number[]> = {};
  for (let i = 0; i < items; i++) {
    const item = `SKU-${100 + i}`;
    const onHand = int(80);
    const orders = Array.from({ length: weeks }, () => int(40));
    const mps = Array.from({ length: weeks }, (_w, t) => (t % 3 === 1 ? 10 * int(8) : 0));
    inventory.push([item, onHand, 5 * int(3)]);
    pab[item] = handPab(onHand, orders, mps);
    for (let t = 0; t < weeks; t++) {
      const day = new Date(Date.UTC(2026, 10, 30 + 7 * t)).toISOString().slice(0, 10);
      rows.push([item, { date: day, format: "yyyy-mm-dd" }, orders[t], mps[t]]);
    }
  }
  // A long table is read in any order: shuffled (Fisher-Yates, seeded).
  for (let i = rows.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return {
    sheets: [
      {
        name: "Orders and MPS",
        rows: [["Item", "Week starting", "Customer orders", "MPS"], ...rows],
      },
      { name: "Inventory", rows: inventory },
    ],
    pab,
  };
}

/**
 * Periods-down blocks, one under the other with a blank row between: 物料编码 title, 期初库存,
 * then 周 | 客户订单 | 计划产量 | 期末库存 (the planner's balance column, left empty) down `weeks` rows.
 */
export function periodsDownWorkbook(blocks: number, weeks: number, seed = 5): ColumnWorkbook {
  const rnd = seeded(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const rows: TestCell[][] = [];
  const pab: Record<string, number[]> = {};
  for (let b = 0; b < blocks; b++) {
    const item = `FG-${70 + b}`;
    const opening = 20 + int(100);
    const orders = Array.from({ length: weeks }, () => int(60));
    const plan = Array.from({ length: weeks }, (_w, t) => (t % 3 === 2 ? 10 * int(10) : 0));
    pab[item] = handPab(opening, orders, plan);
    if (b) rows.push([]);
    rows.push(
      [`物料编码：${item}`],
      ["期初库存", opening],
      [],
      ["周", "客户订单", "计划产量", "期末库存"]
    );
    for (let t = 0; t < weeks; t++) rows.push([`第${t + 1}周`, orders[t], plan[t] || null, null]);
  }
  return { sheets: [{ name: "周计划", rows }], pab };
}
