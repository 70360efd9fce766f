/* global window */
import {
  ExcelRun,
  loadIncidentStore,
  readLogTable,
  readSelectionValues,
  saveIncidentStore,
  writeLogTable,
} from "../excel";
import { FakeWorkbookModel } from "../excel/fake/model";
import { INCIDENTS_KEY } from "../excel/incidentStore";
import { logHeader, logRow, sanitizeStore } from "../incidents";
import { Language } from "../taskpane/environment";
import { defaultContactStore } from "../taskpane/contactStore";
import { browserHandoffs } from "../taskpane/incidentDeps";
import type { IncidentDeps } from "../taskpane/components/incident";
import { XlsxPackage, applyLogToPackage } from "../xlsx";

/** The incident views in the workbench: the fake workbook's settings and log table; hand-offs of a browser page (no Graph). */
export function workbenchIncidentDeps(run: ExcelRun, after: () => void): IncidentDeps {
  return {
    loadStore: () => loadIncidentStore(run),
    saveStore: (store) => saveIncidentStore(run, store),
    writeLog: async (header, rows) => {
      const { plan } = await writeLogTable(run, header, rows);
      after();
      return { notes: plan.notes };
    },
    // Contacts from the cells selected in the grid, as from a selection in Excel.
    readLog: () => readLogTable(run),
    readSelection: () => readSelectionValues(run),
    contacts: defaultContactStore(window as never),
    handoffs: browserHandoffs(null),
    platform: null,
    now: () => new Date().toISOString(),
  };
}

/**
 * "Save annotated copy" with the incidents: the annotated file plus the PAB Watch Log table, one row
 * per incident the workbook keeps, through the same in-place writer as `pab-watch log`.
 */
export function withIncidentLog(
  annotated: Uint8Array,
  model: FakeWorkbookModel,
  lang: Language
): Uint8Array {
  const store = sanitizeStore(model.settings.get(INCIDENTS_KEY)).store;
  if (!store.incidents.length) return annotated;
  return applyLogToPackage(
    new XlsxPackage(annotated),
    logHeader(lang),
    store.incidents.map((c) => ({ key: c.id, cells: logRow(c, lang) }))
  ).bytes;
}
