import { IncidentCase } from "./escalation";
import { ItemProjection, RiskSnapshot, projectionOf, snapshotRisk } from "./projection";

/** What the plan says now about one item of an incident, against what it said when the alert was raised. */
export type RiskChange =
  | { item: string; kind: "missing" }
  | { item: string; kind: "resolved"; was: string }
  | { item: string; kind: "first-problem"; was: string | null; now: string }
  | { item: string; kind: "quantity"; was: number; now: number }
  | { item: string; kind: "receipt"; was: string | null; now: string | null };

const problem = (r: RiskSnapshot) => r.firstProblem?.period ?? null;
const receipt = (r: RiskSnapshot) =>
  r.receiptAtRisk ? `${r.receiptAtRisk.quantity} ${r.receiptAtRisk.period}` : null;

/**
 * The incident's facts re-checked against the current projections: for each item, what moved
 * since the alert (first problem period, quantity at risk, receipt at risk), or that nothing is
 * at risk any more, or that the item is not in the scan. The incident keeps its prediction (the
 * log records what was predicted); the notices are always drafted from the current plan.
 */
export function riskChanges(c: IncidentCase, projections: readonly ItemProjection[]): RiskChange[] {
  const out: RiskChange[] = [];
  for (const was of c.risks) {
    const p = projectionOf(projections, was);
    if (!p) {
      out.push({ item: was.item, kind: "missing" });
      continue;
    }
    const now = snapshotRisk(p);
    if (!now.firstProblem) {
      if (was.firstProblem)
        out.push({ item: was.item, kind: "resolved", was: was.firstProblem.period });
      continue;
    }
    if (problem(now) !== problem(was))
      out.push({
        item: was.item,
        kind: "first-problem",
        was: problem(was),
        now: now.firstProblem.period,
      });
    if (now.quantityAtRisk !== was.quantityAtRisk)
      out.push({
        item: was.item,
        kind: "quantity",
        was: was.quantityAtRisk,
        now: now.quantityAtRisk,
      });
    if (receipt(now) !== receipt(was))
      out.push({ item: was.item, kind: "receipt", was: receipt(was), now: receipt(now) });
  }
  return out;
}
