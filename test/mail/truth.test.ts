import { Incident } from "../../src/incidents";
import { Block } from "../../src/mail/document";
import {
  NoticeKind,
  NoticeRefused,
  draftNotice,
  encodeSubject,
  headerText,
  wordsFor,
} from "../../src/mail";
import { ReportItem } from "../../src/report";
import { classicRows } from "../support/classic";
import {
  classicItem,
  fullIncident,
  resolvedItem,
  scannedItem,
  twoDipsItem,
} from "../support/notices";

const TO = ["buyer@example.com"];
const classic = classicItem();
const resolved = resolvedItem();
const twoDips = twoDipsItem();

function draft(
  kind: NoticeKind,
  item: ReportItem,
  inc: Incident = {},
  lang: "en" | "zh-CN" = "en",
  force = false
) {
  return draftNotice(kind, item, TO, inc, lang, { force });
}

function refusal(
  kind: NoticeKind,
  item: ReportItem,
  inc: Incident = {},
  lang: "en" | "zh-CN" = "en"
): string {
  try {
    draft(kind, item, inc, lang);
  } catch (e) {
    expect(e).toBeInstanceOf(NoticeRefused);
    return (e as Error).message;
  }
  throw new Error(`${kind} was drafted`);
}

function table(blocks: Block[], firstHeader: string): (string | number | { fill: string })[][] {
  const t = blocks.find((b) => b.kind === "table" && b.header[2] === firstHeader);
  if (!t || t.kind !== "table") throw new Error(`no table ${firstHeader}`);
  return t.rows;
}

describe("all-clear only when nothing is short", () => {
  test("a customer all-clear is refused while orders are short anywhere, naming the period and quantity", () => {
    expect(refusal("customer-all-clear", classic)).toBe(
      "FG-1001: customer orders are still short in W8 (2027-01-18) by 6; no customer all-clear while anything is short"
    );
    // Covered at the end, short in the middle: still refused.
    expect(refusal("customer-all-clear", twoDips)).toMatch(
      /still short in W4 \(2026-12-21\) by 15/
    );
    expect(refusal("customer-all-clear", classic, {}, "zh-CN")).toBe(
      "FG-1001：客户订单在W8（2027-01-18）仍短缺6，仍有短缺时不能发送供货恢复通知"
    );
    expect(draft("customer-all-clear", resolved).subject).toContain("Supply restored");
  });

  test("the internal all-clear says it in the body and as a warning", () => {
    const out = draft("all-clear", classic);
    expect(out.text).toContain(
      "Warning: the current projection still shows W8 (2027-01-18) short by 6."
    );
    expect(out.notice.warnings).toEqual([
      "FG-1001: customer orders are still short in W8 (2027-01-18) by 6; the all-clear says so",
    ]);
    expect(draft("all-clear", resolved).notice.warnings).toEqual([]);
  });
});

describe("recovery is final recovery", () => {
  test("two shortages: the recovery date is the one after the second, not the first non-negative week", () => {
    expect(twoDips.recoveryIndex).toBe(5);
    expect(twoDips.finalRecoveryIndex).toBe(8);
    expect(draft("customer-confirmed", twoDips).text).toContain(
      "Our plan shows full supply again from W9 (2027-01-25)."
    );
    expect(draft("internal", twoDips).text).toContain(
      "From W9 (2027-01-25) on, nothing is short again to the end of the plan."
    );
    expect(draft("customer-confirmed", twoDips, {}, "zh-CN").text).toContain(
      "自W9（2027-01-25）起恢复全额供货"
    );
  });

  test("a horizon that ends short says so instead of a recovery date", () => {
    expect(draft("customer-confirmed", classic).text).toContain(
      "Our current plan is still short at the end of the plan (W8), by 6;"
    );
    expect(draft("internal", classic).text).toContain(
      "It is still short at the end of the plan (W8), by 6."
    );
  });

  test("an incident recovery date before the plan's final recovery is a warning", () => {
    const out = draft("customer-confirmed", twoDips, { recovery: { date: "2027-01-05" } });
    expect(out.notice.warnings).toContain(
      "recovery.date 2027-01-05 is before the plan's final recovery W9 (2027-01-25)"
    );
  });
});

describe("quantities short per date are new shortfalls, beside the cumulative backlog", () => {
  test("two shortages: what goes missing each week, what is made up, the running backlog; totals add up", () => {
    const out = draft("customer-confirmed", twoDips);
    const rows = table(out.notice.blocks, "Short on this date");
    expect(rows).toEqual([
      ["W4", "2026-12-21", 15, 0, 15],
      ["W5", "2026-12-28", 5, 0, 20],
      ["W6", "2027-01-04", 0, 20, 0],
      ["W7", "2027-01-11", 10, 0, 10],
      ["W8", "2027-01-18", 10, 0, 20],
      ["W9", "2027-01-25", 0, 20, 0],
      ["Total", "", 40, 40, ""],
    ]);
    expect(out.text).toContain(
      "Still owed at the end of the plan (W10): 0 (40 short − 40 made up)."
    );
    expect(out.text).toContain("a running total: please do not add it up");
  });

  test("a backlog that only grows: the new shortfalls total the end-of-horizon shortfall, the backlog column does not", () => {
    const item = scannedItem([
      ["Item", "FG-3"],
      ["On hand", 0],
      [null, "W1", "W2", "W3"],
      ["Customer orders", 5, 5, 5],
      ["MPS", 0, 0, 0],
    ]);
    const rows = table(draft("customer-confirmed", item).notice.blocks, "Short on this date");
    expect(rows.map((r) => r[2])).toEqual([5, 5, 5, 15]);
    expect(rows.map((r) => r[4])).toEqual([5, 10, 15, ""]);
    expect(item.endShortfall).toBe(15);
  });
});

describe("an item only at risk, and one already short", () => {
  test("at risk: no first date short; it depends on our receipts, named with quantity and date", () => {
    const out = draft("customer-risk", resolved);
    expect(out.text).not.toContain("First date short");
    expect(out.text).toContain(
      "Depends on: our receipts of 50 due W3 (2026-12-14), 50 due W6 (2027-01-04) and 10 due W8 (2027-01-18)"
    );
    expect(out.text).toContain("Nothing is short as long as our receipts of 50 due W3");
  });

  test("period 1 short: customer-risk points to customer-confirmed", () => {
    const rows = classicRows();
    rows[1] = ["On hand", 5];
    const item = scannedItem(rows);
    expect(refusal("customer-risk", item)).toMatch(
      /already short in W1 \(2026-11-30\) by 11: that is a confirmed disruption, not a potential risk \(use --notice customer-confirmed\)/
    );
    expect(draft("customer-confirmed", item).subject).toContain("Confirmed delivery disruption");
  });
});

describe("the incident belongs to the item", () => {
  test("an incident of another item is refused; one whose group names the item is fine", () => {
    expect(refusal("internal", classic, { item: "FG-2002" })).toBe(
      "the incident is for FG-2002, not FG-1001: use the incident of this item"
    );
    expect(draft("internal", classic, { items: ["FG-0999", "FG-1001"] }).subject).toContain(
      "FG-1001"
    );
  });

  test("orders outside the short periods are a warning naming the PO", () => {
    const out = draft("customer-risk", classic, fullIncident());
    expect(out.notice.warnings).toContain(
      "PO-4712 (2027-01-11, in W7) is not in a short period (W8); check the incident's orders"
    );
    expect(out.notice.warnings.join()).not.toContain("PO-4711");
  });

  test("the subject names every PO, or the count when they do not fit", () => {
    expect(draft("customer-risk", classic, fullIncident()).subject).toBe(
      "Potential supply risk: AC-778 (FG-1001), your orders PO-4711, PO-4712"
    );
    const orders = [1, 2, 3, 4, 5].map((i) => ({
      po: `PO-47${i}0`,
      quantity: 5,
      originalDate: "2027-01-18",
    }));
    const out = draft("customer-risk", classic, { customer: { orders } });
    expect(out.subject).toBe("Potential supply risk: FG-1001, your 5 orders");
    expect(draft("customer-risk", classic, { customer: { orders } }, "zh-CN").subject).toBe(
      "潜在供货风险通知：FG-1001，贵司5个订单"
    );
  });
});

describe("an unknown new date", () => {
  test("reads 'to be confirmed by' the next update, or 'to be confirmed'; never a blank to type into", () => {
    const inc = fullIncident();
    expect(draft("customer-risk", classic, inc).text).toMatch(
      /PO-4712 .* to be confirmed by 2027-01-12 /
    );
    delete inc.nextUpdate;
    const text = draft("customer-risk", classic, inc).text;
    expect(text).toMatch(/PO-4712 .* to be confirmed {2}/);
    expect(text).not.toMatch(/PO-4712 .*\[to fill/);
    expect(draft("customer-risk", classic, fullIncident("zh-CN"), "zh-CN").text).toContain(
      "待定，将于2027-01-12前确认"
    );
  });
});

describe("dates and reading problems", () => {
  const undated = scannedItem(classicRows(), null);

  test.each(["customer-risk", "customer-confirmed"] as const)(
    "%s without period dates is refused with the fix",
    (kind) => {
      expect(refusal(kind, undated)).toBe(
        "FG-1001: the periods have no dates (numbered weeks), and a customer needs dates: scan again with --start YYYY-MM-DD (the first day of period 1)"
      );
    }
  );

  test("internal notices carry the week codes", () => {
    expect(draft("internal", undated).subject).toBe(
      "[PAB Watch] Internal alert: FG-1001 projected short in W8 by 6"
    );
  });

  test("a flagged item: no customer notice unless forced, and then the notice names what was assumed", () => {
    const item = {
      ...classic,
      flagged: true,
      assumptions: ['MPS!C5: "abc" is not a quantity'],
    };
    expect(refusal("customer-risk", item)).toMatch(
      /reading problems for this item \(MPS!C5: "abc" is not a quantity\).*--force/
    );
    const forced = draft("customer-risk", item, {}, "en", true);
    expect(forced.text.split("\n")[0]).toBe(
      '[to fill: check before sending: the sheet had problems and these figures assume: MPS!C5: "abc" is not a quantity]'
    );
    const internal = draft("internal", item);
    expect(internal.text).toContain("Read with care: the sheet had problems");
    expect(internal.text).toContain('- MPS!C5: "abc" is not a quantity');
  });
});

describe("emergency transport", () => {
  const inc = fullIncident();

  test("the customer sees mode, lead time, arrival against the date needed, who pays, the chosen option; never the cost", () => {
    const out = draft("customer-risk", classic, inc);
    const rows = table(out.notice.blocks, "Arrival");
    expect(rows).toEqual([
      ["Dedicated truck", "3 days", "2027-01-21", "3 days after", "us"],
      [
        "Air freight (our choice; if you agree to share the cost)",
        "1 day",
        "2027-01-16",
        "2 days before",
        "shared by you and us",
      ],
    ]);
    expect(out.text).not.toMatch(/SECRET-COST|EUR/);
    expect(out.text).not.toMatch(/\bthe customer\b/i);
  });

  test("internally the options carry the cost for the manager to approve", () => {
    const rows = table(draft("internal", classic, inc).notice.blocks, "Arrival");
    expect(rows.map((r) => [r[4], r[5]])).toEqual([
      ["us", "SECRET-COST truck 900 EUR"],
      ["shared", "SECRET-COST air freight 4,200 EUR"],
    ]);
  });

  test("a note that speaks of the customer in the third person is a warning", () => {
    const third = {
      ...inc,
      transport: [{ mode: "air" as const, note: "if the customer agrees to pay" }],
    };
    expect(draft("customer-risk", classic, third).notice.warnings).toContain(
      'transport[1].note speaks of "the customer": a customer notice addresses them as "you"'
    );
  });
});

describe("what colleagues are told", () => {
  test("the internal alert lists every receipt with slack 0, and the customers and POs", () => {
    const text = draft("internal", classic, fullIncident()).text;
    expect(text).toContain("- 50 due W3 (2026-12-14): any slip makes a period short.");
    expect(text).toContain("- 50 due W6 (2027-01-04): any slip makes a period short.");
    expect(text).toContain("- Acme Motors: PO-4711, line 10: 25 due 2027-01-18");
    expect(text).toContain("- Acme Motors: PO-4712, line 20: 20 due 2027-01-11");
  });

  test("the review says when detection came late", () => {
    const late = { review: { detectedOn: "2027-01-20" } };
    expect(draft("review", classic, late).text).toContain(
      "Detection lead time: detected 2 days after the first short date"
    );
    expect(draft("review", classic, late, "zh-CN").text).toContain(
      "提前发现时间：在首个缺货日期之后2天才发现"
    );
    expect(draft("review", classic, fullIncident()).text).toContain(
      "21 days before the first shortage"
    );
  });
});

describe("the CSV beside a customer notice", () => {
  test("holds only that customer's lines, never our orders, MPS or balance", () => {
    const csv = draft("customer-risk", classic, fullIncident()).csv;
    expect(csv).toBe(
      "\ufeffYour part number,PO,Line,Quantity,Original date,New date,New quantity\r\nAC-778,PO-4711,10,25,2027-01-18,2027-01-22,19\r\nAC-778,PO-4712,20,20,2027-01-11,,20\r\n"
    );
    expect(draft("internal", classic).csv).toContain(
      "FG-1001,W8,2027-01-18,25,25,0,-6,projected short"
    );
  });
});

describe("business Chinese", () => {
  const zhCases: [string, ReturnType<typeof draft>][] = [
    ...(["internal", "customer-risk", "customer-confirmed", "review"] as const).map(
      (k) =>
        [k, draft(k, classic, fullIncident("zh-CN"), "zh-CN")] as [string, ReturnType<typeof draft>]
    ),
    ...(["all-clear", "customer-all-clear"] as const).map(
      (k) =>
        [k, draft(k, resolved, fullIncident("zh-CN"), "zh-CN")] as [
          string,
          ReturnType<typeof draft>,
        ]
    ),
    ["customer-risk, nothing filled in", draft("customer-risk", resolved, {}, "zh-CN")],
    ["customer-confirmed, two shortages", draft("customer-confirmed", twoDips, {}, "zh-CN")],
  ];
  const CJK = "[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef“”]";
  /** The prose of a notice: every line except the aligned columns of its tables. */
  const prose = (text: string) => {
    const lines = text.split("\n");
    return lines.filter((l) => !/\S {2,}\S/.test(l));
  };

  test.each(zhCases)(
    "%s: 此致 敬礼, full-width punctuation, no stray spaces, no half-English",
    (_name, out) => {
      expect(out.text).toContain("此致\n敬礼！");
      expect(out.html).toContain("此致<br>敬礼！");
      for (const line of [out.subject, out.im, ...prose(out.text)]) {
        expect([line, new RegExp(`${CJK}\\s+${CJK}`).test(line)]).toEqual([line, false]);
        expect([line, new RegExp(`${CJK}[,;:()!?]|[,;:()!?]${CJK}`).test(line)]).toEqual([
          line,
          false,
        ]);
        expect(line).not.toMatch(/\[to fill|待填写:|\[待填写/);
        const english = line
          .replace(/SECRET-[A-Z]+/g, "")
          .replace(/PAB Watch|MPS|PAB|[\w.+-]+@[\w.-]+/g, "")
          .match(/[A-Za-z]{3,}/g);
        expect([line, english]).toEqual([line, null]);
      }
    }
  );

  test("our own Chinese wording puts no space beside a Chinese character", () => {
    const w = wordsFor("zh-CN");
    const texts: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === "string") texts.push(v);
      else if (typeof v === "function") {
        const f = v as (...a: unknown[]) => unknown;
        let out: unknown;
        try {
          out = f("A1", "2027-01-18", "W8", "6", "7");
        } catch {
          out = f(["A1", "B2"], "2027-01-18");
        }
        if (typeof out === "string") texts.push(out);
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(w);
    const spaced = texts.filter((t) =>
      new RegExp(`${CJK} | ${CJK}`).test(t.replace(/^\[PAB Watch\] /, ""))
    );
    expect(spaced).toEqual([]);
  });

  test("free text in another language than the notice is a warning naming the field", () => {
    const out = draft("customer-risk", classic, fullIncident("en"), "zh-CN");
    expect(out.notice.warnings).toEqual(
      expect.arrayContaining([
        "cause.customer不是中文，与通知的语言不一致",
        "countermeasures[1]不是中文，与通知的语言不一致",
      ])
    );
    expect(draft("customer-risk", classic, fullIncident("zh-CN"), "en").notice.warnings).toContain(
      "cause.customer is not in English, the language of the notice"
    );
    expect(
      draft("customer-risk", classic, fullIncident("zh-CN"), "zh-CN").notice.warnings.filter((w) =>
        w.includes("不是中文")
      )
    ).toEqual([]);
  });
});

describe("fractional quantities in notices", () => {
  test("at most three decimals with digit grouping, in both languages", () => {
    const item = scannedItem([
      ["Item", "STEEL-T"],
      ["On hand", 1000.25],
      [null, "W1", "W2"],
      ["Customer orders", 2234.56789, 1.1],
      ["MPS", 0, 0],
    ]);
    expect(draft("internal", item).subject).toBe(
      "[PAB Watch] Internal alert: STEEL-T projected short in W1 (2026-11-30) by 1,234.318"
    );
    expect(draft("customer-confirmed", item, {}, "zh-CN").text).toMatch(
      /W1 +2026-11-30 +1,234\.318 +0 +1,234\.318\nW2 +2026-12-07 +1\.1 +0 +1,235\.418\n/
    );
  });
});

describe("subjects", () => {
  test("drop bidi overrides and zero-width characters", () => {
    expect(headerText("Invoice \u202egpj.exe\u202c due\u200b now\ufeff")).toBe(
      "Invoice gpj.exe due now"
    );
    const item = { ...classic, item: "FG-\u202e1001\u200d" };
    const out = draft("internal", item);
    expect(out.subject).toBe(
      "[PAB Watch] Internal alert: FG-1001 projected short in W8 (2027-01-18) by 6"
    );
    expect(encodeSubject("Hello \u202eworld\u2066")).toBe("Hello world");
  });
});

test("the internal alert warns about orders outside the short periods too", () => {
  expect(draft("internal", classic, fullIncident()).notice.warnings).toEqual([
    "PO-4712 (2027-01-11, in W7) is not in a short period (W8); check the incident's orders",
  ]);
});
