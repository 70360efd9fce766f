import { ErrorCodeName, excelError, inputErrorCode } from "./excelErrors";

export type Orientation = "row" | "column";

export interface Series {
  values: number[];
  orientation: Orientation | null;
}

/** Thrown inside argument parsing and turned into the Excel error by the function wrapper. */
export class ArgumentError extends Error {
  readonly code: ErrorCodeName;
  constructor(code: ErrorCodeName, message: string) {
    super(message);
    this.code = code;
  }
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

function describe(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}

/** One quantity from a cell: blank = 0, error values propagate, anything else not a number is refused. */
export function cellQuantity(argument: string, position: number | null, value: unknown): number {
  const where = position === null ? argument : `${argument}, position ${position}`;
  const err = inputErrorCode(value);
  if (err) throw new ArgumentError(err, `${where} is an error value`);
  if (isBlank(value)) return 0;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ArgumentError("invalidValue", `${where}: ${describe(value)} is not a quantity`);
  }
  if (value < 0) throw new ArgumentError("invalidValue", `${where}: ${value} is negative`);
  return value;
}

/** A single-number argument (on hand may be negative: a backlog carried in). */
export function scalar(argument: string, value: unknown, allowNegative: boolean): number {
  const cell = Array.isArray(value) ? (value as unknown[][])[0]?.[0] : value;
  if (
    Array.isArray(value) &&
    ((value as unknown[][]).length !== 1 || (value as unknown[][])[0].length !== 1)
  ) {
    throw new ArgumentError("invalidValue", `${argument}: expected a single number, not a range`);
  }
  if (allowNegative && typeof cell === "number" && Number.isFinite(cell)) return cell;
  return cellQuantity(argument, null, cell);
}

/** A whole number of periods (the demand time fence). */
export function periods(argument: string, value: unknown): number {
  const n = scalar(argument, value, false);
  if (!Number.isInteger(n))
    throw new ArgumentError("invalidValue", `${argument}: ${n} is not a whole number of periods`);
  return n;
}

/** One row or one column of quantities; positions in messages are 1-based. */
export function series(argument: string, range: unknown): Series {
  if (isBlank(range)) return { values: [], orientation: null };
  const grid: unknown[][] = Array.isArray(range) ? (range as unknown[][]) : [[range]];
  const rows = grid.length;
  const cols = rows > 0 && Array.isArray(grid[0]) ? grid[0].length : 0;
  if (rows === 0 || cols === 0) return { values: [], orientation: null };
  if (rows > 1 && cols > 1) {
    throw new ArgumentError(
      "invalidValue",
      `${argument}: give one row or one column, not ${rows} rows × ${cols} columns`
    );
  }
  const cells = rows === 1 ? grid[0] : grid.map((r) => r[0]);
  const values = cells.map((v, i) => cellQuantity(argument, i + 1, v));
  const orientation: Orientation | null = cells.length === 1 ? null : rows === 1 ? "row" : "column";
  return { values, orientation };
}

/** Optional series: omitted (null/undefined) gives null; otherwise it must match the periods of orders. */
export function optionalSeries(argument: string, range: unknown): Series | null {
  if (range === null || range === undefined) return null;
  return series(argument, range);
}

export function sameLength(reference: Series, argument: string, other: Series): void {
  if (other.values.length !== reference.values.length) {
    throw new ArgumentError(
      "invalidValue",
      `${argument} has ${other.values.length} periods but orders has ${reference.values.length}`
    );
  }
}

/** Results laid out like the inputs: a row spills across, a column down. */
export function spill<T>(values: T[], orientation: Orientation | null): T[][] {
  if (values.length === 0) return [[]];
  return orientation === "column" ? values.map((v) => [v]) : [values];
}

export function orientationOf(...inputs: (Series | null)[]): Orientation | null {
  for (const s of inputs) if (s?.orientation) return s.orientation;
  return null;
}

/** Runs a function body and turns our errors into the Excel error the cell shows. */
export function guarded<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof ArgumentError) throw excelError(e.code, e.message);
    if (e instanceof Error && e.name === "EngineInputError")
      throw excelError("invalidValue", e.message);
    throw e;
  }
}
