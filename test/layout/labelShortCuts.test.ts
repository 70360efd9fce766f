import fc from "fast-check";
import {
  SYNONYMS,
  lookupRoleFully,
  normalizeLabel,
  normalizeLabelFully,
  roleOf,
} from "../../src/layout/labels";

/** Label text of every kind the reader meets: words of the synonyms, codes, units, widths, scripts. */
const pieces = [
  ...Object.values(SYNONYMS).flat(),
  "FG-1001",
  "100234",
  "Cost",
  "cost 2026",
  "成本",
  "费用2026",
  "(pcs)",
  "[kg]",
  "{x}",
  "（件）",
  "【箱】",
  "Ｃｕｓｔ.",
  "１２３",
  "٣",
  "Qty",
  "数量",
  "合计",
  "Total",
  "W1",
  "第1周",
  "  ",
  "-",
  "/",
  "\t",
  "é",
  "ﬁ",
];

const label = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(" ")),
  fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 3 }).map((xs) => xs.join("")),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 12 })
);

describe("the label reader's short cuts give what the full reading gives", () => {
  test("normalizeLabel: printable ASCII without NFKC and Unicode classes", () => {
    fc.assert(
      fc.property(label, (text) => {
        expect(normalizeLabel(text)).toBe(normalizeLabelFully(text));
      }),
      { numRuns: 3000 }
    );
  });

  test("roleOf: a label with a digit is a cost or nothing", () => {
    fc.assert(
      fc.property(label, (text) => {
        expect(roleOf(text)).toBe(lookupRoleFully(text));
      }),
      { numRuns: 3000 }
    );
    for (const text of pieces) expect([text, roleOf(text)]).toEqual([text, lookupRoleFully(text)]);
    expect(roleOf("Cost 2026")).toBe("derived");
    expect(roleOf("FG-1001")).toBeNull();
  });

  test("words that name an object's own properties are only words", () => {
    for (const w of ["constructor", "toString", "isPrototypeOf", "hasOwnProperty"]) {
      expect(normalizeLabel(w)).toBe(w.toLowerCase());
      expect(normalizeLabelFully(w)).toBe(w.toLowerCase());
      expect(roleOf(w)).toBeNull();
    }
  });
});
