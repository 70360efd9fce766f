import { EngineInputError } from "./errors";

export function checkQuantity(argument: string, value: number, allowNegative = false): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new EngineInputError(
      argument,
      null,
      `${argument}: ${String(value)} is not a finite number`
    );
  }
  if (!allowNegative && value < 0) {
    throw new EngineInputError(argument, null, `${argument}: ${value} is negative`);
  }
}

/** Every entry finite and non-negative; positions in messages are 1-based, as planners count. */
export function checkSeries(argument: string, series: readonly number[], periods?: number): void {
  if (!Array.isArray(series)) {
    throw new EngineInputError(argument, null, `${argument}: expected a list of quantities`);
  }
  if (periods !== undefined && series.length !== periods) {
    throw new EngineInputError(
      argument,
      null,
      `${argument} has ${series.length} periods but orders has ${periods}`
    );
  }
  for (let i = 0; i < series.length; i++) {
    const v = series[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new EngineInputError(
        argument,
        i,
        `${argument}, period ${i + 1}: ${String(v)} is not a finite number`
      );
    }
    if (v < 0) {
      throw new EngineInputError(argument, i, `${argument}, period ${i + 1}: ${v} is negative`);
    }
  }
}

export function checkFence(fence: number): void {
  if (!Number.isInteger(fence) || fence < 0) {
    throw new EngineInputError(
      "fence",
      null,
      `fence: ${String(fence)} is not a whole number of periods (0 or more)`
    );
  }
}
