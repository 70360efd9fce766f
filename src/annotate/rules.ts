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

  /**
   * One rule per distinct formula and first column: a rule's formula reads from its first range's
   * top-left, which is then also the top-left of all its ranges (what Excel reads a rule over
   * several areas from).
   */
  rules(): ConditionalRule[] {
    const out: ConditionalRule[] = [];
    for (const p of this.pending.values()) {
      const byColumn = new Map<number, Pending["ranges"]>();
      for (const r of p.ranges) {
        const group = byColumn.get(r.left);
        if (group) group.push(r);
        else byColumn.set(r.left, [r]);
      }
      const groups = [...byColumn.values()].map((g) => g.sort((a, b) => a.top - b.top));
      groups.sort((a, b) => a[0].top - b[0].top || a[0].left - b[0].left);
      for (const ranges of groups)
        out.push({
          sheet: p.sheet,
          kind: p.kind,
          formula: p.template(ranges[0].top, ranges[0].left),
          ranges: ranges.map((r) => rangeA1(r.top, r.left, r.bottom, r.right)),
        });
    }
    return out;
  }
}
