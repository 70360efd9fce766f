import { buildWritePlan } from "../annotate";
import { CellWrite } from "../annotate/writePlan";
import { FakeWorkbookModel } from "../excel/fake/model";
import { STATE_KEY, parseWorkbookState } from "../excel/workbookState";
import { Language, scanSnapshot } from "../report";
import {
  XlsxPackage,
  applyCellEditsToPackage,
  applyWritePlanToPackage,
  snapshotOfPackage,
} from "../xlsx";
import { readWorkbookInfo } from "../xlsx/workbookParts";
import { withIncidentLog } from "./incidentDeps";

/** A cell the person typed into in the workbench grid. */
export interface EditedCell {
  sheet: string;
  row: number;
  column: number;
}

/**
 * "Save annotated copy": the same in-place writer as `pab-watch scan --out`, with the portable zip
 * codec (the command line's is Node's zlib, which a browser page does not have).
 */
export function annotatedCopy(
  bytes: Uint8Array,
  name: string,
  lang: Language,
  model?: FakeWorkbookModel
): Uint8Array {
  const pkg = new XlsxPackage(bytes);
  const snapshot = snapshotOfPackage(pkg, name);
  // The scan as the pane ran it: the workbook's start date, fence, mapping and side-sheet choice.
  const state = parseWorkbookState(model?.settings.get(STATE_KEY));
  const { findings } = scanSnapshot(snapshot, {
    startDate: state.startDate,
    fence: state.fence,
    mapping: state.mapping ?? undefined,
  });
  return applyWritePlanToPackage(
    pkg,
    buildWritePlan(snapshot, findings, {
      lang,
      fence: state.fence,
      sideSheet: state.writeMode === "side-sheet",
    })
  );
}

/** What the grid holds now in one edited cell, as the .xlsx writer takes it (text stays text). */
function writeOf(model: FakeWorkbookModel, e: EditedCell): CellWrite | null {
  const sheet = model.sheet(e.sheet);
  if (!sheet) return null;
  const cell = model.cell(sheet, e.row, e.column);
  const at = { sheet: sheet.name, row: e.row, column: e.column };
  if (!cell) return { ...at, text: "" };
  if (cell.formula) {
    const cached = typeof cell.value === "number" ? cell.value : undefined;
    return { ...at, formula: cell.formula.replace(/^=/, ""), cached };
  }
  if (typeof cell.value === "number") return { ...at, value: cell.value };
  return { ...at, text: String(cell.value) };
}

/**
 * The copy holds what the person sees in the workbench: their edits in the grid (numbers as
 * numbers, text as inert text, formulas they typed), the PAB Watch cells of a scan of the edited
 * workbook (so the PAB follows the edits) and the PAB Watch Log table. Each step is the in-place
 * writer: charts, comments and every other part keep their bytes.
 */
export function savedCopy(
  bytes: Uint8Array,
  name: string,
  lang: Language,
  model: FakeWorkbookModel,
  edited: Iterable<EditedCell>
): Uint8Array {
  const writes = [...edited].map((e) => writeOf(model, e)).filter((w): w is CellWrite => !!w);
  const inFile = new Set(readWorkbookInfo(new XlsxPackage(bytes)).sheets.map((s) => s.name));
  // The planner's sheets first (the scan must read the edits); sheets PAB Watch adds (the log,
  // its summary) get their edits last, over what it wrote, as in the grid.
  const first = writes.filter((w) => inFile.has(w.sheet));
  const last = writes.filter((w) => !inFile.has(w.sheet));
  const edits = first.length ? applyCellEditsToPackage(new XlsxPackage(bytes), first) : bytes;
  const annotated = annotatedCopy(edits, name, lang, model);
  const logged = withIncidentLog(annotated, model, lang);
  if (!last.length) return logged;
  const pkg = new XlsxPackage(logged);
  const now = new Set(readWorkbookInfo(pkg).sheets.map((s) => s.name));
  return applyCellEditsToPackage(
    pkg,
    last.filter((w) => now.has(w.sheet))
  );
}
