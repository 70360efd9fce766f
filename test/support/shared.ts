import * as fs from "fs";
import * as path from "path";

/** The shared folder beside the repository (samples, oracles, report schema). */
export const sharedDir = process.env.PAB_SHARED_DIR ?? path.resolve(__dirname, "../../../shared");

export function readShared<T>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(sharedDir, relative), "utf8")) as T;
}

/**
 * Samples whose reader another branch is still building: skipped by name (jest lists them as
 * skipped), never silently. The owner removes the entry when the sample reads.
 */
export const PENDING_SAMPLES: Readonly<Record<string, string>> = {};

export interface SampleFile {
  /** The expected file, relative to samples/: "classic-example.expected.json", "real-layouts/mrp-records.expected.json". */
  name: string;
  /** The workbook beside it, relative to samples/. */
  workbook: string;
  /** Absolute paths. */
  expectedPath: string;
  workbookPath: string;
}

/** Every shared sample, samples/ and samples/real-layouts/, split into those to test and those pending. */
export function sharedSamples(): { ready: SampleFile[]; pending: [string, string][] } {
  const root = path.join(sharedDir, "samples");
  const all: SampleFile[] = [];
  for (const folder of ["", "real-layouts"]) {
    const dir = path.join(root, folder);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs
      .readdirSync(dir)
      .filter((x) => x.endsWith(".expected.json"))
      .sort()) {
      const expectedPath = path.join(dir, f);
      const workbook = (JSON.parse(fs.readFileSync(expectedPath, "utf8")) as { workbook: string })
        .workbook;
      all.push({
        name: path.posix.join(folder, f),
        workbook: path.posix.join(folder, workbook),
        expectedPath,
        workbookPath: path.join(dir, workbook),
      });
    }
  }
  return {
    ready: all.filter((s) => !PENDING_SAMPLES[s.name]),
    pending: all
      .filter((s) => PENDING_SAMPLES[s.name])
      .map((s) => [s.name, PENDING_SAMPLES[s.name]]),
  };
}
