import fc from "fast-check";
import { formatQuantity } from "../../src/mail";

describe("quantities for people", () => {
  test.each([
    [1234.56789, "1,234.568"],
    [0.0004, "0"],
    [-0.0004, "0"],
    [-6, "-6"],
    [12345678, "12,345,678"],
    [2.5, "2.5"],
    [1.1 + 2.2, "3.3"],
  ])("%p reads %p", (n, text) => {
    expect(formatQuantity(n, "en")).toBe(text);
    expect(formatQuantity(n, "zh-CN")).toBe(text);
  });

  test("at most three decimals, within half a thousandth of the figure, grouped by thousands", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (n) => {
        const text = formatQuantity(n);
        expect(text).toMatch(/^-?\d{1,3}(,\d{3})*(\.\d{1,3})?$/);
        expect(Math.abs(Number(text.replace(/,/g, "")) - n)).toBeLessThanOrEqual(
          0.0005 + Math.abs(n) * 1e-15
        );
        expect(text).not.toBe("-0");
      })
    );
  });

  test("whole numbers read as the locale's own formatter gives them", () => {
    const intl = (lang: string) =>
      new Intl.NumberFormat(lang, { maximumFractionDigits: 3, useGrouping: true });
    const formats = { en: intl("en-US"), "zh-CN": intl("zh-CN") } as const;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1e6, max: 1e6 }),
          fc.maxSafeInteger(),
          fc.constantFrom(0, -0, 999, 1000, -1000, Number.MAX_SAFE_INTEGER)
        ),
        fc.constantFrom("en" as const, "zh-CN" as const),
        (n, lang) => {
          const expected = formats[lang].format(n);
          expect(formatQuantity(n, lang)).toBe(expected === "-0" ? "0" : expected);
        }
      )
    );
  });
});
