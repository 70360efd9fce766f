/* global globalThis */
// The CustomFunctions global Excel's shared runtime provides, as far as =PAB.* use it; imported before them.
class WorkbenchFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

const host = globalThis as { CustomFunctions?: unknown };
if (typeof host.CustomFunctions === "undefined") {
  host.CustomFunctions = {
    Error: WorkbenchFunctionError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate: () => undefined,
  };
}

export {};
