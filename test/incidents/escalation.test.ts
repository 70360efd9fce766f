import fc from "fast-check";
import {
  Action,
  DEFAULT_TARGETS,
  IncidentCase,
  ItemProjection,
  NOTICE_STEPS,
  NoticeStep,
  StepContext,
  addHours,
  addItems,
  check,
  clockSinceDetection,
  detectionLeadDays,
  levelReached,
  openIncident,
  refusalText,
  stepRecord,
  targetState,
  transition,
} from "../../src/incidents";
import { classicProjection } from "../support/incidents";

const T0 = "2026-12-01T08:00:00.000Z";
const at = (h: number) => addHours(T0, h);

function run(c: IncidentCase, actions: Action[], projections: ItemProjection[], start = 1) {
  let cur = c;
  actions.forEach((a, i) => {
    const out = transition(cur, a, { now: at(start + i), projections });
    if (!out.ok) throw new Error(`${a.type} refused: ${refusalText(out.refusal, "en")}`);
    cur = out.next;
  });
  return cur;
}

describe("escalation steps (DESIGN.md)", () => {
  const short = classicProjection();
  // The W8 shortage fixed: 10 more in W6.
  const fixed = classicProjection({ mps: [0, 0, 50, 0, 0, 60, 0, 0] });

  test("internal alert → all-clear, with drafted and sent times", () => {
    const c0 = openIncident("INC-1", [short], "Li Wei", T0);
    const c = run(
      c0,
      [
        { type: "draft", step: "internal" },
        { type: "sent", step: "internal" },
        { type: "draft", step: "all-clear" },
        { type: "sent", step: "all-clear" },
        { type: "close" },
      ],
      [fixed]
    );
    expect(stepRecord(c, "internal")).toEqual({
      step: "internal",
      draftedAt: at(1),
      sentAt: at(2),
    });
    expect(stepRecord(c, "all-clear")?.sentAt).toBe(at(4));
    expect(c.closedAt).toBe(at(5));
    expect(levelReached(c)).toBe("closed");
  });

  test("assessment → customer notice → confirmed → customer all-clear, and the review", () => {
    const c0 = openIncident("INC-2", [short], "Li Wei", T0);
    const c1 = run(
      c0,
      [
        { type: "draft", step: "internal" },
        { type: "sent", step: "internal" },
        { type: "assess", by: "Zhang Min", solvableInTime: false },
        { type: "draft", step: "customer-risk" },
        { type: "sent", step: "customer-risk" },
        { type: "draft", step: "customer-confirmed" },
        { type: "sent", step: "customer-confirmed" },
        { type: "draft", step: "review" },
      ],
      [short]
    );
    expect(c1.assessment).toEqual({ by: "Zhang Min", at: at(3), solvableInTime: false });
    expect(c1.roles.assessor).toBe("Zhang Min");
    expect(c1.log.actualShort).toBe(6);
    expect(levelReached(c1)).toBe("customer-confirmed");
    // Still short: the customer all-clear is refused with the period and quantity.
    const refused = transition(
      c1,
      { type: "draft", step: "customer-all-clear" },
      {
        now: at(20),
        projections: [short],
      }
    );
    expect(refused).toEqual({
      ok: false,
      refusal: { code: "still-short", item: "FG-1001", period: "W8", quantity: 6 },
    });
    if (!refused.ok)
      expect(refusalText(refused.refusal, "en")).toBe(
        "FG-1001 is still short in W8 by 6: no customer all-clear until supply is back."
      );
    const c2 = run(c1, [{ type: "draft", step: "customer-all-clear" }], [fixed], 21);
    expect(levelReached(c2)).toBe("customer-all-clear");
  });

  test("no customer notice before the assessment, nor when it was assessed solvable in time", () => {
    const c = run(
      openIncident("INC-3", [short], "Li Wei", T0),
      [{ type: "draft", step: "internal" }],
      [short]
    );
    const ctx = { now: at(5), projections: [short] };
    expect(check(c, { type: "draft", step: "customer-risk" }, ctx)?.code).toBe("needs-assessment");
    expect(check(c, { type: "draft", step: "customer-confirmed" }, ctx)?.code).toBe(
      "needs-assessment"
    );
    const solvable = run(
      c,
      [{ type: "assess", by: "Zhang Min", solvableInTime: true }],
      [short],
      6
    );
    expect(check(solvable, { type: "draft", step: "customer-risk" }, ctx)).toMatchObject({
      code: "assessed-solvable",
      by: "Zhang Min",
    });
  });

  test("a forecast-only shortage never reaches the customer", () => {
    // Orders are covered; the forecast makes W8 short.
    const forecastOnly = classicProjection({
      orders: [10, 10, 10, 10, 10, 10, 10, 10],
      mps: [0, 0, 0, 0, 0, 0, 0, 0],
      forecast: [10, 10, 10, 10, 10, 10, 10, 60],
      opening: 90,
    });
    const c = run(
      openIncident("INC-4", [forecastOnly], "Li Wei", T0),
      [
        { type: "draft", step: "internal" },
        { type: "assess", by: "Zhang Min", solvableInTime: false },
      ],
      [forecastOnly]
    );
    expect(
      check(
        c,
        { type: "draft", step: "customer-risk" },
        { now: at(9), projections: [forecastOnly] }
      )?.code
    ).toBe("orders-covered");
  });

  test("several items: all must be back before the customer all-clear", () => {
    const other = classicProjection({
      item: "FG-2002",
      orders: [50, 0, 0, 0, 0, 0, 0, 0],
      mps: [0, 0, 0, 0, 0, 0, 0, 0],
    });
    const otherFixed = classicProjection({
      item: "FG-2002",
      orders: [40, 0, 0, 0, 0, 0, 0, 0],
      mps: [0, 0, 0, 0, 0, 0, 0, 0],
    });
    const c = run(
      openIncident("INC-5", [short, other], "Li Wei", T0),
      [
        { type: "draft", step: "internal" },
        { type: "assess", by: "Zhang Min", solvableInTime: false },
        { type: "draft", step: "customer-confirmed" },
      ],
      [short, other]
    );
    expect(c.risks.map((r) => r.item)).toEqual(["FG-1001", "FG-2002"]);
    expect(
      check(
        c,
        { type: "draft", step: "customer-all-clear" },
        { now: at(9), projections: [fixed, other] }
      )
    ).toMatchObject({
      code: "still-short",
      item: "FG-2002",
      period: "W1",
      quantity: 5,
    });
    expect(
      check(
        c,
        { type: "draft", step: "customer-all-clear" },
        { now: at(9), projections: [fixed, otherFixed] }
      )
    ).toBeNull();
    expect(
      check(c, { type: "draft", step: "customer-all-clear" }, { now: at(9), projections: [fixed] })
    ).toMatchObject({
      code: "no-projection",
      item: "FG-2002",
    });
  });

  test("an item added to an open incident brings its risk as the plan shows it now, once", () => {
    const other = classicProjection({
      item: "FG-2002",
      orders: [50, 0, 0, 0, 0, 0, 0, 0],
      mps: [0, 0, 0, 0, 0, 0, 0, 0],
    });
    const c = openIncident("INC-6", [short], "Li Wei", T0);
    const two = addItems(c, [other, short]);
    expect(two.risks.map((r) => r.item)).toEqual(["FG-1001", "FG-2002"]);
    expect(two.details.items).toEqual(["FG-1001", "FG-2002"]);
    // FG-2002: 45 on hand, 50 ordered in W1: short 5 in W1, to the end.
    expect(two.risks[1]).toMatchObject({ periodsAtRisk: other.periods, quantityAtRisk: 5 });
    expect(addItems(two, [other])).toBe(two);
    expect(addItems({ ...c, closedAt: at(3) }, [other]).risks).toHaveLength(1);
  });

  test("the internal all-clear while still short is allowed with a warning", () => {
    const c = run(
      openIncident("INC-6", [short], "Li Wei", T0),
      [{ type: "draft", step: "internal" }],
      [short]
    );
    const out = transition(
      c,
      { type: "draft", step: "all-clear" },
      { now: at(3), projections: [short] }
    );
    expect(out.ok && out.warnings.map((w) => w.code)).toEqual(["still-short"]);
  });

  test("target times, the clock since detection and the detection lead time", () => {
    const c = run(
      openIncident("INC-7", [short], "Li Wei", T0),
      [
        { type: "draft", step: "internal" }, // at(1)
        { type: "sent", step: "internal" }, // at(2): within 4 h of detection
        { type: "assess", by: "Zhang Min", solvableInTime: false }, // at(3)
        { type: "draft", step: "customer-risk" }, // at(4)
      ],
      [short]
    );
    expect(targetState(c, "internal", DEFAULT_TARGETS, at(5))).toEqual({
      step: "internal",
      due: at(4),
      doneAt: at(2),
      withinTarget: true,
      overdue: false,
    });
    expect(targetState(c, "customer-risk", DEFAULT_TARGETS, at(30))).toMatchObject({
      due: at(27),
      doneAt: null,
      withinTarget: null,
      overdue: true,
    });
    expect(targetState(c, "review", DEFAULT_TARGETS, at(30)).due).toBeNull();
    expect(clockSinceDetection(c, at(30))).toBe(30);
    // Detected 2026-12-01; W3's receipt (2026-12-14) is the first problem: 13 days ahead.
    expect(c.risks[0].firstProblem).toEqual({
      period: "W3",
      date: "2026-12-14",
      status: "at-risk",
    });
    expect(detectionLeadDays(c)).toBe(13);
    expect(detectionLeadDays({ ...c, risks: [{ ...c.risks[0], firstProblem: null }] })).toBeNull();
  });
});

/** An oracle written from DESIGN.md, independent of the implementation: is this action allowed? */
function allowed(c: IncidentCase, a: Action, ctx: StepContext): boolean {
  if (c.closedAt) return false;
  const has = (s: NoticeStep) => c.steps.some((x) => x.step === s);
  const sentStep = (s: NoticeStep) => c.steps.some((x) => x.step === s && x.sentAt);
  const p = ctx.projections[0];
  let bal = p.opening;
  const balances = p.orders.map((o, t) => (bal = bal - o + p.mps[t]));
  const short = balances.some((b) => b < 0);
  // At risk: covered that period only if its receipt lands on time (slack 0).
  const dependsOnReceipt = p.mps.some((m, s) => m > 0 && balances[s] - m < 0);
  if (a.type === "assess") return a.by.trim() !== "" && has("internal");
  if (a.type === "sent") return has(a.step) && !sentStep(a.step);
  if (a.type === "close") return has("all-clear") || has("customer-all-clear");
  if (sentStep(a.step)) return false;
  if (a.step === "internal") return true;
  if (!has("internal")) return false;
  const told = has("customer-risk") || has("customer-confirmed");
  switch (a.step) {
    case "all-clear":
      return !told || has("customer-all-clear");
    case "customer-risk":
      return !!c.assessment && !c.assessment.solvableInTime && (short || dependsOnReceipt);
    case "customer-confirmed":
      return !!c.assessment && short;
    case "customer-all-clear":
      return told && !short;
    case "review":
      return true;
  }
}

const PATH: Action[] = [
  { type: "draft", step: "internal" },
  { type: "sent", step: "internal" },
  { type: "assess", by: "Zhang Min", solvableInTime: false },
  { type: "draft", step: "customer-risk" },
  { type: "sent", step: "customer-risk" },
  { type: "draft", step: "customer-confirmed" },
  { type: "sent", step: "customer-confirmed" },
  { type: "draft", step: "review" },
  { type: "draft", step: "customer-all-clear" },
  { type: "sent", step: "customer-all-clear" },
  { type: "draft", step: "all-clear" },
  { type: "sent", step: "all-clear" },
  { type: "sent", step: "review" },
  { type: "close" },
];

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    arbitrary: fc.record({
      type: fc.constant("draft" as const),
      step: fc.constantFrom(...NOTICE_STEPS),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      type: fc.constant("sent" as const),
      step: fc.constantFrom(...NOTICE_STEPS),
    }),
    weight: 4,
  },
  fc.record({
    type: fc.constant("assess" as const),
    by: fc.constantFrom("Zhang Min", "", "  "),
    solvableInTime: fc.boolean(),
  }),
  { arbitrary: fc.constant({ type: "close" as const }), weight: 1 }
);

const projectionArb: fc.Arbitrary<ItemProjection> = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc
    .record({
      opening: fc.integer({ min: -20, max: 90 }),
      orders: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: n, maxLength: n }),
      mps: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 })), {
        minLength: n,
        maxLength: n,
      }),
    })
    .map((r) =>
      classicProjection({
        ...r,
        periods: r.orders.map((_o, i) => `W${i + 1}`),
        periodStarts: r.orders.map((_o, i) =>
          addHours("2026-11-30T00:00:00Z", 24 * 7 * i).slice(0, 10)
        ),
      })
    )
);

describe("every transition, refused ones included (property)", () => {
  test("the machine allows exactly what the rules allow; a refusal changes nothing and says why in both languages", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        projectionArb,
        fc.array(fc.tuple(actionArb, projectionArb, fc.integer({ min: 0, max: 9 }), fc.boolean()), {
          minLength: 20,
          maxLength: 60,
        }),
        fc.integer({ min: 0, max: 60 }),
        (first, steps, recoverAt) => {
          let c = openIncident("INC-P", [first], "Li Wei", T0);
          let scripted = 0;
          steps.forEach(([random, replan, keep, followPath], i) => {
            // Half the steps follow the escalation path in order, so runs get far; the rest are anything.
            const action = followPath ? PATH[scripted % PATH.length] : random;
            // The plan changes between steps now and then; the same item stays.
            // The plan changes between steps now and then (the same item): fixed by a big receipt, or anything.
            const projection =
              keep === 9
                ? replan
                : i < recoverAt
                  ? first
                  : { ...first, mps: first.mps.map((m, t) => (t === 0 ? m + 1000 : m)) };
            const ctx = { now: at(i + 1), projections: [projection] };
            const before = JSON.stringify(c);
            const out = transition(c, action, ctx);
            expect(out.ok).toBe(allowed(c, action, ctx));
            seen.add(`${action.type}:${"step" in action ? action.step : ""}:${out.ok}`);
            if (out.ok && followPath) scripted++;
            if (!out.ok) {
              expect(JSON.stringify(c)).toBe(before);
              expect(refusalText(out.refusal, "en")).toMatch(/\w/);
              expect(refusalText(out.refusal, "zh-CN")).toMatch(/[\u4e00-\u9fff]/);
              return;
            }
            const next = out.next;
            // Invariants of every accepted step.
            for (const s of next.steps) {
              expect(Date.parse(s.draftedAt)).toBeLessThanOrEqual(Date.parse(ctx.now));
              if (s.sentAt)
                expect(Date.parse(s.sentAt)).toBeGreaterThanOrEqual(Date.parse(s.draftedAt));
            }
            if (
              next.steps.some((s) => s.step === "customer-risk" || s.step === "customer-confirmed")
            )
              expect(next.assessment).not.toBeNull();
            if (action.type === "draft" && action.step === "customer-all-clear")
              expect(projection.orders.length).toBeGreaterThan(0);
            expect(new Set(next.steps.map((s) => s.step)).size).toBe(next.steps.length);
            c = next;
          });
        }
      ),
      { numRuns: 150 }
    );
    // Every action was both taken and refused somewhere in the runs.
    for (const a of [
      ...NOTICE_STEPS.flatMap((s) => [`draft:${s}`, `sent:${s}`]),
      "assess:",
      "close:",
    ])
      for (const ok of [true, false]) expect([...seen].sort().join(" ")).toContain(`${a}:${ok}`);
  });
});
