import { TestCell, TestSheet } from "./xlsxBuilder";

/** The balance a planner would work out by hand: last balance − demand + every receipt. */
export function handPab(opening: number, demand: number[], ...supply: number[][]): number[] {
  let balance = opening;
  return demand.map((d, t) => (balance += supply.reduce((s, row) => s + (row[t] ?? 0), 0) - d));
}

/** A small deterministic generator, so generated workbooks are the same on every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface PartRow {
  part: string;
  stock: number;
  safety: number;
  receipts: number[];
  transit: number[];
  demand: number[];
}

export function makeParts(count: number, periods: number, seed = 7, prefix = "P-"): PartRow[] {
  const rnd = seeded(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  return Array.from({ length: count }, (_, i) => ({
    part: `${prefix}${1000 + i}`,
    stock: int(150),
    safety: int(3) * 10,
    receipts: Array.from({ length: periods }, (_p, t) => (t % 3 === 1 ? int(3) * 50 : 0)),
    transit: Array.from({ length: periods }, (_p, t) => (t === 0 ? int(2) * 20 : 0)),
    demand: Array.from({ length: periods }, () => int(60)),
  }));
}

/**
 * An ERP material balance, one row per part: Part | Description | Stock | Safety stock, then a
 * block per measure under a group header (month headers repeated), then a closing balance formula.
 */
export function materialBalanceSheet(
  parts: PartRow[],
  months: TestCell[],
  words: {
    sheet: string;
    part: string;
    description: string;
    stock: string;
    safety: string;
    receipts: string;
    transit?: string;
    demand: string;
    balance?: string;
  }
): TestSheet {
  const n = months.length;
  const blocks = [words.receipts, ...(words.transit ? [words.transit] : []), words.demand];
  const group: TestCell[] = [null, null, null, null];
  for (const b of blocks) group.push(b, ...new Array<TestCell>(n - 1).fill(null));
  const header: TestCell[] = [words.part, words.description, words.stock, words.safety];
  for (let k = 0; k < blocks.length; k++) header.push(...months);
  if (words.balance) header.push(words.balance);
  const first = 4;
  const col = (c: number) => {
    let name = "";
    for (let x = c + 1; x > 0; x = Math.floor((x - 1) / 26))
      name = String.fromCharCode(65 + ((x - 1) % 26)) + name;
    return name;
  };
  const rows = parts.map((p, i): TestCell[] => {
    const line: TestCell[] = [p.part, `Component ${i}`, p.stock, p.safety, ...p.receipts];
    if (words.transit) line.push(...p.transit);
    line.push(...p.demand);
    if (words.balance) {
      const r = i + 3;
      const supplyEnd = first + n * (blocks.length - 1) - 1;
      const demandStart = supplyEnd + 1;
      const end = handPab(p.stock, p.demand, p.receipts, words.transit ? p.transit : [])[n - 1];
      line.push({
        f: `C${r}+SUM(${col(first)}${r}:${col(supplyEnd)}${r})-SUM(${col(demandStart)}${r}:${col(demandStart + n - 1)}${r})`,
        v: end,
      });
    }
    return line;
  });
  return { name: words.sheet, rows: [group, header, ...rows] };
}
