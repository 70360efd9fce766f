import * as fs from "fs";
import * as path from "path";

export const goldenDir = path.resolve(__dirname, "../golden");

/** Compares text with a golden file; UPDATE_GOLDEN=1 rewrites it (review the diff before committing). */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(goldenDir, name);
  if (process.env.UPDATE_GOLDEN === "1" || !fs.existsSync(file)) {
    if (process.env.CI === "true" && !fs.existsSync(file))
      throw new Error(`golden file ${name} is missing`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
  }
  expect(actual).toBe(fs.readFileSync(file, "utf8"));
}
