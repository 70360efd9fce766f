import * as fs from "fs";
import * as path from "path";
import { DEFAULT_STATE, ExcelRun, defaultWriteMode, scanOpenWorkbook } from "../../src/excel";
import { fakeExcelRun } from "../../src/excel/fake/context";
import { modelFromSnapshot } from "../../src/excel/fake/model";
import { readXlsxSnapshot } from "../../src/xlsx";
import { schemaErrors } from "../support/schema";
import { sharedDir } from "../support/shared";

const model = () =>
  modelFromSnapshot(
    readXlsxSnapshot(
      fs.readFileSync(path.join(sharedDir, "samples", "classic-example.xlsx")),
      "c.xlsx"
    )
  );

test("with nothing stored: live where the functions run, else portable", async () => {
  expect(defaultWriteMode(true)).toBe("live");
  expect(defaultWriteMode(false)).toBe("portable");
  const m = model();
  const result = await scanOpenWorkbook(fakeExcelRun(m) as unknown as ExcelRun, DEFAULT_STATE, {
    customFunctions: false,
    lang: "en",
  });
  expect(result.mode).toBe("portable");
  expect(result.report.items[0].pabCells[0]).toBe("MPS!B7");
  expect(schemaErrors(result.report)).toEqual([]);
  expect(m.cell(m.sheet("MPS")!, 6, 1)?.formula).toBe("=$B$2-B5+B6");
});

test("the stored mode, start date and fence are used", async () => {
  const m = model();
  const result = await scanOpenWorkbook(
    fakeExcelRun(m) as unknown as ExcelRun,
    { ...DEFAULT_STATE, writeMode: "live", startDate: "2026-11-30" },
    { customFunctions: true, lang: "zh-CN" }
  );
  expect(result.mode).toBe("live");
  expect(result.report.items[0].periodStarts[0]).toBe("2026-11-30");
  expect(m.cell(m.sheet("MPS")!, 6, 0)?.value).toBe("预计可用库存（PAB Watch）");
  expect(m.cell(m.sheet("MPS")!, 6, 1)?.formula).toBe("=PAB.BALANCE($B$2,B5:I5,B6:I6)");
});
