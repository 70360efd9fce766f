import * as fs from "fs";
import * as path from "path";
import { scanXlsxFile } from "../../src/cli/scanFile";
import { Incident, parseIncident } from "../../src/incidents";
import { ReportItem } from "../../src/report";
import { sharedDir } from "./shared";

/** The classic example's report item, with dated weeks. */
export function classicItem(): ReportItem {
  const bytes = fs.readFileSync(path.join(sharedDir, "samples", "classic-example.xlsx"));
  return scanXlsxFile(bytes, "classic-example.xlsx", { startDate: "2026-11-30" }).report.items[0];
}

export function fullIncident(): Incident {
  return parseIncident(
    JSON.parse(fs.readFileSync(path.resolve(__dirname, "../fixtures/incident-full.json"), "utf8"))
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
