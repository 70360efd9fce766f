import fc from "fast-check";
import PostalMime from "postal-mime";
import { scanXlsxFile } from "../../src/cli/scanFile";
import { CustomerOrder, Incident } from "../../src/incidents";
import { Block } from "../../src/mail/document";
import {
  NOTICE_KINDS,
  NoticeFacts,
  NoticeKind,
  NoticeRefused,
  composeIncidentNotice,
  draftNotice,
  wordsFor,
} from "../../src/mail";
import { ReportItem, factsForNotice } from "../../src/report";
import { expectGolden } from "../support/golden";
import {
  INTERNAL_MARKERS,
  classicItem,
  fullIncident,
  resolvedItem,
  scannedItem,
} from "../support/notices";
import { TestCell, buildXlsx } from "../support/xlsxBuilder";

/** FG-2002: short in W4 (15) and W5 (20 backlog), covered W6, short again W7-W8, back for good from W9. */
function mouldItem(mpsW4 = 0, onHand = 30): ReportItem {
  return scannedItem([
    ["Item", "FG-2002"],
    ["On hand", onHand],
    [null, "W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "W9", "W10"],
    ["Customer orders", 10, 10, 10, 15, 5, 10, 20, 10, 10, 10],
    ["MPS", 0, 0, 0, mpsW4, 0, 40, 0, 0, 50, 0],
  ]);
}

const facts = (items: ReportItem[]): NoticeFacts[] => items.map((i) => factsForNotice(i));

/** The full incident over two items: the customer orders both (one PO each), parts AC-778 and AC-779. */
function twoItemIncident(lang: "en" | "zh-CN" = "en"): Incident {
  const base = fullIncident(lang);
  const [first] = base.customer!.orders!;
  return {
    ...base,
    items: ["FG-1001", "FG-2002"],
    customer: {
      ...base.customer,
      partNumber: undefined,
      orders: [
        { ...first, item: "FG-1001", partNumber: "AC-778" },
        {
          po: "PO-4720",
          line: "10",
          quantity: 15,
          originalDate: "2026-12-21",
          newDate: "2027-01-04",
          item: "FG-2002",
          partNumber: "AC-779",
        },
      ],
    },
    // No recovery date for both: each item's recovery comes from its own plan.
    recovery: undefined,
  };
}

const TO = ["planning.lead@example.com"];

describe.each(NOTICE_KINDS.flatMap((k) => (["en", "zh-CN"] as const).map((l) => [k, l] as const)))(
  "two-item incident: %s, %s",
  (kind: NoticeKind, lang) => {
    const items = kind.endsWith("all-clear")
      ? [resolvedItem(), mouldItem(40)]
      : [classicItem(), mouldItem()];
    const out = draftNotice(kind, facts(items), TO, twoItemIncident(lang), lang);

    test("matches the golden notice", () => {
      expectGolden(
        `notices/two-items/${kind}.${lang}.txt`,
        `Subject: ${out.subject}\nIM: ${out.im}\n\n${out.text}`
      );
      expectGolden(`notices/two-items/${kind}.${lang}.eml`, out.eml);
    });

    test("names both items, each with its own part number for a customer", async () => {
      for (const item of ["FG-1001", "FG-2002"]) expect(out.text).toContain(item);
      if (kind.startsWith("customer")) {
        expect(out.text).toContain("AC-778");
        expect(out.text).toContain("AC-779");
        expect(out.subject).toMatch(/AC-778.*AC-779/);
        for (const text of [out.subject, out.text, out.html, out.im, out.csv])
          for (const marker of INTERNAL_MARKERS) expect(text).not.toContain(marker);
      }
      const parsed = await PostalMime.parse(out.eml);
      expect(parsed.subject).toBe(out.subject);
      expect(parsed.text?.replace(/\r\n/g, "\n")).toBe(out.text);
    });
  }
);

describe("each item's facts come from its own projection", () => {
  const w = wordsFor("en");
  const two = facts([classicItem(), mouldItem()]);

  test("internal alert: first short date and quantity, end or recovery, peak, receipts at risk, per item", () => {
    const text = draftNotice("internal", two, TO, twoItemIncident()).text;
    expect(text).toContain(w.alertLead("FG-1001", "W8 (2027-01-18)", "6"));
    expect(text).toContain(w.shortAtEnd("W8", "6"));
    expect(text).toContain(w.alertLead("FG-2002", "W4 (2026-12-21)", "15"));
    expect(text).toContain(w.peak("20", "W5 (2026-12-28)"));
    expect(text).toContain(w.backFrom("W9 (2027-01-25)"));
    expect(text).toContain("Item FG-1001");
    expect(text).toContain("Item FG-2002");
    expect(text.indexOf("Item FG-1001")).toBeLessThan(text.indexOf("Item FG-2002"));
    expect(text).toMatch(/PO-4720, line 10: 15 due 2026-12-21 \(FG-2002\)/);
  });

  test("a customer notice lists only the items of the customer's orders", () => {
    const inc = twoItemIncident();
    inc.customer!.orders = inc.customer!.orders!.filter((o) => o.item === "FG-2002");
    const out = draftNotice("customer-confirmed", two, TO, inc);
    expect(out.text).toContain("FG-2002");
    expect(out.text).toContain("AC-779");
    expect(out.text).not.toContain("FG-1001");
    expect(out.text).not.toContain("AC-778");
    expect(out.csv).not.toContain("FG-1001");
    // The internal alert still covers both.
    expect(draftNotice("internal", two, TO, inc).text).toContain("FG-1001");
  });

  const refused = (
    kind: NoticeKind,
    f: NoticeFacts[],
    inc: Incident,
    lang: "en" | "zh-CN" = "en"
  ) => {
    try {
      composeIncidentNotice(kind, f, inc, lang);
    } catch (e) {
      if (e instanceof NoticeRefused) return e.message;
      throw e;
    }
    return null;
  };

  test("customer all-clear refused while any item of the incident is short, naming it (even one the customer does not order)", () => {
    const inc = twoItemIncident();
    inc.customer!.orders = inc.customer!.orders!.filter((o) => o.item === "FG-1001");
    const oneBack = facts([resolvedItem(), mouldItem()]);
    expect(refused("customer-all-clear", oneBack, inc)).toBe(
      w.refuse.stillShort("FG-2002", "W4 (2026-12-21)", "15")
    );
    expect(refused("customer-all-clear", oneBack, twoItemIncident("zh-CN"), "zh-CN")).toBe(
      wordsFor("zh-CN").refuse.stillShort("FG-2002", "W4（2026-12-21）", "15")
    );
    expect(refused("customer-all-clear", facts([resolvedItem(), mouldItem(40)]), inc)).toBeNull();
  });

  test("a customer notice for an item whose orders are covered is refused, naming it", () => {
    const inc = twoItemIncident();
    expect(refused("customer-confirmed", facts([classicItem(), mouldItem(40)]), inc)).toBe(
      w.refuse.nothingToConfirm("FG-2002")
    );
    // With 300 on hand nothing is short and no receipt is needed in time.
    expect(refused("customer-risk", facts([classicItem(), mouldItem(0, 300)]), inc)).toBe(
      w.refuse.covered("FG-2002")
    );
  });

  test("orders that do not say their item, or name another, are refused for a customer and warned internally", () => {
    const inc = twoItemIncident();
    delete inc.customer!.orders![1].item;
    expect(refused("customer-risk", two, inc)).toBe(
      w.refuse.orderWithoutItem("PO-4720", "FG-1001, FG-2002")
    );
    expect(draftNotice("internal", two, TO, inc).notice.warnings).toContain(
      w.refuse.orderWithoutItem("PO-4720", "FG-1001, FG-2002")
    );
    inc.customer!.orders![1].item = "FG-9999";
    expect(refused("customer-risk", two, inc)).toBe(
      w.refuse.orderOtherItem("PO-4720", "FG-9999", "FG-1001, FG-2002")
    );
    inc.customer!.orders = [];
    expect(refused("customer-risk", two, inc)).toBe(w.refuse.groupNoOrders("FG-1001, FG-2002"));
  });

  test("an order outside its own item's short periods is warned about (not another item's)", () => {
    const inc = twoItemIncident();
    // PO-4720 is due in W4, short for FG-2002 but not for FG-1001 (short only in W8).
    const warnings = draftNotice("customer-confirmed", two, TO, inc).notice.warnings;
    expect(warnings.filter((x) => x.includes("PO-4720"))).toEqual([]);
    inc.customer!.orders![1].item = "FG-1001";
    inc.customer!.orders![0].item = "FG-2002";
    const swapped = draftNotice("internal", two, TO, inc).notice.warnings;
    expect(swapped.some((x) => x.startsWith("PO-4720"))).toBe(true);
  });

  test("one item gives exactly the single-item notice", () => {
    for (const kind of NOTICE_KINDS) {
      const item = kind.endsWith("all-clear") ? resolvedItem() : classicItem();
      const one = draftNotice(kind, factsForNotice(item), TO, fullIncident());
      const list = draftNotice(kind, [factsForNotice(item)], TO, fullIncident());
      expect(list.text).toBe(one.text);
      expect(list.eml).toBe(one.eml);
    }
  });
});

/** The balance and its shortage figures, computed here from the cells (the definitions of DESIGN.md). */
function expected(opening: number, orders: number[], mps: number[]) {
  let pab = opening;
  const balance = orders.map((o, t) => (pab = pab - o + mps[t]));
  const backlog = balance.map((b) => Math.max(0, -b));
  const newShortfall = backlog.map((b, t) =>
    Math.max(0, b - (t ? backlog[t - 1] : Math.max(0, -opening)))
  );
  const first = backlog.findIndex((b) => b > 0);
  let final: number | null = null;
  for (let t = balance.length - 1; t >= 0 && backlog[t] === 0; t--) final = t;
  if (final === 0 && first < 0) final = null;
  return { balance, backlog, newShortfall, first, final };
}

/** The table that follows an item's heading in a notice's blocks. */
function tableAfter(blocks: Block[], heading: string): Block & { kind: "table" } {
  const at = blocks.findIndex((b) => b.kind === "h" && b.text === heading);
  expect(at).toBeGreaterThanOrEqual(0);
  const t = blocks.slice(at).find((b) => b.kind === "table");
  return t as Block & { kind: "table" };
}

describe("generated incidents over several items (one workbook, items stacked)", () => {
  const week = (t: number) => new Date(Date.UTC(2026, 10, 30 + 7 * t)).toISOString().slice(0, 10);
  const plan = fc.record({
    opening: fc.integer({ min: 0, max: 60 }),
    orders: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 8, maxLength: 8 }),
    mps: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 10, max: 60 })), {
      minLength: 8,
      maxLength: 8,
    }),
  });

  test("every item's first short date and quantity, and its confirmed short table, are its own", () => {
    fc.assert(
      fc.property(fc.array(plan, { minLength: 2, maxLength: 4 }), (plans) => {
        const rows: TestCell[][] = [];
        plans.forEach((p, i) => {
          rows.push(
            ["Item", `P-${i + 1}`],
            ["On hand", p.opening],
            [null, ...Array.from({ length: 8 }, (_x, t) => `W${t + 1}`)],
            ["Customer orders", ...p.orders],
            ["MPS", ...p.mps],
            []
          );
        });
        const bytes = buildXlsx([{ name: "MPS", rows }]);
        const report = scanXlsxFile(bytes, "plan.xlsx", { startDate: "2026-11-30" }).report;
        expect(report.items.map((i) => i.item)).toEqual(plans.map((_p, i) => `P-${i + 1}`));
        const f = report.items.map((i) => factsForNotice(i));
        const w = wordsFor("en");
        const alert = draftNotice("internal", f, TO, { items: f.map((x) => x.item) }).text;
        const shortItems: number[] = [];
        plans.forEach((p, i) => {
          const e = expected(p.opening, p.orders, p.mps);
          if (e.first >= 0) {
            shortItems.push(i);
            const when = `W${e.first + 1} (${week(e.first)})`;
            expect(alert).toContain(w.alertLead(`P-${i + 1}`, when, String(e.backlog[e.first])));
            if (e.final !== null)
              expect(alert).toContain(w.backFrom(`W${e.final + 1} (${week(e.final)})`));
            else expect(alert).toContain(w.shortAtEnd("W8", String(e.backlog[7])));
          } else
            expect(alert).not.toContain(`P-${i + 1}: the projected available balance goes short`);
        });
        // The customer orders one week of each short item: the confirmed notice has each item's own short table.
        const orders: CustomerOrder[] = shortItems.map((i) => {
          const e = expected(plans[i].opening, plans[i].orders, plans[i].mps);
          return {
            po: `PO-${i + 1}`,
            quantity: 1,
            originalDate: week(e.first),
            item: `P-${i + 1}`,
          };
        });
        const inc: Incident = { items: f.map((x) => x.item), customer: { name: "Acme", orders } };
        if (!shortItems.length) {
          expect(() => composeIncidentNotice("customer-confirmed", f, inc)).toThrow(NoticeRefused);
          return;
        }
        const confirmed = composeIncidentNotice("customer-confirmed", f, inc);
        for (const i of shortItems) {
          const e = expected(plans[i].opening, plans[i].orders, plans[i].mps);
          const table = tableAfter(confirmed.blocks, w.partHeading(`P-${i + 1}`));
          const shortRows = table.rows.filter((r) => r[0] !== w.shortTotal);
          const want = e.backlog.flatMap((b, t) =>
            b > 0 || (t > 0 && e.backlog[t - 1] > b)
              ? [[`W${t + 1}`, week(t), e.newShortfall[t], b]]
              : []
          );
          expect(shortRows.map((r) => [r[0], r[1], r[2], r[4]])).toEqual(want);
        }
        // Items the customer does not order are not in the customer's notice.
        for (let i = 0; i < plans.length; i++)
          if (!shortItems.includes(i))
            expect(JSON.stringify(confirmed.blocks)).not.toContain(`P-${i + 1}`);
      }),
      { numRuns: 25 }
    );
  });
});
