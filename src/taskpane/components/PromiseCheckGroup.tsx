import * as React from "react";
import { Button, Field, Input, Select } from "@fluentui/react-components";
import { ReportItem } from "../../report";
import { Language } from "../environment";
import { periodWithDate, qty } from "../model/format";
import { checkPromise } from "../model/itemDetail";
import { Strings } from "../strings";
import { useGroupStyles } from "./WhatIfGroup";

export interface PromiseCheckGroupProps {
  item: ReportItem;
  lang: Language;
  t: Strings;
}

/** "Can we take 30 more in W4?", answered from ATP: yes, or what fits then and when all of it fits. */
export function PromiseCheckGroup({ item, lang, t }: PromiseCheckGroupProps): React.JSX.Element {
  const styles = useGroupStyles();
  const p = t.promise;
  const [quantity, setQuantity] = React.useState("");
  const [period, setPeriod] = React.useState("0");
  const [answer, setAnswer] = React.useState<string | null>(null);

  const check = () => {
    const q = Number(quantity.replace(/,/g, ""));
    const index = Number(period);
    if (!(q > 0 && Number.isFinite(q)) || !(index >= 0 && index < item.periods.length)) {
      setAnswer(p.invalid);
      return;
    }
    const a = checkPromise(item, q, index);
    const at = item.periods[index];
    if (a.fits) setAnswer(p.yes(qty(q, lang), at, qty(a.available, lang)));
    else {
      const later =
        a.earliestIndex !== null
          ? p.fitsFrom(qty(q, lang), periodWithDate(item.periods[a.earliestIndex], item.periodStarts[a.earliestIndex], lang))
          : p.neverFits(qty(q, lang));
      setAnswer(`${p.no(qty(a.available, lang), at)} ${later}`);
    }
  };

  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{p.legend}</legend>
      <div className={styles.row}>
        <Field label={p.quantity}>
          <Input className={styles.narrow} inputMode="decimal" value={quantity} onChange={(_e, d) => setQuantity(d.value)} />
        </Field>
        <Field label={p.period} className={styles.wide}>
          <Select className={styles.select} value={period} onChange={(_e, d) => setPeriod(d.value)}>
            {item.periods.map((label, i) => (
              <option key={i} value={String(i)}>
                {periodWithDate(label, item.periodStarts[i], lang)}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={check}>{p.check}</Button>
      </div>
      <div role="status" className={styles.status}>
        {answer}
      </div>
    </fieldset>
  );
}
