import { Plan, PlanInput, computePlan } from "../engine";
import {
  ArgumentError,
  Orientation,
  optionalSeries,
  orientationOf,
  periods,
  sameLength,
  scalar,
  series,
} from "./arguments";

export interface CellArguments {
  onHand: unknown;
  orders: unknown;
  mps: unknown;
  safetyStock?: unknown;
  forecast?: unknown;
  fence?: unknown;
}

export interface ParsedArguments {
  input: PlanInput;
  orientation: Orientation | null;
}

/** Cell arguments as Excel passes them → engine input, or an ArgumentError naming the argument and position. */
export function parseArguments(args: CellArguments): ParsedArguments {
  const onHand = scalar("onHand", args.onHand ?? 0, true);
  const orders = series("orders", args.orders);
  if (orders.values.length === 0)
    throw new ArgumentError("invalidValue", "orders: give at least one period");
  const mps = series("mps", args.mps);
  sameLength(orders, "mps", mps);
  const forecast = optionalSeries("forecast", args.forecast);
  if (forecast) sameLength(orders, "forecast", forecast);
  const input: PlanInput = {
    onHand,
    orders: orders.values,
    mps: mps.values,
    forecast: forecast?.values ?? null,
    fence: args.fence === null || args.fence === undefined ? 0 : periods("fence", args.fence),
    safetyStock:
      args.safetyStock === null || args.safetyStock === undefined
        ? 0
        : scalar("safetyStock", args.safetyStock, false),
  };
  return { input, orientation: orientationOf(orders, mps, forecast) };
}

export function planFor(args: CellArguments): { plan: Plan; orientation: Orientation | null } {
  const { input, orientation } = parseArguments(args);
  return { plan: computePlan(input), orientation };
}
