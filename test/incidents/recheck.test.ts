import { addItems, openIncident, riskChangeText, riskChanges } from "../../src/incidents";
import { handoffsFor, works } from "../../src/taskpane/incidentFlow";
import { T0, classicProjection } from "../support/incidents";

describe("the incident's facts re-checked when the plan changes", () => {
  const raised = classicProjection();
  const c = openIncident("INC-1", [raised], "Li Wei", T0);

  test("the same plan: nothing changed", () => {
    expect(riskChanges(c, [raised])).toEqual([]);
  });

  test("a bigger order: first problem and quantity at risk move, against the prediction", () => {
    // W2's orders 15 → 35: W2 goes short (45 - 16 - 35 = -6), before the W3 receipt it depended on.
    const later = classicProjection({ orders: [16, 35, 15, 20, 18, 22, 20, 25] });
    const was = c.risks[0];
    const now = riskChanges(c, [later]);
    expect(now).toContainEqual({
      item: "FG-1001",
      kind: "first-problem",
      was: was.firstProblem!.period,
      now: "W2",
    });
    expect(now.find((x) => x.kind === "quantity")).toMatchObject({ was: was.quantityAtRisk });
    expect(was.quantityAtRisk).toBe(11);
    expect(riskChangeText(now[0], "en")).toBe(
      `FG-1001 first problem: ${was.firstProblem!.period} → W2`
    );
    expect(riskChangeText(now[0], "zh-CN")).toBe(
      `FG-1001 首个问题期间：${was.firstProblem!.period} → W2`
    );
  });

  test("supply back, and an item missing from the scan, are said per item", () => {
    const other = classicProjection({
      item: "FG-2002",
      orders: [50, 0, 0, 0, 0, 0, 0, 0],
      mps: [0, 0, 0, 0, 0, 0, 0, 0],
    });
    const two = addItems(c, [other]);
    const fine = classicProjection({ opening: 500 });
    expect(riskChanges(two, [fine])).toEqual([
      { item: "FG-1001", kind: "resolved", was: c.risks[0].firstProblem!.period },
      { item: "FG-2002", kind: "missing" },
    ]);
  });
});

describe("hand-offs shown honestly per platform (DESIGN.md: Drafts)", () => {
  const platforms = ["PC", "Mac", "OfficeOnline", "iOS", "Android", null] as const;
  test.each(platforms)("%s", (platform) => {
    for (const graph of [false, true]) {
      const list = handoffsFor(platform, graph);
      expect(list.map((h) => h.handoff)).toEqual(["clipboard", "eml", "graph", "mailto"]);
      // The clipboard works everywhere; Graph wherever a client id and the tenant allow it.
      expect(works(list, "clipboard")).toBe(true);
      expect(works(list, "graph")).toBe(graph);
      // Downloads from the task pane fail on Mac (and on phones and tablets).
      expect(works(list, "eml")).toBe(!["Mac", "iOS", "Android"].includes(String(platform)));
      // mailto fails from Excel desktop.
      expect(works(list, "mailto")).toBe(platform !== "PC" && platform !== "Mac");
      // What does not work says why; the .eml says it opens as a draft only in classic Outlook.
      for (const h of list) expect(h.note).toBeTruthy();
      if (works(list, "eml")) expect(list[1].note).toBe("classic-outlook");
    }
  });
});
