import * as fs from "fs";
import * as path from "path";
import { buildWritePlan } from "../../src/annotate";
import { ExcelRun, applyWritePlan, readWorkbookSnapshot } from "../../src/excel";
import { measuredExcelRun, newRequestLog } from "../../src/excel/fake/officeJsRequests";
import { FakeRequestContext } from "../../src/excel/fake/context";
import { modelFromSnapshot } from "../../src/excel/fake/model";
import { scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";
import { sharedDir } from "../support/shared";

test("Office.js's own request builder measures what the adapter sends", async () => {
  const file = "classic-example.xlsx";
  const model = modelFromSnapshot(
    readXlsxSnapshot(fs.readFileSync(path.join(sharedDir, "samples", file)), file)
  );
  const log = newRequestLog();
  const contexts: FakeRequestContext[] = [];
  const run = measuredExcelRun(model, log, contexts) as unknown as ExcelRun;
  const snapshot = await readWorkbookSnapshot(run, file);
  await applyWritePlan(run, buildWritePlan(snapshot, scanSnapshot(snapshot).findings));
  expect(log.requests.length).toBe(contexts.reduce((n, c) => n + c.syncCount, 0));
  // Every round trip serialised something: the write plan's cells and rules travel in them.
  expect(log.requests.every((bytes) => bytes > 0)).toBe(true);
  expect(Math.max(...log.requests)).toBeGreaterThan(1000);
});
