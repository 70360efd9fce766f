import { spawnSync } from "child_process";
import * as path from "path";

const root = path.resolve(__dirname, "../..");

/**
 * The arrays of a scan stay packed once V8 has optimised the code that makes them (map in
 * optimised code makes holey arrays; see src/engine/arrays.ts): a 3,000-item grid read and
 * projected in a process that can ask V8, every array of every record, plan and report item.
 */
test("the reader's, the engine's and the report's arrays are packed after optimisation", () => {
  const script = `
    const { gridWorkbook } = require("./bench/scan");
    const fs = require("fs");
    const { readXlsxSnapshot } = require("./src/xlsx");
    const { readForReport, eachReportItem } = require("./src/report");
    const { computeFindings } = require("./src/report");
    const read = readForReport(readXlsxSnapshot(fs.readFileSync(gridWorkbook(3000, 52)), "g.xlsx"));
    const holey = new Map();
    const visit = (what, v, depth) => {
      if (Array.isArray(v)) {
        if (%HasHoleyElements(v)) holey.set(what, (holey.get(what) || 0) + 1);
        v.forEach((x) => visit(what + "[]", x, depth + 1));
      } else if (v && typeof v === "object" && depth < 4)
        for (const k of Object.keys(v)) visit(what + "." + k, v[k], depth + 1);
    };
    for (const r of read.records) visit("record", r, 0);
    for (const f of computeFindings(read.records).findings) visit("plan", f.plan, 0);
    eachReportItem(read, (item) => visit("item", item, 0));
    process.stdout.write(JSON.stringify({ records: read.records.length, holey: [...holey] }));
  `;
  const r = spawnSync(
    process.execPath,
    ["--allow-natives-syntax", "-r", "ts-node/register/transpile-only", "-e", script],
    { cwd: root, encoding: "utf8", maxBuffer: 1 << 20 }
  );
  expect(r.stderr).toBe("");
  const out = JSON.parse(r.stdout);
  expect(out.records).toBe(3000);
  expect(out.holey).toEqual([]);
});
