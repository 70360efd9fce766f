import { projectBalance } from "./balance";
import { ordersDemand, planningDemand } from "./demand";
import { EngineInputError } from "./errors";
import { firstShortage, shortageFigures } from "./shortage";
import { receiptSlack } from "./slack";
import { safetyBreaches, statuses } from "./status";
import { Plan, PlanInput, Warning } from "./types";
import { packedCopy } from "./arrays";
import { checkFence, checkQuantity, checkSeries } from "./validate";

/** Checks the input and names the argument and period of the first problem. */
export function validatePlanInput(input: PlanInput): Warning[] {
  checkQuantity("onHand", input.onHand, true);
  checkSeries("orders", input.orders);
  const n = input.orders.length;
  checkSeries("mps", input.mps, n);
  if (input.forecast) checkSeries("forecast", input.forecast, n);
  if (input.fence !== undefined) checkFence(input.fence);
  if (input.safetyStock !== undefined) checkQuantity("safetyStock", input.safetyStock);
  if (input.pastDue !== undefined) checkQuantity("pastDue", input.pastDue);
  if (input.pastDue && n === 0) {
    throw new EngineInputError("pastDue", null, "pastDue: there is no period 1 to add it to");
  }
  const warnings: Warning[] = [];
  if (input.onHand < 0) {
    warnings.push({
      code: "opening-backlog",
      message: `Opening balance ${input.onHand} is negative: treated as a backlog carried into period 1`,
    });
  }
  return warnings;
}

/**
 * PAB, statuses, receipt slack and shortage figures for one item. The plan's arrays are its own
 * (never the input's) and read-only: fields that are equal share one array (without a forecast,
 * `ordersOnlyPab` is `pab` and `orderFigures` is `shortage`; without a forecast or past due,
 * `demand` is `orders`).
 */
export function computePlan(input: PlanInput): Plan {
  const warnings = validatePlanInput(input);
  const fence = input.fence ?? 0;
  const safetyStock = input.safetyStock ?? 0;
  const pastDue = input.pastDue ?? 0;
  const forecast = input.forecast ? packedCopy(input.forecast) : null;
  const orders = packedCopy(input.orders);
  const mps = packedCopy(input.mps);

  // Without a forecast the planning demand is the orders (past due in period 1) and the
  // orders-only balance is the planning one: one array and one set of figures serve both.
  const demand = forecast || pastDue ? planningDemand(orders, forecast, fence, pastDue) : orders;
  const pab = projectBalance(input.onHand, demand, mps);
  const ordersOnlyPab = forecast
    ? projectBalance(input.onHand, ordersDemand(orders, pastDue), mps)
    : pab;
  const shortage = shortageFigures(pab, input.onHand);

  return {
    periods: orders.length,
    onHand: input.onHand,
    safetyStock,
    orders,
    mps,
    forecast,
    fence,
    pastDue,
    demand,
    pab,
    ordersOnlyPab,
    status: statuses(pab, mps, safetyStock),
    belowSafety: safetyBreaches(pab, safetyStock),
    receipts: receiptSlack(pab, mps),
    shortage,
    orderShortage: firstShortage(ordersOnlyPab),
    orderFigures: forecast ? shortageFigures(ordersOnlyPab, input.onHand) : shortage,
    warnings,
  };
}
