import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { buildWritePlan } from "../../src/annotate";
import { scanSnapshot } from "../../src/report";
import { XlsxPackage, applyWritePlanToPackage, snapshotOfPackage } from "../../src/xlsx";
import { ZipCodec, readZip } from "../../src/xlsx/zip";
import { portableCodec } from "../../src/xlsx/zipCodec";
import { nodeZipCodec } from "../../src/cli/nodeZip";
import { gridWorkbook } from "../../bench/scan";
import { sharedDir } from "../support/shared";
import { XlsxPackage as LegacyPackage } from "./legacy/xlsxPackage";
import { snapshotOfPackage as legacySnapshot } from "./legacy/readSnapshot";
import { applyWritePlanToPackage as legacyApply } from "./legacy/write/applyWritePlan";

jest.setTimeout(600_000);

/** Every sample workbook, the real layouts, and the generated 5,000-item bench workbook. */
function inputs(): [string, string][] {
  const dirs = [path.join(sharedDir, "samples"), path.join(sharedDir, "samples", "real-layouts")];
  const files: [string, string][] = [];
  for (const dir of dirs)
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".xlsx")))
      files.push([f, path.join(dir, f)]);
  files.push(["bench 5000x52", gridWorkbook(5000, 52)]);
  return files;
}

/** The old path (saxes reader, fflate unzip and re-zip of every part) and the new one, on one input. */
function bothWriters(
  name: string,
  bytes: Uint8Array,
  lang: "en" | "zh-CN" = "en",
  codec: ZipCodec = portableCodec
) {
  const oldPkg = new LegacyPackage(bytes);
  const oldSnap = legacySnapshot(oldPkg, name);
  const pkg = new XlsxPackage(bytes, { codec });
  const snap = snapshotOfPackage(pkg, name);
  const { findings } = scanSnapshot(snap, { today: "2026-11-30" });
  const plan = buildWritePlan(snap, findings, { lang });
  return {
    oldSnap,
    snap,
    oldOut: legacyApply(oldPkg, plan),
    newOut: applyWritePlanToPackage(pkg, plan),
  };
}

function expectSameParts(oldOut: Uint8Array, newOut: Uint8Array): void {
  const a = unzipSync(oldOut);
  const b = unzipSync(newOut);
  expect(Object.keys(b)).toEqual(Object.keys(a));
  for (const part of Object.keys(a)) {
    const same = Buffer.from(a[part]).equals(Buffer.from(b[part]));
    if (!same)
      expect([part, Buffer.from(b[part]).toString()]).toEqual([
        part,
        Buffer.from(a[part]).toString(),
      ]);
  }
}

/** Parts whose content did not change keep their stored (compressed) bytes exactly. */
function expectCarriedRaw(input: Uint8Array, output: Uint8Array): void {
  const before = new Map(readZip(input).map((e) => [e.name, e]));
  const inflatedBefore = unzipSync(input);
  const inflatedAfter = unzipSync(output);
  for (const e of readZip(output)) {
    const was = before.get(e.name);
    if (!was || !Buffer.from(inflatedBefore[e.name]).equals(Buffer.from(inflatedAfter[e.name])))
      continue;
    expect([e.name, Buffer.from(e.raw).equals(Buffer.from(was.raw)), e.crc]).toEqual([
      e.name,
      true,
      was.crc,
    ]);
  }
}

const cases = inputs();
describe.each(cases)("%s: the new reader and writer give what the old ones gave", (name, file) => {
  const bytes = fs.readFileSync(file);
  const first = bothWriters(name, bytes);

  test("the same snapshot", () => {
    expect(first.snap).toEqual(first.oldSnap);
  });

  test("the same annotated copy, part by part, byte by byte", () => {
    expectSameParts(first.oldOut, first.newOut);
  });

  test("unchanged parts are copied with their compressed bytes", () => {
    expectCarriedRaw(bytes, first.newOut);
  });

  test("the same with Node's zlib (the command line's codec)", () => {
    const viaZlib = bothWriters(name, bytes, "en", nodeZipCodec);
    expectSameParts(first.oldOut, viaZlib.newOut);
    expectCarriedRaw(bytes, viaZlib.newOut);
  });

  test("scanning the annotated copy again: the same again", () => {
    const second = bothWriters(name, first.newOut, "en", nodeZipCodec);
    expect(second.snap).toEqual(second.oldSnap);
    expectSameParts(second.oldOut, second.newOut);
    expectCarriedRaw(first.newOut, second.newOut);
  });

  test("scanning the annotated copy again gives the same file, byte for byte", () => {
    const again = applyWritePlanToPackage(
      new XlsxPackage(first.newOut),
      buildWritePlan(
        snapshotOfPackage(new XlsxPackage(first.newOut), name),
        scanSnapshot(snapshotOfPackage(new XlsxPackage(first.newOut), name), {
          today: "2026-11-30",
        }).findings
      )
    );
    expect(Buffer.from(again).equals(Buffer.from(first.newOut))).toBe(true);
  });
});

test("Chinese labels: the same annotated copy", () => {
  const bytes = fs.readFileSync(path.join(sharedDir, "samples", "chinese-grid.xlsx"));
  const r = bothWriters("chinese-grid.xlsx", bytes, "zh-CN");
  expectSameParts(r.oldOut, r.newOut);
});
