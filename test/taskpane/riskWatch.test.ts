import { PlanInput } from "../../src/engine";
import { PlanRecord, SeriesRow } from "../../src/layout";
import { ReportItem, computeFindings, reportItem } from "../../src/report";
import {
  DEFAULT_WATCH,
  EMPTY_MEMORY,
  acknowledge,
  assess,
  compareRisk,
  sanitizeMemory,
  snooze,
  summarize,
  watchRisks,
} from "../../src/taskpane/model/riskWatch";

/** A report item computed the way a scan computes it, from the figures given (no sheet needed). */
export function itemOf(name: string, input: PlanInput, sheet = "MPS"): ReportItem {
  const n = input.orders.length;
  const periods = input.orders.map((_o, i) => `W${i + 1}`);
  const row = (role: "orders" | "mps", values: readonly number[]): SeriesRow => ({
    role,
    label: role,
    labelCell: "",
    labelPos: null,
    at: { sheet, rows: values.map(() => -1), columns: values.map(() => -1) },
    cells: values.map(() => ""),
    values: values.slice(),
  });
  const record: PlanRecord = {
    item: name,
    itemCell: null,
    itemPos: null,
    site: null,
    sheet,
    layout: "grid",
    periods,
    periodStarts: periods.map(() => null),
    periodKind: "number",
    periodAt: { sheet, rows: [], columns: [] },
    periodCells: [],
    opening: { value: input.onHand, cell: "" },
    safetyStock: input.safetyStock === undefined ? null : { value: input.safetyStock, cell: "" },
    pastDue: null,
    orders: row("orders", input.orders),
    forecast: input.forecast ? { ...row("orders", input.forecast), role: "forecast" } : null,
    supply: [row("mps", input.mps.length ? input.mps : new Array<number>(n).fill(0))],
    plannerPab: null,
    flagged: false,
  };
  return reportItem(computeFindings([record]).findings[0]);
}

const classic: PlanInput = {
  onHand: 45,
  safetyStock: 10,
  orders: [16, 15, 15, 20, 18, 22, 20, 25],
  mps: [0, 0, 50, 0, 0, 50, 0, 0],
};

describe("what counts as a risk", () => {
  test("classic example within 8 periods: short in W8 by 6; the W3 receipt must land", () => {
    const a = assess(itemOf("FG-1001", classic), DEFAULT_WATCH);
    expect(a).toEqual({
      status: "stockout",
      firstIndex: 7,
      quantity: 6,
      peak: { index: 7, quantity: 6 },
      receipt: { index: 2, quantity: 50, slack: 0 },
    });
  });

  test("the horizon decides: within 7 periods the item only needs its receipts on time; within 2, nothing", () => {
    expect(assess(itemOf("FG-1001", classic), { horizon: 7, slackThreshold: 0 })?.status).toBe(
      "at-risk"
    );
    expect(assess(itemOf("FG-1001", classic), { horizon: 2, slackThreshold: 0 })).toBeNull();
  });

  test("the slack threshold decides which receipts count as at risk", () => {
    const item = itemOf("P", { onHand: 10, orders: [5, 5, 5, 5], mps: [0, 10, 0, 0] });
    // PAB 5, 10, 5, 0; the W2 receipt is needed by W3: slack 1
    expect(item.receipts[0].slack).toBe(1);
    expect(assess(item, { horizon: 8, slackThreshold: 0 })).toBeNull();
    expect(assess(item, { horizon: 8, slackThreshold: 1 })).toMatchObject({
      status: "at-risk",
      receipt: { index: 1, slack: 1 },
    });
  });

  test("below safety stock only: the gap to safety stock at the first low period", () => {
    const a = assess(
      itemOf("L", { onHand: 30, safetyStock: 20, orders: [5, 10, 0], mps: [0, 0, 0] }),
      DEFAULT_WATCH
    );
    expect(a).toEqual({ status: "low", firstIndex: 1, quantity: 5, peak: null, receipt: null });
  });
});

describe("this scan against the last", () => {
  const before = { status: "stockout" as const, firstIndex: 5, peak: 10 };
  const a = (status: "stockout" | "at-risk" | "low", firstIndex: number, peak: number | null) => ({
    status,
    firstIndex,
    quantity: 1,
    peak: peak === null ? null : { index: firstIndex, quantity: peak },
    receipt: null,
  });
  test("worse: more severe, or sooner, or deeper; better: the reverse; otherwise unchanged", () => {
    expect(compareRisk({ ...before, status: "low" }, a("stockout", 5, 10))).toBe("worse");
    expect(compareRisk(before, a("stockout", 4, 10))).toBe("worse");
    expect(compareRisk(before, a("stockout", 5, 11))).toBe("worse");
    expect(compareRisk(before, a("at-risk", 5, null))).toBe("better");
    expect(compareRisk(before, a("stockout", 6, 10))).toBe("better");
    expect(compareRisk(before, a("stockout", 5, 9))).toBe("better");
    expect(compareRisk(before, a("stockout", 5, 10))).toBe("unchanged");
  });

  test("new, unchanged, worse, resolved once and then gone; the first-detected date is kept", () => {
    const short = itemOf("A", classic);
    const first = watchRisks([short], EMPTY_MEMORY, DEFAULT_WATCH, "2026-11-30");
    expect(first.entries.map((e) => [e.name, e.change, e.firstDetected])).toEqual([
      ["A", "new", "2026-11-30"],
    ]);

    const second = watchRisks([short], first.memory, DEFAULT_WATCH, "2026-12-01");
    expect(second.entries.map((e) => [e.change, e.firstDetected])).toEqual([
      ["unchanged", "2026-11-30"],
    ]);

    const deeper = itemOf("A", { ...classic, orders: [...classic.orders.slice(0, 7), 40] });
    const third = watchRisks([deeper], second.memory, DEFAULT_WATCH, "2026-12-02");
    expect(third.entries[0].change).toBe("worse");

    const fixed = itemOf("A", { ...classic, onHand: 200 });
    const fourth = watchRisks([fixed], third.memory, DEFAULT_WATCH, "2026-12-03");
    expect(fourth.entries.map((e) => e.change)).toEqual(["resolved"]);
    expect(fourth.entries[0].was?.status).toBe("stockout");

    const fifth = watchRisks([fixed], fourth.memory, DEFAULT_WATCH, "2026-12-04");
    expect(fifth.entries).toEqual([]);
    expect(fifth.memory.entries).toEqual({});

    const back = watchRisks([short], fifth.memory, DEFAULT_WATCH, "2026-12-05");
    expect(back.entries.map((e) => [e.change, e.firstDetected])).toEqual([["new", "2026-12-05"]]);
  });

  test("risks on sheets this scan did not read are kept as they were", () => {
    const first = watchRisks(
      [itemOf("A", classic, "East"), itemOf("B", classic, "West")],
      EMPTY_MEMORY,
      DEFAULT_WATCH,
      "2026-11-30"
    );
    const east = watchRisks(
      [itemOf("A", classic, "East")],
      first.memory,
      DEFAULT_WATCH,
      "2026-12-01",
      ["East"]
    );
    expect(Object.keys(east.memory.entries).sort()).toEqual(["East|A|", "West|B|"]);
    const all = watchRisks(
      [itemOf("A", classic, "East")],
      first.memory,
      DEFAULT_WATCH,
      "2026-12-01",
      null
    );
    expect(Object.keys(all.memory.entries)).toEqual(["East|A|"]);
  });

  test("most urgent first: stockout before at-risk before low; acknowledged after the open ones", () => {
    const low = itemOf("Low", { onHand: 30, safetyStock: 20, orders: [5, 10, 0], mps: [0, 0, 0] });
    const atRisk = itemOf("AtRisk", { onHand: 10, orders: [5, 10, 5], mps: [0, 10, 0] });
    const soon = itemOf("Soon", { onHand: 5, orders: [10, 0, 0], mps: [0, 0, 0] });
    const later = itemOf("Later", { onHand: 15, orders: [5, 5, 10], mps: [0, 0, 0] });
    let w = watchRisks([low, atRisk, later, soon], EMPTY_MEMORY, DEFAULT_WATCH, "2026-11-30");
    expect(w.entries.map((e) => e.name)).toEqual(["Soon", "Later", "AtRisk", "Low"]);
    w = watchRisks(
      [low, atRisk, later, soon],
      acknowledge(w.memory, "MPS|Soon|"),
      DEFAULT_WATCH,
      "2026-12-01"
    );
    expect(w.entries.map((e) => [e.name, e.acknowledged])).toEqual([
      ["Later", false],
      ["AtRisk", false],
      ["Low", false],
      ["Soon", true],
    ]);
    expect(summarize([low, atRisk, later, soon], w.entries)).toEqual({
      read: 4,
      short: 2,
      receipt: 1,
      low: 1,
      problems: 0,
    });
  });
});

describe("acknowledge and snooze", () => {
  const item = itemOf("A", classic);
  const first = watchRisks([item], EMPTY_MEMORY, DEFAULT_WATCH, "2026-11-30");
  const worse = itemOf("A", { ...classic, orders: [...classic.orders.slice(0, 7), 40] });

  test("an acknowledgement lasts until the risk gets worse", () => {
    const acked = acknowledge(first.memory, "MPS|A|");
    expect(watchRisks([item], acked, DEFAULT_WATCH, "2026-12-01").entries[0].acknowledged).toBe(
      true
    );
    expect(watchRisks([worse], acked, DEFAULT_WATCH, "2026-12-01").entries[0].acknowledged).toBe(
      false
    );
  });

  test("snoozed until a date: hidden before it, listed again on it", () => {
    const m = snooze(first.memory, "MPS|A|", { until: "2026-12-07", untilWorse: false });
    expect(watchRisks([item], m, DEFAULT_WATCH, "2026-12-06").entries[0].snoozed).toBe(true);
    const on = watchRisks([item], m, DEFAULT_WATCH, "2026-12-07");
    expect(on.entries[0].snoozed).toBe(false);
    expect(on.memory.entries["MPS|A|"].snooze).toBeNull();
  });

  test("snoozed until worse: hidden while unchanged, woken when worse; a snooze by date wakes when worse too", () => {
    const m = snooze(first.memory, "MPS|A|", { until: null, untilWorse: true });
    expect(watchRisks([item], m, DEFAULT_WATCH, "2026-12-20").entries[0].snoozed).toBe(true);
    expect(watchRisks([worse], m, DEFAULT_WATCH, "2026-12-01").entries[0].snoozed).toBe(false);
    const byDate = snooze(first.memory, "MPS|A|", { until: "2027-01-01", untilWorse: false });
    expect(watchRisks([worse], byDate, DEFAULT_WATCH, "2026-12-01").entries[0].snoozed).toBe(false);
  });

  test("what the workbook's settings hold is checked: junk is dropped, good entries kept", () => {
    const good = first.memory;
    expect(sanitizeMemory(JSON.parse(JSON.stringify(good)))).toEqual(good);
    expect(
      sanitizeMemory({ entries: { x: { item: 1 }, y: null }, scannedOn: "yesterday" })
    ).toEqual(EMPTY_MEMORY);
    expect(sanitizeMemory("<script>")).toEqual(EMPTY_MEMORY);
    expect(sanitizeMemory({ watch: { horizon: 12, slackThreshold: 1 } }).watch).toEqual({
      horizon: 12,
      slackThreshold: 1,
    });
    expect(sanitizeMemory({ watch: { horizon: -1, slackThreshold: 1 } }).watch).toBeUndefined();
  });
});
