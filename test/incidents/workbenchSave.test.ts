import { strFromU8, unzipSync } from "fflate";
import { modelFromSnapshot } from "../../src/excel/fake/model";
import { INCIDENTS_KEY } from "../../src/excel/incidentStore";
import { LOG_SHEET } from "../../src/incidents";
import { readXlsxSnapshot } from "../../src/xlsx";
import { scanXlsxFile } from "../../src/cli/scanFile";
import { withIncidentLog } from "../../src/workbench/incidentDeps";
import { buildXlsx } from "../support/xlsxBuilder";
import { classicRows } from "../support/classic";
import { fullCase } from "../support/incidents";

test("the workbench's Save annotated copy keeps the incidents as the PAB Watch Log table", () => {
  const bytes = buildXlsx([{ name: "MPS", rows: classicRows() }]);
  const model = modelFromSnapshot(readXlsxSnapshot(bytes, "b.xlsx"));
  const annotated = scanXlsxFile(bytes, "b.xlsx", { annotate: true }).annotated as Uint8Array;
  expect(withIncidentLog(annotated, model, "en")).toBe(annotated);
  model.settings.set(INCIDENTS_KEY, JSON.parse(JSON.stringify({ incidents: [fullCase()] })));
  const saved = withIncidentLog(annotated, model, "en");
  const parts = unzipSync(saved);
  expect(strFromU8(parts["xl/tables/table1.xml"])).toContain('ref="A1:AE2"');
  const sheet = readXlsxSnapshot(saved, "b").sheets.find((s) => s.name === LOG_SHEET)!;
  expect(sheet.values[1][0]).toBe("INC-2027-004");
  // The annotated sheets are as the scan wrote them.
  for (const p of Object.keys(unzipSync(annotated)).filter((x) =>
    x.startsWith("xl/worksheets/sheet")
  ))
    expect(parts[p]).toEqual(unzipSync(annotated)[p]);
});
