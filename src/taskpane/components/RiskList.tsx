import * as React from "react";
import {
  Button,
  Field,
  Input,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { Language } from "../environment";
import { formatDate } from "../model/dates";
import { periodWithDate, qty } from "../model/format";
import { RiskEntry, Snooze } from "../model/riskWatch";
import { Strings } from "../strings";
import { STATUS_ICON, statusColor } from "./statusLook";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    borderLeftWidth: "4px",
    borderLeftStyle: "solid",
    paddingLeft: tokens.spacingHorizontalS,
  },
  entry: {
    display: "block",
    width: "100%",
    textAlign: "left",
    background: "none",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    overflowWrap: "anywhere",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
  line: { display: "block" },
  name: { fontWeight: tokens.fontWeightSemibold },
  change: {
    marginLeft: tokens.spacingHorizontalS,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    fontSize: tokens.fontSizeBase200,
  },
  worse: { fontWeight: tokens.fontWeightBold },
  muted: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  popover: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

const CHANGE_ICON = { new: "●", worse: "↑", unchanged: "=", better: "↓", resolved: "✓" };

export interface RiskListProps {
  entries: RiskEntry[];
  lang: Language;
  t: Strings;
  today: string;
  onOpen: (entry: RiskEntry) => void;
  onAcknowledge: (entry: RiskEntry, on: boolean) => void;
  onSnooze: (entry: RiskEntry, snooze: Snooze | null) => void;
}

/**
 * Entries shown at first, and added by each "Show more": the most urgent come first, and a list of
 * thousands of entries would hold the pane for seconds while it is built.
 */
export const RISKS_PAGE = 100;

/** The Risks list: one control per risk, most urgent first, a page at a time. */
export function RiskList(props: RiskListProps): React.JSX.Element {
  const styles = useStyles();
  const [limit, setLimit] = React.useState(RISKS_PAGE);
  const { entries, t, lang } = props;
  const shown = entries.length > limit ? entries.slice(0, limit) : entries;
  return (
    <>
      <ul className={styles.list} aria-label={t.risks}>
        {shown.map((e) => (
          <RiskRow key={e.key} entry={e} {...props} />
        ))}
      </ul>
      {shown.length < entries.length && (
        <Button appearance="secondary" onClick={() => setLimit((l) => l + RISKS_PAGE)}>
          {t.showMore(
            Math.min(RISKS_PAGE, entries.length - shown.length),
            qty(shown.length, lang),
            qty(entries.length, lang)
          )}
        </Button>
      )}
    </>
  );
}

function entryLines(e: RiskEntry, t: Strings, lang: Language): string[] {
  const a = e.assessment;
  const item = e.item;
  const lines: string[] = [];
  if (a && item) {
    const at = periodWithDate(item.periods[a.firstIndex], item.periodStarts[a.firstIndex], lang);
    const what =
      a.status === "stockout"
        ? t.entry.short(qty(a.quantity, lang))
        : a.status === "at-risk" && a.receipt
          ? t.entry.receipt(item.periods[a.receipt.index], qty(a.receipt.quantity, lang), a.receipt.slack)
          : t.entry.belowSafety(qty(a.quantity, lang));
    const peak = a.peak
      ? `${lang === "zh-CN" ? "，" : ", "}${t.entry.peak(qty(a.peak.quantity, lang), item.periods[a.peak.index])}`
      : "";
    lines.push(`${at}${t.colon}${what}${peak}`);
    if (a.receipt && a.status !== "at-risk")
      lines.push(
        t.entry.receipt(item.periods[a.receipt.index], qty(a.receipt.quantity, lang), a.receipt.slack)
      );
  } else if (e.was) {
    lines.push(t.entry.wasStatus(t.statusWords[e.was.status]));
  }
  const since = t.entry.since(formatDate(e.firstDetected, lang, false));
  const flags = [since];
  if (e.acknowledged) flags.push(t.entry.acknowledged);
  if (e.snooze?.until) flags.push(t.entry.snoozedUntil(formatDate(e.snooze.until, lang, false)));
  else if (e.snooze?.untilWorse) flags.push(t.entry.snoozedUntilWorse);
  lines.push(flags.join(lang === "zh-CN" ? "，" : ", "));
  return lines;
}

function RiskRow({
  entry: e,
  lang,
  t,
  today,
  onOpen,
  onAcknowledge,
  onSnooze,
}: RiskListProps & { entry: RiskEntry }): React.JSX.Element {
  const styles = useStyles();
  const status = e.assessment?.status ?? "ok";
  const [open, setOpen] = React.useState(false);
  const [until, setUntil] = React.useState("");
  const statusText =
    e.change === "resolved" ? t.statusWords.ok : t.statusWords[status];
  const icon = e.change === "resolved" ? "✓" : STATUS_ICON[status];
  const color = statusColor(e.change === "resolved" ? "ok" : status);
  return (
    <li className={styles.item} style={{ borderLeftColor: color }}>
      <button type="button" className={styles.entry} onClick={() => onOpen(e)}>
        <span className={styles.line}>
          <span className={styles.name}>{e.name}</span>{" "}
          <span className={mergeClasses(styles.change, e.change === "worse" && styles.worse)}>
            <span aria-hidden="true">{CHANGE_ICON[e.change]} </span>
            {t.changeWords[e.change]}
          </span>
        </span>{" "}
        <span className={styles.line}>
          <span aria-hidden="true" style={{ color }}>
            {icon}{" "}
          </span>
          {statusText}
          {e.sheet ? <span className={styles.muted}>{` · ${e.sheet}`}</span> : null}
        </span>{" "}
        {entryLines(e, t, lang).map((line, i) => (
          <React.Fragment key={i}>
            <span className={mergeClasses(styles.line, i > 0 && styles.muted)}>{line}</span>{" "}
          </React.Fragment>
        ))}
      </button>
      {e.change !== "resolved" && (
        <div className={styles.buttons}>
          <Button size="small" appearance="subtle" onClick={() => onAcknowledge(e, !e.acknowledged)}>
            {e.acknowledged ? t.unacknowledge : t.acknowledge}
          </Button>
          {e.snooze ? (
            <Button size="small" appearance="subtle" onClick={() => onSnooze(e, null)}>
              {t.unsnooze}
            </Button>
          ) : (
            <Popover open={open} onOpenChange={(_ev, d) => setOpen(d.open)} trapFocus>
              <PopoverTrigger disableButtonEnhancement>
                <Button size="small" appearance="subtle">
                  {t.snooze}
                </Button>
              </PopoverTrigger>
              <PopoverSurface aria-label={`${t.snooze} ${e.name}`}>
                <div className={styles.popover}>
                  <Field label={t.snoozeUntilDate}>
                    <Input type="date" min={today} value={until} onChange={(_ev, d) => setUntil(d.value)} />
                  </Field>
                  <Button
                    disabled={!/^\d{4}-\d{2}-\d{2}$/.test(until) || until <= today}
                    onClick={() => {
                      setOpen(false);
                      onSnooze(e, { until, untilWorse: false });
                    }}
                  >
                    {t.snoozeApply}
                  </Button>
                  <Button
                    onClick={() => {
                      setOpen(false);
                      onSnooze(e, { until: null, untilWorse: true });
                    }}
                  >
                    {t.snoozeUntilWorse}
                  </Button>
                </div>
              </PopoverSurface>
            </Popover>
          )}
        </div>
      )}
    </li>
  );
}
