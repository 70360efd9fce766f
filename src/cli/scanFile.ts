/* global require */
import type { WritePlan } from "../annotate/writePlan";
import { readCsvSnapshot } from "../csv";
import { WorkbookSnapshot } from "../layout";
import { checkMappingFits } from "../layout/mappingInput";
import {
  Language,
  Report,
  ReportSource,
  ScanOptions,
  computeFindings,
  projectedAsAsked,
  readForReport,
  reportItem,
  wholeReport,
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

/**
 * An .xlsx file → its report, made whole, and, when asked, the annotated copy: `pab-watch scan`
 * over a file, for callers that keep the report (the command line itself uses scanXlsxSource).
 */
export function scanXlsxFile(
  bytes: Uint8Array,
  name: string,
  options: ScanFileOptions = {}
): { report: Report; annotated: Uint8Array | null } {
  const { source, annotated } = scanXlsxSource(bytes, name, options);
  return { report: wholeReport(source), annotated };
}

/**
 * scanXlsxFile with the report's items made as they are asked for: the command line writes each
 * and lets it go (without a copy, each is even projected then).
 */
export function scanXlsxSource(
  bytes: Uint8Array,
  name: string,
  options: ScanFileOptions = {}
): { source: ReportSource; annotated: Uint8Array | null } {
  const pkg = new XlsxPackage(bytes, options.codec ? { codec: options.codec } : {});
  const { source, plan } = sourceAndPlan(pkg, name, options);
  return { source, annotated: plan ? packageWriter().applyWritePlanToPackage(pkg, plan) : null };
}

/** Read, project and plan the writes; the snapshot is left behind before the package is written. */
function sourceAndPlan(
  pkg: XlsxPackage,
  name: string,
  options: ScanFileOptions
): { source: ReportSource; plan: WritePlan | null } {
  const snapshot = snapshotOfPackage(pkg, name, { onSheet: options.onSheet });
  checkSnapshot(snapshot, options);
  const read = readForReport(snapshot, options);
  if (!options.annotate) return { source: projectedAsAsked(read), plan: null };
  const { findings, diagnostics } = computeFindings(read.records, { fence: read.head.fence });
  const plan = annotating().buildWritePlan(snapshot, findings, {
    fence: options.fence,
    lang: options.lang,
  });
  const { pabPlaces } = plan;
  const { placeRefs } = annotating();
  const all = [...read.diagnostics, ...diagnostics, ...plan.diagnostics];
  const source: ReportSource = {
    head: read.head,
    count: findings.length,
    items: (emit) => {
      findings.forEach((f, i) => emit(reportItem(f, placeRefs(pabPlaces[i]))));
      return all;
    },
  };
  return { source, plan };
}

/**
 * An .xlsx file or a CSV export → what its report is made from, projected later an item at a time
 * (`eachReportItem`): the report-only `pab-watch scan`, which never holds every item's projection.
 */
export function readFileForReport(
  bytes: Uint8Array,
  name: string,
  options: ScanFileOptions & { csv: boolean }
): ReportSource {
  if (!options.csv) return scanXlsxSource(bytes, name, { ...options, annotate: false }).source;
  const snapshot = readCsvSnapshot(bytes, name);
  checkSnapshot(snapshot, options);
  return projectedAsAsked(readForReport(snapshot, options));
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
