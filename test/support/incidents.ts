import {
  Action,
  IncidentCase,
  ItemProjection,
  addHours,
  openIncident,
  transition,
} from "../../src/incidents";

/** The classic example: W8 short by 6 against orders, the W3 and W6 receipts must land on time. */
export function classicProjection(overrides: Partial<ItemProjection> = {}): ItemProjection {
  return {
    item: "FG-1001",
    site: null,
    sheet: "MPS",
    periods: ["W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8"],
    periodStarts: [
      "2026-11-30",
      "2026-12-07",
      "2026-12-14",
      "2026-12-21",
      "2026-12-28",
      "2027-01-04",
      "2027-01-11",
      "2027-01-18",
    ],
    opening: 45,
    safetyStock: 10,
    orders: [16, 15, 15, 20, 18, 22, 20, 25],
    mps: [0, 0, 50, 0, 0, 50, 0, 0],
    ...overrides,
  };
}

export const T0 = "2026-12-01T08:00:00.000Z";

export function walk(c: IncidentCase, actions: Action[], projections = [classicProjection()]) {
  return actions.reduce((cur, a, i) => {
    const out = transition(cur, a, { now: addHours(T0, i + 1), projections });
    if (!out.ok) throw new Error(`${a.type} refused: ${out.refusal.code}`);
    return out.next;
  }, c);
}

/** A closed incident that went all the way: internal alert → customer all-clear, review sent. */
export function fullCase(id = "INC-2027-004"): IncidentCase {
  const short = classicProjection();
  const fixed = classicProjection({ mps: [0, 0, 50, 0, 0, 60, 0, 0] });
  const c = openIncident(id, [short], "Li Wei", T0, {
    customer: {
      name: "Acme Motors",
      orders: [{ po: "PO-4711", line: "10", quantity: 25, originalDate: "2027-01-18" }],
    },
    cause: {
      internal: "mould crack on press 4",
      customer: "a tooling failure",
      category: "machine",
    },
    review: {
      whys: ["the mould cracked", "the crack was not found", "the check was skipped"],
      containment: "spare mould",
      corrective: "repair mould 4",
      preventive: "crack check in the start-up checklist",
      owner: "Wang Fang",
      due: "2027-02-15",
    },
  });
  const mid = walk(c, [
    { type: "draft", step: "internal" },
    { type: "sent", step: "internal" },
    { type: "assess", by: "Zhang Min", solvableInTime: false },
    { type: "draft", step: "customer-risk" },
    { type: "sent", step: "customer-risk" },
    { type: "draft", step: "customer-confirmed" },
    { type: "sent", step: "customer-confirmed" },
  ]);
  const done = walk(
    {
      ...mid,
      log: {
        ...mid.log,
        rootCause: "no crack check at start-up",
        premiumFreightCost: 4200,
        lineStopped: false,
      },
    },
    [
      { type: "draft", step: "customer-all-clear" },
      { type: "sent", step: "customer-all-clear" },
      { type: "draft", step: "review" },
      { type: "sent", step: "review" },
      { type: "close" },
    ],
    [fixed]
  );
  return done;
}
