export * from "./snapshot";
export * from "./record";
export * from "./diagnostics";
export type { LayoutMapping } from "./context";
export { readPlans } from "./read";
export type { ReadOptions } from "./read";
export { roleOf, normalizeLabel, SYNONYMS } from "./labels";
export type { Role } from "./labels";
export { parseQuantity } from "./quantities";
export { parsePeriodHeader } from "./periods";
export { serialToIso, isoToSerial } from "./dates";
export {
  a1,
  cellList,
  cellOf,
  cellPos,
  cellRef,
  columnName,
  parseA1,
  parseRange,
  refOf,
  refsOf,
  sheetPrefix,
} from "./address";
export type { CellList, CellPos } from "./address";
