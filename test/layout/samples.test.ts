import * as fs from "fs";
import { scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";
import { schemaErrors } from "../support/schema";
import { sharedSamples } from "../support/shared";

interface ExpectedItem {
  item: string;
  sheet: string;
  opening: number;
  safetyStock: number | null;
  orders: number[];
  mps: number[];
  pab: number[];
  status: string[];
  demand: number[];
  firstShortage: { index: number; quantity: number } | null;
  receipts: { index: number; quantity: number; needByIndex: number | null; slack: number | null }[];
}

const { ready, pending } = sharedSamples();

test("the shared samples are there, real-layouts/ too", () => {
  expect(ready.length + pending.length).toBeGreaterThanOrEqual(9);
  expect(ready.map((s) => s.name)).toContain("real-layouts/mrp-records.expected.json");
});

if (pending.length) test.skip.each(pending)("%s: pending on %s", () => undefined);

describe.each(ready.map((s) => [s.name, s] as const))("%s", (_name, sample) => {
  const expected = JSON.parse(fs.readFileSync(sample.expectedPath, "utf8")) as {
    workbook: string;
    items: ExpectedItem[];
  };
  const bytes = fs.readFileSync(sample.workbookPath);
  const { report } = scanSnapshot(readXlsxSnapshot(bytes, expected.workbook));

  test("exactly the expected items, nothing else read as an item", () => {
    expect(report.items.map((i) => i.item).sort()).toEqual(
      expected.items.map((i) => i.item).sort()
    );
  });

  test.each(expected.items.map((i) => [i.item, i] as const))(
    "%s: figures, PAB, statuses, shortage, slack",
    (_n, exp) => {
      const got = report.items.find((i) => i.item === exp.item);
      expect(got).toBeDefined();
      // The real-layouts files give the safety stock in use (0 when the sheet has none); the report says null then.
      expect(exp.safetyStock === 0 ? (got!.safetyStock ?? 0) : got!.safetyStock).toBe(
        exp.safetyStock
      );
      expect(got).toMatchObject({
        sheet: exp.sheet,
        opening: exp.opening,
        orders: exp.orders,
        mps: exp.mps,
        demand: exp.demand,
        pab: exp.pab,
        status: exp.status,
        flagged: false,
      });
      expect(
        got!.firstShortage
          ? { index: got!.firstShortage.index, quantity: got!.firstShortage.quantity }
          : null
      ).toEqual(exp.firstShortage);
      expect(
        got!.receipts.map(({ index, quantity, needByIndex, slack }) => ({
          index,
          quantity,
          needByIndex,
          slack,
        }))
      ).toEqual(exp.receipts);
    }
  );

  test("no error-level diagnostics, and the report validates against the schema", () => {
    expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(schemaErrors(report)).toEqual([]);
  });
});
