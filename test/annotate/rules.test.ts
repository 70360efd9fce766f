import { parseRange } from "../../src/layout";
import { RuleSet } from "../../src/annotate/rules";

/** A rule's formula reads from the top-left of its first range ("C8<0" at C8, as a template). */
const below = (row: number, column: number) => `R${row}C${column}<0`;

describe("conditional-format rules from the PAB rows", () => {
  test("rows starting in one column: one rule, its formula read from the top-most row", () => {
    const set = new RuleSet();
    set.add("MPS", "short", below, 20, 2, 20, 9);
    set.add("MPS", "short", below, 6, 2, 6, 9);
    expect(set.rules()).toEqual([
      { sheet: "MPS", kind: "short", formula: "R6C2<0", ranges: ["C7:J7", "C21:J21"] },
    ]);
  });

  test("blocks side by side: a rule per first column, so its first range is the top-left of all its ranges", () => {
    // The right block's row is the top-most: over both blocks, Excel would read the formula from
    // column C (the ranges' top-left), the first range's formula from column M.
    const set = new RuleSet();
    set.add("MPS", "short", below, 6, 12, 6, 19);
    set.add("MPS", "short", below, 9, 2, 9, 9);
    set.add("MPS", "short", below, 16, 12, 16, 19);
    const rules = set.rules();
    expect(rules.map((r) => [r.formula, r.ranges])).toEqual([
      ["R6C12<0", ["M7:T7", "M17:T17"]],
      ["R9C2<0", ["C10:J10"]],
    ]);
    for (const r of rules) {
      const boxes = r.ranges.map(parseRange);
      expect(boxes[0].top).toBe(Math.min(...boxes.map((b) => b.top)));
      expect(boxes[0].left).toBe(Math.min(...boxes.map((b) => b.left)));
    }
  });
});
