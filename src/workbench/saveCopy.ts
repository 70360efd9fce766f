import { buildWritePlan } from "../annotate";
import { Language, scanSnapshot } from "../report";
import { XlsxPackage, applyWritePlanToPackage, snapshotOfPackage } from "../xlsx";

/**
 * "Save annotated copy": the same in-place writer as `pab-watch scan --out`, with the portable zip
 * codec (the command line's is Node's zlib, which a browser page does not have).
 */
export function annotatedCopy(bytes: Uint8Array, name: string, lang: Language): Uint8Array {
  const pkg = new XlsxPackage(bytes);
  const snapshot = snapshotOfPackage(pkg, name);
  const { findings } = scanSnapshot(snapshot);
  return applyWritePlanToPackage(pkg, buildWritePlan(snapshot, findings, { lang }));
}
