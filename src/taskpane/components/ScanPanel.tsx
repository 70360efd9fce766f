import * as React from "react";
import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { OpenScanResult, WorkbookState, WriteModeChoice } from "../../excel";
import { WorkbookActions } from "../actions";
import { Language } from "../environment";
import { risksOf } from "../risks";
import type { Report, ReportItem } from "../../report";
import { stringsFor } from "../strings";

const MODES: WriteModeChoice[] = ["live", "portable", "side-sheet", "values"];
const COLORS = { stockout: "#C50F1F", "at-risk": "#C05000", low: "#8A6100", ok: "#0E700E" };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
});

export interface ScanPanelProps {
  actions: WorkbookActions;
  language: Language;
  customFunctions: boolean;
  /** Raise alert on a risk: hands its item and the scan to the incident views. */
  onRaiseAlert?: (items: ReportItem[], report: Report) => void;
}

export function ScanPanel({
  actions,
  language,
  customFunctions,
  onRaiseAlert,
}: ScanPanelProps): React.JSX.Element {
  const styles = useStyles();
  const t = stringsFor(language);
  const [state, setState] = React.useState<WorkbookState | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [result, setResult] = React.useState<OpenScanResult | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [note, setNote] = React.useState<string | null>(null);
  const [mode, setMode] = React.useState<WriteModeChoice | null>(null);
  const [start, setStart] = React.useState("");

  React.useEffect(() => {
    actions.loadState().then((s) => {
      setState(s);
      setMode(s.writeMode);
      setStart(s.startDate ?? "");
    }, (e: Error) => setError(t.failed(e.message)));
  }, [actions]);

  const scan = async (override?: WorkbookState) => {
    const current = override ?? state;
    if (!current) return;
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      setResult(await actions.scan(current));
    } catch (e) {
      setError(t.failed((e as Error).message));
    } finally {
      setBusy(false);
    }
  };

  const remember = async () => {
    if (!state) return;
    const next: WorkbookState = { ...state, writeMode: mode, startDate: /^\d{4}-\d{2}-\d{2}$/.test(start) ? start : null };
    await actions.saveState(next);
    setState(next);
    await scan(next);
  };

  const remove = async () => {
    setBusy(true);
    try {
      const r = await actions.remove();
      setResult(null);
      setNote(t.removed(r.kept.length));
    } catch (e) {
      setError(t.failed((e as Error).message));
    } finally {
      setBusy(false);
    }
  };

  const risks = result ? risksOf(result.report.items, language) : [];
  const problems = result ? result.report.diagnostics.filter((d) => d.severity !== "info") : [];
  const numbered = result?.report.items.some((i) => i.periodStarts.every((s) => s === null));

  return (
    <section className={styles.root} aria-label={t.scan}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => scan()} disabled={busy || !state}>
          {t.scan}
        </Button>
        {busy && <Spinner size="tiny" label={t.scanning} />}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {note && (
        <MessageBar intent="success">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      {result && state && state.writeMode === null && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <div>{t.writtenAs(t.modes[result.mode])}</div>
            <div className={styles.row}>
              <Field label={t.modeLabel}>
                <Dropdown
                  value={t.modes[mode ?? result.mode]}
                  selectedOptions={[mode ?? result.mode]}
                  onOptionSelect={(_e, d) => setMode(d.optionValue as WriteModeChoice)}
                >
                  {MODES.filter((m) => m !== "live" || customFunctions).map((m) => (
                    <Option key={m} value={m}>
                      {t.modes[m]}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              {numbered && (
                <Field label={t.startDateLabel} hint={t.startDateHint}>
                  <Input type="date" value={start} onChange={(_e, d) => setStart(d.value)} />
                </Field>
              )}
              <Button onClick={remember} disabled={busy}>
                {t.remember}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <>
          <Subtitle2 as="h2" id="risks-heading">
            {t.risks}
          </Subtitle2>
          {risks.length ? (
            <ul className={styles.list} aria-label={t.risks}>
              {risks.map((r) => (
                <li key={r.key} style={{ color: COLORS[r.worst] }}>
                  {r.text}
                  {onRaiseAlert && result && (
                    <>
                      {" "}
                      <Button
                        size="small"
                        onClick={() => {
                          const item = result.report.items.find(
                            (it) => `${it.sheet}|${it.item}|${it.site ?? ""}` === r.key
                          );
                          if (item) onRaiseAlert([item], result.report);
                        }}
                      >
                        {language === "zh-CN" ? "发出预警" : "Raise alert"}
                      </Button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <Caption1>{t.noPlan}</Caption1>
          )}
        </>
      )}
      {problems.length > 0 && (
        <>
          <Subtitle2 as="h2">{t.problems}</Subtitle2>
          <ul className={styles.list} aria-label={t.problems}>
            {problems.map((d, i) => (
              <li key={i}>{d.message}</li>
            ))}
          </ul>
        </>
      )}
      {result && (
        <div>
          <Button appearance="subtle" onClick={remove} disabled={busy}>
            {t.remove}
          </Button>
        </div>
      )}
    </section>
  );
}
