/* global Buffer, TextDecoder, process */
import * as fs from "fs";
import * as path from "path";
import { unzipPart } from "../xlsx/xlsxPackage";
import { UsageError } from "./args";
import { isOurReport } from "./reportMark";
import { terminalText } from "./terminal";

/** What an output file holds, so we can tell whether an existing one is ours. */
export type OutputKind = "xlsx" | "json" | "eml" | "csv";

export interface OutputTarget {
  /** The option, for messages: "--out", "--json". */
  option: string;
  file: string;
  kind: OutputKind;
}

const WHAT_ZH: Record<string, string> = {
  workbook: "工作簿",
  report: "报告",
  incident: "事件文件",
};

function errnoCode(e: unknown): string {
  return (e as { code?: string }).code ?? (e as Error).message;
}

/** The file's real path (symlinks resolved), or, for a new file, its real folder + its name. */
function realTarget(option: string, file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    const dir = path.dirname(path.resolve(file));
    let realDir: string;
    try {
      realDir = fs.realpathSync(dir);
    } catch {
      throw new UsageError(
        `${option} ${file}: the folder ${dir} does not exist`,
        `${option} ${file}：文件夹${dir}不存在`
      );
    }
    if (!fs.statSync(realDir).isDirectory())
      throw new UsageError(
        `${option} ${file}: ${dir} is not a folder`,
        `${option} ${file}：${dir}不是文件夹`
      );
    return path.join(realDir, path.basename(file));
  }
}

function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino; // a hard link to the same file
  } catch {
    return false;
  }
}

/** A line for the user in both languages; the command prints the one its --lang asks for. */
export interface Note {
  en: string;
  zh: string;
}

/** A note as the line the command prints on stderr, in the language --lang asks for. */
export function noteLine(note: Note, lang: "en" | "zh-CN"): string {
  return lang === "zh-CN"
    ? `pab-watch：${terminalText(note.zh)}\n`
    : `pab-watch: ${terminalText(note.en)}\n`;
}

/** Why an existing file is one PAB Watch wrote, or null when nothing says so. */
export function ourMark(file: string, kind: OutputKind): Note | null {
  if (kind === "json") {
    try {
      return isOurReport(file)
        ? { en: "a PAB Watch report (schemaVersion 1)", zh: "PAB Watch写的报告（schemaVersion 1）" }
        : null;
    } catch {
      return null;
    }
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return null;
  }
  try {
    switch (kind) {
      case "xlsx": {
        const wb = unzipPart(bytes, "xl/workbook.xml");
        return wb && /<definedName\b[^>]*\sname="_PABWatch\./.test(new TextDecoder().decode(wb))
          ? {
              en: "an annotated copy PAB Watch wrote (it carries PAB Watch's _PABWatch names)",
              zh: "PAB Watch写的批注副本（带有PAB Watch的_PABWatch名称）",
            }
          : null;
      }
      case "eml": {
        const head = bytes.subarray(0, 4096).toString("utf8");
        return /\r\nX-Unsent: 1\r\n/.test(head) && /boundary="=_pabw_[0-9a-f]{8}"/.test(head)
          ? { en: "a draft PAB Watch wrote", zh: "PAB Watch写的草稿" }
          : null;
      }
      case "csv": {
        const first = bytes.subarray(0, 512).toString("utf8").split("\r\n")[0];
        return OUR_CSV_HEADERS.has(first)
          ? { en: "a CSV PAB Watch wrote", zh: "PAB Watch写的CSV文件" }
          : null;
      }
    }
  } catch {
    return null;
  }
}

/** The first lines of the CSV files we write (both languages, both audiences). */
const OUR_CSV_HEADERS = new Set([
  "\ufeffItem,Period,Date,Orders,Demand,MPS,PAB,Status",
  "\ufeff物料,期间,日期,订单,需求,MPS,PAB,状态",
  "\ufeffYour part number,PO,Line,Quantity,Original date,New date,New quantity",
  "\ufeff贵司料号,订单号,行号,数量,原交期,新交期,新数量",
]);

/**
 * Checks every output before anything is written: never onto a file being read (real paths,
 * symlinks and hard links resolved), never two outputs onto one file, a folder that exists, and an
 * existing file replaced only with --force or when PAB Watch wrote it. Returns what will be
 * replaced, one line each, for the user.
 */
export function checkOutputs(
  targets: OutputTarget[],
  inputs: { what: string; file: string }[],
  force: boolean
): Note[] {
  const realInputs = inputs.map((i) => ({ ...i, real: safeReal(i.file) }));
  const seen: { option: string; real: string }[] = [];
  const notes: Note[] = [];
  for (const t of targets) {
    if (t.file === "-") continue;
    const real = realTarget(t.option, t.file);
    for (const i of realInputs) {
      if (i.real && sameFile(real, i.real))
        throw new UsageError(
          `${t.option} ${t.file} is the ${i.what} being read: PAB Watch never writes over it; name a new file`,
          `${t.option} ${t.file}是正在读取的${WHAT_ZH[i.what] ?? i.what}：PAB Watch从不覆盖它，请指定新文件`
        );
    }
    const twin = seen.find((s) => sameFile(s.real, real));
    if (twin)
      throw new UsageError(
        `${t.option} and ${twin.option} name the same file ${t.file}`,
        `${t.option}和${twin.option}指向同一个文件${t.file}`
      );
    seen.push({ option: t.option, real });
    if (!fs.existsSync(real)) continue;
    if (fs.statSync(real).isDirectory())
      throw new UsageError(
        `${t.option} ${t.file} is a folder: name a file`,
        `${t.option} ${t.file}是文件夹，请指定文件`
      );
    if (force) {
      notes.push({ en: `replacing ${t.file} (--force)`, zh: `覆盖${t.file}（--force）` });
      continue;
    }
    const mark = ourMark(real, t.kind);
    if (!mark)
      throw new UsageError(
        `${t.option} ${t.file} exists and nothing in it says PAB Watch wrote it: name a new file, or add --force to replace it`,
        `${t.option} ${t.file}已存在，且看不出是PAB Watch写的：请指定新文件，或加--force覆盖`
      );
    notes.push({ en: `replacing ${t.file}: ${mark.en}`, zh: `覆盖${t.file}：它是${mark.zh}` });
  }
  return notes;
}

function safeReal(file: string): string | null {
  try {
    return fs.realpathSync(file);
  } catch {
    return null;
  }
}

/** Writes one output produced in pieces (the report JSON), never held whole; a failure is one line for the user. */
export function writeOutputStream(
  t: OutputTarget,
  produce: (write: (text: string) => void) => void
): void {
  writeReplacing(t, (fd) =>
    produce((text) => {
      try {
        fs.writeSync(fd, text);
      } catch (e) {
        throw cannotWrite(t, e);
      }
    })
  );
}

/** Writes one output; a failure is one line for the user. */
export function writeOutput(t: OutputTarget, data: string | Uint8Array): void {
  writeReplacing(t, (fd) => {
    try {
      fs.writeFileSync(fd, data);
    } catch (e) {
      throw cannotWrite(t, e);
    }
  });
}

const cannotWrite = (t: OutputTarget, e: unknown) =>
  new UsageError(
    `${t.option} ${t.file}: cannot write it (${errnoCode(e)})`,
    `${t.option} ${t.file}：无法写入（${errnoCode(e)}）`
  );

/**
 * Writes an output into a new file beside it, put in its place once complete: a failure part-way
 * (a full disk, an error while the report is still being made) leaves the file that was there as
 * it was, never half a report that the next run would refuse to replace. A symbolic link is
 * written through, and a file replaced keeps its permissions.
 */
function writeReplacing(t: OutputTarget, write: (fd: number) => void): void {
  let target = t.file;
  let mode: number | null = null;
  try {
    target = fs.realpathSync(t.file);
    mode = fs.statSync(target).mode & 0o7777;
  } catch {
    // a new file
  }
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.pab-watch-partial`
  );
  let fd: number;
  try {
    fd = fs.openSync(temp, "w", mode ?? 0o666);
  } catch (e) {
    throw cannotWrite(t, e);
  }
  let complete = false;
  try {
    try {
      if (mode !== null) fs.fchmodSync(fd, mode);
      write(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.renameSync(temp, target);
    } catch (e) {
      throw cannotWrite(t, e);
    }
    complete = true;
  } finally {
    if (!complete) fs.rmSync(temp, { force: true });
  }
}
