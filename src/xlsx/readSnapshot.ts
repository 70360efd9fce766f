/* global require */
import { WorkbookSnapshot } from "../layout/snapshot";
import type { UncachedCell } from "./evaluateFormulas";
import { readSheet } from "./sheetReader";
import { readSharedStrings, readStyleFormats, readWorkbookInfo } from "./workbookParts";
import { XlsxPackage } from "./xlsxPackage";

export interface SnapshotOptions {
  /** Only these sheets; default all. */
  sheets?: string[];
  /** Called before each sheet, for progress on large files. */
  onSheet?: (name: string, index: number, count: number) => void;
}

/** Reads an .xlsx file's sheets into the snapshot shape the reader takes. */
export function readXlsxSnapshot(
  bytes: Uint8Array,
  name: string,
  options: SnapshotOptions = {}
): WorkbookSnapshot {
  return snapshotOfPackage(new XlsxPackage(bytes), name, options);
}

export function snapshotOfPackage(
  pkg: XlsxPackage,
  name: string,
  options: SnapshotOptions = {}
): WorkbookSnapshot {
  const info = readWorkbookInfo(pkg);
  const strings = readSharedStrings(pkg);
  const formats = readStyleFormats(pkg);
  const wanted = info.sheets.filter((s) => !options.sheets || options.sheets.includes(s.name));
  const uncached: UncachedCell[] = [];
  const sheets = wanted.map((s, i) => {
    options.onSheet?.(s.name, i, wanted.length);
    const cells: { row: number; column: number; array?: string }[] = [];
    const sheet = readSheet(
      pkg.readText(s.path),
      s.name,
      s.visible,
      strings,
      formats,
      info.date1904,
      cells
    );
    for (const c of cells) uncached.push({ sheet: s.name, ...c });
    return sheet;
  });
  const snapshot: WorkbookSnapshot = {
    name,
    date1904: info.date1904,
    sheets,
    ...(info.owned.length ? { owned: info.owned } : {}),
  };
  // Office.js always reports values; a file written by a script may have none for its formulas.
  // The formula evaluator (and its parser, @borgar/fx) loads only for such a file.
  if (!uncached.length) return snapshot;
  const { evaluateUncachedFormulas } =
    require("./evaluateFormulas") as typeof import("./evaluateFormulas");
  const diagnostics = evaluateUncachedFormulas(snapshot, uncached, info.names);
  if (diagnostics.length) snapshot.diagnostics = diagnostics;
  return snapshot;
}
