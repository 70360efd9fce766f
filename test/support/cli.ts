import { main } from "../../src/cli/main";

/** Runs the pab-watch command in-process, capturing what it prints; today is fixed. */
export function runCli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const code = main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    today: () => "2026-11-27",
  });
  return { code, stdout, stderr };
}
