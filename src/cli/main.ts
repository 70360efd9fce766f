/* global process, NodeJS, require */
import * as fs from "fs";
import * as path from "path";
import { STATUS_SEVERITY } from "../engine";
import { Diagnostic, LayoutMapping } from "../layout";
import { MappingError, parseLayoutMapping } from "../layout/mappingInput";
import { ReportItem, ReportSource, writeReportJsonAsMade } from "../report";
import { MalformedXmlError } from "../xlsx/xml";
import { UnreadableWorkbookError } from "../xlsx/xlsxPackage";
import { HELP, ScanArgs, UsageError, asksForChinese, parseCommandLine } from "./args";
import { workbookErrorZh } from "./diagnosticsZh";
import {
  Note,
  OutputTarget,
  checkOutputs,
  noteLine,
  writeOutput,
  writeOutputStream,
} from "./outputs";
import { terminalJson, terminalText } from "./terminal";
import { UnreadableCsvError } from "../csv";
import { nodeZipCodec } from "./nodeZip";
import { MissingSheetError, readFileForReport, scanXlsxSource } from "./scanFile";
import { SummaryItem, summaryItem, summaryText } from "./summary";

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

// `draft` and `log` bring the notices and the incidents: loaded when one is run, not by every scan.
const drafts = () => require("./draft") as typeof import("./draft");
const logs = () => require("./log") as typeof import("./log");

/** The files `scan` writes, checked before anything is read or written. */
function scanOutputs(args: ScanArgs): { targets: OutputTarget[]; replacing: Note[] } {
  const targets: OutputTarget[] = [];
  if (args.out) targets.push({ option: "--out", file: args.out, kind: "xlsx" });
  if (args.json && args.json !== "-")
    targets.push({ option: "--json", file: args.json, kind: "json" });
  const replacing = checkOutputs(targets, [{ what: "workbook", file: args.input }], args.force);
  return { targets, replacing };
}

const mappingUsage = (file: string, e: MappingError) =>
  new UsageError(`--mapping ${file}: ${e.message}`, `--mapping ${file}：${e.zh}`);

function readMapping(file: string): LayoutMapping {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError(
      `--mapping: cannot open ${file} (${why})`,
      `--mapping：无法打开 ${file}（${why}）`
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const why = (e as Error).message.split("\n")[0];
    throw new UsageError(
      `--mapping ${file} is not JSON (${why})`,
      `--mapping ${file} 不是 JSON 文件（${why}）`
    );
  }
  try {
    return parseLayoutMapping(data);
  } catch (e) {
    if (e instanceof MappingError) throw mappingUsage(file, e);
    throw e;
  }
}

/** Why a scan that found no item exits 2: the reader's explanation, on one line. */
function noItemReason(diagnostics: Diagnostic[], input: string): string {
  const why = diagnostics
    .filter((d) => d.code === "no-plan-found")
    .map((d) => d.message.replace(/\s*[\r\n]+\s*/g, "; ").trim());
  return `no item found in ${path.basename(input)}, nothing was checked${why.length ? `: ${why.join("; ")}` : ""}`;
}

const isCsvName = (file: string) => /\.(csv|tsv)$/i.test(file);

const projectedLine = (n: number, zh: boolean) =>
  zh ? `已推算 ${n} 个物料\n` : `projected ${n} items\n`;

/**
 * What a scan's outputs are made from. With --out every item is projected before the copy is
 * written, and the report's items are made from those projections as they are written; without,
 * each item is projected as `items` hands it over, and let go once written.
 */
interface ScanSource extends ReportSource {
  annotated: Uint8Array | null;
}

function scanSource(
  args: ScanArgs,
  bytes: Uint8Array,
  mapping: LayoutMapping | undefined,
  io: Io,
  large: boolean
): ScanSource {
  const zh = args.lang === "zh-CN";
  const options = {
    startDate: args.start,
    today: io.today(),
    fence: args.fence,
    sheets: args.sheet ? [args.sheet] : undefined,
    lang: args.lang,
    mapping,
    codec: nodeZipCodec,
    onSheet: large
      ? (name: string, i: number, n: number) =>
          io.stderr(zh ? `  工作表 ${i + 1}/${n}：${name}\n` : `  sheet ${i + 1}/${n}: ${name}\n`)
      : undefined,
  };
  const name = path.basename(args.input);
  try {
    if (args.out === null) {
      const source = readFileForReport(bytes, name, { ...options, csv: isCsvName(args.input) });
      return { ...source, annotated: null };
    }
    const { source, annotated } = scanXlsxSource(bytes, name, { ...options, annotate: true });
    return { ...source, annotated };
  } catch (e) {
    if (e instanceof MissingSheetError)
      throw new UsageError(
        e.message,
        `没有名为“${e.sheet}”的工作表（工作表：${e.sheets.join("、")}）`
      );
    if (e instanceof MappingError) throw mappingUsage(args.mapping as string, e);
    throw e;
  }
}

function scan(args: ScanArgs, io: Io): number {
  const csv = isCsvName(args.input);
  if (csv && args.out)
    throw new UsageError(
      `--out: ${path.basename(args.input)} is a CSV export, which cannot hold PAB formulas or colours; save it as .xlsx in Excel to get an annotated copy (the report works as it is: --json)`,
      `--out：${path.basename(args.input)} 是 CSV 导出文件，无法写入 PAB 公式和颜色；请在 Excel 中另存为 .xlsx 后再生成批注副本（报告可直接用 --json）`
    );
  const { targets, replacing } = scanOutputs(args);
  const target = (option: string) => targets.find((t) => t.option === option) as OutputTarget;
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
  const zh = args.lang === "zh-CN";
  const mb = (bytes.length / 1048576).toFixed(1);
  if (large)
    io.stderr(
      zh
        ? `正在读取 ${path.basename(args.input)}（${mb} MB）…\n`
        : `reading ${path.basename(args.input)} (${mb} MB)…\n`
    );
  const source = scanSource(args, bytes, mapping, io, large);
  if (large) io.stderr(projectedLine(source.count, zh));
  const found = source.count > 0;
  if (args.out && source.annotated && found) {
    writeOutput(target("--out"), source.annotated);
    if (large) io.stderr(zh ? `已写入 ${args.out}\n` : `wrote ${args.out}\n`);
  }
  // Written: let the copy (8 MB for 5,000 items) go while the report is written.
  source.annotated = null;

  // Every item once, as it is made: into the summary, and into the report file if there is one.
  const summary: SummaryItem[] = [];
  let diagnostics: Diagnostic[] = [];
  const items = (emit: (item: ReportItem) => void = () => undefined): Diagnostic[] =>
    (diagnostics = source.items((item) => {
      summary.push(summaryItem(item));
      emit(item);
    }));
  const { head } = source;
  if (args.json === "-")
    writeReportJsonAsMade(head, items, (text) => io.stdout(terminalJson(text)));
  else if (args.json)
    writeOutputStream(target("--json"), (write) => writeReportJsonAsMade(head, items, write));
  else items();
  if (args.json !== "-")
    io.stdout(summaryText({ workbook: head.workbook, items: summary, diagnostics }, args.lang));
  for (const note of replacing) io.stderr(noteLine(note, args.lang));
  // A nightly check must not pass on a sheet that was not read.
  if (!found)
    throw new UsageError(
      noItemReason(diagnostics, args.input),
      `${path.basename(args.input)} 中没有找到任何物料，未做任何检查（原因见上方摘要）`
    );
  if (args.failOn) {
    const threshold = STATUS_SEVERITY[args.failOn];
    if (summary.some((it) => STATUS_SEVERITY[it.worstStatus] >= threshold)) return 1;
  }
  return 0;
}

/** The pab-watch command; returns the exit code. */
export function main(argv: string[], io: Io = defaultIo): number {
  try {
    if (argv[0] === "log") {
      const { LOG_HELP, log, parseLog } = logs();
      const logArgs = parseLog(argv.slice(1));
      if (logArgs.command === "help") {
        io.stdout(LOG_HELP);
        return 0;
      }
      return log(logArgs, io.stdout, io.today());
    }
    const args = parseCommandLine(argv);
    if (args.command === "help") {
      io.stdout(HELP);
      return 0;
    }
    if (args.command === "draft") return drafts().draft(args, io);
    return scan(args, io);
  } catch (e) {
    return failure(e, io, asksForChinese(argv));
  }
}

/** Any failure is one line on stderr and exit 2; PAB_WATCH_DEBUG=1 adds the stack of a bug. */
function failure(e: unknown, io: Io, zh: boolean): number {
  const line = (s: string) => terminalText(s.replace(/\s*\n\s*/g, " "));
  const zhText =
    !zh || !(e instanceof Error)
      ? null
      : e instanceof UsageError
        ? (e.zh ?? null)
        : e instanceof UnreadableWorkbookError ||
            e instanceof MalformedXmlError ||
            e instanceof UnreadableCsvError
          ? workbookErrorZh(e.message)
          : null;
  if (zhText) {
    io.stderr(`pab-watch：${line(zhText)}\n`);
  } else if (
    e instanceof UsageError ||
    e instanceof UnreadableWorkbookError ||
    e instanceof UnreadableCsvError
  ) {
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
