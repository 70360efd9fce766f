// The CustomFunctions global the Excel runtime provides, as the workbench also provides it.
import "../../src/workbench/customFunctionsRuntime";

// jsdom test environments have no TextEncoder/TextDecoder, which the .xlsx adapter uses as browsers do.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";
const g = globalThis as unknown as Record<string, unknown>;
g.TextEncoder ??= NodeTextEncoder;
g.TextDecoder ??= NodeTextDecoder;
