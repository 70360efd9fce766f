import * as fs from "fs";
import * as path from "path";
import { scanXlsxFile } from "../../src/cli/scanFile";
import { reportSummary, summaryText } from "../../src/cli/summary";
import { sharedDir } from "../support/shared";

test("numbered periods read as periods in the summary, not as quantities", () => {
  const file = path.join(sharedDir, "samples", "real-layouts", "mrp-records.xlsx");
  const { report } = scanXlsxFile(fs.readFileSync(file), "mrp-records.xlsx", {});
  expect(summaryText(reportSummary(report), "en")).toContain(
    "Part 200-B: projected short; first short in period 7 by 6; receipts in periods 2, 5, 8 must land on time"
  );
  expect(summaryText(reportSummary(report), "zh-CN")).toContain(
    "Part 200-B：预计缺货；第7期首次缺货6；第2期、第5期、第8期到货必须准时"
  );
});

test("labelled periods stay as the sheet shows them", () => {
  const file = path.join(sharedDir, "samples", "classic-example.xlsx");
  const { report } = scanXlsxFile(fs.readFileSync(file), "classic-example.xlsx", {});
  expect(summaryText(reportSummary(report), "en")).toContain(
    "FG-1001: projected short; first short W8 by 6; receipts W3, W6 must land on time"
  );
});
