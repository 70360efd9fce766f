import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Advice } from "../../engine";
import { PlanRecord } from "../../layout";
import { ReportItem } from "../../report";
import { Language } from "../environment";
import { qty } from "../model/format";
import { adviceFor, driversOf } from "../model/itemDetail";
import { Strings } from "../strings";
import { DriversTable } from "./DriversTable";
import { PromiseCheckGroup } from "./PromiseCheckGroup";
import { WhatIfGroup } from "./WhatIfGroup";
import { STATUS_ICON, statusColor } from "./statusLook";
import type { PabChartProps } from "./PabChart";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  top: { display: "flex", justifyContent: "space-between", alignItems: "center", flexWrap: "wrap", rowGap: tokens.spacingVerticalS },
  chart: { minHeight: "220px", width: "100%", overflow: "hidden" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export type ChartLoader = () => Promise<{ default: React.ComponentType<PabChartProps> }>;

/** The chart's own chunk: webpack splits it off, so the pane's first screen does not wait for it. */
export const loadPabChart: ChartLoader = () => import(/* webpackChunkName: "pab-chart" */ "./PabChart");

class ChartBoundary extends React.Component<{ fallback: React.ReactNode; children: React.ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  render(): React.ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export interface ItemViewProps {
  item: ReportItem;
  record: PlanRecord | null;
  fence: number;
  lang: Language;
  t: Strings;
  loadChart?: ChartLoader;
  onBack: () => void;
  onSelectCell: (cell: string) => void;
  onRaiseAlert: (items: ReportItem[]) => void;
  selectError?: string | null;
}

export function adviceLines(advice: Advice[], item: ReportItem, lang: Language, t: Strings): string[] {
  const name = (i: number) => item.periods[i] ?? `${i + 1}`;
  const out: string[] = [];
  const add = advice.find((a) => a.kind === "add");
  const pull = advice.find((a) => a.kind === "pull-in");
  if (add && add.kind === "add") {
    let line = t.advice.add(qty(add.quantity, lang), name(add.byIndex));
    if (pull && pull.kind === "pull-in") line += t.advice.or + t.advice.pullIn(name(pull.receiptIndex), qty(pull.quantity, lang), pull.by);
    out.push(`${line}${lang === "zh-CN" ? "。" : "."}`);
  }
  for (const a of advice) {
    if (a.kind === "confirm-receipt") out.push(t.advice.confirmReceipt(name(a.receiptIndex), qty(a.quantity, lang)));
    if (a.kind === "forecast-only") out.push(t.advice.forecastOnly(name(a.byIndex)));
    if (a.kind === "top-up-safety") out.push(t.advice.topUpSafety(qty(a.quantity, lang), name(a.byIndex)));
    if (a.kind === "covered") out.push(t.advice.covered);
  }
  return out;
}

function chartAlt(item: ReportItem, lang: Language, t: Strings): string {
  const periods = (pred: (i: number) => boolean) => item.periods.filter((_p, i) => pred(i));
  const n = item.pab.length;
  const at = (i: number) =>
    lang === "zh-CN" ? `${qty(item.pab[i], lang)}（${item.periods[i]}）` : `${qty(item.pab[i], lang)} (${item.periods[i]})`;
  return t.item.chartAlt({
    item: item.item,
    from: n ? at(0) : "",
    to: n ? at(n - 1) : "",
    min: qty(Math.min(...item.pab), lang),
    max: qty(Math.max(...item.pab), lang),
    short: periods((i) => item.pab[i] < 0),
    low: periods((i) => item.pab[i] >= 0 && item.belowSafety[i]),
    receipts: item.receipts.filter((r) => r.slack === 0).map((r) => r.period),
    safety: item.safetyStock ? `${t.item.legendSafety} ${qty(item.safetyStock, lang)}` : "",
  });
}

/** One item in depth: chart, drivers, what-if, what to do, promise check, escalation. */
export function ItemView(props: ItemViewProps): React.JSX.Element {
  const { item, record, fence, lang, t } = props;
  const styles = useStyles();
  const drivers = React.useMemo(() => driversOf(item, record), [item, record]);
  const advice = React.useMemo(() => adviceLines(adviceFor(item, fence), item, lang, t), [item, fence, lang, t]);
  const Chart = React.useMemo(() => React.lazy(props.loadChart ?? loadPabChart), [props.loadChart]);
  const chartBox = React.useRef<HTMLDivElement>(null);
  const [width, setWidth] = React.useState(280);
  React.useLayoutEffect(() => {
    const w = chartBox.current?.clientWidth;
    if (w) setWidth(Math.max(200, w));
  }, []);
  const headingId = React.useId();
  const name = item.site ? `${item.item} (${item.site})` : item.item;
  return (
    <section className={styles.root} role="region" aria-label={item.item}>
      <div className={styles.top}>
        <Button appearance="subtle" onClick={props.onBack}>
          <span aria-hidden="true">←&nbsp;</span>
          {t.item.back}
        </Button>
        <Button appearance="primary" onClick={() => props.onRaiseAlert([item])}>
          {t.raiseAlert}
        </Button>
      </div>
      <Subtitle1 as="h2" id={headingId}>
        {name}
      </Subtitle1>
      <div>
        <span aria-hidden="true" style={{ color: statusColor(item.worstStatus) }}>
          {STATUS_ICON[item.worstStatus]}{" "}
        </span>
        {t.statusWords[item.worstStatus]} · {item.sheet}
      </div>
      {item.flagged && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.item.flagged}</MessageBarBody>
        </MessageBar>
      )}
      {props.selectError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{props.selectError}</MessageBarBody>
        </MessageBar>
      )}
      <div ref={chartBox} className={styles.chart} role="img" aria-label={chartAlt(item, lang, t)}>
        <ChartBoundary fallback={<div>{t.item.chartFailed}</div>}>
          <React.Suspense fallback={<Spinner size="tiny" label={t.item.chartLoading} />}>
            <Chart item={item} t={t} width={width} />
          </React.Suspense>
        </ChartBoundary>
      </div>
      <section aria-label={t.item.actions}>
        <Subtitle2 as="h3">{t.item.actions}</Subtitle2>
        <ul className={styles.list}>
          {advice.map((a, i) => (
            <li key={i}>{a}</li>
          ))}
        </ul>
      </section>
      <DriversTable drivers={drivers} hasForecast={item.forecast !== null} lang={lang} t={t} onSelectCell={props.onSelectCell} />
      <WhatIfGroup item={item} fence={fence} lang={lang} t={t} />
      <PromiseCheckGroup item={item} lang={lang} t={t} />
    </section>
  );
}
