import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Select,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  CauseCategory,
  CustomerOrder,
  Incident,
  IncidentError,
  PaidBy,
  TransportMode,
  TransportOption,
  parseIncident,
} from "../../../incidents";
import { IncidentStrings } from "../../incidentStrings";

export interface DetailsFormProps {
  details: Incident;
  /** The incident's items: with several, each order says which one it is for. */
  items: string[];
  onSave: (details: Incident) => void;
  t: IncidentStrings;
}

const CATEGORIES: CauseCategory[] = ["man", "machine", "material", "method", "environment", "measurement"];
const MODES: TransportMode[] = ["truck", "air", "hand-carry", "sea", "rail", "courier"];
const PAYERS: PaidBy[] = ["us", "customer", "shared", "to-be-agreed"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
  },
  pair: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const blank = (s: string) => (s.trim() ? s.trim() : undefined);
const num = (s: string) => (s.trim() === "" ? undefined : Number(s));

/** Only what the notices need and the plan cannot give: the cause, countermeasures, transport, orders, next update, one contact. */
export function DetailsForm({ details, items, onSave, t }: DetailsFormProps): React.JSX.Element {
  const styles = useStyles();
  const d = t.details;
  const [internal, setInternal] = React.useState(details.cause?.internal ?? "");
  const [customer, setCustomer] = React.useState(details.cause?.customer ?? "");
  const [category, setCategory] = React.useState<string>(details.cause?.category ?? "");
  const [measures, setMeasures] = React.useState((details.countermeasures ?? []).join("\n"));
  const [nextUpdate, setNextUpdate] = React.useState(details.nextUpdate ?? "");
  const [contact, setContact] = React.useState({
    name: details.contact?.name ?? "",
    email: details.contact?.email ?? "",
    phone: details.contact?.phone ?? "",
  });
  const [orders, setOrders] = React.useState(
    (details.customer?.orders ?? []).map((o) => ({
      po: o.po,
      line: o.line ?? "",
      quantity: String(o.quantity),
      originalDate: o.originalDate,
      newDate: o.newDate ?? "",
      newQuantity: o.newQuantity,
      item: o.item ?? (items.length === 1 ? items[0] : ""),
      partNumber: o.partNumber ?? "",
    }))
  );
  const several = items.length > 1;
  const [transport, setTransport] = React.useState(
    (details.transport ?? []).map((x) => ({
      mode: x.mode as string,
      leadTimeDays: x.leadTimeDays === undefined ? "" : String(x.leadTimeDays),
      arrival: x.arrival ?? "",
      cost: x.cost ?? "",
      paidBy: (x.paidBy ?? "") as string,
      chosen: !!x.chosen,
    }))
  );
  const [message, setMessage] = React.useState<string | null>(null);

  const save = () => {
    const next: Incident = {
      ...details,
      cause:
        internal || customer || category
          ? {
              internal: blank(internal),
              customer: blank(customer),
              category: (category || undefined) as CauseCategory | undefined,
            }
          : undefined,
      countermeasures: measures
        .split("\n")
        .map((x) => x.trim())
        .filter(Boolean),
      nextUpdate: blank(nextUpdate),
      contact: contact.name.trim()
        ? { name: contact.name.trim(), email: blank(contact.email), phone: blank(contact.phone) }
        : undefined,
      customer: {
        ...details.customer,
        orders: orders
          .filter((o) => o.po.trim())
          .map(
            (o): CustomerOrder => ({
              po: o.po.trim(),
              line: blank(o.line),
              quantity: Number(o.quantity),
              originalDate: o.originalDate.trim(),
              newDate: blank(o.newDate) ?? null,
              newQuantity: o.newQuantity,
              item: several ? blank(o.item) : undefined,
              partNumber: blank(o.partNumber),
            })
          ),
      },
      transport: transport.map(
        (x): TransportOption => ({
          mode: x.mode as TransportMode,
          leadTimeDays: num(x.leadTimeDays),
          arrival: blank(x.arrival),
          cost: blank(x.cost),
          paidBy: (x.paidBy || undefined) as PaidBy | undefined,
          chosen: x.chosen || undefined,
        })
      ),
    };
    // Undefined fields out, then the same field-by-field check as an incident file.
    const clean = JSON.parse(JSON.stringify(next));
    try {
      onSave(parseIncident(clean));
      setMessage(d.saved);
    } catch (e) {
      if (!(e instanceof IncidentError)) throw e;
      setMessage(e.message);
    }
  };

  return (
    <section className={styles.root} aria-label={d.heading}>
      <Subtitle2 as="h3">{d.heading}</Subtitle2>
      <Caption1>{d.fromPlan}</Caption1>
      <Field label={d.causeInternal}>
        <Textarea value={internal} onChange={(_e, v) => setInternal(v.value)} />
      </Field>
      <Field label={d.causeCustomer}>
        <Textarea value={customer} onChange={(_e, v) => setCustomer(v.value)} />
      </Field>
      <Field label={d.category}>
        <Select value={category} onChange={(_e, v) => setCategory(v.value)}>
          <option value="" />
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {d.categories[c]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={d.countermeasures}>
        <Textarea value={measures} onChange={(_e, v) => setMeasures(v.value)} />
      </Field>
      <Field label={d.nextUpdate}>
        <Input type="date" value={nextUpdate} onChange={(_e, v) => setNextUpdate(v.value)} />
      </Field>
      <div className={styles.pair}>
        <Field label={d.contactName}>
          <Input value={contact.name} onChange={(_e, v) => setContact({ ...contact, name: v.value })} />
        </Field>
        <Field label={d.contactEmail}>
          <Input value={contact.email} onChange={(_e, v) => setContact({ ...contact, email: v.value })} />
        </Field>
        <Field label={d.contactPhone}>
          <Input value={contact.phone} onChange={(_e, v) => setContact({ ...contact, phone: v.value })} />
        </Field>
      </div>

      <div role="group" aria-label={d.orders} className={styles.group}>
        <Caption1>{d.orders}</Caption1>
        {orders.map((o, i) => {
          const set = (patch: Partial<typeof o>) =>
            setOrders(orders.map((x, j) => (j === i ? { ...x, ...patch } : x)));
          return (
            <div key={i} className={styles.pair}>
              {several && (
                <Field label={d.orderItem}>
                  <Select value={o.item} onChange={(_e, v) => set({ item: v.value })}>
                    <option value="" />
                    {items.map((x) => (
                      <option key={x} value={x}>
                        {x}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              {several && (
                <Field label={d.partNumber}>
                  <Input value={o.partNumber} onChange={(_e, v) => set({ partNumber: v.value })} />
                </Field>
              )}
              <Field label={d.po}>
                <Input value={o.po} onChange={(_e, v) => set({ po: v.value })} />
              </Field>
              <Field label={d.line}>
                <Input value={o.line} onChange={(_e, v) => set({ line: v.value })} />
              </Field>
              <Field label={d.quantity}>
                <Input value={o.quantity} inputMode="numeric" onChange={(_e, v) => set({ quantity: v.value })} />
              </Field>
              <Field label={d.originalDate}>
                <Input type="date" value={o.originalDate} onChange={(_e, v) => set({ originalDate: v.value })} />
              </Field>
              <Field label={d.newDate}>
                <Input type="date" value={o.newDate} onChange={(_e, v) => set({ newDate: v.value })} />
              </Field>
              <Button onClick={() => setOrders(orders.filter((_x, j) => j !== i))}>{d.remove}</Button>
            </div>
          );
        })}
        <Button
          onClick={() =>
            setOrders([
              ...orders,
              {
                po: "",
                line: "",
                quantity: "",
                originalDate: "",
                newDate: "",
                newQuantity: undefined,
                item: items.length === 1 ? items[0] : "",
                partNumber: "",
              },
            ])
          }
        >
          {d.addOrder}
        </Button>
      </div>

      <div role="group" aria-label={d.transport} className={styles.group}>
        <Caption1>{d.transport}</Caption1>
        {transport.map((x, i) => {
          const set = (patch: Partial<typeof x>) =>
            setTransport(transport.map((y, j) => (j === i ? { ...y, ...patch } : patch.chosen ? { ...y, chosen: false } : y)));
          return (
            <div key={i} className={styles.pair}>
              <Field label={d.mode}>
                <Select value={x.mode} onChange={(_e, v) => set({ mode: v.value })}>
                  {MODES.map((m) => (
                    <option key={m} value={m}>
                      {d.modes[m]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={d.leadDays}>
                <Input value={x.leadTimeDays} inputMode="numeric" onChange={(_e, v) => set({ leadTimeDays: v.value })} />
              </Field>
              <Field label={d.arrival}>
                <Input type="date" value={x.arrival} onChange={(_e, v) => set({ arrival: v.value })} />
              </Field>
              <Field label={d.cost}>
                <Input value={x.cost} onChange={(_e, v) => set({ cost: v.value })} />
              </Field>
              <Field label={d.paidBy}>
                <Select value={x.paidBy} onChange={(_e, v) => set({ paidBy: v.value })}>
                  <option value="" />
                  {PAYERS.map((p) => (
                    <option key={p} value={p}>
                      {d.payers[p]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Checkbox label={d.chosen} checked={x.chosen} onChange={(_e, v) => set({ chosen: !!v.checked })} />
              <Button onClick={() => setTransport(transport.filter((_y, j) => j !== i))}>{d.remove}</Button>
            </div>
          );
        })}
        <Button
          onClick={() =>
            setTransport([...transport, { mode: "truck", leadTimeDays: "", arrival: "", cost: "", paidBy: "", chosen: false }])
          }
        >
          {d.addTransport}
        </Button>
      </div>
      <Button onClick={save}>{d.save}</Button>
      <div role="status">{message}</div>
    </section>
  );
}
