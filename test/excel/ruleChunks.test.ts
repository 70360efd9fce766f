import { parseRange } from "../../src/layout";
import { ADDRESS_LIMIT, ruleChunks } from "../../src/excel/rangeAreas";

test("a rule's ranges in chunks whose first range is their top-left (Excel reads several areas from their top-left)", () => {
  expect(ruleChunks(["M7:T7", "C10:J10", "M17:T17", "C4:J4"])).toEqual([
    ["M7:T7", "M17:T17"],
    ["C4:J4", "C10:J10"],
  ]);
});

test("long lists still split under the address limit, each chunk anchored at its top-left", () => {
  const ranges = Array.from({ length: 3000 }, (_, i) =>
    i % 2 ? `C${7 * i + 7}:BB${7 * i + 7}` : `BD${7 * i + 7}:DA${7 * i + 7}`
  );
  const chunks = ruleChunks(ranges);
  expect(chunks.flat().sort()).toEqual([...ranges].sort());
  for (const chunk of chunks) {
    expect(chunk.join(",").length).toBeLessThanOrEqual(ADDRESS_LIMIT);
    const boxes = chunk.map(parseRange);
    expect(boxes[0].top).toBe(Math.min(...boxes.map((b) => b.top)));
    expect(boxes[0].left).toBe(Math.min(...boxes.map((b) => b.left)));
  }
});
