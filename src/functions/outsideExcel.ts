/* global globalThis */
// custom-functions-metadata-plugin appends CustomFunctions.associate(...) calls to functions.ts. Where no
// CustomFunctions runtime exists (a plain browser, Excel without the shared runtime) they must not throw
// and take the task pane down with them; there, the functions are simply not registered.
const host = globalThis as { CustomFunctions?: unknown };
if (typeof host.CustomFunctions === "undefined") {
  host.CustomFunctions = { associate: () => undefined };
}

export {};
