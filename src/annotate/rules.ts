import { ConditionalRule, RuleKind } from "./writePlan";
import { rangeA1 } from "./refs";

/** Builds a rule formula for an anchor cell; relative parts follow the anchor. */
export type RuleTemplate = (anchorRow: number, anchorColumn: number) => string;

interface Pending {
  sheet: string;
  kind: RuleKind;
  template: RuleTemplate;
  ranges: { top: number; left: number; bottom: number; right: number }[];
}

/**
 * Collects rules so that each distinct formula is one rule over all its ranges: two templates are
 * the same rule when they read the same relative to their anchor.
 */
export class RuleSet {
  private readonly pending = new Map<string, Pending>();

  add(
    sheet: string,
    kind: RuleKind,
    template: RuleTemplate,
    top: number,
    left: number,
    bottom: number,
    right: number
  ): void {
    const key = `${sheet}\u0000${kind}\u0000${template(1_000_000, 1_000)}`;
    let p = this.pending.get(key);
    if (!p) this.pending.set(key, (p = { sheet, kind, template, ranges: [] }));
    p.ranges.push({ top, left, bottom, right });
  }

  rules(): ConditionalRule[] {
    return [...this.pending.values()].map((p) => {
      const ranges = p.ranges.slice().sort((a, b) => a.top - b.top || a.left - b.left);
      return {
        sheet: p.sheet,
        kind: p.kind,
        formula: p.template(ranges[0].top, ranges[0].left),
        ranges: ranges.map((r) => rangeA1(r.top, r.left, r.bottom, r.right)),
      };
    });
  }
}
