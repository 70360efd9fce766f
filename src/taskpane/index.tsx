/* global Office, document, navigator, window */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { Environment, detectEnvironment } from "./environment";
import { WorkbookActions } from "./actions";
import { lazyIncidentView } from "./lazyIncidentView";
import { officeIncidentDeps } from "./incidentDeps";
import { defaultContactStore } from "./contactStore";
import {
  loadWorkbookState,
  localToday,
  officeExcelRun,
  removeAnnotations,
  saveWorkbookState,
  scanOpenWorkbook,
} from "../excel";

function officeActions(environment: Environment): WorkbookActions {
  return {
    loadState: () => loadWorkbookState(officeExcelRun),
    saveState: (state) => saveWorkbookState(officeExcelRun, state),
    scan: (state) =>
      scanOpenWorkbook(officeExcelRun, state, {
        customFunctions: environment.customFunctions,
        lang: environment.language,
        today: localToday(),
      }),
    remove: () => removeAnnotations(officeExcelRun),
  };
}

function render(office: typeof Office | undefined): void {
  const environment = detectEnvironment(office, navigator.language);
  const root = createRoot(document.getElementById("root") as HTMLElement);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App
        environment={environment}
        copyText={(text) => navigator.clipboard.writeText(text)}
        helpUrl={new URL("help.html#pab-functions", window.location.href).href}
        actions={environment.inExcel && environment.annotate ? officeActions(environment) : null}
        incidentView={
          environment.inExcel
            ? lazyIncidentView(officeIncidentDeps(officeExcelRun, defaultContactStore(window as never), office))
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
