import {
  OFFICEJS_MODES,
  OfficeJsFigures,
  OfficeJsMode,
  gridWorkbook,
  officeJsFigureKeys,
  officeJsFigures,
} from "../../bench/scan";
import { ExcelRun, readWorkbookSnapshot } from "../../src/excel";
import { FakeRequestContext, fakeExcelRun } from "../../src/excel/fake/context";
import { stackedGrid } from "../support/stackedGrid";

/** Excel on the web refuses 5 MB; the issue holds every request under 4 MB of real bytes. */
const CAP = 4_000_000;

describe("5,000 items × 52 periods through the Office.js adapter, requests as Office.js builds them", () => {
  let figures: Record<OfficeJsMode, OfficeJsFigures>;
  beforeAll(async () => {
    figures = await officeJsFigures(gridWorkbook(5000, 52));
  }, 300_000);

  test.each(OFFICEJS_MODES)("%s: every request is under 4 MB", (mode) => {
    const f = figures[mode];
    expect(f.requests.length).toBe(f.syncs);
    expect(f.maxRequestBytes).toBe(Math.max(...f.requests));
    expect(f.requests.filter((bytes) => bytes >= CAP)).toEqual([]);
  });

  test.each(["portable", "live", "side_sheet", "remove", "hidden_rows", "rescan"] as const)(
    "%s: at most 8 round trips (the read included) and 10 rules",
    (mode) => {
      expect(figures[mode].syncs).toBeLessThanOrEqual(8);
      expect(figures[mode].cfRules).toBeLessThanOrEqual(10);
    }
  );

  test.each(OFFICEJS_MODES)("%s: every response is under 4 MB", (mode) => {
    const f = figures[mode];
    expect(f.responses.length).toBe(f.syncs);
    expect(f.responses.filter((bytes) => bytes >= CAP)).toEqual([]);
  });

  test("rescan: the second scan leaves the workbook as the first left it, reading our numbers back", () => {
    const f = figures.rescan;
    expect(f.sheetUnchanged).toBe(true);
    expect(f.cfRules).toBe(figures.portable.cfRules);
    // The read brings the values back (with our calculated numbers): more than the first read.
    expect(f.responses.reduce((a, b) => a + b, 0)).toBeGreaterThan(6_000_000);
  });

  test("Remove leaves none of our rules", () => {
    expect(figures.remove.cfRules).toBe(0);
    expect(figures.portable.cfRules).toBeGreaterThan(0);
  });

  test.each(["portable", "live", "values", "side_sheet", "hidden_rows", "rescan"] as const)(
    "%s: the adapter's estimate of each write request is never below the real bytes",
    (mode) => {
      const f = figures[mode];
      expect(f.writeEstimates.length).toBe(f.writeRequests.length);
      expect(f.writeEstimates.length).toBeGreaterThan(1);
      f.writeRequests.forEach((real, i) => {
        expect([i, f.writeEstimates[i] >= real]).toEqual([i, true]);
        // Blocks are sized from measured costs, not from a loose bound: a full block is close.
        if (real > 1_000_000) expect(f.writeEstimates[i]).toBeLessThan(real * 1.25);
      });
    }
  );
});

test("the bench's figure function gives syncs, largest request, rules and largest response for every mode", async () => {
  const keys = officeJsFigureKeys(await officeJsFigures(gridWorkbook(12, 8)), "12x8");
  const expected = [
    "officejs_12x8_syncs",
    "officejs_12x8_max_request_bytes",
    "officejs_12x8_cf_rules",
    ...OFFICEJS_MODES.flatMap((m) =>
      ["syncs", "max_request_bytes", "cf_rules", "max_response_bytes"].map(
        (f) => `officejs_${m}_12x8_${f}`
      )
    ),
  ];
  expect(Object.keys(keys).sort()).toEqual(expected.sort());
  for (const k of expected) expect([k, Number.isFinite(keys[k])]).toEqual([k, true]);
  expect(keys.officejs_portable_12x8_syncs).toBeGreaterThan(2);
  expect(keys.officejs_portable_12x8_max_request_bytes).toBeGreaterThan(1000);
});

test("hidden rows are read from the visible cells; with every column hidden, by splitting, a bounded number of pieces a round trip", async () => {
  const model = stackedGrid(300, 8);
  const mps = model.sheet("MPS")!;
  const hidden = Array.from({ length: 300 }, (_x, i) => i * 7 + 2);
  for (const r of hidden) mps.hiddenRows.add(r);
  mps.hiddenColumns = new Set([4]);
  const contexts: FakeRequestContext[] = [];
  const run = fakeExcelRun(model, contexts) as unknown as ExcelRun;
  let s = (await readWorkbookSnapshot(run, "w.xlsx")).sheets[0];
  expect(s.hiddenRows).toEqual(hidden);
  expect(s.hiddenColumns).toEqual([4]);
  expect(contexts.reduce((n, c) => n + c.syncCount, 0)).toBe(2);

  // No cell visible: the used range's visible cells tell nothing, so ranges are split.
  mps.hiddenColumns = new Set(Array.from({ length: 9 }, (_x, c) => c));
  s = (await readWorkbookSnapshot(run, "w.xlsx")).sheets[0];
  expect(s.hiddenRows).toEqual(hidden);
  expect(s.hiddenColumns).toHaveLength(9);
});

test("another sheet's used range comes with the first sheet's values; more than 512 merged areas there are read per block", async () => {
  const syncsOf = async (model: ReturnType<typeof stackedGrid>) => {
    const contexts: FakeRequestContext[] = [];
    const snapshot = await readWorkbookSnapshot(
      fakeExcelRun(model, contexts) as unknown as ExcelRun,
      "w.xlsx"
    );
    return { snapshot, syncs: contexts.reduce((n, c) => n + c.syncCount, 0) };
  };
  const alone = await syncsOf(stackedGrid(300, 8));
  const model = stackedGrid(300, 8);
  const notes = model.addSheet("Notes");
  model.setCell(notes, 0, 0, { value: "Checked by Li" });
  const two = await syncsOf(model);
  expect(two.syncs).toBe(alone.syncs);
  expect(two.snapshot.sheets.map((s) => [s.name, s.values[0][0]])).toEqual([
    ["MPS", "Item"],
    ["Notes", "Checked by Li"],
  ]);

  // The planner's notes, each in two merged cells.
  for (let i = 0; i < 600; i++) {
    notes.merged.push({ top: i * 2, bottom: i * 2, left: 1, right: 2 });
    model.setCell(notes, i * 2, 1, { value: `note ${i + 1}` });
  }
  const merged = await syncsOf(model);
  expect(merged.snapshot.sheets[1].merged).toHaveLength(600);
  expect(merged.snapshot.sheets[0].values).toEqual(two.snapshot.sheets[0].values);
});
