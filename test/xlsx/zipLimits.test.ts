import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { zipSync } from "fflate";
import {
  UnreadableWorkbookError,
  XlsxPackage,
  checkDeclaredSizes,
  inflateWithinSize,
  unzipWithinLimits,
  zipEntries,
} from "../../src/xlsx/xlsxPackage";
import { zeroDeflate, zipBomb } from "../support/zipBomb";

const MB = 1024 * 1024;

describe("the decompression cap", () => {
  test("a package declaring more than 500 MB is refused from its central directory, before anything unpacks", () => {
    const bomb = zipBomb(600);
    expect(bomb.length).toBeLessThan(1 * MB);
    const started = Date.now();
    expect(() => new XlsxPackage(bomb)).toThrow(
      new UnreadableWorkbookError(
        "the workbook unpacks to 600 MB, over the 500 MB PAB Watch reads (a damaged file or a zip bomb)"
      )
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test("a part that lies about its size is stopped at the size it declares", () => {
    const liar = zipBomb(600, 1000);
    const started = Date.now();
    expect(() => new XlsxPackage(liar)).toThrow(
      "the workbook package is damaged or a zip bomb (xl/worksheets/sheet1.xml unpacks past the 1000 bytes it declares)"
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test("the ratio: 100 MB from 100 KB is refused, though under the absolute cap", () => {
    expect(() => unzipWithinLimits(zipBomb(100))).toThrow(
      /unpacks to 100 MB from 0 MB, more than 200 times its size/
    );
  });

  test("the limits apply to the sum of the parts", () => {
    const entries = [300, 300].map((mb, i) => ({
      name: `p${i}`,
      method: 8,
      encrypted: false,
      compressedSize: 10 * MB,
      declaredSize: mb * MB,
      localHeader: 0,
    }));
    expect(() => checkDeclaredSizes(entries, 20 * MB)).toThrow(/unpacks to 600 MB/);
    expect(() => checkDeclaredSizes(entries.slice(0, 1), 20 * MB)).not.toThrow();
  });

  test("an honest package unpacks exactly as fflate's own unzip does", () => {
    const parts = {
      "[Content_Types].xml": new Uint8Array(Buffer.from("<Types/>")),
      "xl/workbook.xml": new Uint8Array(Buffer.from("<workbook>".padEnd(70_000, "x"))),
      "xl/media/image1.png": new Uint8Array(300_000).map((_v, i) => (i * 7919) % 251),
    };
    const zip = zipSync(parts, { level: 6 });
    expect(unzipWithinLimits(zip)).toEqual(parts);
    expect(zipEntries(zip).map((e) => [e.name, e.declaredSize])).toEqual(
      Object.entries(parts).map(([k, v]) => [k, v.length])
    );
  });

  test("inflating counts the bytes as they come and stops at one byte over the declared size", () => {
    const data = zeroDeflate(2);
    expect(inflateWithinSize(data, 2 * MB, "p").length).toBe(2 * MB);
    expect(() => inflateWithinSize(data, 2 * MB - 1, "p")).toThrow(
      /unpacks past the 2097151 bytes/
    );
  });

  test("pab-watch scan of the zip bomb: exit 2, one line, in seconds and under 300 MB", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pab-bomb-"));
    const script = `
      const { main } = require(${JSON.stringify(path.resolve(__dirname, "../../src/cli/main"))});
      const fs = require("fs");
      const err = [];
      const started = Date.now();
      const codes = ["honest.xlsx", "liar.xlsx"].map((f) =>
        main(["scan", ${JSON.stringify(dir)} + "/" + f], { stdout: () => {}, stderr: (t) => err.push(t), today: () => "2026-11-27" })
      );
      process.stdout.write(JSON.stringify({ codes, err, ms: Date.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
    `;
    fs.writeFileSync(path.join(dir, "honest.xlsx"), zipBomb(600));
    fs.writeFileSync(path.join(dir, "liar.xlsx"), zipBomb(600, 4096));
    const r = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
      encoding: "utf8",
      cwd: path.resolve(__dirname, "../.."),
    });
    expect(r.stderr).toBe("");
    const result = JSON.parse(r.stdout);
    expect(result.codes).toEqual([2, 2]);
    expect(result.err).toEqual([
      "pab-watch: the workbook unpacks to 600 MB, over the 500 MB PAB Watch reads (a damaged file or a zip bomb)\n",
      "pab-watch: the workbook package is damaged or a zip bomb (xl/worksheets/sheet1.xml unpacks past the 4096 bytes it declares)\n",
    ]);
    expect(result.ms).toBeLessThan(3000);
    expect(result.maxRssMb).toBeLessThan(300);
  }, 30_000);
});
