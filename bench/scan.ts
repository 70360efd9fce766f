import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { TestCell, buildXlsx } from "../test/support/xlsxBuilder";
import { SOFFICE, libreOfficeConvert, recalculatingProfile } from "../test/support/libreoffice";
import { workload } from "./workload";

const root = path.resolve(__dirname, "..");

/** An MPS grid workbook of `items` items and `periods` weeks, stacked as planners stack them. */
export function gridWorkbook(items: number, periods: number): string {
  const file = path.join(os.tmpdir(), `pab-bench-${items}x${periods}.xlsx`);
  if (fs.existsSync(file)) return file;
  const rows: TestCell[][] = [];
  const weeks = Array.from({ length: periods }, (_, t) => `W${t + 1}`);
  workload(items, periods).forEach((p, i) => {
    rows.push(
      ["Item", `FG-${i + 1}`],
      ["On hand", p.onHand],
      ["Safety stock", p.safetyStock ?? 0],
      [null, ...weeks],
      ["Customer orders", ...p.orders],
      ["MPS", ...p.mps],
      []
    );
  });
  fs.writeFileSync(file, buildXlsx([{ name: "MPS", rows }]));
  return file;
}

/** The newest modification time of the files under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** lib/ as the sources are now: a stale build would measure yesterday's code. */
function ensureCliBuilt(): void {
  const main = path.join(root, "lib", "cli", "main.js");
  if (fs.existsSync(main) && fs.statSync(main).mtimeMs >= newest(path.join(root, "src"))) return;
  const r = spawnSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.cli.json")],
    {
      stdio: "inherit",
    }
  );
  if (r.status !== 0)
    throw new Error("could not build the command line (tsc -p tsconfig.cli.json)");
}

/**
 * `pab-watch scan` in a fresh process: wall time (startup included) and peak resident memory;
 * `out` writes the annotated copy (`--out`), `json` the full report (`--json`).
 */
export function timeScan(
  input: string,
  options: { out: boolean; json: boolean }
): { ms: number; peakMb: number } {
  ensureCliBuilt();
  const out = path.join(os.tmpdir(), `pab-bench-annotated-${process.pid}.xlsx`);
  const json = path.join(os.tmpdir(), `pab-bench-report-${process.pid}.json`);
  const argv = [
    "scan",
    input,
    ...(options.json ? ["--json", json] : []),
    ...(options.out ? ["--out", out] : []),
  ];
  const script = `const code = require(${JSON.stringify(path.join(root, "lib", "cli", "main.js"))}).main(${JSON.stringify(
    argv
  )}, { stdout() {}, stderr(t) { process.stderr.write(t); }, today: () => "2026-11-30" });
process.stdout.write(JSON.stringify({ code, rssKb: process.resourceUsage().maxRSS }));`;
  try {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", maxBuffer: 1 << 20 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`scan failed: ${r.stderr}`);
    const { code, rssKb } = JSON.parse(r.stdout);
    if (code !== 0) throw new Error(`scan exited ${code}`);
    return { ms, peakMb: rssKb / 1024 };
  } finally {
    fs.rmSync(out, { force: true });
    fs.rmSync(json, { force: true });
  }
}

/**
 * LibreOffice headless loading, recalculating and saving the same workbook (a warm profile), one
 * run at a time, so its runs can alternate with ours on a machine whose load varies.
 */
export function libreOfficeRunner(input: string): { run: () => number; close: () => void } | null {
  if (!fs.existsSync(SOFFICE)) return null;
  const profile = recalculatingProfile();
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "pab-bench-lo-"));
  libreOfficeConvert([input], "xlsx", outDir, profile); // warm-up: the profile's first start
  return {
    run: () => {
      const t0 = process.hrtime.bigint();
      libreOfficeConvert([input], "xlsx", outDir, profile);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    },
    close: () => {
      fs.rmSync(profile, { recursive: true, force: true });
      fs.rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export interface OfficeJsFigures {
  syncs: number;
  maxRequestBytes: number;
  /** PAB Watch's conditional-format rules in the workbook afterwards (0 after Remove). */
  cfRules: number;
  /** Every request of the run in real bytes, read first. */
  requests: number[];
  /** The write's requests (after the read), real bytes and as the adapter estimated them. */
  writeRequests: number[];
  writeEstimates: number[];
  /** Every response of the run, as the fake measures it (the JSON of what was loaded), read first. */
  responses: number[];
  /** Rescan only: the workbook after the second scan is the workbook after the first (cells, names, rules). */
  sheetUnchanged?: boolean;
}

/**
 * The modes measured: the four write modes, Remove after a portable scan, a sheet with a hidden row
 * per item, and the second portable scan of the workbook a first one annotated (the pane's Scan
 * sheet, twice: a planner scans every morning).
 */
export const OFFICEJS_MODES = [
  "portable",
  "live",
  "values",
  "side_sheet",
  "remove",
  "hidden_rows",
  "rescan",
] as const;
export type OfficeJsMode = (typeof OFFICEJS_MODES)[number];

/**
 * Scan + annotate through the Office.js adapter against the strict fake, the read included, per
 * mode: round trips, PAB Watch's conditional-format rules, and every request in real bytes, as
 * Office.js's own request builder serializes it (`@microsoft/office-js`, nothing sent). Remove's
 * figures are Remove's own round trips after a portable scan. The read of a workbook does not
 * depend on the mode, so each workbook (as saved, and with a hidden row per item) is read once and
 * its round trips and requests count in each of its modes; every mode writes into a workbook of its
 * own.
 */
export async function officeJsFigures(
  input: string
): Promise<Record<OfficeJsMode, OfficeJsFigures>> {
  const { readXlsxSnapshot } = await import("../src/xlsx");
  const { modelFromSnapshot } = await import("../src/excel/fake/model");
  const { measuredExcelRun, newRequestLog } = await import("../src/excel/fake/officeJsRequests");
  const { readWorkbookSnapshot, applyWritePlan, removeAnnotations } = await import("../src/excel");
  const { scanSnapshot } = await import("../src/report");
  const { buildWritePlan, RULE_MARKER } = await import("../src/annotate");
  type Run = import("../src/excel").ExcelRun;
  type Ctx = import("../src/excel/fake/context").FakeRequestContext;
  type Model = import("../src/excel/fake/model").FakeWorkbookModel;
  const file = readXlsxSnapshot(fs.readFileSync(input), path.basename(input));
  const workbook = (hidden: boolean): Model => {
    const model = modelFromSnapshot(file);
    // A planner's hidden rows: every item's safety-stock row (the third of its block).
    if (hidden)
      for (const sheet of model.sheets)
        for (const [row, , cell] of sheet.cells.cells())
          if (cell.value === "Safety stock") sheet.hiddenRows.add(row);
    return model;
  };
  const measure = (model: Model) => {
    const log = newRequestLog();
    const contexts: Ctx[] = [];
    const run = measuredExcelRun(model, log, contexts) as unknown as Run;
    return {
      log,
      run,
      syncs: () => contexts.reduce((n, c) => n + c.syncCount, 0),
      responses: () => contexts.flatMap((c) => c.responseBytes),
    };
  };
  const reads = new Map<
    boolean,
    Promise<{
      snapshot: import("../src/layout").WorkbookSnapshot;
      syncs: number;
      requests: number[];
      responses: number[];
    }>
  >();
  const readOf = (hidden: boolean) => {
    let r = reads.get(hidden);
    if (!r) {
      r = (async () => {
        const m = measure(workbook(hidden));
        const snapshot = await readWorkbookSnapshot(m.run, path.basename(input));
        return {
          snapshot,
          syncs: m.syncs(),
          requests: m.log.requests.slice(),
          responses: m.responses(),
        };
      })();
      reads.set(hidden, r);
    }
    return r;
  };
  const plans = new Map<string, import("../src/annotate").WritePlan>();
  const ours = (model: Model) =>
    model.sheets.reduce(
      (n, s) => n + s.conditionalFormats.filter((cf) => cf.formula.includes(RULE_MARKER)).length,
      0
    );
  const out = {} as Record<OfficeJsMode, OfficeJsFigures>;
  for (const mode of OFFICEJS_MODES) {
    if (mode === "rescan") {
      out[mode] = await rescanFigures(input, workbook(false), measure, ours);
      continue;
    }
    const hidden = mode === "hidden_rows";
    const read = await readOf(hidden);
    const options = { live: mode === "live", sideSheet: mode === "side_sheet" };
    const key = `${hidden}:${options.live}:${options.sideSheet}`;
    let plan = plans.get(key);
    if (!plan)
      plans.set(
        key,
        (plan = buildWritePlan(read.snapshot, scanSnapshot(read.snapshot).findings, options))
      );
    const model = workbook(hidden);
    let m = measure(model);
    const applied = await applyWritePlan(m.run, plan, {
      mode: mode === "values" ? "values" : "portable",
      snapshot: read.snapshot,
    });
    let requests = [...read.requests, ...m.log.requests];
    let syncs = read.syncs + m.syncs();
    let writeRequests = m.log.requests.slice();
    let writeEstimates = applied.estimates;
    let responses = [...read.responses, ...m.responses()];
    if (mode === "remove") {
      m = measure(model);
      await removeAnnotations(m.run);
      requests = m.log.requests.slice();
      syncs = m.syncs();
      writeRequests = requests;
      writeEstimates = [];
      responses = m.responses();
    }
    out[mode] = {
      syncs,
      maxRequestBytes: requests.reduce((a, b) => Math.max(a, b), 0),
      cfRules: ours(model),
      requests,
      writeRequests,
      writeEstimates,
      responses,
    };
  }
  return out;
}

/**
 * The pane's Scan sheet in portable mode, then the second scan measured: a planner scans every
 * morning, so the second scan of an annotated workbook is the usual one. Excel calculates the
 * formulas we write, so the second read brings their numbers back: the fake calculates our PAB
 * formulas (references added and subtracted) as they are written.
 */
async function rescanFigures(
  input: string,
  model: import("../src/excel/fake/model").FakeWorkbookModel,
  measure: (model: import("../src/excel/fake/model").FakeWorkbookModel) => {
    log: { requests: number[] };
    run: import("../src/excel").ExcelRun;
    syncs: () => number;
    responses: () => number[];
  },
  ours: (model: import("../src/excel/fake/model").FakeWorkbookModel) => number
): Promise<OfficeJsFigures> {
  const { scanOpenWorkbook, DEFAULT_STATE } = await import("../src/excel");
  const { sumOfReferences } = await import("../src/excel/fake/model");
  model.evaluate = sumOfReferences(model);
  const state = { ...DEFAULT_STATE, writeMode: "portable" as const };
  const options = {
    customFunctions: false,
    lang: "en" as const,
    today: "2026-11-30",
    name: path.basename(input),
  };
  await scanOpenWorkbook(measure(model).run, state, options);
  // The rules are deleted and added again each scan: the fake's id of a rule is not the workbook's.
  const workbookState = () =>
    JSON.stringify([
      model.sheets.map((s) => [
        s.name,
        [...s.cells.cells()],
        s.conditionalFormats.map((rule) => ({ ...rule, id: 0 })),
      ]),
      model.names,
    ]);
  const first = workbookState();
  const m = measure(model);
  const second = await scanOpenWorkbook(m.run, state, options);
  const requests = m.log.requests.slice();
  const estimates = second.estimates ?? [];
  return {
    syncs: m.syncs(),
    maxRequestBytes: requests.reduce((a, b) => Math.max(a, b), 0),
    cfRules: ours(model),
    requests,
    writeRequests: requests.slice(requests.length - estimates.length),
    writeEstimates: estimates,
    responses: m.responses(),
    sheetUnchanged: workbookState() === first,
  };
}

/**
 * The bench's figures for `officeJsFigures` at a size ("5000x52"): syncs, largest request, rules and
 * largest response (as the fake measures it: the JSON of what was loaded) per mode.
 */
export function officeJsFigureKeys(
  office: Record<OfficeJsMode, OfficeJsFigures>,
  size: string
): Record<string, number> {
  const figures: Record<string, number> = {
    [`officejs_${size}_syncs`]: office.portable.syncs,
    [`officejs_${size}_max_request_bytes`]: office.portable.maxRequestBytes,
    [`officejs_${size}_cf_rules`]: office.portable.cfRules,
  };
  for (const mode of OFFICEJS_MODES) {
    figures[`officejs_${mode}_${size}_syncs`] = office[mode].syncs;
    figures[`officejs_${mode}_${size}_max_request_bytes`] = office[mode].maxRequestBytes;
    figures[`officejs_${mode}_${size}_cf_rules`] = office[mode].cfRules;
    figures[`officejs_${mode}_${size}_max_response_bytes`] = office[mode].responses.reduce(
      (a, b) => Math.max(a, b),
      0
    );
  }
  return figures;
}

/** JavaScript the task pane page loads before its first screen (every script taskpane.html names), gzipped. */
export function taskpaneGzipBytes(): number | null {
  const dist = path.join(root, "dist");
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) return null;
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^" >]+)"?/g)]
    .map((m) => m[1])
    .filter((s) => !/^https?:/.test(s));
  return scripts.reduce(
    (n, s) => n + zlib.gzipSync(fs.readFileSync(path.join(dist, s)), { level: 9 }).length,
    0
  );
}
