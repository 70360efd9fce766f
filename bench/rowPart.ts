import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { TestCell, buildXlsx } from "../test/support/xlsxBuilder";
import { random } from "./workload";

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * An ERP material balance, one row per part: Part | Description | Stock, then `months` receipt
 * months under "Receipts (ETA)", the same months again under "Demand", and the planner's
 * closing balance as a formula (=stock + receipts − demand, its value saved).
 */
export function rowPartWorkbook(parts: number, months: number, seed = 7): string {
  const file = path.join(os.tmpdir(), `pab-bench-rowpart-${parts}x${2 * months}.xlsx`);
  if (fs.existsSync(file)) return file;
  const rnd = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const monthCells: TestCell[] = Array.from({ length: months }, (_, t) => ({
    date: `${2027 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}-01`,
    format: "mmm-yy",
  }));
  const group: TestCell[] = [null, null, null, "Receipts (ETA)"];
  for (let t = 1; t < months; t++) group.push(null);
  group.push("Demand");
  const header: TestCell[] = ["Part", "Description", "Stock", ...monthCells, ...monthCells];
  header.push("Balance");
  const rows: TestCell[][] = [group, header];
  const first = 3;
  const lastReceipt = columnName(first + months - 1);
  const firstDemand = columnName(first + months);
  const lastDemand = columnName(first + 2 * months - 1);
  for (let i = 0; i < parts; i++) {
    const r = rows.length + 1;
    const base = int(5, 60);
    const stock = int(0, 4 * base);
    const receipts = Array.from({ length: months }, () => (rnd() < 0.25 ? base * int(3, 6) : 0));
    const demand = Array.from({ length: months }, () => Math.max(0, base + int(-base, base)));
    const end = stock + receipts.reduce((a, b) => a + b, 0) - demand.reduce((a, b) => a + b, 0);
    rows.push([
      `C-${100000 + i}`,
      `Component ${i + 1}`,
      stock,
      ...receipts,
      ...demand,
      {
        f: `C${r}+SUM(D${r}:${lastReceipt}${r})-SUM(${firstDemand}${r}:${lastDemand}${r})`,
        v: end,
      },
    ]);
  }
  fs.writeFileSync(file, buildXlsx([{ name: "Material balance", rows }]));
  return file;
}
