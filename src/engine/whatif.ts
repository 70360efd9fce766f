import { EngineInputError } from "./errors";
import { computePlan } from "./plan";
import { Plan, PlanInput, Status } from "./types";

export type WhatIf =
  /** The receipt of period `index` arrives `by` periods later (negative: pulled in). */
  | { kind: "move"; index: number; by: number }
  /** The receipt of period `index` is cut by a quantity or by a percentage of itself. */
  | { kind: "cut"; index: number; quantity?: number; percent?: number }
  /** `onTime` of the receipt of period `index` arrives on time, the rest `by` periods late. */
  | { kind: "split"; index: number; onTime: number; by: number };

export interface StatusChange {
  index: number;
  before: Status;
  after: Status;
}

export interface WhatIfResult {
  input: PlanInput;
  plan: Plan;
  /** Quantity moved past the last period: still expected, outside the horizon, never dropped. */
  beyondHorizon: number;
  changes: StatusChange[];
}

function receiptAt(input: PlanInput, index: number): number {
  if (!Number.isInteger(index) || index < 0 || index >= input.mps.length) {
    throw new EngineInputError(
      "index",
      null,
      `index: there is no period ${index + 1} in a ${input.mps.length}-period plan`
    );
  }
  return input.mps[index];
}

function shift(mps: number[], from: number, quantity: number, by: number): number {
  if (!Number.isInteger(by))
    throw new EngineInputError("by", null, `by: ${by} is not a whole number of periods`);
  const to = from + by;
  if (to < 0) {
    throw new EngineInputError(
      "by",
      null,
      `by: cannot pull period ${from + 1}'s receipt in ${-by} periods, before period 1`
    );
  }
  mps[from] -= quantity;
  if (to >= mps.length) return quantity;
  mps[to] += quantity;
  return 0;
}

export function applyWhatIf(input: PlanInput, scenario: WhatIf): WhatIfResult {
  const base = computePlan(input);
  const receipt = receiptAt(input, scenario.index);
  const mps = input.mps.slice();
  let beyondHorizon = 0;

  switch (scenario.kind) {
    case "move":
      beyondHorizon = shift(mps, scenario.index, receipt, scenario.by);
      break;
    case "cut": {
      const { quantity, percent } = scenario;
      if ((quantity === undefined) === (percent === undefined)) {
        throw new EngineInputError("cut", null, "cut: give either a quantity or a percent");
      }
      if (percent !== undefined && !(percent >= 0 && percent <= 100)) {
        throw new EngineInputError("percent", null, `percent: ${percent} is not between 0 and 100`);
      }
      if (quantity !== undefined && !(quantity >= 0 && Number.isFinite(quantity))) {
        throw new EngineInputError("quantity", null, `quantity: ${quantity} is not a quantity`);
      }
      const cut =
        quantity !== undefined
          ? Math.min(quantity, receipt)
          : (receipt * (percent as number)) / 100;
      mps[scenario.index] = receipt - cut;
      break;
    }
    case "split": {
      if (!(scenario.onTime >= 0 && scenario.onTime <= receipt)) {
        throw new EngineInputError(
          "onTime",
          null,
          `onTime: ${scenario.onTime} is not between 0 and the receipt of ${receipt}`
        );
      }
      beyondHorizon = shift(mps, scenario.index, receipt - scenario.onTime, scenario.by);
      break;
    }
  }

  const next: PlanInput = { ...input, mps };
  const plan = computePlan(next);
  const changes: StatusChange[] = [];
  for (let t = 0; t < plan.periods; t++) {
    if (plan.status[t] !== base.status[t])
      changes.push({ index: t, before: base.status[t], after: plan.status[t] });
  }
  return { input: next, plan, beyondHorizon, changes };
}
