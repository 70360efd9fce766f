import * as fs from "fs";
import * as path from "path";
import { scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";
import { schemaErrors } from "../support/schema";
import { sharedDir } from "../support/shared";

const dir = path.join(sharedDir, "samples", "real-layouts");

describe.each([
  ["periods-down-chinese", "periods-down"],
  ["material-balance", "row-per-part"],
])("%s", (name, arrangement) => {
  const expected = JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), "utf8"));
  const { report } = scanSnapshot(
    readXlsxSnapshot(fs.readFileSync(path.join(dir, `${name}.xlsx`)), `${name}.xlsx`)
  );
  test("reads exactly as expected", () => {
    expect(report.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(schemaErrors(report)).toEqual([]);
    expect(report.items.map((i) => i.item)).toEqual(
      expected.items.map((i: { item: string }) => i.item)
    );
    for (const exp of expected.items) {
      const got = report.items.find((i) => i.item === exp.item)!;
      expect(got.arrangement).toBe(arrangement);
      expect(got).toMatchObject({
        sheet: exp.sheet,
        opening: exp.opening,
        orders: exp.orders,
        mps: exp.mps,
        pab: exp.pab,
        status: exp.status,
        flagged: false,
      });
    }
  });
});
