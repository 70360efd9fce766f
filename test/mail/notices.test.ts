import PostalMime from "postal-mime";
import { NOTICE_KINDS, NoticeKind, draftNotice } from "../../src/mail";
import { expectGolden } from "../support/golden";
import {
  INTERNAL_MARKERS,
  classicItem,
  fullIncident,
  resolvedItem,
  twoDipsItem,
} from "../support/notices";

// The classic example runs short in W8 (to the end of the plan); once the W8 receipt is confirmed
// it is covered again, which is what the two all-clears need.
const classic = classicItem();
const resolved = resolvedItem();
const TO = ["planning.lead@example.com", "production@example.com"];
const LANGS = ["en", "zh-CN"] as const;
const cases = NOTICE_KINDS.flatMap((kind) =>
  LANGS.map((lang) => [kind, lang] as [NoticeKind, (typeof LANGS)[number]])
);
const itemFor = (kind: NoticeKind) => (kind.endsWith("all-clear") ? resolved : classic);

function golden(name: string, out: ReturnType<typeof draftNotice>): void {
  expectGolden(`notices/${name}.txt`, `Subject: ${out.subject}\nIM: ${out.im}\n\n${out.text}`);
  expectGolden(`notices/${name}.eml`, out.eml);
}

describe.each(cases)("%s, %s", (kind, lang) => {
  const item = itemFor(kind);
  const out = draftNotice(kind, item, TO, fullIncident(lang), lang);

  test("matches the golden notice", () => golden(`${kind}.${lang}`, out));

  test("the subject names the item and the customer's part number when it is known", () => {
    expect(out.subject).toContain("FG-1001");
    if (kind.startsWith("customer")) expect(out.subject).toContain("AC-778");
  });

  test("the .eml parses back with postal-mime: subject, bodies, recipients, X-Unsent, no Bcc", async () => {
    const parsed = await PostalMime.parse(out.eml);
    expect(parsed.subject).toBe(out.subject);
    expect(parsed.text?.replace(/\r\n/g, "\n")).toBe(out.text);
    expect(parsed.html?.replace(/\r\n/g, "\n")).toBe(out.html);
    expect(parsed.to?.map((a) => ("address" in a ? a.address : null))).toEqual(TO);
    const keys = parsed.headers.map((h) => h.key);
    expect(keys).toContain("x-unsent");
    expect(parsed.headers.find((h) => h.key === "x-unsent")?.value).toBe("1");
    expect(keys).not.toContain("bcc");
    expect(keys).not.toContain("cc");
  });

  test("RFC 5322 shape: CRLF only, no line over 78 characters, UTF-8, base64 bodies", () => {
    expect(out.eml).not.toMatch(/[^\r]\n/);
    for (const line of out.eml.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
    expect(out.eml).toMatch(
      /Content-Type: text\/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64/
    );
    expect(out.eml).toMatch(
      /Content-Type: text\/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64/
    );
  });

  if (kind.startsWith("customer")) {
    test("internal facts (root-cause guess, asks, costs, fault, review) never reach the customer", () => {
      const decoded = decodeURIComponent(out.mailto);
      for (const text of [out.subject, out.text, out.html, out.im, out.csv, decoded]) {
        for (const marker of INTERNAL_MARKERS) expect(text).not.toContain(marker);
      }
    });

    test("carries PO and line, part number, dates, status, cause, countermeasures, transport, next update, one contact", () => {
      for (const s of [
        "PO-4711",
        "10",
        "AC-778",
        "2027-01-18",
        "2027-01-12",
        lang === "en" ? "Li Wei" : "李伟",
        "li.wei@example.com",
      ])
        expect(out.text).toContain(s);
      if (kind !== "customer-all-clear") {
        expect(out.text).toContain(lang === "en" ? "a tooling failure" : "注塑线模具出现故障");
        expect(out.text).toContain(lang === "en" ? "Air freight" : "空运");
        expect(out.text).toContain(lang === "en" ? "line-stop date" : "停线日期");
      }
    });
  } else {
    test("internal notices carry what colleagues need", () => {
      const expected: Record<string, string[]> = {
        internal: ["SECRET-GUESS", "SECRET-ASK", "SECRET-COST", "W8", "2027-01-08"],
        "all-clear": [
          lang === "en"
            ? "The spare mould is running; the W8 receipt is confirmed."
            : "备用模具已投产，第8周到货已确认。",
        ],
        review: [
          "SECRET-WHY",
          "SECRET-CONTAIN",
          lang === "en" ? "crack check in the start-up checklist" : "将裂纹检查纳入开机点检表",
          lang === "en" ? "Wang Fang" : "王芳",
          "2026-12-28",
        ],
      };
      for (const s of expected[kind]) expect(out.text).toContain(s);
    });
  }
});

describe("without an incident, every kind still drafts, with the gaps marked to fill", () => {
  test.each(cases)("%s, %s", (kind, lang) => {
    const out = draftNotice(kind, itemFor(kind), ["a@example.com"], {}, lang);
    expect(out.text).toMatch(lang === "en" ? /\[to fill: / : /【待填写：/);
    expect(out.html).toContain("<mark");
  });
});

describe.each(LANGS)("more golden notices, %s", (lang) => {
  test("customer-risk for an item only at risk: it depends on our receipts", () =>
    golden(`customer-risk.at-risk.${lang}`, draftNotice("customer-risk", resolved, TO, {}, lang)));

  test("customer-confirmed for two shortages: new shortfall per date, final recovery", () =>
    golden(
      `customer-confirmed.two-dips.${lang}`,
      draftNotice("customer-confirmed", twoDipsItem(), TO, {}, lang)
    ));

  test("internal alert for two shortages", () =>
    golden(`internal.two-dips.${lang}`, draftNotice("internal", twoDipsItem(), TO, {}, lang)));
});
