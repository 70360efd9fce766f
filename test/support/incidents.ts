import { ItemProjection } from "../../src/incidents";

/** The classic example: W8 short by 6 against orders, the W3 and W6 receipts must land on time. */
export function classicProjection(overrides: Partial<ItemProjection> = {}): ItemProjection {
  return {
    item: "FG-1001",
    site: null,
    sheet: "MPS",
    periods: ["W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8"],
    periodStarts: [
      "2026-11-30",
      "2026-12-07",
      "2026-12-14",
      "2026-12-21",
      "2026-12-28",
      "2027-01-04",
      "2027-01-11",
      "2027-01-18",
    ],
    opening: 45,
    safetyStock: 10,
    orders: [16, 15, 15, 20, 18, 22, 20, 25],
    mps: [0, 0, 50, 0, 0, 50, 0, 0],
    ...overrides,
  };
}
