import PostalMime from "postal-mime";
import {
  AddressError,
  NoticeRefused,
  buildEml,
  buildMailto,
  csvCell,
  draftNotice,
  parseAddressList,
  validateAddress,
} from "../../src/mail";
import { classicItem, itemWith } from "../support/notices";

const base = classicItem();
const hostile = {
  ...base,
  item: 'FG-1\r\nBcc: evil@attacker.example <script>alert(1)</script><img src=x onerror="alert(2)">',
};

describe("values from cells are inert in every output", () => {
  const out = draftNotice("internal", hostile, ["a@example.com"], {}, "en");

  test("no header injection from an item name with CR/LF", async () => {
    expect(out.subject).not.toMatch(/[\r\n]/);
    const parsed = await PostalMime.parse(out.eml);
    expect(parsed.headers.map((h) => h.key)).not.toContain("bcc");
    expect(parsed.subject).toContain("FG-1 Bcc: evil@attacker.example");
    for (const line of out.eml.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
  });

  test("<script> and <img onerror> are escaped in the HTML", () => {
    expect(out.html).not.toContain("<script>");
    expect(out.html).not.toContain("<img");
    expect(out.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out.html).toContain("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;");
  });

  test("a subject with CR/LF given directly is flattened too", async () => {
    const eml = buildEml({
      to: ["a@example.com"],
      subject: "Hello\r\nBcc: x@example.com",
      text: "t",
      html: "<p>t</p>",
    });
    const parsed = await PostalMime.parse(eml);
    expect(parsed.headers.map((h) => h.key)).not.toContain("bcc");
    expect(parsed.subject).toBe("Hello Bcc: x@example.com");
  });
});

describe("every address is checked on its own", () => {
  test.each([
    ["a@b>\r\nBcc: x@example.com", /line break/],
    ["Boss <boss@example.com>", /plain e-mail address/],
    ['"Boss" boss@example.com', /plain e-mail address/],
    ["boss@example.com>", /plain e-mail address/],
    ["a@example.com&bcc=x@example.com", /not an e-mail address/],
    ["no-at-sign.example.com", /not an e-mail address/],
    ["a@localhost", /not an e-mail address/],
    ["a@@example.com", /not an e-mail address/],
    ["a@exa mple.com", /plain e-mail address/],
  ])("%p is refused", (address, message) => {
    expect(() => validateAddress(address)).toThrow(AddressError);
    expect(() => validateAddress(address)).toThrow(message);
  });

  test("a list is split and each entry validated; a smuggled comma makes two addresses, each checked", () => {
    expect(parseAddressList("a@example.com, b.c+tag@sub.example.co.uk;")).toEqual([
      "a@example.com",
      "b.c+tag@sub.example.co.uk",
    ]);
    expect(() => parseAddressList("a@example.com,Boss <b@example.com>")).toThrow(AddressError);
    expect(() => parseAddressList(" , ")).toThrow(/no recipient/);
  });

  test("the .eml builder refuses an invalid address even when called directly", () => {
    expect(() =>
      buildEml({ to: ["x@example.com\r\nBcc: y@example.com"], subject: "s", text: "t", html: "h" })
    ).toThrow(AddressError);
  });
});

describe("mailto", () => {
  test("each part encoded on its own: &bcc= in a body or subject stays text", () => {
    const link = buildMailto(
      ["a@example.com"],
      "Hi &bcc=x@example.com",
      "body &bcc=y@example.com\nline 2",
      "[cut]"
    );
    const url = new URL(link);
    expect(url.searchParams.get("bcc")).toBeNull();
    expect(url.searchParams.get("subject")).toBe("Hi &bcc=x@example.com");
    expect(url.searchParams.get("body")).toBe("body &bcc=y@example.com\nline 2");
  });

  test("kept under 1,800 characters, cut at a line with a pointer to the draft", () => {
    const out = draftNotice("customer-confirmed", base, ["a@example.com"], {}, "zh-CN");
    expect(out.mailto.length).toBeLessThanOrEqual(1800);
    expect(decodeURIComponent(out.mailto)).toContain("完整内容见邮件草稿");
  });

  test("an address with &bcc= cannot get into a link", () => {
    expect(() => buildMailto(["a@example.com&bcc=x@example.com"], "s", "b", "[cut]")).toThrow(
      AddressError
    );
  });
});

describe("CSV of the projection", () => {
  test.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
  ])("%p stays text", (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });

  test("numbers stay numbers, negative PAB included; formula-like item names are prefixed", () => {
    const out = draftNotice(
      "internal",
      { ...base, item: '=HYPERLINK("http://x")' },
      ["a@example.com"],
      {},
      "en"
    );
    const lines = out.csv
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines[8]).toBe(`"'=HYPERLINK(""http://x"")",W8,2027-01-18,25,25,0,-6,projected short`);
  });
});

describe("a customer notice is refused for a shortage only the forecast makes", () => {
  // Orders are covered; the forecast-driven (planning) balance goes short in period 2.
  const forecastOnly = itemWith(base, {
    periods: ["W1", "W2", "W3"],
    periodStarts: ["2026-11-30", "2026-12-07", "2026-12-14"],
    orders: [10, 10, 10],
    demand: [30, 30, 30],
    mps: [0, 0, 0],
    pab: [20, -10, -40],
    ordersOnlyPab: [40, 30, 20],
    status: ["ok", "stockout", "stockout"],
    firstShortage: { index: 1, period: "W2", quantity: 10 },
    peakShortage: { index: 2, period: "W3", quantity: 40 },
    recoveryIndex: null,
    orderShortage: null,
    receipts: [],
  });

  test.each(["customer-risk", "customer-confirmed"] as const)("%s", (kind) => {
    expect(() => draftNotice(kind, forecastOnly, ["a@example.com"], {}, "en")).toThrow(
      NoticeRefused
    );
    expect(() => draftNotice(kind, forecastOnly, ["a@example.com"], {}, "en")).toThrow(
      /only in the forecast-driven balance/
    );
  });

  test("the internal alert still goes out", () => {
    expect(draftNotice("internal", forecastOnly, ["a@example.com"], {}, "en").subject).toContain(
      "projected short in W2"
    );
  });

  test("a receipt customer orders depend on justifies a potential-risk notice, even before anything is short", () => {
    const atRisk = itemWith(forecastOnly, {
      demand: [10, 10, 10],
      mps: [0, 15, 0],
      pab: [5, 10, 0],
      ordersOnlyPab: [5, 10, 0],
      status: ["ok", "at-risk", "at-risk"],
      firstShortage: null,
      peakShortage: null,
      receipts: [{ index: 1, period: "W2", quantity: 15, needByIndex: 1, slack: 0 }],
    });
    expect(draftNotice("customer-risk", atRisk, ["a@example.com"], {}, "en").subject).toContain(
      "Potential supply risk"
    );
    expect(() => draftNotice("customer-confirmed", atRisk, ["a@example.com"], {}, "en")).toThrow(
      NoticeRefused
    );
  });
});
