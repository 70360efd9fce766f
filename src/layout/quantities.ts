import { CellValue } from "./snapshot";

export type QuantityResult =
  | { ok: true; value: number }
  | { ok: false; code: "not-a-number" | "ambiguous-number" | "error-value"; reason: string };

const ERROR_TEXT =
  /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/;

export function isErrorValue(value: CellValue): boolean {
  return typeof value === "string" && ERROR_TEXT.test(value);
}

export function isBlank(value: CellValue): boolean {
  return value === "" || value === null || value === undefined;
}

/**
 * A number from a cell. Numbers typed as text count only in forms that cannot be misread:
 * " 35 ", "1,200", "1,200.5", "35.5". "1.200" (1.2 or 1200?) and "1,5" (1.5 or 15?) are refused.
 */
export function parseQuantity(value: CellValue): QuantityResult {
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? { ok: true, value }
      : { ok: false, code: "not-a-number", reason: "is not a number" };
  }
  if (typeof value === "boolean") {
    return { ok: false, code: "not-a-number", reason: "is not a quantity" };
  }
  if (isBlank(value)) return { ok: true, value: 0 };
  if (isErrorValue(value))
    return { ok: false, code: "error-value", reason: "is an error value, not a quantity" };
  const text = value.replace(/[\u00a0\u3000]/g, " ").trim();
  if (text === "") return { ok: true, value: 0 };
  const signed = /^([+-]?)(.*)$/.exec(text) as RegExpExecArray;
  const sign = signed[1] === "-" ? -1 : 1;
  const body = signed[2];
  if (/^\d+$/.test(body) || /^\d+\.\d+$/.test(body) || /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) {
    if (/^\d{1,3}\.\d{3}$/.test(body)) {
      return {
        ok: false,
        code: "ambiguous-number",
        reason: "could be read two ways (a decimal point or a thousands separator?)",
      };
    }
    return { ok: true, value: sign * Number(body.replace(/,/g, "")) };
  }
  if (/^\d+(,\d+)+$/.test(body) || /^[\d.]+,\d+$/.test(body)) {
    return {
      ok: false,
      code: "ambiguous-number",
      reason: "could be read two ways (a decimal comma or a thousands separator?)",
    };
  }
  return { ok: false, code: "not-a-number", reason: "is not a quantity" };
}

export function describeValue(value: CellValue): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}
