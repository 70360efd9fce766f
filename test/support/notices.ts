import * as fs from "fs";
import * as path from "path";
import { scanXlsxFile } from "../../src/cli/scanFile";
import { Incident, parseIncident } from "../../src/incidents";
import { ReportItem, factsForNotice } from "../../src/report";
import { classicRows } from "./classic";
import { sharedDir } from "./shared";
import { TestCell, buildXlsx } from "./xlsxBuilder";

/** The one item of a sheet "MPS" laid out as the rows say, scanned with dated weeks from 2026-11-30. */
export function scannedItem(
  rows: TestCell[][],
  startDate: string | null = "2026-11-30"
): ReportItem {
  const bytes = buildXlsx([{ name: "MPS", rows }]);
  return scanXlsxFile(bytes, "plan.xlsx", { startDate: startDate ?? undefined }).report.items[0];
}

/** The classic example once the W8 receipt is confirmed (MPS 10 in W8): covered, but W3 and W6 must land on time. */
export function resolvedItem(): ReportItem {
  const rows = classicRows();
  rows[5] = ["MPS", 0, 0, 50, 0, 0, 50, 0, 10];
  return scannedItem(rows);
}

/**
 * Short in W4-W5, covered in W6, short again W7-W8, back for good from W9:
 * PAB 20 10 0 -15 -20 10 -10 -20 20 10.
 */
export function twoDipsItem(): ReportItem {
  return scannedItem([
    ["Item", "FG-2002"],
    ["On hand", 30],
    [null, "W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "W9", "W10"],
    ["Customer orders", 10, 10, 10, 15, 5, 10, 20, 10, 10, 10],
    ["MPS", 0, 0, 0, 0, 0, 40, 0, 0, 50, 0],
  ]);
}

/** The classic example's report item, with dated weeks. */
export function classicItem(): ReportItem {
  const bytes = fs.readFileSync(path.join(sharedDir, "samples", "classic-example.xlsx"));
  return scanXlsxFile(bytes, "classic-example.xlsx", { startDate: "2026-11-30" }).report.items[0];
}

/** A report item changed by hand, its shortage figures recomputed as `pab-watch draft` does. */
export function itemWith(base: ReportItem, change: Partial<ReportItem>): ReportItem {
  return factsForNotice({ ...base, ...change });
}

/** The full incident of the fixtures, written in English or (incident-full.zh-CN.json) in Chinese. */
export function fullIncident(lang: "en" | "zh-CN" = "en"): Incident {
  const file = lang === "en" ? "incident-full.json" : "incident-full.zh-CN.json";
  return parseIncident(
    JSON.parse(fs.readFileSync(path.resolve(__dirname, "../fixtures", file), "utf8"))
  );
}

/** Markers planted in every internal-only field of the full incident. */
export const INTERNAL_MARKERS = [
  "SECRET-GUESS",
  "SECRET-ASK",
  "SECRET-COST",
  "SECRET-FAULT",
  "SECRET-NOTE",
  "SECRET-WHY",
  "SECRET-CONTAIN",
];
