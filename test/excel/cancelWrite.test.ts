import {
  DEFAULT_STATE,
  ScanCancelled,
  ScanProgress,
  removeAnnotations,
  scanOpenWorkbook,
} from "../../src/excel";
import { fakeExcelRun } from "../../src/excel/fake/context";
import { FakeWorkbookModel } from "../../src/excel/fake/model";
import { ExcelRun } from "../../src/excel/run";

jest.setTimeout(180_000);

const ITEMS = 4000;
const WEEKS = 52;

/** A plan of ITEMS items (7 rows each: item, on hand, safety stock, weeks, orders, MPS, blank). */
function bigPlan(): FakeWorkbookModel {
  const m = new FakeWorkbookModel();
  const s = m.addSheet("MPS");
  for (let i = 0; i < ITEMS; i++) {
    const top = i * 7;
    m.setCell(s, top, 0, { value: "Item" });
    m.setCell(s, top, 1, { value: `FG-${i + 1}` });
    m.setCell(s, top + 1, 0, { value: "On hand" });
    m.setCell(s, top + 1, 1, { value: 40 + (i % 60) });
    m.setCell(s, top + 2, 0, { value: "Safety stock" });
    m.setCell(s, top + 2, 1, { value: 10 });
    m.setCell(s, top + 4, 0, { value: "Customer orders" });
    m.setCell(s, top + 5, 0, { value: "MPS" });
    for (let t = 0; t < WEEKS; t++) {
      m.setCell(s, top + 3, t + 1, { value: `W${t + 1}` });
      m.setCell(s, top + 4, t + 1, { value: (i * 7 + t * 3) % 25 });
      m.setCell(s, top + 5, t + 1, { value: t % 4 === 2 ? 60 : 0 });
    }
  }
  return m;
}

const run = (m: FakeWorkbookModel) => fakeExcelRun(m) as unknown as ExcelRun;
const options = {
  customFunctions: false,
  lang: "en" as const,
  today: "2026-12-01",
  name: "big.xlsx",
};
const state = { ...DEFAULT_STATE, writeMode: "portable" as const };

/** Every cell of a sheet, as text, for comparing two workbooks. */
function cellsOf(m: FakeWorkbookModel, sheet: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, c] of m.sheet(sheet)?.cells ?? []) out.set(k, JSON.stringify(c));
  return out;
}

const ownedItemNames = (m: FakeWorkbookModel) =>
  m.names.filter((n) => n.name.startsWith("_PABWatch.") && n.name !== "_PABWatch.summary");

describe("Cancel while writing stops between blocks, each block with its items' records", () => {
  let cancelled: FakeWorkbookModel;
  let written = { items: 0, total: 0 };
  const seen: ScanProgress[] = [];

  beforeAll(async () => {
    cancelled = bigPlan();
    const controller = new AbortController();
    const error = await scanOpenWorkbook(run(cancelled), state, {
      ...options,
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.phase === "writing" && p.block === 1) controller.abort();
      },
    }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(ScanCancelled);
    written = (error as ScanCancelled).written!;
  });

  test("progress counts rows while reading and items per block while writing; the stop comes after block 1", () => {
    const reading = seen.filter((p) => p.phase === "reading" && p.total);
    expect(reading.length).toBeGreaterThan(0);
    expect(reading[reading.length - 1]).toEqual({
      phase: "reading",
      done: ITEMS * 7 - 1,
      total: ITEMS * 7 - 1,
    });
    const blocks = seen.filter((p) => p.phase === "writing" && p.block);
    expect(blocks).toEqual([{ phase: "writing", block: 1, done: written.items, total: ITEMS }]);
    expect(written.total).toBe(ITEMS);
    expect(written.items).toBeGreaterThan(0);
    expect(written.items).toBeLessThan(ITEMS);
  });

  test("what was written is whole items, each recorded by its name; the rest is untouched; events are back on", () => {
    const names = ownedItemNames(cancelled);
    expect(names).toHaveLength(written.items);
    expect(names.every((n) => !n.visible)).toBe(true);
    const sheet = cancelled.sheet("MPS")!;
    const recorded = new Set(names.flatMap((n) => n.ranges.map((r) => r.top)));
    let whole = 0;
    for (let i = 0; i < ITEMS; i++) {
      const row = i * 7 + 6; // the blank row under the block takes the PAB
      const pab = Array.from({ length: WEEKS }, (_x, t) => sheet.cells.at(row, t + 1));
      if (pab.every((c) => c?.formula)) {
        expect(recorded.has(row)).toBe(true);
        whole++;
      } else expect(pab.every((c) => c === undefined)).toBe(true);
    }
    expect(whole).toBe(written.items);
    expect(cancelled.eventsEnabled).toBe(true);
  });

  test("a new scan completes it: the same sheet as one scan that was never cancelled", async () => {
    const again = await scanOpenWorkbook(run(cancelled), state, options);
    expect(again.wrote).toBe(true);
    const once = bigPlan();
    await scanOpenWorkbook(run(once), state, options);
    expect(cellsOf(cancelled, "MPS")).toEqual(cellsOf(once, "MPS"));
    expect(
      ownedItemNames(cancelled)
        .map((n) => n.name)
        .sort()
    ).toEqual(
      ownedItemNames(once)
        .map((n) => n.name)
        .sort()
    );
  });

  test("Remove after a cancelled write gives back the planner's sheet", async () => {
    const m = bigPlan();
    const original = cellsOf(m, "MPS");
    const controller = new AbortController();
    await expect(
      scanOpenWorkbook(run(m), state, {
        ...options,
        signal: controller.signal,
        onProgress: (p) => p.block === 1 && controller.abort(),
      })
    ).rejects.toBeInstanceOf(ScanCancelled);
    await removeAnnotations(run(m));
    expect(cellsOf(m, "MPS")).toEqual(original);
    expect(ownedItemNames(m)).toEqual([]);
  });
});
