/* global require */
import type { WritePlan } from "../annotate/writePlan";
import { readCsvSnapshot } from "../csv";
import { WorkbookSnapshot } from "../layout";
import { checkMappingFits } from "../layout/mappingInput";
import {
  Language,
  ReadForReport,
  Report,
  ScanOptions,
  readForReport,
  scanSnapshot,
} from "../report";
import { snapshotOfPackage } from "../xlsx/readSnapshot";
import { XlsxPackage } from "../xlsx/xlsxPackage";
import { ZipCodec } from "../xlsx/zip";

// The write plan and the package writer load only for an annotated copy, not for every report.
const annotating = () => require("../annotate") as typeof import("../annotate");
const packageWriter = () =>
  require("../xlsx/write/applyWritePlan") as typeof import("../xlsx/write/applyWritePlan");

export interface ScanFileOptions extends ScanOptions {
  /** Write an annotated copy (returned as bytes). */
  annotate?: boolean;
  lang?: Language;
  onSheet?: (name: string, index: number, count: number) => void;
  /** How zip parts are inflated and deflated: the command line passes zlib's (nodeZip.ts); the
   * workbench, in a browser, keeps the portable one. */
  codec?: ZipCodec;
}

/** An .xlsx file → its report and, when asked, the annotated copy: what `pab-watch scan` does. */
export function scanXlsxFile(
  bytes: Uint8Array,
  name: string,
  options: ScanFileOptions = {}
): { report: Report; annotated: Uint8Array | null } {
  const pkg = new XlsxPackage(bytes, options.codec ? { codec: options.codec } : {});
  const { report, plan } = reportAndPlan(pkg, name, options);
  return { report, annotated: plan ? packageWriter().applyWritePlanToPackage(pkg, plan) : null };
}

/** Read, project and plan the writes; the snapshot is left behind before the package is written. */
function reportAndPlan(
  pkg: XlsxPackage,
  name: string,
  options: ScanFileOptions
): { report: Report; plan: WritePlan | null } {
  const snapshot = snapshotOfPackage(pkg, name, { onSheet: options.onSheet });
  const { report, findings } = scanChecked(snapshot, options);
  if (!options.annotate) return { report, plan: null };
  const plan = annotating().buildWritePlan(snapshot, findings, {
    fence: options.fence,
    lang: options.lang,
  });
  report.items.forEach((item, i) => (item.pabCells = plan.pabCells[i]));
  for (const d of plan.diagnostics) report.diagnostics.push(d);
  return { report, plan };
}

/**
 * An .xlsx file or a CSV export → what its report is made from, projected later an item at a time
 * (`eachReportItem`): the report-only `pab-watch scan`, which never holds every item's projection.
 */
export function readFileForReport(
  bytes: Uint8Array,
  name: string,
  options: ScanFileOptions & { csv: boolean }
): ReadForReport {
  const snapshot = options.csv
    ? readCsvSnapshot(bytes, name)
    : snapshotOfPackage(
        new XlsxPackage(bytes, options.codec ? { codec: options.codec } : {}),
        name,
        { onSheet: options.onSheet }
      );
  checkSnapshot(snapshot, options);
  return readForReport(snapshot, options);
}

function scanChecked(snapshot: WorkbookSnapshot, options: ScanFileOptions) {
  checkSnapshot(snapshot, options);
  return scanSnapshot(snapshot, options);
}

/** The sheets and the mapping asked for are there. */
function checkSnapshot(snapshot: WorkbookSnapshot, options: ScanFileOptions): void {
  if (options.sheets) {
    const missing = options.sheets.filter((s) => !snapshot.sheets.some((x) => x.name === s));
    if (missing.length)
      throw new MissingSheetError(
        missing[0],
        snapshot.sheets.map((s) => s.name)
      );
  }
  if (options.mapping) checkMappingFits(options.mapping, snapshot);
}

export class MissingSheetError extends Error {
  constructor(
    readonly sheet: string,
    readonly sheets: string[]
  ) {
    super(`there is no sheet "${sheet}" (sheets: ${sheets.join(", ")})`);
  }
}
