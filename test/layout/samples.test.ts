import * as fs from "fs";
import * as path from "path";
import { scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";
import { schemaErrors } from "../support/schema";
import { sharedDir } from "../support/shared";

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

const samplesDir = path.join(sharedDir, "samples");
const samples = fs.readdirSync(samplesDir).filter((f) => f.endsWith(".expected.json"));

test("the shared samples are there", () => {
  expect(samples.length).toBeGreaterThanOrEqual(6);
});

describe.each(samples)("%s", (file) => {
  const expected = JSON.parse(fs.readFileSync(path.join(samplesDir, file), "utf8")) as {
    workbook: string;
    items: ExpectedItem[];
  };
  const bytes = fs.readFileSync(path.join(samplesDir, expected.workbook));
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
      expect(got).toMatchObject({
        sheet: exp.sheet,
        opening: exp.opening,
        safetyStock: exp.safetyStock,
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
