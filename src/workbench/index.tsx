/* global document, window, navigator, fetch, URL, Blob, URLSearchParams */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { scanXlsxFile } from "../cli/scanFile";
import { ExcelRun, loadWorkbookState, removeAnnotations, saveWorkbookState, scanOpenWorkbook } from "../excel";
import { fakeExcelRun } from "../excel/fake/context";
import { FakeWorkbookModel, modelFromSnapshot } from "../excel/fake/model";
import { readXlsxSnapshot } from "../xlsx";
import { App } from "../taskpane/components/App";
import { lazyIncidentView } from "../taskpane/lazyIncidentView";
import { withIncidentLog, workbenchIncidentDeps } from "./incidentDeps";
import { WorkbookActions } from "../taskpane/actions";
import { Environment, languageOf } from "../taskpane/environment";
import { Grid } from "./Grid";
import { evaluateWorkbook } from "./evaluate";

interface Loaded {
  name: string;
  bytes: Uint8Array;
  model: FakeWorkbookModel;
}

function load(bytes: Uint8Array, name: string): Loaded {
  return { name, bytes, model: modelFromSnapshot(readXlsxSnapshot(bytes, name)) };
}

function Workbench(): React.JSX.Element {
  const [book, setBook] = React.useState<Loaded | null>(null);
  const [version, setVersion] = React.useState(0);
  const [active, setActive] = React.useState("");
  const [error, setError] = React.useState<string | null>(null);
  // The workbench's engine runs the =PAB.* functions too, so live mode works here as in Excel.
  const environment: Environment = { inExcel: true, language: languageOf(navigator.language), customFunctions: true, annotate: true };

  const open = (bytes: Uint8Array, name: string) => {
    try {
      const b = load(bytes, name);
      setBook(b);
      setActive(b.model.sheets[0]?.name ?? "");
      setVersion((v) => v + 1);
      setError(null);
    } catch (e) {
      setError(`${name}: ${(e as Error).message}`);
    }
  };

  React.useEffect(() => {
    const sample = new URLSearchParams(window.location.search).get("sample");
    if (!sample) return;
    if (!/^[A-Za-z0-9_-]+$/.test(sample)) {
      setError(`No sample named "${sample}"`);
      return;
    }
    fetch(`samples/${sample}.xlsx`)
      .then((r) => {
        if (!r.ok) throw new Error(`No sample named "${sample}"`);
        return r.arrayBuffer();
      })
      .then((buf) => open(new Uint8Array(buf), `${sample}.xlsx`))
      .catch((e: Error) => setError(e.message));
  }, []);

  const actions: WorkbookActions | null = React.useMemo(() => {
    if (!book) return null;
    const run = fakeExcelRun(book.model) as unknown as ExcelRun;
    const after = <T,>(p: Promise<T>) => p.finally(() => setVersion((v) => v + 1));
    return {
      loadState: () => loadWorkbookState(run),
      saveState: (s) => saveWorkbookState(run, s),
      scan: (s) => after(scanOpenWorkbook(run, s, { customFunctions: true, lang: environment.language, name: book.name })),
      remove: () => after(removeAnnotations(run)),
    };
  }, [book]);

  const incidentView = React.useMemo(
    () =>
      book
        ? lazyIncidentView(
            workbenchIncidentDeps(fakeExcelRun(book.model) as unknown as ExcelRun, () => setVersion((v) => v + 1))
          )
        : undefined,
    [book]
  );

  const shown = React.useMemo(() => (book ? evaluateWorkbook(book.model) : null), [book, version]);

  const save = () => {
    if (!book) return;
    const scanned = scanXlsxFile(book.bytes, book.name, { annotate: true, lang: environment.language });
    // The incidents the workbook keeps go into the copy as the PAB Watch Log table.
    const annotated = withIncidentLog(scanned.annotated as Uint8Array, book.model, environment.language);
    const url = URL.createObjectURL(new Blob([annotated.slice().buffer as ArrayBuffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = book.name.replace(/\.xlsx$/i, "") + "-pab-watch.xlsx";
    a.click();
    URL.revokeObjectURL(url);
  };

  const pick = async (files: FileList | null) => {
    const f = files?.[0];
    if (f) open(new Uint8Array(await f.arrayBuffer()), f.name);
  };

  return (
    <div
      className="workbench"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void pick(e.dataTransfer.files);
      }}
    >
      <header className="bar">
        <strong>PAB Watch workbench</strong>
        <span className="hint">Excel simulated in the browser: the real task pane against a strict fake of the Excel API</span>
        <label className="file">
          Open workbook… <input type="file" accept=".xlsx" onChange={(e) => void pick(e.target.files)} />
        </label>
        <button onClick={save} disabled={!book}>
          Save annotated copy
        </button>
        {book && <span className="name">{book.name}</span>}
      </header>
      {error && <div role="alert" className="error">{error}</div>}
      <main className="split">
        <section className="sheet">
          {book && shown ? (
            <Grid sheets={book.model.sheets.map((s) => s.name)} active={active} onSelect={setActive} cells={shown.get(active) ?? new Map()} />
          ) : (
            <p className="empty">Open an .xlsx (or drop one here), or add ?sample=classic-example to the address.</p>
          )}
        </section>
        <aside className="pane">
          <FluentProvider theme={webLightTheme}>
            <App key={book ? `${book.name}-${book.bytes.length}` : "none"} environment={environment} copyText={(t) => navigator.clipboard.writeText(t)} helpUrl="help.html#pab-functions" actions={actions} incidentView={incidentView} />
          </FluentProvider>
        </aside>
      </main>
    </div>
  );
}

createRoot(document.getElementById("root") as HTMLElement).render(<Workbench />);
