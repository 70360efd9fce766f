export { buildWritePlan } from "./build";
export type { AnnotateOptions } from "./build";
export * from "./writePlan";
export { Ownership, contentOf, intendedContent, hashOf, cellsOfRanges } from "./ownership";
export { ownedAreaOf, ownedReference, parseOwnedReference } from "./ownedNames";
export { LOG_NAME_PREFIX, logNameOf, planLogTable } from "./logTable";
export type { LogRecord, LogTableInput, LogTablePlan, LogValue } from "./logTable";
export { placeRefs } from "./refs";
export type { PabPlace } from "./refs";
