/* global document, window, navigator, fetch, URL, Blob, URLSearchParams, setTimeout */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { FakeWorkbookModel, modelFromSnapshot } from "../excel/fake/model";
import { a1 } from "../layout/address";
import { readXlsxSnapshot } from "../xlsx";
import { App } from "../taskpane/components/App";
import { WorkbookActions } from "../taskpane/actions";
import { Environment, languageOf } from "../taskpane/environment";
import { localToday } from "../taskpane/model/dates";
import { projectInWorker } from "../taskpane/projectWorker";
import { ThemeName, fluentTheme, themeOf } from "../taskpane/theme";
import { lazyIncidentView } from "../taskpane/lazyIncidentView";
import { ExcelRun } from "../excel";
import { fakeExcelRun } from "../excel/fake/context";
import { Grid } from "./Grid";
import { CellWindow, shownWindow } from "./evaluate";
import { fakeWorkbookActions } from "./fakeActions";
import { EditedCell, savedCopy } from "./saveCopy";
import { workbenchIncidentDeps } from "./incidentDeps";

interface Loaded {
  name: string;
  bytes: Uint8Array;
  model: FakeWorkbookModel;
  /** The cells typed into in the grid (their content is read from the model when saving). */
  edited: Map<string, EditedCell>;
}

function load(bytes: Uint8Array, name: string): Loaded {
  const model = modelFromSnapshot(readXlsxSnapshot(bytes, name));
  // Each sync lets the page paint and answer, as the round trip to Excel would.
  model.roundTrip = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { name, bytes, model, edited: new Map() };
}

const query = new URLSearchParams(window.location.search);
/** ?pane=320: the pane's width in pixels, as the planner dragged it. */
const paneWidth = Math.min(800, Math.max(280, Number(query.get("pane")) || 360));
/** ?theme=light|dark|contrast: the Office theme the pane would be given. */
const OFFICE_THEMES: Record<ThemeName, { bodyBackgroundColor: string; bodyForegroundColor: string }> = {
  light: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#242424" },
  dark: { bodyBackgroundColor: "#1F1F1F", bodyForegroundColor: "#FFFFFF" },
  contrast: { bodyBackgroundColor: "#000000", bodyForegroundColor: "#FFFFFF" },
};
const themeName = (["light", "dark", "contrast"].includes(query.get("theme") ?? "") ? query.get("theme") : "light") as ThemeName;
const theme = themeOf(OFFICE_THEMES[themeName], themeName === "contrast");
/** ?today=YYYY-MM-DD: the planner's date (for trying how risks age); default the real one. */
const today = /^\d{4}-\d{2}-\d{2}$/.test(query.get("today") ?? "") ? (query.get("today") as string) : localToday();

/** What a person types becomes what Excel would store: a formula, a number, or text. */
function typed(text: string): { value: string | number; formula?: string } {
  const t = text.trim();
  if (t.startsWith("=")) return { value: "", formula: t };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { value: Number(t) };
  return { value: text };
}

function Workbench(): React.JSX.Element {
  const [book, setBook] = React.useState<Loaded | null>(null);
  const [version, setVersion] = React.useState(0);
  const [error, setError] = React.useState<string | null>(null);
  // The workbench's engine runs the =PAB.* functions too, so live mode works here as in Excel.
  const environment: Environment = { inExcel: true, language: languageOf(navigator.language), customFunctions: true, annotate: true };
  const bump = () => setVersion((v) => v + 1);
  /** Where a shift-click extends the selection from. */
  const anchor = React.useRef<{ sheet: string; r: number; c: number } | null>(null);

  const open = (bytes: Uint8Array, name: string) => {
    try {
      const b = load(bytes, name);
      b.model.selectionListeners.add(bump);
      setBook(b);
      bump();
      setError(null);
    } catch (e) {
      setError(`${name}: ${(e as Error).message}`);
    }
  };

  React.useEffect(() => {
    const sample = query.get("sample");
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
    return fakeWorkbookActions(book.model, {
      name: book.name,
      lang: environment.language,
      today,
      project: projectInWorker("scanWorker.js"),
      onChange: bump,
    });
  }, [book]);

  // The escalation views on the same fake: incidents in its settings, the log table on its sheets.
  const incidentView = React.useMemo(() => {
    if (!book) return undefined;
    return lazyIncidentView(workbenchIncidentDeps(fakeExcelRun(book.model) as unknown as ExcelRun, bump));
  }, [book]);

  const active = book ? book.model.active() : "";
  // Only the window on screen is evaluated: asked again when the workbook changes or the grid scrolls.
  const shownIn = React.useCallback(
    (w: CellWindow) => (book ? shownWindow(book.model, active, w) : new Map()),
    [book, version, active]
  );
  const used = book ? book.model.usedRange(book.model.sheet(active)!) : null;
  const selection = book?.model.selection?.sheet === active ? book.model.selection.ranges : [];

  const edit = (row: number, column: number, text: string) => {
    if (!book) return;
    const sheet = book.model.sheet(active);
    if (!sheet) return;
    const cell = typed(text);
    book.model.setCell(sheet, row, column, { value: cell.value, formula: cell.formula });
    book.edited.set(`${sheet.name}\u0000${row},${column}`, { sheet: sheet.name, row, column });
    bump();
    void book.model.emitChanged({ address: `${active}!${a1(row, column)}`, source: "Local", changeType: "RangeEdited" });
  };

  const save = () => {
    if (!book) return;
    // What the grid shows: the edits typed into it, the PAB Watch cells, the PAB Watch Log table.
    const bytes = savedCopy(book.bytes, book.name, environment.language, book.model, book.edited.values());
    const url = URL.createObjectURL(new Blob([bytes.slice().buffer as ArrayBuffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
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
          {book ? (
            <Grid
              sheets={book.model.sheets.map((s) => s.name)}
              active={active}
              onSelectSheet={(s) => {
                book.model.activeSheet = s;
                book.model.selection = null;
                bump();
              }}
              rows={used ? used.bottom + 1 : 0}
              columns={used ? used.right + 1 : 0}
              shownIn={shownIn}
              selection={selection}
              onSelectCell={(r, c, extend) => {
                const from = extend && anchor.current?.sheet === active ? anchor.current : null;
                if (!from) anchor.current = { sheet: active, r, c };
                const [top, bottom] = from ? [Math.min(from.r, r), Math.max(from.r, r)] : [r, r];
                const [left, right] = from ? [Math.min(from.c, c), Math.max(from.c, c)] : [c, c];
                book.model.select(active, [{ top, left, bottom, right }]);
              }}
              rawOf={(r, c) => {
                const cell = book.model.cell(book.model.sheet(active)!, r, c);
                return cell?.formula ?? (cell?.value === undefined ? "" : String(cell.value));
              }}
              onEdit={edit}
            />
          ) : (
            <p className="empty">Open an .xlsx (or drop one here), or add ?sample=classic-example to the address.</p>
          )}
        </section>
        <aside className="pane" style={{ width: paneWidth, flex: `0 0 ${paneWidth}px` }} data-theme={theme}>
          <FluentProvider theme={fluentTheme(theme)} style={{ minHeight: "100%" }}>
            <App key={book ? `${book.name}-${book.bytes.length}` : "none"} environment={environment} copyText={(t) => navigator.clipboard.writeText(t)} helpUrl="help.html#pab-functions" actions={actions} incidentView={incidentView} />
          </FluentProvider>
        </aside>
      </main>
    </div>
  );
}

createRoot(document.getElementById("root") as HTMLElement).render(<Workbench />);
