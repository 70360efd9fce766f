import * as React from "react";
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { WhatIfResult } from "../../engine";
import { ReportItem } from "../../report";
import { Language } from "../environment";
import { qty } from "../model/format";
import { WhatIfChoice, tryWhatIf } from "../model/itemDetail";
import { Strings } from "../strings";

export const useGroupStyles = makeStyles({
  group: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "end" },
  narrow: { width: "7em" },
  wide: { maxWidth: "100%", minWidth: 0 },
  select: { maxWidth: "100%" },
  status: { minHeight: "1.2em" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Kind = WhatIfChoice["kind"];
const KINDS: Kind[] = ["slip", "pull", "cut-quantity", "cut-percent", "split"];

export interface WhatIfGroupProps {
  item: ReportItem;
  fence: number;
  lang: Language;
  t: Strings;
}

/** Receipt changes tried on the item's plan alone: the sheet is never touched. */
export function WhatIfGroup({ item, fence, lang, t }: WhatIfGroupProps): React.JSX.Element {
  const styles = useGroupStyles();
  const w = t.whatIf;
  const [receipt, setReceipt] = React.useState(String(item.receipts[0]?.index ?? ""));
  const [kind, setKind] = React.useState<Kind>("slip");
  const [periods, setPeriods] = React.useState("1");
  const [amount, setAmount] = React.useState("");
  const [result, setResult] = React.useState<WhatIfResult | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  if (!item.receipts.length) {
    return (
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{w.legend}</legend>
        <div role="status">{w.noReceipts}</div>
      </fieldset>
    );
  }

  const needsPeriods = kind === "slip" || kind === "pull" || kind === "split";
  const needsAmount = kind !== "slip" && kind !== "pull";
  const amountLabel = kind === "cut-percent" ? w.percent : kind === "split" ? w.onTime : w.quantity;

  const run = () => {
    const index = Number(receipt);
    const by = Number(periods);
    const value = Number(amount.replace(/,/g, ""));
    const choice: WhatIfChoice =
      kind === "slip" || kind === "pull"
        ? { kind, index, by }
        : kind === "cut-quantity"
          ? { kind, index, quantity: value }
          : kind === "cut-percent"
            ? { kind, index, percent: value }
            : { kind, index, onTime: value, by };
    try {
      if (needsPeriods && !(Number.isInteger(by) && by > 0)) throw new Error(`${w.periods}: ${periods || "—"}`);
      if (needsAmount && !(amount.trim() && Number.isFinite(value))) throw new Error(`${amountLabel}: ${amount || "—"}`);
      setResult(tryWhatIf(item, fence, choice));
      setError(null);
    } catch (e) {
      setResult(null);
      setError(w.invalid((e as Error).message));
    }
  };

  const periodName = (i: number) => item.periods[i] ?? `${i + 1}`;
  const first = result?.plan.shortage.firstShortage ?? null;
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{w.legend}</legend>
      <div className={styles.row}>
        <Field label={w.receipt} className={styles.wide}>
          <Select className={styles.select} value={receipt} onChange={(_e, d) => setReceipt(d.value)}>
            {item.receipts.map((r) => (
              <option key={r.index} value={String(r.index)}>
                {w.receiptOption(r.period, qty(r.quantity, lang))}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={w.change} className={styles.wide}>
          <Select className={styles.select} value={kind} onChange={(_e, d) => setKind(d.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {w.kinds[k]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        {needsAmount && (
          <Field label={amountLabel}>
            <Input className={styles.narrow} inputMode="decimal" value={amount} onChange={(_e, d) => setAmount(d.value)} />
          </Field>
        )}
        {needsPeriods && (
          <Field label={w.periods}>
            <Input className={styles.narrow} type="number" min={1} value={periods} onChange={(_e, d) => setPeriods(d.value)} />
          </Field>
        )}
        <Button onClick={run}>{w.tryIt}</Button>
      </div>
      <div role="status" className={styles.status}>
        {error}
        {result && (
          <>
            {result.changes.length ? (
              <ul className={styles.list}>
                {result.changes.map((c) => (
                  <li key={c.index}>
                    {w.changed(periodName(c.index), t.statusWords[c.before], t.statusWords[c.after])}
                  </li>
                ))}
              </ul>
            ) : (
              <div>{w.noChanges}</div>
            )}
            <div>{first ? w.firstShortage(periodName(first.index), qty(first.quantity, lang)) : w.nothingShort}</div>
            {result.beyondHorizon > 0 && <div>{w.beyond(qty(result.beyondHorizon, lang))}</div>}
          </>
        )}
      </div>
    </fieldset>
  );
}
