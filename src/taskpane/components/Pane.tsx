import * as React from "react";
import { OpenScanResult, ScanCancelled, ScanProgress, WorkbookState, WriteModeChoice } from "../../excel";
import { SUMMARY_SHEET } from "../../layout";
import { ReportItem } from "../../report";
import { WorkbookActions } from "../actions";
import { Language } from "../environment";
import { IncidentView } from "../incidentSlot";
import { daysFrom, formatDate, rollForward } from "../model/dates";
import { qty } from "../model/format";
import { editsTouchPlan, planInputCells } from "../model/followEdits";
import { itemCells } from "../model/itemDetail";
import { MappingRole, readerView, selectionProblem, unplaced, withSelection } from "../model/mapping";
import {
  DEFAULT_WATCH,
  EMPTY_MEMORY,
  RiskEntry,
  RiskMemory,
  RiskStatus,
  Snooze,
  WatchSettings,
  acknowledge,
  sanitizeMemory,
  snooze as snoozeIn,
  snoozeActive,
  sortEntries,
  summarize,
  watchRisks,
} from "../model/riskWatch";
import { stringsFor } from "../strings";
import { Home, MODES } from "./Home";
import { ChartLoader, ItemView } from "./ItemView";
import { MappingView } from "./MappingView";

type View =
  | { kind: "home" }
  | { kind: "item"; key: string }
  | { kind: "mapping" }
  | { kind: "incident"; items: ReportItem[]; from: string | null };

export interface PaneProps {
  actions: WorkbookActions;
  language: Language;
  customFunctions: boolean;
  incidentView?: IncidentView;
  loadChart?: ChartLoader;
  /** Tells the host page whether the home screen shows (the function card and status legend sit below it). */
  onHomeChange?: (home: boolean) => void;
}

interface Overrides {
  ack: Record<string, boolean>;
  snooze: Record<string, Snooze | null>;
}

const NO_OVERRIDES: Overrides = { ack: {}, snooze: {} };

/** Monday of the week holding `iso`. */
function mondayOf(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** The morning check: scan, what changed, one item in depth, and the mapping the planner can fix. */
export function Pane({ actions, language, customFunctions, incidentView: Incident, loadChart, onHomeChange }: PaneProps): React.JSX.Element {
  const t = stringsFor(language);
  const today = actions.today();
  const [state, setState] = React.useState<WorkbookState | null>(null);
  const [result, setResult] = React.useState<OpenScanResult | null>(null);
  const [previous, setPrevious] = React.useState<RiskMemory>(EMPTY_MEMORY);
  const [overrides, setOverrides] = React.useState<Overrides>(NO_OVERRIDES);
  const [watch, setWatch] = React.useState<WatchSettings>(DEFAULT_WATCH);
  const [scannedSheets, setScannedSheets] = React.useState<string[] | null>(null);
  const [progress, setProgress] = React.useState<ScanProgress | null>(null);
  /** A scan cancelled while writing left items written (each with its record): Remove is offered. */
  const [partlyWritten, setPartlyWritten] = React.useState(false);
  const abort = React.useRef<AbortController | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [note, setNote] = React.useState<string | null>(null);
  const [view, setView] = React.useState<View>({ kind: "home" });
  const [sheetFilter, setSheetFilter] = React.useState("");
  const [statusFilter, setStatusFilter] = React.useState<RiskStatus | "all">("all");
  const [showSnoozed, setShowSnoozed] = React.useState(false);
  const [mode, setMode] = React.useState<WriteModeChoice | null>(null);
  const [start, setStart] = React.useState("");
  const [mappingMessage, setMappingMessage] = React.useState<{ intent: "success" | "error"; text: string } | null>(null);
  const [selectError, setSelectError] = React.useState<string | null>(null);
  const lastScope = React.useRef<"sheet" | "all">("sheet");
  const busy = React.useRef(false);
  const editedMeanwhile = React.useRef(false);

  React.useEffect(() => {
    let live = true;
    Promise.all([actions.loadState(), actions.loadMemory()]).then(
      ([s, m]) => {
        if (!live) return;
        setState(s);
        setMode(s.writeMode);
        setStart(s.startDate ?? "");
        const memory = sanitizeMemory(m);
        if (memory.watch) setWatch(memory.watch);
      },
      (e: Error) => live && setError(t.failed(e.message))
    );
    return () => {
      live = false;
    };
  }, [actions]);

  React.useEffect(() => onHomeChange?.(view.kind === "home"), [view.kind, onHomeChange]);

  const computed = React.useMemo(() => {
    if (!result) return null;
    const base = watchRisks(result.report.items, previous, watch, today, scannedSheets);
    let memory = base.memory;
    for (const [k, on] of Object.entries(overrides.ack)) memory = acknowledge(memory, k, on);
    for (const [k, s] of Object.entries(overrides.snooze)) memory = snoozeIn(memory, k, s);
    const entries = base.entries.map((e) => {
      const ack = overrides.ack[e.key];
      const sn = e.key in overrides.snooze ? overrides.snooze[e.key] : e.snooze;
      return { ...e, acknowledged: ack ?? e.acknowledged, snooze: sn, snoozed: snoozeActive(sn, today) };
    });
    return { entries: sortEntries(entries), memory: { ...memory, watch } };
  }, [result, previous, watch, today, scannedSheets, overrides]);

  // Saves are chained, and a scan waits for the last one, so it compares with what was shown.
  const saving = React.useRef<Promise<void>>(Promise.resolve());
  React.useEffect(() => {
    if (!computed) return;
    const memory = computed.memory;
    saving.current = saving.current
      .then(() => actions.saveMemory(memory))
      .catch((e: Error) => setError(t.failed(e.message)));
  }, [computed]);

  const scan = async (scope: "sheet" | "all", override?: WorkbookState, followed = false) => {
    const current = override ?? state;
    if (!current) return;
    busy.current = true;
    lastScope.current = scope;
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ phase: "reading" });
    setError(null);
    setNote(null);
    setMappingMessage(null);
    try {
      let sheets: string[] | undefined;
      if (scope === "sheet") {
        const active = await actions.activeSheet();
        sheets = active === SUMMARY_SHEET ? undefined : [active];
      }
      await saving.current;
      const before = sanitizeMemory(await actions.loadMemory());
      const r = await actions.scan(current, {
        sheets,
        signal: controller.signal,
        onProgress: setProgress,
      });
      setPrevious(before);
      setOverrides(NO_OVERRIDES);
      setScannedSheets(sheets ?? null);
      setResult(r);
      setPartlyWritten(false);
      setView((v) => (!r.wrote ? { kind: "mapping" } : v.kind === "item" ? v : { kind: "home" }));
    } catch (e) {
      if (e instanceof ScanCancelled || (e as Error).name === "ScanCancelled") {
        const written = (e as ScanCancelled).written;
        if (written) setPartlyWritten(true);
        setNote(written ? t.cancelledWriting(qty(written.items, language), qty(written.total, language)) : t.cancelled);
      }
      // A rescan after an edit that meets the planner typing again waits for their next edit.
      else if (followed && (e as { code?: string }).code === "InvalidOperationInCellEditMode") return;
      else setError(t.failed((e as Error).message));
    } finally {
      abort.current = null;
      busy.current = false;
      setProgress(null);
      if (editedMeanwhile.current) {
        editedMeanwhile.current = false;
        void scanRef.current(lastScope.current, undefined, true);
      }
    }
  };
  const scanRef = React.useRef(scan);
  scanRef.current = scan;

  // Following edits (the workbook's stored switch): an edit of a figure the last scan read scans
  // again, once the planner pauses; an edit during a scan, right after it.
  const following = !!state?.followEdits && !!result?.wrote && !!actions.followEdits;
  // Worked out only while following: at 5,000 items it is most of a second of the pane's thread.
  const inputs = React.useMemo(
    () => (result && following ? planInputCells(result.records) : null),
    [result, following]
  );
  const inputsRef = React.useRef(inputs);
  inputsRef.current = inputs;
  React.useEffect(() => {
    if (!following || !actions.followEdits) return;
    let stop: (() => Promise<void>) | null = null;
    let live = true;
    actions
      .followEdits((edits) => {
        if (!inputsRef.current || !editsTouchPlan(edits, inputsRef.current)) return;
        if (busy.current) editedMeanwhile.current = true;
        else void scanRef.current(lastScope.current, undefined, true);
      })
      .then(
        (s) => (live ? (stop = s) : void s()),
        (e: Error) => live && setError(t.failed(e.message))
      );
    return () => {
      live = false;
      void stop?.();
    };
  }, [actions, following]);

  const setFollow = async (on: boolean) => {
    if (!state) return;
    const next = { ...state, followEdits: on };
    try {
      await actions.saveState(next);
      setState(next);
    } catch (e) {
      setError(t.failed((e as Error).message));
    }
  };

  const saveAndScan = async (next: WorkbookState) => {
    try {
      await actions.saveState(next);
      setState(next);
      await scan(lastScope.current, next);
    } catch (e) {
      setError(t.failed((e as Error).message));
    }
  };

  const remove = async () => {
    setProgress({ phase: "writing" });
    try {
      const r = await actions.remove();
      setResult(null);
      setPartlyWritten(false);
      setView({ kind: "home" });
      setNote(t.removed(r.kept.length));
    } catch (e) {
      setError(t.failed((e as Error).message));
    } finally {
      setProgress(null);
    }
  };

  const items = result?.report.items ?? [];
  const indexOf = (key: string) => items.findIndex((i) => `${i.sheet}|${i.item}|${i.site ?? ""}` === key);

  const openEntry = (e: RiskEntry) => {
    const i = indexOf(e.key);
    if (i < 0 || !result) return;
    setSelectError(null);
    setView({ kind: "item", key: e.key });
    const cells = itemCells(items[i], result.records[i] ?? null);
    if (cells.length)
      actions.select(cells).catch((err: Error) => setSelectError(t.item.selectFailed(err.message)));
  };

  const selectCell = (cell: string) => {
    setSelectError(null);
    actions.select([cell]).catch((err: Error) => setSelectError(t.item.selectFailed(err.message)));
  };

  const useSelection = async (role: MappingRole) => {
    if (!state) return;
    try {
      const address = await actions.selection();
      const problem = selectionProblem(role, address);
      const mapping = problem ? null : withSelection(state.mapping, role, address);
      if (!mapping) {
        const text = problem === "not-a-header" ? t.mapping.notAHeader(address) : t.mapping.badSelection(address);
        setMappingMessage({ intent: "error", text });
        return;
      }
      const next = { ...state, mapping };
      await actions.saveState(next);
      setState(next);
      setMappingMessage({ intent: "success", text: t.mapping.saved(t.mapping.roles[role], address) });
    } catch (e) {
      setMappingMessage({ intent: "error", text: t.mapping.selectionFailed((e as Error).message) });
    }
  };

  if (view.kind === "incident" && result) {
    const back = () => setView(view.from ? { kind: "item", key: view.from } : { kind: "home" });
    if (Incident)
      return (
        <Incident items={view.items} report={result.report} records={result.records} language={language} actions={actions} onClose={back} />
      );
  }

  if (view.kind === "item" && result) {
    const i = indexOf(view.key);
    if (i >= 0) {
      return (
        <>
          {error && <div role="alert">{error}</div>}
          <ItemView
            item={items[i]}
            record={result.records[i] ?? null}
            fence={result.report.fence}
            lang={language}
            t={t}
            loadChart={loadChart}
            selectError={selectError}
            onBack={() => setView({ kind: "home" })}
            onSelectCell={selectCell}
            onRaiseAlert={(list) => {
              if (Incident) setView({ kind: "incident", items: list, from: view.key });
              else setError(t.noEscalation);
            }}
          />
        </>
      );
    }
  }

  if (view.kind === "mapping") {
    return (
      <MappingView
        t={t}
        lang={language}
        seen={result ? readerView(result.records, result.report.items) : []}
        unplaced={result ? unplaced(result.report.diagnostics) : []}
        mapping={state?.mapping ?? null}
        nothingRead={!!result && !result.wrote}
        message={mappingMessage}
        busy={progress !== null}
        onUseSelection={(role) => void useSelection(role)}
        onScan={() => void scan(lastScope.current)}
        onClear={() => state && void saveAndScan({ ...state, mapping: null })}
        onBack={() => setView({ kind: "home" })}
      />
    );
  }

  const entries = computed?.entries ?? [];
  const shown = entries.filter(
    (e) =>
      (showSnoozed || !e.snoozed) &&
      (!sheetFilter || e.sheet === sheetFilter) &&
      (statusFilter === "all" || e.assessment?.status === statusFilter)
  );
  const numbered = items.some((i) => i.periodStarts.every((s) => s === null));
  const stale = result?.report.diagnostics.find((d) => d.code === "stale-start");
  const startDate = state?.startDate ?? null;
  const firstPeriod = items.find((i) => i.periods.length)?.periods[0] ?? "W1";
  const problems = (result?.report.diagnostics ?? []).filter((d) => d.severity !== "info" && d.code !== "stale-start");

  return (
    <Home
      t={t}
      lang={language}
      today={today}
      ready={!!state}
      scanning={progress}
      onScan={(scope) => void scan(scope)}
      onCancel={abort.current ? () => abort.current?.abort() : undefined}
      error={error}
      note={note}
      scanned={!!result}
      wrote={!!result?.wrote}
      partlyWritten={partlyWritten}
      summary={result ? summarize(items, entries) : null}
      entries={shown}
      snoozedCount={entries.filter((e) => e.snoozed).length}
      showSnoozed={showSnoozed}
      onShowSnoozed={setShowSnoozed}
      watch={watch}
      onWatch={setWatch}
      sheets={[...new Set(items.map((i) => i.sheet))]}
      sheetFilter={sheetFilter}
      onSheetFilter={setSheetFilter}
      statusFilter={statusFilter}
      onStatusFilter={setStatusFilter}
      problems={problems}
      firstScan={
        result && result.wrote && state && state.writeMode === null
          ? {
              current: result.mode,
              mode: mode ?? result.mode,
              modes: MODES.filter((m) => m !== "live" || customFunctions),
              numbered,
              start: start || (numbered ? mondayOf(today) : ""),
              onMode: setMode,
              onStart: setStart,
              onSave: () =>
                void saveAndScan({
                  ...state,
                  writeMode: mode ?? result.mode,
                  startDate: numbered
                    ? /^\d{4}-\d{2}-\d{2}$/.test(start || mondayOf(today))
                      ? start || mondayOf(today)
                      : null
                    : state.startDate,
                }),
            }
          : null
      }
      stale={
        stale && startDate && state
          ? {
              text: t.staleStart(firstPeriod, daysFrom(startDate, today), formatDate(startDate, language)),
              action: t.rollForward(firstPeriod),
              onRoll: () => void saveAndScan({ ...state, startDate: rollForward(startDate, today) }),
            }
          : null
      }
      onOpen={openEntry}
      onAcknowledge={(e, on) => setOverrides((o) => ({ ...o, ack: { ...o.ack, [e.key]: on } }))}
      onSnooze={(e, s) => setOverrides((o) => ({ ...o, snooze: { ...o.snooze, [e.key]: s } }))}
      onMapping={() => setView({ kind: "mapping" })}
      onRemove={() => void remove()}
      follow={actions.followEdits ? { on: !!state?.followEdits, onChange: (on) => void setFollow(on) } : null}
    />
  );
}
