/* global Office, document, navigator, window */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { detectEnvironment } from "./environment";

function render(office: typeof Office | undefined): void {
  const environment = detectEnvironment(office, navigator.language);
  const root = createRoot(document.getElementById("root") as HTMLElement);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App
        environment={environment}
        copyText={(text) => navigator.clipboard.writeText(text)}
        helpUrl={new URL("help.html#pab-functions", window.location.href).href}
      />
    </FluentProvider>
  );
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => render(Office));
} else {
  render(undefined);
}
