import * as React from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
  Textarea,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  Action,
  EMPTY_STORE,
  Incident,
  IncidentCase,
  IncidentStore,
  NoticeStep,
  TARGET_STEPS,
  addItems,
  check,
  clockSinceDetection,
  detectionLeadDays,
  levelName,
  levelReached,
  logFigures,
  logHeader,
  LogTableRow,
  logRow,
  logTableRows,
  nextIncidentId,
  openIncident,
  refusalText,
  riskChangeText,
  riskChanges,
  sanitizeStore,
  sanitizeTargets,
  shortTime,
  stepRecord,
  targetState,
  transition,
  withFence,
} from "../../../incidents";
import { Contact, NoticeOutputs, contactsFromCsv, contactsFromRows, mergeContacts } from "../../../mail";
import { Report, ReportItem } from "../../../report";
import { Language } from "../../environment";
import { ContactStore } from "../../contactStore";
import {
  Platform,
  draftStep,
  duration,
  emlName,
  handoffsFor,
  openIncidentFor,
  projectionsOf,
  upsert,
} from "../../incidentFlow";
import { incidentStrings } from "../../incidentStrings";
import { DetailsForm } from "./DetailsForm";
import { DraftHandoffs, DraftView } from "./DraftView";

/** What the incident views need from where they run: the workbook (incidents, log), the user's contacts, the hand-offs. */
export interface IncidentDeps {
  /** The incident store in the workbook's settings (raw; it is checked here). */
  loadStore(): Promise<unknown>;
  saveStore(store: IncidentStore): Promise<void>;
  /** Writes the root-cause log table (PAB Watch Log); says which rows a person edited and were kept. */
  writeLog(header: string[], rows: { key: string; cells: (string | number | null)[] }[]): Promise<{ notes: string[] }>;
  /** The log table's values (header first) as they are now, edits by hand included; null without a table. */
  readLog?(): Promise<unknown[][] | null>;
  /** The values of the user's selection, for importing contacts from a sheet range. */
  readSelection?(): Promise<unknown[][]>;
  contacts: ContactStore;
  handoffs: DraftHandoffs;
  platform: Platform;
  now(): string;
}

export interface IncidentPanelProps {
  items: ReportItem[];
  report: Report;
  language: Language;
  onClose: () => void;
  deps: IncidentDeps;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: "100%",
    boxSizing: "border-box",
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type StepButton = { label: string; step: NoticeStep | "assessment" | "close" };

function customerStep(s: NoticeStep): boolean {
  return s.startsWith("customer");
}

/** Default recipients: colleagues for internal notices, the customer's contacts for customer ones. */
function recipientsFor(step: NoticeStep, contacts: Contact[], c: IncidentCase): string {
  const name = c.details.customer?.name?.toLowerCase();
  const list = customerStep(step)
    ? contacts.filter((x) => x.role === "customer" && (!name || !x.customer || x.customer.toLowerCase() === name))
    : contacts.filter((x) => x.role !== "customer");
  return list.map((x) => x.email).join(", ");
}

/** The escalation of one incident, step by step, with the drafts and the log. */
export function IncidentPanel({ items, report, language, onClose, deps }: IncidentPanelProps): React.JSX.Element {
  const t = incidentStrings(language);
  const styles = useStyles();
  const [store, setStore] = React.useState<IncidentStore | null>(null);
  const [incident, setIncident] = React.useState<IncidentCase | null>(null);
  const [message, setMessage] = React.useState<{ intent: "error" | "warning" | "success" | "info"; text: string } | null>(
    null
  );
  const [draft, setDraft] = React.useState<{ step: NoticeStep; outputs: NoticeOutputs; to: string } | null>(null);
  const [assessing, setAssessing] = React.useState(false);
  const [assessBy, setAssessBy] = React.useState("");
  const [solvable, setSolvable] = React.useState<"yes" | "no">("no");
  const [note, setNote] = React.useState("");
  const [contacts, setContacts] = React.useState<Contact[]>([]);
  const [csv, setCsv] = React.useState("");
  const [contactMessage, setContactMessage] = React.useState<string | null>(null);
  const [adding, setAdding] = React.useState("");
  const [logTable, setLogTable] = React.useState<LogTableRow[] | null>(null);
  const projections = React.useMemo(() => projectionsOf(report), [report]);
  const handoffs = handoffsFor(deps.platform, deps.handoffs.graphDraft !== null);

  const persist = async (nextStore: IncidentStore, c: IncidentCase) => {
    setStore(nextStore);
    setIncident(c);
    await deps.saveStore(nextStore);
    try {
      const { notes } = await deps.writeLog(
        logHeader(language),
        nextStore.incidents.map((x) => ({ key: x.id, cells: logRow(x, language) }))
      );
      if (notes.length) setMessage({ intent: "warning", text: notes.map(t.log.kept).join(" ") });
    } catch (e) {
      setMessage({ intent: "error", text: t.log.failed((e as Error).message) });
    }
    await rereadLog();
  };

  // The figures count what the log table says now (a category typed there in the root-cause review).
  const rereadLog = async () => {
    if (!deps.readLog) return;
    try {
      setLogTable(logTableRows((await deps.readLog()) ?? []));
    } catch {
      // Without the table's rows the figures come from the incidents kept.
      setLogTable(null);
    }
  };

  React.useEffect(() => {
    let live = true;
    (async () => {
      try {
        const loaded = sanitizeStore(await deps.loadStore()).store;
        const list = await deps.contacts.load();
        if (!live) return;
        setContacts(list);
        const open = openIncidentFor(loaded, items);
        if (open) {
          setStore(loaded);
          setIncident(open);
          await rereadLog();
          return;
        }
        const now = deps.now();
        const c = openIncident(
          nextIncidentId(loaded, now),
          items.map((i) => withFence(i, report.fence)),
          "",
          now
        );
        await persist(upsert(loaded, c), c);
      } catch (e) {
        if (live) {
          setStore(EMPTY_STORE);
          setMessage({ intent: "error", text: t.loadFailed((e as Error).message) });
        }
      }
    })();
    return () => {
      live = false;
    };
    // Opened once per Raise alert.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (!store || !incident) {
    return (
      <section aria-label={t.region("…", items.map((i) => i.item).join(", "))} className={styles.root}>
        <Body1>…</Body1>
        {message && (
          <MessageBar intent={message.intent} layout="multiline">
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
      </section>
    );
  }

  const ctx = () => ({ now: deps.now(), projections });
  const act = async (action: Action, c: IncidentCase = incident): Promise<IncidentCase | null> => {
    const out = transition(c, action, ctx());
    if (!out.ok) {
      setMessage({ intent: "warning", text: refusalText(out.refusal, language) });
      return null;
    }
    setMessage(
      out.warnings.length
        ? { intent: "warning", text: out.warnings.map((w) => refusalText(w, language)).join(" ") }
        : null
    );
    await persist(upsert(store, out.next), out.next);
    return out.next;
  };

  const draftIt = async (step: NoticeStep) => {
    setAssessing(false);
    const refusal = check(incident, { type: "draft", step }, ctx());
    if (refusal) {
      setMessage({ intent: "warning", text: refusalText(refusal, language) });
      return;
    }
    const to = draft?.step === step ? draft.to : recipientsFor(step, contacts, incident);
    const made = draftStep(report, incident, step, [], language);
    if (!made.ok) {
      setMessage({ intent: "warning", text: t.refusedDraft(made.reason) });
      return;
    }
    const next = await act({ type: "draft", step });
    if (next) setDraft({ step, outputs: made.outputs, to });
  };

  const buttons: StepButton[] = [
    { label: t.steps.draftInternal, step: "internal" },
    { label: t.steps.allClear, step: "all-clear" },
    { label: t.steps.recordAssessment, step: "assessment" },
    { label: t.steps.draftCustomer, step: "customer-risk" },
    { label: t.steps.confirmDisruption, step: "customer-confirmed" },
    { label: t.steps.customerAllClear, step: "customer-all-clear" },
    { label: t.steps.draftReview, step: "review" },
    { label: t.steps.close, step: "close" },
  ];
  const press = (b: StepButton) => {
    if (b.step === "assessment") {
      const refusal = check(incident, { type: "assess", by: "-", solvableInTime: false }, ctx());
      if (refusal) setMessage({ intent: "warning", text: refusalText(refusal, language) });
      else {
        setDraft(null);
        setAssessing(true);
      }
    } else if (b.step === "close") void act({ type: "close" });
    else void draftIt(b.step);
  };

  const now = deps.now();
  const lead = detectionLeadDays(incident);
  const figures = logFigures(store.incidents, store.targets, now, logTable);
  const itemNames = incident.risks.map((r) => r.item).join(", ");
  const changes = incident.closedAt ? [] : riskChanges(incident, projections);
  const keyOf = (x: { item: string; site: string | null }) => `${x.item}\u0000${x.site ?? ""}`;
  const inIncident = new Set(incident.risks.map(keyOf));
  // Other items of the scan that are short or need a receipt on time: candidates for the same cause.
  const others = report.items.flatMap((i, at) =>
    !inIncident.has(keyOf(i)) && (i.worstStatus === "stockout" || i.worstStatus === "at-risk") ? [{ i, at }] : []
  );
  const addItem = async () => {
    const item = others.find((x) => String(x.at) === adding)?.i;
    if (!item) return;
    const next = addItems(incident, [withFence(item, report.fence)]);
    setAdding("");
    setDraft(null);
    await persist(upsert(store, next), next);
    setMessage({ intent: "info", text: t.addItem.added(item.item) });
  };

  const importContacts = async (rows: { contacts: Contact[]; problems: string[] }) => {
    const merged = mergeContacts(contacts, rows.contacts);
    setContacts(merged);
    await deps.contacts.save(merged);
    setContactMessage([t.contacts.imported(rows.contacts.length), ...rows.problems].join(" · "));
  };

  return (
    <section aria-label={t.region(incident.id, itemNames)} className={styles.root} lang={language}>
      <div className={styles.buttons}>
        <Button appearance="subtle" onClick={onClose}>
          {t.back}
        </Button>
      </div>
      <Title3 as="h2">{t.region(incident.id, itemNames)}</Title3>
      <Body1>
        {t.clock(duration(clockSinceDetection(incident, now), language))} · {t.level}:{" "}
        {levelName(levelReached(incident), language)}
      </Body1>
      <Caption1>{t.leadTime(lead)}</Caption1>
      {changes.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            {t.planChanged}
            <ul className={styles.list} aria-label={t.planChanged}>
              {changes.map((x, i) => (
                <li key={i}>{riskChangeText(x, language)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {!incident.closedAt && others.length > 0 && (
        <div className={styles.buttons}>
          <Field label={t.addItem.label}>
            <Select value={adding} onChange={(_e, d) => setAdding(d.value)}>
              <option value="" />
              {others.map(({ i, at }) => (
                <option key={at} value={String(at)}>
                  {i.site ? `${i.item} (${i.site})` : i.item}
                </option>
              ))}
            </Select>
          </Field>
          <Button onClick={() => void addItem()} disabled={!adding}>
            {t.addItem.button}
          </Button>
        </div>
      )}
      <Field label={t.detectedBy}>
        <Input
          value={incident.roles.detectedBy}
          onChange={(_e, d) => setIncident({ ...incident, roles: { ...incident.roles, detectedBy: d.value } })}
          onBlur={() => void persist(upsert(store, incident), incident)}
        />
      </Field>

      <Field label={t.sender}>
        <Input
          value={incident.roles.sender ?? ""}
          onChange={(_e, d) => setIncident({ ...incident, roles: { ...incident.roles, sender: d.value || null } })}
          onBlur={() => void persist(upsert(store, incident), incident)}
        />
      </Field>

      <div role="group" aria-label={t.level} className={styles.buttons}>
        {buttons.map((b) => (
          <Button key={b.step} onClick={() => press(b)}>
            {b.label}
          </Button>
        ))}
      </div>
      {message && (
        <MessageBar intent={message.intent} layout="multiline">
          <MessageBarBody role="status">{message.text}</MessageBarBody>
        </MessageBar>
      )}

      <ul className={styles.list} aria-label={t.targetNames.internal}>
        {TARGET_STEPS.map((s) => {
          const st = targetState(incident, s, store.targets, now);
          const rec = s === "assessment" ? null : stepRecord(incident, s as NoticeStep);
          return (
            <li key={s}>
              <strong>{t.targetNames[s]}</strong>
              {language === "zh-CN" ? "：" : ": "}
              {st.due ? t.target(shortTime(st.due)) : t.notYet}
              {st.doneAt ? ` · ${t.doneAt(shortTime(st.doneAt), st.withinTarget)}` : st.overdue ? ` · ${t.overdue}` : ""}
              {rec && !rec.sentAt ? ` · ${t.drafted(shortTime(rec.draftedAt))}` : ""}
            </li>
          );
        })}
      </ul>
      <details>
        <summary>{t.targetsHeading}</summary>
        <div className={styles.buttons}>
          {TARGET_STEPS.map((s) => (
            <Field key={s} label={t.targetHours(t.targetNames[s])}>
              <Input
                type="number"
                min={1}
                value={String(store.targets[s])}
                onChange={(_e, d) => {
                  const targets = sanitizeTargets({ ...store.targets, [s]: Number(d.value) });
                  void persist({ ...store, targets }, incident);
                }}
              />
            </Field>
          ))}
        </div>
      </details>
      {incident.assessment && (
        <Caption1>
          {t.assessment.recorded(
            incident.assessment.by,
            shortTime(incident.assessment.at),
            incident.assessment.solvableInTime
          )}
        </Caption1>
      )}

      {assessing && (
        <section aria-label={t.assessment.heading}>
          <Subtitle2 as="h3">{t.assessment.heading}</Subtitle2>
          <Field label={t.assessment.by}>
            <Input value={assessBy} onChange={(_e, d) => setAssessBy(d.value)} />
          </Field>
          <Field label={t.assessment.solvable}>
            <RadioGroup value={solvable} onChange={(_e, d) => setSolvable(d.value as "yes" | "no")}>
              <Radio value="yes" label={t.assessment.yes} />
              <Radio value="no" label={t.assessment.no} />
            </RadioGroup>
          </Field>
          <Field label={t.assessment.note}>
            <Textarea value={note} onChange={(_e, d) => setNote(d.value)} />
          </Field>
          <Button
            appearance="primary"
            onClick={async () => {
              const next = await act({ type: "assess", by: assessBy, solvableInTime: solvable === "yes", note });
              if (next) setAssessing(false);
            }}
          >
            {t.assessment.save}
          </Button>
        </section>
      )}

      {draft && (
        <DraftView
          title={t.draft.heading(t.stepNames[draft.step])}
          outputs={draft.outputs}
          to={draft.to}
          onToChange={(to) => setDraft({ ...draft, to })}
          fileName={emlName(incident, draft.step)}
          handoffs={handoffs}
          actions={deps.handoffs}
          sentAt={stepRecord(incident, draft.step)?.sentAt ?? null}
          onMarkSent={async () => {
            const next = await act({ type: "sent", step: draft.step });
            if (next) setMessage({ intent: "success", text: t.draft.markedSent(shortTime(stepRecord(next, draft.step)!.sentAt!)) });
          }}
          t={t}
        />
      )}

      <section aria-label={t.handoffs.heading}>
        <Subtitle2 as="h3">{t.handoffs.heading}</Subtitle2>
        <ul className={styles.list}>
          {handoffs.map((h) => (
            <li key={h.handoff}>
              {h.works ? "✓" : "✗"} {t.handoffs.names[h.handoff]}: {t.handoffs.notes[h.note]}
            </li>
          ))}
        </ul>
      </section>

      <DetailsForm
        key={incident.id}
        details={incident.details}
        items={incident.risks.map((r) => r.item)}
        t={t}
        onSave={(details: Incident) => {
          const next = { ...incident, details: { ...details, id: incident.id } };
          void persist(upsert(store, next), next);
        }}
      />

      <section aria-label={t.figures.heading}>
        <Subtitle2 as="h3">{t.figures.heading}</Subtitle2>
        <ul className={styles.list}>
          <li>{t.figures.incidents(figures.incidents)}</li>
          <li>
            {t.figures.byCategory}:{" "}
            {figures.byCategory
              .map(
                (c) =>
                  `${c.category ? t.details.categories[c.category] : c.text !== null ? t.figures.other(c.text) : t.figures.none}${language === "zh-CN" ? `（${c.count}）` : ` (${c.count})`}`
              )
              .join(language === "zh-CN" ? "，" : ", ")}
          </li>
          <li>{t.figures.medianLead(figures.medianLeadDays)}</li>
          <li>{t.figures.onTime(figures.done, figures.withinTarget)}</li>
        </ul>
      </section>

      <section aria-label={t.contacts.heading}>
        <Subtitle2 as="h3">{t.contacts.heading}</Subtitle2>
        <Caption1 block>{t.contacts.where(deps.contacts.where)}</Caption1>
        <ul className={styles.list}>
          {contacts.map((c) => (
            <li key={c.email}>
              {c.name} &lt;{c.email}&gt; · {c.role}
              {c.customer ? ` · ${c.customer}` : ""}
            </li>
          ))}
        </ul>
        <Field label={t.contacts.csvLabel}>
          <Textarea value={csv} onChange={(_e, d) => setCsv(d.value)} />
        </Field>
        <div className={styles.buttons}>
          <Button onClick={() => void importContacts(contactsFromCsv(csv))}>{t.contacts.importCsv}</Button>
          {deps.readSelection && (
            <Button
              onClick={async () => {
                try {
                  await importContacts(contactsFromRows(await deps.readSelection!()));
                } catch (e) {
                  setContactMessage((e as Error).message);
                }
              }}
            >
              {t.contacts.importSelection}
            </Button>
          )}
        </div>
        <div role="status">{contactMessage}</div>
      </section>
    </section>
  );
}
