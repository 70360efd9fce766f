import PostalMime from "postal-mime";
import { NOTICE_KINDS, NoticeKind, draftNotice } from "../../src/mail";
import { expectGolden } from "../support/golden";
import { INTERNAL_MARKERS, classicItem, fullIncident } from "../support/notices";

const item = classicItem();
const incident = fullIncident();
const TO = ["planning.lead@example.com", "production@example.com"];
const LANGS = ["en", "zh-CN"] as const;
const cases = NOTICE_KINDS.flatMap((kind) =>
  LANGS.map((lang) => [kind, lang] as [NoticeKind, (typeof LANGS)[number]])
);

describe.each(cases)("%s, %s", (kind, lang) => {
  const out = draftNotice(kind, item, TO, incident, lang);

  test("matches the golden notice", () => {
    expectGolden(
      `notices/${kind}.${lang}.txt`,
      `Subject: ${out.subject}\nIM: ${out.im}\n\n${out.text}`
    );
    expectGolden(`notices/${kind}.${lang}.eml`, out.eml);
  });

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
        "Li Wei",
        "li.wei@example.com",
      ])
        expect(out.text).toContain(s);
      if (kind !== "customer-all-clear") {
        expect(out.text).toContain(lang === "en" ? "a tooling failure" : "a tooling failure");
        expect(out.text).toContain(lang === "en" ? "Air freight" : "空运");
        expect(out.text).toContain(lang === "en" ? "line-stop date" : "停线日期");
      }
    });
  } else {
    test("internal notices carry what colleagues need", () => {
      const expected: Record<string, string[]> = {
        internal: ["SECRET-GUESS", "SECRET-ASK", "W8", "2027-01-08"],
        "all-clear": ["The spare mould is running; the W8 receipt is confirmed."],
        review: [
          "SECRET-WHY",
          "SECRET-CONTAIN",
          "crack check in the start-up checklist",
          "Wang Fang",
          "2026-12-28",
        ],
      };
      for (const s of expected[kind]) expect(out.text).toContain(s);
    });
  }
});

describe("without an incident, every kind still drafts, with the gaps marked to fill", () => {
  test.each(cases)("%s, %s", (kind, lang) => {
    const out = draftNotice(kind, item, ["a@example.com"], {}, lang);
    expect(out.text).toMatch(lang === "en" ? /\[to fill: / : /\[待填写: /);
    expect(out.html).toContain("<mark");
  });
});

test("slack is what the internal alert says about the receipt", () => {
  const en = draftNotice("internal", item, ["a@example.com"], {}, "en");
  expect(en.text).toContain(
    "50 due W3 (2026-12-14); it must land on time: any slip makes a period short."
  );
});
