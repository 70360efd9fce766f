export { buildWritePlan } from "./build";
export type { AnnotateOptions } from "./build";
export * from "./writePlan";
export { Ownership, contentOf, intendedContent, hashOf, cellsOfRanges } from "./ownership";
export { ownedAreaOf, ownedReference, parseOwnedReference } from "./ownedNames";
