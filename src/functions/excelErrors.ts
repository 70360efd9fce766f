/* global CustomFunctions */

/** The CustomFunctions.ErrorCode names we use, with the value Excel shows in the cell. */
export const ERROR_TEXT = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  invalidNumber: "#NUM!",
  divisionByZero: "#DIV/0!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
  nullReference: "#NULL!",
} as const;

export type ErrorCodeName = keyof typeof ERROR_TEXT;

const NAME_BY_TEXT: Record<string, ErrorCodeName> = Object.fromEntries(
  Object.entries(ERROR_TEXT).map(([name, text]) => [text, name as ErrorCodeName])
);

/** An error Excel shows in the calling cell, with a message in the error flag. */
export function excelError(code: ErrorCodeName, message?: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[code], message);
}

/**
 * An error value arriving as input: Excel passes CustomFunctions.Error objects; some platforms
 * pass the error's text. Returns the code to propagate, or null when the value is not an error.
 */
export function inputErrorCode(value: unknown): ErrorCodeName | null {
  if (typeof value === "string") return NAME_BY_TEXT[value] ?? null;
  if (value !== null && typeof value === "object" && "code" in value) {
    const code = String((value as { code: unknown }).code);
    if (code in ERROR_TEXT) return code as ErrorCodeName;
    return NAME_BY_TEXT[code] ?? "invalidValue";
  }
  return null;
}
