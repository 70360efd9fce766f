import * as fs from "fs";
import * as path from "path";

/** The shared folder beside the repository (samples, oracles, report schema). */
export const sharedDir = process.env.PAB_SHARED_DIR ?? path.resolve(__dirname, "../../../shared");

export function readShared<T>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(sharedDir, relative), "utf8")) as T;
}
