import { HyperFormula } from "hyperformula";
import { computePlan, PlanInput } from "../src/engine";
import {
  gridWorkbook,
  officeJsFigureKeys,
  officeJsFigures,
  taskpaneGzipBytes,
  libreOfficeRunner,
  timeScan,
} from "./scan";
import { rowPartWorkbook } from "./rowPart";
import { taskpaneScanFigures } from "./taskpane";
import { workload } from "./workload";

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeRuns(runs: number, warmup: number, body: () => void): number {
  for (let i = 0; i < warmup; i++) body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    body();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

let sink = 0;

/** The engine's whole job per item: PAB, statuses, shortage figures, receipt slack. */
function engine(plans: PlanInput[]): void {
  for (const p of plans) {
    const plan = computePlan(p);
    sink += plan.pab[plan.periods - 1] + plan.receipts.length + plan.shortage.cover;
  }
}

function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The same PAB as plain cell formulas: per item an orders row, an MPS row and a PAB row (=prev - orders + MPS). */
function hyperformulaSheet(plans: PlanInput[]): (number | string)[][] {
  const rows: (number | string)[][] = [];
  for (const p of plans) {
    const r = rows.length + 1;
    rows.push([p.onHand, ...p.orders]);
    rows.push([0, ...p.mps]);
    const pab: (number | string)[] = [""];
    for (let t = 1; t <= p.orders.length; t++) {
      const prev = t === 1 ? `A${r}` : `${columnName(t - 1)}${r + 2}`;
      const col = columnName(t);
      pab.push(`=${prev}-${col}${r}+${col}${r + 1}`);
    }
    rows.push(pab);
  }
  return rows;
}

function hyperformula(plans: PlanInput[]): void {
  const hf = HyperFormula.buildFromArray(hyperformulaSheet(plans), { licenseKey: "gpl-v3" });
  const values = hf.getSheetValues(0);
  sink += Number(values[2][plans[0].orders.length]) || 0;
  hf.destroy();
}

/** `--only scan` (or `--only=scan`): only the figures whose keys start with that word. */
function onlyGroup(argv: string[]): string | null {
  const i = argv.indexOf("--only");
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--only="))?.slice(7);
  if (value === undefined) return null;
  if (!GROUPS.includes(value)) throw new Error(`--only ${value}: one of ${GROUPS.join(", ")}`);
  return value;
}

const GROUPS = ["engine", "scan", "officejs", "taskpane"];

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const only = onlyGroup(process.argv);
  const wants = (group: string) => only === null || only === group;
  const figures: Record<string, number | null> = {};
  if (wants("engine")) {
    const small = workload(5000, 52);
    const big = workload(10000, 104);
    figures.engine_5000x52_ms = timeRuns(15, 3, () => engine(small));
    figures.engine_10000x104_ms = timeRuns(9, 2, () => engine(big));
    figures.hyperformula_5000x52_ms = timeRuns(3, 1, () => hyperformula(small));
  }
  const workbook = gridWorkbook(5000, 52);
  if (wants("scan")) scanFigures(workbook, figures);
  if (wants("officejs")) {
    Object.assign(figures, officeJsFigureKeys(await officeJsFigures(workbook), "5000x52"));
  }
  // The pane in the workbench in Chromium: a null figure comes with the reason printed below.
  let taskpaneProblem: string | null = null;
  if (wants("taskpane")) {
    figures.taskpane_initial_js_gzip_bytes = taskpaneGzipBytes();
    try {
      const pane = await taskpaneScanFigures(workbook);
      if (!pane) taskpaneProblem = "dist-workbench/ is not built (npm run build)";
      figures.taskpane_scan_5000_ms = pane?.scanMs ?? null;
      figures.taskpane_scan_5000_longest_task_ms = pane?.longestTaskMs ?? null;
    } catch (e) {
      taskpaneProblem = (e as Error).message;
      figures.taskpane_scan_5000_ms = null;
      figures.taskpane_scan_5000_longest_task_ms = null;
    }
  }
  const rounded = Object.fromEntries(
    Object.entries(figures).map(([k, v]) => [k, v === null ? null : Math.round(v * 100) / 100])
  );

  if (json) {
    console.log(JSON.stringify(rounded));
  } else {
    console.log("PAB Watch benchmark (medians; 2-core machine figures vary ±20%)\n");
    console.log("| figure | value |\n| --- | --- |");
    for (const [k, v] of Object.entries(rounded)) console.log(`| ${k} | ${v} |`);
    if (wants("engine")) {
      const ratio =
        (figures.hyperformula_5000x52_ms as number) / (figures.engine_5000x52_ms as number);
      console.log(
        `\nengine vs HyperFormula on 5,000 items × 52 weeks: ${ratio.toFixed(0)}× faster`
      );
    }
    if (wants("scan")) {
      if (figures.libreoffice_5000x52_ms === null)
        console.log("LibreOffice is not installed: libreoffice_5000x52_ms is null");
      else {
        const share = (key: string) =>
          (((figures[key] as number) / figures.libreoffice_5000x52_ms!) * 100).toFixed(0);
        console.log(
          `pab-watch scan --out --json takes ${share("scan_5000x52_ms")}% of LibreOffice's load-recalculate-save (target: at most 50%); scan --json alone ${share("scan_report_only_5000x52_ms")}% (target: at most 25%)`
        );
      }
      console.log(
        `20,000 items take ${(figures.scan_20000_vs_5000_ratio as number).toFixed(2)}× the time of 5,000 (linear: 4×)`
      );
    }
  }
  if (taskpaneProblem) console.error(`taskpane_scan_5000_ms is null: ${taskpaneProblem}`);
  if (!Number.isFinite(sink)) console.error("unexpected result");
}

/** The command line's figures: our scans alternate with LibreOffice's runs, so both meet the same machine load. */
function scanFigures(workbook: string, figures: Record<string, number | null>): void {
  const libreOffice = libreOfficeRunner(workbook);
  const scans: { ms: number; peakMb: number }[] = [];
  const reportOnly: { ms: number; peakMb: number }[] = [];
  const lo: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      scans.push(timeScan(workbook, { out: true, json: true }));
      reportOnly.push(timeScan(workbook, { out: false, json: true }));
      if (libreOffice) lo.push(libreOffice.run());
    }
  } finally {
    libreOffice?.close();
  }
  figures.scan_5000x52_ms = median(scans.map((s) => s.ms));
  figures.scan_5000x52_peak_mb = Math.max(...scans.map((s) => s.peakMb));
  figures.scan_report_only_5000x52_ms = median(reportOnly.map((s) => s.ms));
  figures.scan_report_only_5000x52_peak_mb = Math.max(...reportOnly.map((s) => s.peakMb));
  figures.libreoffice_5000x52_ms = lo.length ? median(lo) : null;
  const large = gridWorkbook(20000, 52);
  const largeScans = [0, 1, 2].map(() => timeScan(large, { out: true, json: true }));
  figures.scan_20000x52_ms = median(largeScans.map((s) => s.ms));
  figures.scan_20000x52_peak_mb = Math.max(...largeScans.map((s) => s.peakMb));
  figures.scan_20000_vs_5000_ratio = figures.scan_20000x52_ms / figures.scan_5000x52_ms;
  // The ERP material balance: 5,000 parts, 24 receipt months, 24 demand months, a balance formula.
  const rowPart = rowPartWorkbook(5000, 24);
  figures.scan_rowpart_5000x48_ms = median(
    [0, 1, 2].map(() => timeScan(rowPart, { out: true, json: false }).ms)
  );
}

void main();
