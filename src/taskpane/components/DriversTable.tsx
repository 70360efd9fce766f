import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Language } from "../environment";
import { formatDate } from "../model/dates";
import { qty } from "../model/format";
import { Drivers, Traced } from "../model/itemDetail";
import { Strings } from "../strings";
import { STATUS_ICON, statusColor } from "./statusLook";

const useStyles = makeStyles({
  scroll: { maxWidth: "100%", overflowX: "auto" },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
  },
  caption: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    paddingBottom: tokens.spacingVerticalXS,
  },
  th: {
    textAlign: "right",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXXS} 3px`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    verticalAlign: "bottom",
  },
  left: { textAlign: "left" },
  td: {
    textAlign: "right",
    padding: `${tokens.spacingVerticalXXS} 3px`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: "nowrap",
  },
  // The date may wrap ("30 Nov 2026 / (wk 49)"): the table fits a 320 px pane without scrolling.
  date: { display: "block", color: tokens.colorNeutralForeground3, whiteSpace: "normal" },
  num: {
    background: "none",
    border: "none",
    padding: 0,
    font: "inherit",
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "underline",
    textDecorationStyle: "dotted",
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  short: { fontWeight: tokens.fontWeightBold },
});

export interface DriversTableProps {
  drivers: Drivers;
  hasForecast: boolean;
  lang: Language;
  t: Strings;
  onSelectCell: (cell: string) => void;
}

/** One row per period; every number read from the sheet selects its cell. */
export function DriversTable({ drivers, hasForecast, lang, t, onSelectCell }: DriversTableProps): React.JSX.Element {
  const styles = useStyles();
  const c = t.item.columns;
  const Num = ({ v, what, extra }: { v: Traced; what: string; extra?: React.ReactNode }) =>
    v.cell ? (
      <button type="button" className={styles.num} title={t.item.cellOf(what, v.cell)} onClick={() => onSelectCell(v.cell as string)}>
        {qty(v.value, lang)}
        {extra}
      </button>
    ) : (
      <span title={t.item.noCell}>
        {qty(v.value, lang)}
        {extra}
      </span>
    );
  const mark = (symbol: string, label: string, color: string) => (
    <span role="img" aria-label={label} style={{ color }}>
      {` ${symbol}`}
    </span>
  );
  return (
    <div className={styles.scroll}>
      <table className={styles.table} aria-label={t.item.drivers}>
        <caption className={styles.caption}>{t.item.drivers}</caption>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.th, styles.left)}>
              {c.period}
            </th>
            <th scope="col" className={styles.th}>
              {c.demand}
            </th>
            {drivers.supplyLabels.map((l, i) => (
              <th scope="col" className={styles.th} key={i}>
                {l}
              </th>
            ))}
            <th scope="col" className={styles.th}>
              {c.pab}
            </th>
            {hasForecast && (
              <th scope="col" className={styles.th}>
                {c.ordersOnly}
              </th>
            )}
            <th scope="col" className={styles.th}>
              {c.atp}
            </th>
            <th scope="col" className={styles.th}>
              {c.slack}
            </th>
          </tr>
        </thead>
        <tbody>
          {drivers.rows.map((r) => (
            <tr key={r.index}>
              <th scope="row" className={mergeClasses(styles.td, styles.left)}>
                {r.period}
                {r.date && <span className={styles.date}>{formatDate(r.date, lang)}</span>}
              </th>
              <td className={styles.td}>
                <Num v={r.demand} what={`${c.demand} ${r.period}`} />
              </td>
              {r.supply.map((s, i) => (
                <td className={styles.td} key={i}>
                  <Num
                    v={s}
                    what={`${drivers.supplyLabels[i]} ${r.period}`}
                    extra={r.slack === 0 && s.value > 0 ? mark(STATUS_ICON["at-risk"], t.statusWords["at-risk"], statusColor("at-risk")) : null}
                  />
                </td>
              ))}
              <td className={mergeClasses(styles.td, r.pab.value < 0 && styles.short)}>
                <Num
                  v={r.pab}
                  what={`${c.pab} ${r.period}`}
                  extra={
                    r.pab.value < 0
                      ? mark(STATUS_ICON.stockout, t.statusWords.stockout, statusColor("stockout"))
                      : r.belowSafety
                        ? mark(STATUS_ICON.low, t.statusWords.low, statusColor("low"))
                        : null
                  }
                />
              </td>
              {hasForecast && <td className={styles.td}>{qty(r.ordersOnly, lang)}</td>}
              <td className={styles.td}>{r.atp === null ? "" : qty(r.atp, lang)}</td>
              <td className={styles.td}>{r.slack === null ? "" : r.slack === "none" ? t.item.notNeeded : r.slack}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
