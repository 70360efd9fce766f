/* global Office, document, navigator, window */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { App } from "./components/App";
import { Environment, detectEnvironment } from "./environment";
import { WorkbookActions } from "./actions";
import {
  activeSheetName,
  followEdits,
  loadSetting,
  loadWorkbookState,
  localToday,
  officeExcelRun,
  officeExcelRunIn,
  removeAnnotations,
  saveSetting,
  saveWorkbookState,
  scanOpenWorkbook,
  selectCells,
  selectedAddress,
} from "../excel";
import { MEMORY_KEY } from "./model/riskWatch";
import { projectInWorker } from "./projectWorker";
import { fluentTheme, themeOf } from "./theme";
import { defaultContactStore } from "./contactStore";
import { officeIncidentDeps } from "./incidentDeps";
import { lazyIncidentView } from "./lazyIncidentView";

function officeActions(environment: Environment): WorkbookActions {
  return {
    loadState: () => loadWorkbookState(officeExcelRun),
    saveState: (state) => saveWorkbookState(officeExcelRun, state),
    scan: (state, request) =>
      scanOpenWorkbook(officeExcelRun, state, {
        customFunctions: environment.customFunctions,
        lang: environment.language,
        today: localToday(),
        sheets: request?.sheets,
        onProgress: request?.onProgress,
        signal: request?.signal,
        project: projectInWorker("scanWorker.js"),
      }),
    remove: () => removeAnnotations(officeExcelRun),
    loadMemory: () => loadSetting(officeExcelRun, MEMORY_KEY),
    saveMemory: (memory) => saveSetting(officeExcelRun, MEMORY_KEY, memory),
    select: (addresses) => selectCells(officeExcelRun, addresses),
    selection: () => selectedAddress(officeExcelRun),
    activeSheet: () => activeSheetName(officeExcelRun),
    today: () => localToday(),
    followEdits: (onEdits) => followEdits(officeExcelRun, officeExcelRunIn, onEdits),
  };
}

function render(office: typeof Office | undefined): void {
  const environment = detectEnvironment(office, navigator.language);
  const forced = window.matchMedia?.("(forced-colors: active)").matches ?? false;
  const theme = themeOf(office?.context?.officeTheme, forced);
  const root = createRoot(document.getElementById("root") as HTMLElement);
  root.render(
    <FluentProvider theme={fluentTheme(theme)} style={{ minHeight: "100vh" }}>
      <App
        environment={environment}
        copyText={(text) => navigator.clipboard.writeText(text)}
        helpUrl={new URL("help.html#pab-functions", window.location.href).href}
        actions={environment.inExcel && environment.annotate ? officeActions(environment) : null}
        incidentView={
          environment.inExcel
            ? lazyIncidentView(
                officeIncidentDeps(officeExcelRun, defaultContactStore(window as never), office)
              )
            : undefined
        }
      />
    </FluentProvider>
  );
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => render(Office));
} else {
  render(undefined);
}
