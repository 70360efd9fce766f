import { tidy } from "./arithmetic";
import { computePlan } from "./plan";
import { Plan, PlanInput } from "./types";
import { applyWhatIf } from "./whatif";

/**
 * What a planner can do about an item, derived from its plan; words are the UI's job. Indexes are
 * 0-based periods. The list is in the order a planner would act: fix the shortage first.
 */
export type Advice =
  /** Nothing runs short or dips below safety stock. */
  | { kind: "covered" }
  /** Add `quantity` of supply by period `byIndex`: it covers every later shortage too. */
  | { kind: "add"; quantity: number; byIndex: number }
  /** Pulling the receipt of period `receiptIndex` in by `by` periods removes every shortage. */
  | { kind: "pull-in"; receiptIndex: number; quantity: number; by: number }
  /** The receipt of period `receiptIndex` must land on time (slack 0): confirm it with whoever makes it. */
  | { kind: "confirm-receipt"; receiptIndex: number; quantity: number }
  /** The planning balance runs short only because of forecast: customer orders are covered. */
  | { kind: "forecast-only"; byIndex: number }
  /** Add `quantity` by period `byIndex` to stay at or above safety stock. */
  | { kind: "top-up-safety"; quantity: number; byIndex: number };

function maxFrom(values: readonly number[], from: number, f: (v: number) => number): number {
  let best = -Infinity;
  for (let t = from; t < values.length; t++) best = Math.max(best, f(values[t]));
  return best;
}

/** The advice for one item's plan, most pressing first. */
export function adviseActions(input: PlanInput, plan: Plan = computePlan(input)): Advice[] {
  const out: Advice[] = [];
  const first = plan.shortage.firstShortage;
  if (first) {
    // Supply added at the first short period lifts every later balance by the same amount.
    out.push({
      kind: "add",
      quantity: tidy(maxFrom(plan.pab, first.index, (v) => -v)),
      byIndex: first.index,
    });
    for (const r of plan.receipts) {
      if (r.index <= first.index) continue;
      const by = r.index - first.index;
      const moved = applyWhatIf(input, { kind: "move", index: r.index, by: -by });
      if (!moved.plan.shortage.firstShortage) {
        out.push({ kind: "pull-in", receiptIndex: r.index, quantity: r.quantity, by });
        break;
      }
    }
    if (!plan.orderShortage) out.push({ kind: "forecast-only", byIndex: first.index });
  }
  for (const r of plan.receipts) {
    if (r.slack === 0)
      out.push({ kind: "confirm-receipt", receiptIndex: r.index, quantity: r.quantity });
  }
  if (!first && plan.safetyStock > 0) {
    const low = plan.belowSafety.indexOf(true);
    if (low >= 0) {
      out.push({
        kind: "top-up-safety",
        quantity: tidy(maxFrom(plan.pab, low, (v) => plan.safetyStock - v)),
        byIndex: low,
      });
    }
  }
  if (!out.length) out.push({ kind: "covered" });
  return out;
}
