import {
  DEFAULT_TARGETS,
  LOG_COLUMNS,
  categoryFromText,
  detectionLeadDays,
  logFigures,
  logHeader,
  logRow,
  logTableRows,
} from "../../src/incidents";
import { fullCase } from "../support/incidents";

const CATEGORY = LOG_COLUMNS.findIndex((c) => c.key === "category");
const ID = LOG_COLUMNS.findIndex((c) => c.key === "id");
const LEAD = LOG_COLUMNS.findIndex((c) => c.key === "leadDays");
const NOW = "2027-03-20T00:00:00Z";

function withoutCategory(id: string) {
  const c = fullCase(id);
  return { ...c, details: { ...c.details, cause: { ...c.details.cause!, category: undefined } } };
}

describe("the figures prefer what the log table says", () => {
  test("categories typed in either language, any case or width, count as that category", () => {
    for (const [text, key] of [
      ["Machine", "machine"],
      ["  mAcHiNe ", "machine"],
      ["ＭＡＣＨＩＮＥ", "machine"],
      ["机", "machine"],
      ["测", "measurement"],
      ["environment", "environment"],
      ["人", "man"],
    ] as const)
      expect(categoryFromText(text)).toBe(key);
    expect(categoryFromText("Tooling")).toBeNull();
    expect(categoryFromText("")).toBeNull();
  });

  test("rows matched by the incident id whatever their order; hand-added rows count; unknown text kept by its text", () => {
    const a = withoutCategory("INC-1");
    const b = fullCase("INC-2"); // machine in the incident
    const c = fullCase("INC-3");
    const rows = [a, b, c].map((x) => logRow(x, "en"));
    // The review typed 机 for INC-1 (no category kept) and "Method" for INC-3; INC-2 left as written.
    rows[0][CATEGORY] = "机";
    rows[2][CATEGORY] = "Method";
    const handAdded = logRow(fullCase("X-1"), "en");
    handAdded[CATEGORY] = "Tooling";
    handAdded[LEAD] = 40;
    const blank = LOG_COLUMNS.map(() => "");
    // Sorted by hand: the rows in another order, a blank row in the middle.
    const values = [logHeader("en"), rows[2], handAdded, blank, rows[1], rows[0]];
    const table = logTableRows(values);
    expect(table?.map((r) => r.id)).toEqual(["INC-3", "X-1", "INC-2", "INC-1"]);

    const f = logFigures([a, b, c], DEFAULT_TARGETS, NOW, table);
    expect(f.incidents).toBe(4);
    expect(f.byCategory).toEqual([
      { category: "machine", text: null, count: 2 },
      { category: "method", text: null, count: 1 },
      { category: null, text: "Tooling", count: 1 },
    ]);
    // The clocks from the incidents kept; the hand-added row's lead time from its cell.
    const lead = detectionLeadDays(a)!;
    expect(lead).toBeLessThan(40);
    expect(f.medianLeadDays).toBe(lead);
    const one = logFigures(
      [a],
      DEFAULT_TARGETS,
      NOW,
      logTableRows([values[0], rows[0], handAdded])
    );
    expect(one.medianLeadDays).toBe((lead + 40) / 2);
    const stored = logFigures([a, b, c], DEFAULT_TARGETS, NOW);
    expect([f.done, f.withinTarget]).toEqual([stored.done, stored.withinTarget]);
    expect(stored.byCategory).toEqual([
      { category: "machine", text: null, count: 2 },
      { category: null, text: null, count: 1 },
    ]);
  });

  test("an empty cell keeps the incident's category; a Chinese header reads the same; no id column: the table is not used", () => {
    const b = fullCase("INC-2");
    const row = logRow(b, "zh-CN");
    row[CATEGORY] = "";
    const table = logTableRows([logHeader("zh-CN"), row]);
    expect(table).toEqual([{ id: "INC-2", category: null, leadDays: detectionLeadDays(b) }]);
    expect(logFigures([b], DEFAULT_TARGETS, NOW, table).byCategory).toEqual([
      { category: "machine", text: null, count: 1 },
    ]);
    const header = logHeader("en");
    header[ID] = "Ticket";
    expect(logTableRows([header, logRow(b, "en")])).toBeNull();
    expect(logTableRows([])).toBeNull();
  });

  test("a row copied by hand (the same id twice) counts once", () => {
    const b = fullCase("INC-2");
    const row = logRow(b, "en");
    const copy = [...row];
    copy[CATEGORY] = "料";
    const f = logFigures([b], DEFAULT_TARGETS, NOW, logTableRows([logHeader("en"), row, copy]));
    expect(f.incidents).toBe(1);
    expect(f.byCategory).toEqual([{ category: "machine", text: null, count: 1 }]);
  });
});
