import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  SpinButton,
  Subtitle2,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Diagnostic } from "../../layout";
import { ScanProgress, WriteModeChoice } from "../../excel";
import { Language } from "../environment";
import { RiskEntry, RiskStatus, Snooze, Summary, WatchSettings } from "../model/riskWatch";
import { diagnosticText } from "../model/mapping";
import { Strings } from "../strings";
import { qty } from "../model/format";
import { RiskList } from "./RiskList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "end", flexWrap: "wrap" },
  summary: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(8.5em, 100%), 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  figure: {
    display: "flex",
    flexDirection: "column-reverse",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
  },
  figureValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  filters: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(8.5em, 100%), 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  field: { minWidth: 0, maxWidth: "100%" },
  select: { minWidth: 0, maxWidth: "100%" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  progressDetail: { display: "block" },
});

const MODES: WriteModeChoice[] = ["live", "portable", "side-sheet", "values"];

export interface HomeProps {
  t: Strings;
  lang: Language;
  today: string;
  ready: boolean;
  scanning: ScanProgress | null;
  onScan: (scope: "sheet" | "all") => void;
  /** Undefined while something that cannot stop runs (Remove). */
  onCancel?: () => void;
  error: string | null;
  note: string | null;
  scanned: boolean;
  wrote: boolean;
  /** A scan cancelled while writing left items written: Remove is offered though no scan result is shown. */
  partlyWritten?: boolean;
  summary: Summary | null;
  entries: RiskEntry[];
  snoozedCount: number;
  showSnoozed: boolean;
  onShowSnoozed: (on: boolean) => void;
  watch: WatchSettings;
  onWatch: (w: WatchSettings) => void;
  sheets: string[];
  sheetFilter: string;
  onSheetFilter: (s: string) => void;
  statusFilter: RiskStatus | "all";
  onStatusFilter: (s: RiskStatus | "all") => void;
  problems: Diagnostic[];
  firstScan: {
    mode: WriteModeChoice;
    modes: WriteModeChoice[];
    numbered: boolean;
    start: string;
    onMode: (m: WriteModeChoice) => void;
    onStart: (s: string) => void;
    onSave: () => void;
    current: WriteModeChoice;
  } | null;
  stale: { text: string; action: string; onRoll: () => void } | null;
  onOpen: (e: RiskEntry) => void;
  onAcknowledge: (e: RiskEntry, on: boolean) => void;
  onSnooze: (e: RiskEntry, s: Snooze | null) => void;
  onMapping: () => void;
  onRemove: () => void;
  /** The stored "update risks when I edit the sheet" switch; null where edits cannot be followed. */
  follow: { on: boolean; onChange: (on: boolean) => void } | null;
}

export function Home(p: HomeProps): React.JSX.Element {
  const styles = useStyles();
  const { t } = p;
  const busy = p.scanning !== null;
  const s = p.summary;
  const statuses: (RiskStatus | "all")[] = ["all", "stockout", "at-risk", "low"];
  return (
    <div className={styles.root}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => p.onScan("sheet")} disabled={busy || !p.ready}>
          {t.scan}
        </Button>
        <Button onClick={() => p.onScan("all")} disabled={busy || !p.ready}>
          {t.scanAll}
        </Button>
      </div>
      {p.follow && (
        <Field hint={t.followEditsHint} className={styles.field}>
          <Switch
            checked={p.follow.on}
            label={t.followEdits}
            disabled={!p.ready}
            onChange={(_e, d) => p.follow?.onChange(d.checked)}
          />
        </Field>
      )}
      {p.scanning && <ScanProgressView t={t} lang={p.lang} progress={p.scanning} onCancel={p.onCancel} />}
      {p.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{p.error}</MessageBarBody>
        </MessageBar>
      )}
      {p.note && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{p.note}</MessageBarBody>
        </MessageBar>
      )}
      {p.firstScan && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <div>{t.firstScan}</div>
            <div>{t.writtenAs(t.modes[p.firstScan.current])}</div>
            <div className={styles.row}>
              <Field label={t.modeLabel} className={styles.field}>
                {/* Radio buttons, not a drop-down: each mode's words stay whole at 320 px. */}
                <RadioGroup
                  value={p.firstScan.mode}
                  onChange={(_e, d) => p.firstScan?.onMode(d.value as WriteModeChoice)}
                >
                  {p.firstScan.modes.map((m) => (
                    <Radio key={m} value={m} label={t.modes[m]} />
                  ))}
                </RadioGroup>
              </Field>
              {p.firstScan.numbered && (
                <Field label={t.startDateLabel} hint={t.numberedPeriods} className={styles.field}>
                  <Input type="date" value={p.firstScan.start} onChange={(_e, d) => p.firstScan?.onStart(d.value)} />
                </Field>
              )}
              <Button onClick={p.firstScan.onSave} disabled={busy}>
                {t.saveAndScan}
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {p.stale && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <div>{p.stale.text}</div>
            <Button size="small" onClick={p.stale.onRoll} disabled={busy}>
              {p.stale.action}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {s && (
        <section role="region" aria-label={t.summary}>
          <Subtitle2 as="h2">{t.summary}</Subtitle2>
          <dl className={styles.summary}>
            {(["read", "short", "receipt", "low", "problems"] as const).map((k) => (
              <div key={k} className={styles.figure}>
                <dt>
                  <Caption1>{t.summaryItems[k]}</Caption1>
                </dt>
                <dd className={styles.figureValue}>{s[k]}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {p.scanned && (
        <section aria-labelledby="risks-heading">
          <Subtitle2 as="h2" id="risks-heading">
            {t.risks}
          </Subtitle2>
          <div className={styles.filters}>
            <Field label={t.horizon} hint={t.horizonHint} className={styles.field}>
              <SpinButton
                min={1}
                max={520}
                value={p.watch.horizon}
                onChange={(_e, d) => {
                  const v = d.value ?? Number(d.displayValue);
                  if (Number.isInteger(v) && (v as number) >= 1) p.onWatch({ ...p.watch, horizon: v as number });
                }}
              />
            </Field>
            <Field label={t.slackThreshold} hint={t.slackHint} className={styles.field}>
              <SpinButton
                min={0}
                max={52}
                value={p.watch.slackThreshold}
                onChange={(_e, d) => {
                  const v = d.value ?? Number(d.displayValue);
                  if (Number.isInteger(v) && (v as number) >= 0) p.onWatch({ ...p.watch, slackThreshold: v as number });
                }}
              />
            </Field>
            <Field label={t.sheetFilter} className={styles.field}>
              <Select className={styles.select} value={p.sheetFilter} onChange={(_e, d) => p.onSheetFilter(d.value)}>
                <option value="">{t.allSheets}</option>
                {p.sheets.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t.statusFilter} className={styles.field}>
              <Select className={styles.select} value={p.statusFilter} onChange={(_e, d) => p.onStatusFilter(d.value as RiskStatus | "all")}>
                {statuses.map((st) => (
                  <option key={st} value={st}>
                    {st === "all" ? t.allStatuses : t.statusWords[st]}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          {p.entries.length ? (
            <RiskList
              entries={p.entries}
              lang={p.lang}
              t={t}
              today={p.today}
              onOpen={p.onOpen}
              onAcknowledge={p.onAcknowledge}
              onSnooze={p.onSnooze}
            />
          ) : (
            <Caption1 role="note">{p.sheetFilter || p.statusFilter !== "all" ? t.noneMatch : p.wrote ? t.noRisks(p.watch.horizon) : t.noPlan}</Caption1>
          )}
          {p.snoozedCount > 0 && (
            <div className={styles.row}>
              <Caption1>{t.snoozedCount(p.snoozedCount)}</Caption1>
              <Button size="small" appearance="subtle" onClick={() => p.onShowSnoozed(!p.showSnoozed)}>
                {p.showSnoozed ? t.hideSnoozed : t.showSnoozed}
              </Button>
            </div>
          )}
        </section>
      )}
      {p.problems.length > 0 && (
        <section>
          <Subtitle2 as="h2">{t.problems}</Subtitle2>
          <ul className={styles.list} aria-label={t.problems}>
            {p.problems.map((d, i) => (
              <li key={i}>{diagnosticText(d, p.lang)}</li>
            ))}
          </ul>
        </section>
      )}
      {(p.scanned || p.partlyWritten) && (
        <div className={styles.row}>
          {p.scanned && (
            <Button appearance="subtle" onClick={p.onMapping} disabled={busy}>
              {t.mapping.open}
            </Button>
          )}
          {(p.wrote || p.partlyWritten) && (
            <Button appearance="subtle" onClick={p.onRemove} disabled={busy}>
              {t.remove}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

/** What the scan is doing, with counts where it knows them, and Cancel (also between write blocks). */
function ScanProgressView(props: {
  t: Strings;
  lang: Language;
  progress: ScanProgress;
  onCancel?: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const { t, lang, progress: p } = props;
  const counted = p.total !== undefined && p.done !== undefined && p.total > 0;
  const detail = !counted
    ? null
    : p.phase === "reading"
      ? t.progressReading(qty(p.done!, lang), qty(p.total!, lang))
      : p.phase === "writing" && p.block
        ? t.progressWriting(p.block, qty(p.done!, lang), qty(p.total!, lang))
        : null;
  return (
    <div role="status" aria-live="polite">
      <Field validationMessage={p.phase === "writing" ? t.writingStops : undefined} validationState="none">
        <ProgressBar
          thickness="large"
          aria-label={t.phases[p.phase]}
          value={counted && detail ? p.done! / p.total! : undefined}
        />
      </Field>
      <div className={styles.row}>
        <Caption1>
          {t.phases[p.phase]}
          {detail ? <span className={styles.progressDetail}>{detail}</span> : null}
        </Caption1>
        <Button size="small" onClick={props.onCancel} disabled={!props.onCancel}>
          {t.cancel}
        </Button>
      </div>
    </div>
  );
}

export { MODES };
