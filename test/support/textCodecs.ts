import { TextDecoder, TextEncoder } from "util";

// jsdom (the component tests' environment) has no TextEncoder/TextDecoder, which the .xlsx reader
// and the fake's request measuring use at module load; node has them, so this changes nothing there.
if (typeof globalThis.TextEncoder === "undefined")
  Object.assign(globalThis, { TextEncoder, TextDecoder });
