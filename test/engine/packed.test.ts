import { spawnSync } from "child_process";
import * as path from "path";

const root = path.resolve(__dirname, "../..");

/**
 * The arrays of a scan stay packed once V8 has optimised the code that makes them (map in
 * optimised code makes holey arrays; see src/engine/arrays.ts): a grid, a row-per-part table and
 * a long table of thousands of items each, read and projected in a process that can ask V8, every
 * array of every record, plan and report item.
 */
test("the reader's, the engine's and the report's arrays are packed after optimisation", () => {
  const script = `
    const fs = require("fs");
    const os = require("os");
    const path = require("path");
    const { gridWorkbook } = require("./bench/scan");
    const { rowPartWorkbook } = require("./bench/rowPart");
    const { buildXlsx } = require("./test/support/xlsxBuilder");
    const { readXlsxSnapshot } = require("./src/xlsx");
    const { readForReport, eachReportItem, computeFindings } = require("./src/report");
    // A long table: one row per item and week.
    const rows = [["Item", "Week", "Customer orders", "MPS"]];
    for (let i = 0; i < 1500; i++)
      for (let w = 1; w <= 8; w++) rows.push(["P-" + i, "W" + w, (i * w) % 17, w % 3 ? 0 : 40]);
    const longFile = path.join(os.tmpdir(), "pab-packed-long.xlsx");
    fs.writeFileSync(longFile, buildXlsx([{ name: "Long", rows }]));
    const out = {};
    for (const [layout, file] of [
      ["grid", gridWorkbook(3000, 52)],
      ["row-per-part", rowPartWorkbook(2000, 12)],
      ["long", longFile],
    ]) {
      const read = readForReport(readXlsxSnapshot(fs.readFileSync(file), path.basename(file)));
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
      out[layout] = {
        records: read.records.length,
        arrangements: [...new Set(read.records.map((r) => r.layout))],
        holey: [...holey],
      };
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const r = spawnSync(
    process.execPath,
    ["--allow-natives-syntax", "-r", "ts-node/register/transpile-only", "-e", script],
    { cwd: root, encoding: "utf8", maxBuffer: 1 << 20 }
  );
  expect(r.stderr).toBe("");
  expect(JSON.parse(r.stdout)).toEqual({
    grid: { records: 3000, arrangements: ["grid"], holey: [] },
    "row-per-part": { records: 2000, arrangements: ["row-per-part"], holey: [] },
    long: { records: 1500, arrangements: ["long"], holey: [] },
  });
});
