/* global Office, document, navigator, window */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { App } from "./components/App";
import { Environment, detectEnvironment } from "./environment";
import { WorkbookActions } from "./actions";
import { localToday, officeExcelRun, officeExcelRunIn } from "../excel";
import { workbookActions } from "./workbookActions";
import { projectInWorker } from "./projectWorker";
import { fluentTheme, themeOf } from "./theme";
import { defaultContactStore } from "./contactStore";
import { officeIncidentDeps } from "./incidentDeps";
import { lazyIncidentView } from "./lazyIncidentView";

function officeActions(environment: Environment): WorkbookActions {
  return workbookActions(officeExcelRun, officeExcelRunIn, {
    customFunctions: environment.customFunctions,
    lang: environment.language,
    today: localToday,
    project: projectInWorker("scanWorker.js"),
  });
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
