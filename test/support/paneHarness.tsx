import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { configure, render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FakeWorkbookModel, modelFromSnapshot } from "../../src/excel/fake/model";
import { App } from "../../src/taskpane/components/App";
import { ChartLoader } from "../../src/taskpane/components/ItemView";
import { WorkbookActions } from "../../src/taskpane/actions";
import { Language } from "../../src/taskpane/environment";
import { IncidentView } from "../../src/taskpane/incidentSlot";
import { fakeWorkbookActions } from "../../src/workbench/fakeActions";
import { readXlsxSnapshot } from "../../src/xlsx";
import { sharedDir } from "./shared";
import { TextDecoder, TextEncoder } from "util";

// jsdom has no TextEncoder (the fake measures requests with it, as Office.js's own limits are in bytes).
Object.assign(globalThis, { TextEncoder, TextDecoder });
// jsdom lays nothing out, so nothing ever resizes: Fluent's message bars only need the constructor.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  Object.assign(window, {
    ResizeObserver: class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    },
  });
}
// The machine is shared: give what the pane shows time to arrive.
configure({ asyncUtilTimeout: 10_000 });
// The pane updates itself after every await of the workbook, as it does in Excel; tests wait for what it shows.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

export function sampleModel(name: string): FakeWorkbookModel {
  const file = path.join(sharedDir, "samples", `${name}.xlsx`);
  return modelFromSnapshot(readXlsxSnapshot(fs.readFileSync(file), `${name}.xlsx`));
}

/** A fake workbook from rows of cells on one sheet (row 1 first). */
export function modelOf(rows: (string | number | null)[][], sheet = "MPS"): FakeWorkbookModel {
  const m = new FakeWorkbookModel();
  const s = m.addSheet(sheet);
  rows.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v !== null && v !== "") m.setCell(s, r, c, { value: v });
    })
  );
  return m;
}

/** The chart's chunk in jsdom: the real chart needs a browser (tested in Chromium); this one shows what it was given. */
export const testChart: ChartLoader = () =>
  Promise.resolve({
    default: ({ item }) => <svg data-testid="chart">{item.pab.join(",")}</svg>,
  });

export function renderPane(
  actions: WorkbookActions | null,
  options: { language?: Language; incidentView?: IncidentView } = {}
) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App
        environment={{ inExcel: true, language: options.language ?? "en", customFunctions: true, annotate: true }}
        copyText={() => Promise.resolve()}
        helpUrl="help.html#pab-functions"
        actions={actions}
        incidentView={options.incidentView}
        loadChart={testChart}
      />
    </FluentProvider>
  );
}

export function actionsFor(model: FakeWorkbookModel, today = "2026-12-01", lang: Language = "en"): WorkbookActions {
  return fakeWorkbookActions(model, { name: "test.xlsx", lang, today });
}
