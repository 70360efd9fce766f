import * as util from "util";

// jsdom lacks the encoders the .xlsx reader and the log names use; imported first by jsdom tests.
Object.assign(globalThis, { TextDecoder: util.TextDecoder, TextEncoder: util.TextEncoder });
