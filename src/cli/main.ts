/* global process, NodeJS */
import * as fs from "fs";
import * as path from "path";
import { STATUS_SEVERITY } from "../engine";
import { MalformedXmlError, UnreadableWorkbookError } from "../xlsx";
import { HELP, ScanArgs, UsageError, parseCommandLine } from "./args";
import { draft } from "./draft";
import { OutputTarget, checkOutputs, writeOutput } from "./outputs";
import { terminalJson, terminalText } from "./terminal";
import { MissingSheetError, scanXlsxFile } from "./scanFile";
import { summaryText } from "./summary";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  today: () => string;
}

const defaultIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  today: () => new Date().toISOString().slice(0, 10),
};

const LARGE_FILE = 5 * 1024 * 1024;

/** The files `scan` writes, checked before anything is read or written. */
function scanOutputs(args: ScanArgs, io: Io): OutputTarget[] {
  const targets: OutputTarget[] = [];
  if (args.out) targets.push({ option: "--out", file: args.out, kind: "xlsx" });
  if (args.json && args.json !== "-")
    targets.push({ option: "--json", file: args.json, kind: "json" });
  const notes = checkOutputs(targets, [{ what: "workbook", file: args.input }], args.force);
  for (const note of notes) io.stderr(`pab-watch: ${terminalText(note)}\n`);
  return targets;
}

function scan(args: ScanArgs, io: Io): number {
  const targets = scanOutputs(args, io);
  const target = (option: string) => targets.find((t) => t.option === option) as OutputTarget;
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(args.input);
  } catch (e) {
    throw new UnreadableWorkbookError(
      `cannot open ${args.input} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`
    );
  }
  const large = bytes.length > LARGE_FILE;
  if (large)
    io.stderr(
      `reading ${path.basename(args.input)} (${(bytes.length / 1048576).toFixed(1)} MB)…\n`
    );
  let result;
  try {
    result = scanXlsxFile(bytes, path.basename(args.input), {
      startDate: args.start,
      today: io.today(),
      fence: args.fence,
      sheets: args.sheet ? [args.sheet] : undefined,
      annotate: args.out !== null,
      lang: args.lang,
      onSheet: large ? (name, i, n) => io.stderr(`  sheet ${i + 1}/${n}: ${name}\n`) : undefined,
    });
  } catch (e) {
    if (e instanceof MissingSheetError) throw new UsageError(e.message);
    throw e;
  }
  const { report, annotated } = result;
  if (large) io.stderr(`projected ${report.items.length} items\n`);
  if (args.out && annotated) {
    writeOutput(target("--out"), annotated);
    if (large) io.stderr(`wrote ${args.out}\n`);
  }

  const json = () => `${JSON.stringify(report, null, 2)}\n`;
  if (args.json === "-") io.stdout(terminalJson(json()));
  else {
    if (args.json) writeOutput(target("--json"), json());
    io.stdout(summaryText(report, args.lang));
  }
  if (args.failOn) {
    const threshold = STATUS_SEVERITY[args.failOn];
    if (report.items.some((it) => STATUS_SEVERITY[it.worstStatus] >= threshold)) return 1;
  }
  return 0;
}

/** The pab-watch command; returns the exit code. */
export function main(argv: string[], io: Io = defaultIo): number {
  try {
    const args = parseCommandLine(argv);
    if (args.command === "help") {
      io.stdout(HELP);
      return 0;
    }
    if (args.command === "draft") return draft(args, io);
    return scan(args, io);
  } catch (e) {
    return failure(e, io);
  }
}

/** Any failure is one line on stderr and exit 2; PAB_WATCH_DEBUG=1 adds the stack of a bug. */
function failure(e: unknown, io: Io): number {
  const line = (s: string) => terminalText(s.replace(/\s*\n\s*/g, " "));
  if (e instanceof UsageError || e instanceof UnreadableWorkbookError) {
    io.stderr(`pab-watch: ${line(e.message)}\n`);
  } else if (e instanceof MalformedXmlError) {
    io.stderr(`pab-watch: the workbook could not be read: ${line(e.message)}\n`);
  } else {
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(
      `pab-watch: unexpected error: ${line(message)} (please report it; PAB_WATCH_DEBUG=1 shows the details)\n`
    );
    if (process.env.PAB_WATCH_DEBUG === "1" && e instanceof Error && e.stack)
      io.stderr(`${e.stack}\n`);
  }
  return 2;
}
