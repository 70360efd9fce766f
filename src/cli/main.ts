/* global process, NodeJS */
import * as fs from "fs";
import * as path from "path";
import { STATUS_SEVERITY } from "../engine";
import { LayoutMapping } from "../layout";
import { MappingError, parseLayoutMapping } from "../layout/mappingInput";
import { Report } from "../report";
import { UnreadableWorkbookError } from "../xlsx";
import { HELP, ScanArgs, UsageError, parseCommandLine } from "./args";
import { draft } from "./draft";
import { UnreadableCsvError } from "../csv";
import { MissingSheetError, scanCsvFile, scanXlsxFile } from "./scanFile";
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

function readMapping(file: string): LayoutMapping {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(
      `--mapping: cannot open ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UsageError(`--mapping ${file} is not JSON (${(e as Error).message.split("\n")[0]})`);
  }
  try {
    return parseLayoutMapping(data);
  } catch (e) {
    if (e instanceof MappingError) throw new UsageError(`--mapping ${file}: ${e.message}`);
    throw e;
  }
}

/** Why a scan that found no item exits 2: the reader's explanation, on one line. */
function noItemReason(report: Report, input: string): string {
  const why = report.diagnostics
    .filter((d) => d.code === "no-plan-found")
    .map((d) => d.message.replace(/\s*[\r\n]+\s*/g, "; ").trim());
  return `no item found in ${path.basename(input)}, nothing was checked${why.length ? `: ${why.join("; ")}` : ""}`;
}

const isCsvName = (file: string) => /\.(csv|tsv|txt)$/i.test(file);
/** The compound-file signature of Excel 97–2003 workbooks. */
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

function scan(args: ScanArgs, io: Io): number {
  const csv = isCsvName(args.input);
  if (csv && args.out)
    throw new UsageError(
      `--out: ${path.basename(args.input)} is a CSV export, which cannot hold PAB formulas or colours; save it as .xlsx in Excel to get an annotated copy (the report works as it is: --json)`
    );
  const mapping = args.mapping ? readMapping(args.mapping) : undefined;
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
  if (args.out && path.resolve(args.out) === path.resolve(args.input)) {
    throw new UsageError(
      "--out must name a new file: PAB Watch never overwrites the workbook it reads"
    );
  }
  if (!csv && (isOle(bytes) || /\.xls$/i.test(args.input)))
    throw new UnreadableWorkbookError(
      `${path.basename(args.input)} is an Excel 97-2003 workbook (.xls): open it in Excel, save it as .xlsx (Excel Workbook) and scan that`
    );
  if (!csv && !(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw new UnreadableWorkbookError(
      "not an .xlsx workbook (it is not a zip package; a CSV export is read when its name ends in .csv)"
    );
  let result;
  try {
    const scanFile = csv ? scanCsvFile : scanXlsxFile;
    result = scanFile(bytes, path.basename(args.input), {
      startDate: args.start,
      today: io.today(),
      fence: args.fence,
      sheets: args.sheet ? [args.sheet] : undefined,
      annotate: args.out !== null,
      lang: args.lang,
      mapping,
      onSheet: large ? (name, i, n) => io.stderr(`  sheet ${i + 1}/${n}: ${name}\n`) : undefined,
    });
  } catch (e) {
    if (e instanceof MissingSheetError) throw new UsageError(e.message);
    if (e instanceof MappingError) throw new UsageError(`--mapping ${args.mapping}: ${e.message}`);
    throw e;
  }
  const { report, annotated } = result;
  if (large) io.stderr(`projected ${report.items.length} items\n`);
  const found = report.items.length > 0;
  if (args.out && annotated && found) {
    fs.writeFileSync(args.out, annotated);
    if (large) io.stderr(`wrote ${args.out}\n`);
  }

  const json = () => `${JSON.stringify(report, null, 2)}\n`;
  if (args.json === "-") io.stdout(json());
  else {
    if (args.json) fs.writeFileSync(args.json, json());
    io.stdout(summaryText(report, args.lang));
  }
  // A nightly check must not pass on a sheet that was not read.
  if (!found) throw new UsageError(noItemReason(report, args.input));
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
    if (args.command === "draft") return draft(args, io.stdout);
    return scan(args, io);
  } catch (e) {
    if (
      e instanceof UsageError ||
      e instanceof UnreadableWorkbookError ||
      e instanceof UnreadableCsvError
    ) {
      io.stderr(`pab-watch: ${e.message}\n`);
      return 2;
    }
    if (e instanceof Error && /xml|sax|char/i.test(e.name + e.message)) {
      io.stderr(`pab-watch: the workbook could not be read (${e.message.split("\n")[0]})\n`);
      return 2;
    }
    throw e;
  }
}
