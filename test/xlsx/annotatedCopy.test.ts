import * as crypto from "crypto";
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
import { goldenDir } from "../support/golden";
import { sharedDir } from "../support/shared";

jest.setTimeout(600_000);

/**
 * test/golden/annotated-copies.json was written by the reader and writer this one replaced (saxes,
 * fflate unzip and re-zip of every part): per input, a fingerprint of the snapshot and of every
 * part of the annotated copy, first run and second run over the copy. The one-pass reader and the
 * in-place writer must give exactly the same. UPDATE_GOLDEN=1 rewrites the file when the annotation
 * itself is meant to change (review the diff).
 */
const goldenFile = path.join(goldenDir, "annotated-copies.json");
const golden: Record<string, Record<string, Fingerprint>> = JSON.parse(
  fs.readFileSync(goldenFile, "utf8")
);
const update = process.env.UPDATE_GOLDEN === "1";
afterAll(() => {
  if (update) fs.writeFileSync(goldenFile, `${JSON.stringify(golden, null, 2)}\n`);
});

interface Fingerprint {
  snapshot: string;
  parts: Record<string, string>;
}

const sha = (b: Uint8Array | string) =>
  crypto.createHash("sha256").update(b).digest("hex").slice(0, 16);

function inputs(): [string, string][] {
  const files: [string, string][] = [];
  for (const dir of ["samples", "samples/real-layouts"])
    for (const f of fs.readdirSync(path.join(sharedDir, dir)).filter((x) => x.endsWith(".xlsx")))
      files.push([f, path.join(sharedDir, dir, f)]);
  files.push(["bench 5000x52", gridWorkbook(5000, 52)]);
  return files;
}

function annotate(
  name: string,
  bytes: Uint8Array,
  lang: "en" | "zh-CN" = "en",
  codec: ZipCodec = portableCodec
): { out: Uint8Array; fingerprint: Fingerprint } {
  const pkg = new XlsxPackage(bytes, { codec });
  const snap = snapshotOfPackage(pkg, name);
  const { findings } = scanSnapshot(snap, { today: "2026-11-30" });
  const out = applyWritePlanToPackage(pkg, buildWritePlan(snap, findings, { lang }));
  const parts = unzipSync(out);
  return {
    out,
    fingerprint: {
      snapshot: sha(JSON.stringify(snap)),
      parts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, sha(v)])),
    },
  };
}

function expectGoldenFingerprint(key: string, run: string, actual: Fingerprint): void {
  if (update) {
    golden[key] = { ...golden[key], [run]: actual };
    return;
  }
  const expected = golden[key]?.[run];
  expect(expected).toBeDefined();
  expect(actual.snapshot).toBe(expected.snapshot);
  expect(Object.keys(actual.parts)).toEqual(Object.keys(expected.parts));
  expect(actual.parts).toEqual(expected.parts);
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

describe.each(inputs())("%s: the annotated copy is today's, part by part", (name, file) => {
  const bytes = fs.readFileSync(file);
  const first = annotate(name, bytes);

  test("snapshot and every part as the old reader and writer gave them", () => {
    expectGoldenFingerprint(name, "first", first.fingerprint);
  });

  test("unchanged parts are copied with their compressed bytes", () => {
    expectCarriedRaw(bytes, first.out);
  });

  test("the same with Node's zlib (the command line's codec)", () => {
    const viaZlib = annotate(name, bytes, "en", nodeZipCodec);
    expect(viaZlib.fingerprint).toEqual(first.fingerprint);
    expectCarriedRaw(bytes, viaZlib.out);
  });

  test("scanning the annotated copy again: as before, and the same file byte for byte", () => {
    const second = annotate(name, first.out, "en", nodeZipCodec);
    expectGoldenFingerprint(name, "second", second.fingerprint);
    expect(Buffer.from(second.out).equals(Buffer.from(first.out))).toBe(true);
  });
});

test("Chinese labels: the same annotated copy", () => {
  const bytes = fs.readFileSync(path.join(sharedDir, "samples", "chinese-grid.xlsx"));
  expectGoldenFingerprint(
    "chinese-grid.xlsx zh-CN",
    "first",
    annotate("chinese-grid.xlsx", bytes, "zh-CN").fingerprint
  );
});
