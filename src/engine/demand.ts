import { packedMap } from "./arrays";

/**
 * Demand the planning PAB subtracts: orders before the fence, max(forecast, orders) from it on;
 * past due added to period 1.
 */
export function planningDemand(
  orders: readonly number[],
  forecast: readonly number[] | null | undefined,
  fence: number,
  pastDue: number
): number[] {
  const demand = packedMap(orders, (o, t) =>
    forecast && t >= fence && forecast[t] > o ? forecast[t] : o
  );
  if (demand.length > 0) demand[0] += pastDue;
  return demand;
}

/** Customer orders only, past due in period 1. */
export function ordersDemand(orders: readonly number[], pastDue: number): number[] {
  const demand = packedMap(orders, (o) => o);
  if (demand.length > 0) demand[0] += pastDue;
  return demand;
}
