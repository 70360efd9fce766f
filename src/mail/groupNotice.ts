import { CustomerOrder, Incident } from "../incidents";
import { Block, Line, fill } from "./document";
import {
  NoticeFacts,
  daysBetween,
  firstOrderShortage,
  orderShortRows,
  ordersDependOnReceipt,
  periodFact,
  receiptAtRisk,
  receiptsOnTime,
} from "./facts";
import { freeTextWarnings } from "./language";
import { headerText } from "./mime";
import {
  Built,
  Ctx,
  Notice,
  NoticeKind,
  NoticeOptions,
  NoticeRefused,
  asksBlocks,
  checkBlocks,
  checkOrders,
  closingBlocks,
  composeNotice,
  customerChecks,
  customerGreeting,
  dependsOn,
  itemName,
  needDate,
  ordersBlocks,
  partName,
  projectionTable,
  q,
  readingBlocks,
  recoveryText,
  signature,
  subjectOrders,
  transportTable,
  when,
} from "./templates";
import { Language, wordsFor } from "./words";

/**
 * Notices of an incident over several items (one broken mould can hit many items): every item
 * with its own facts, every statement checked against that item's projection. A customer notice
 * carries only the items of the customer's orders; an all-clear to the customer waits until no
 * item of the incident is short. One item gives exactly the single-item notice.
 */
export function composeIncidentNotice(
  kind: NoticeKind,
  facts: NoticeFacts | readonly NoticeFacts[],
  incident: Incident = {},
  lang: Language = "en",
  options: NoticeOptions = {}
): Notice {
  const list = Array.isArray(facts) ? facts : [facts as NoticeFacts];
  if (!list.length) throw new Error("a notice needs at least one item");
  if (list.length === 1) return composeNotice(kind, list[0], incident, lang, options);
  const w = wordsFor(lang);
  const warnings: string[] = [];
  const group: Group = {
    w,
    inc: incident,
    warnings,
    all: list.map((f) => itemCtx(w, f, incident, warnings, list.length)),
  };
  const customer = kind.startsWith("customer");
  const built = BUILDERS[kind](group, options.force ?? false);
  return {
    ...built,
    lang,
    subject: headerText(built.subject),
    im: headerText(built.im),
    warnings: [...warnings, ...freeTextWarnings(incident, w, customer)],
  };
}

interface Group {
  w: Ctx["w"];
  inc: Incident;
  warnings: string[];
  all: Ctx[];
}

/** The orders of one item: those naming it (an order without an item belongs to no item of a group). */
function ordersOf(inc: Incident, item: string): CustomerOrder[] {
  return (inc.customer?.orders ?? []).filter((o) => o.item === item);
}

/** One item's view of the incident: its own orders, and its part number. */
function itemCtx(w: Ctx["w"], f: NoticeFacts, inc: Incident, warnings: string[], n: number): Ctx {
  const orders = ordersOf(inc, f.item);
  const part =
    orders.find((o) => o.partNumber)?.partNumber ??
    (n === 1 ? inc.customer?.partNumber : undefined);
  const customer = inc.customer ? { ...inc.customer, orders, partNumber: part } : undefined;
  return { w, f, inc: { ...inc, customer }, warnings };
}

const names = (g: Group, cs: Ctx[] = g.all) => g.w.groupName(cs.map(itemName));
const parts = (g: Group, cs: Ctx[]) => g.w.groupName(cs.map(partName));
const itemList = (g: Group) => g.all.map((c) => c.f.item).join(g.w.sep);

/** Orders the incident names that belong to none of its items: refused for a customer, warned internally. */
function strayOrders(g: Group, refuse: boolean): void {
  const known = new Set(g.all.map((c) => c.f.item));
  for (const o of g.inc.customer?.orders ?? []) {
    const text = o.item
      ? known.has(o.item)
        ? null
        : g.w.refuse.orderOtherItem(o.po, o.item, itemList(g))
      : g.w.refuse.orderWithoutItem(o.po, itemList(g));
    if (!text) continue;
    if (refuse) throw new NoticeRefused(text);
    g.warnings.push(text);
  }
}

/** The items a customer notice is about: those of the customer's orders, each checked like a single notice. */
function customerItems(g: Group, force: boolean): Ctx[] {
  strayOrders(g, true);
  const cs = g.all.filter((c) => (c.inc.customer?.orders ?? []).length);
  if (!cs.length) throw new NoticeRefused(g.w.refuse.groupNoOrders(itemList(g)));
  for (const c of cs) customerChecks(c, force);
  return cs;
}

/** "FG-1001: " before a line about one item. */
function about(c: Ctx, line: Line, name = itemName(c)): Line {
  return [name, c.w.colon, ...(Array.isArray(line) ? line : [line])];
}

/** The earliest date any of these items is needed (what transport arrival is measured against). */
function earliestNeed(cs: Ctx[]): string | null {
  const dates = cs
    .map(needDate)
    .filter((d): d is string => !!d)
    .sort();
  return dates[0] ?? null;
}

function transportFor(g: Group, cs: Ctx[], internal: boolean): Block {
  return transportTable(cs[0], earliestNeed(cs), internal);
}

/** One item's facts in an internal alert: first short date and quantity, end or recovery, peak, receipts, projection. */
function itemAlertBlocks(c: Ctx): Block[] {
  const { w, f } = c;
  const first = f.firstShortage
    ? periodFact(f, f.firstShortage.index, f.firstShortage.quantity)
    : null;
  const out: Block[] = [{ kind: "h", text: w.itemHeading(itemName(c)) }];
  if (first) {
    const ending =
      f.finalRecoveryIndex != null
        ? w.backFrom(when(c, f.finalRecoveryIndex))
        : w.shortAtEnd(f.periods[f.periods.length - 1], q(c, f.endShortfall));
    out.push({
      kind: "p",
      text: [w.alertLead(itemName(c), when(c, first), q(c, first.quantity)), w.space, ending],
    });
    if (f.peakShortage && f.peakShortage.index !== first.index)
      out.push({
        kind: "p",
        text: w.peak(q(c, f.peakShortage.quantity), when(c, f.peakShortage.index)),
      });
  } else out.push({ kind: "p", text: w.alertLeadAtRisk(itemName(c)) });
  const onTime = receiptsOnTime(f);
  const receipt = receiptAtRisk(f);
  out.push({
    kind: "p",
    text: `${onTime.length ? w.receiptHeading : w.receiptSlackHeading}${w.colon.trimEnd()}`,
  });
  out.push(
    onTime.length
      ? {
          kind: "list",
          items: onTime.map((r) => w.receiptOnTime(q(c, r.quantity), when(c, r.index))),
        }
      : {
          kind: "list",
          items: [
            receipt
              ? w.receiptLine(
                  q(c, receipt.quantity),
                  when(c, receipt),
                  w.periods(receipt.slack ?? 0)
                )
              : w.receiptNone,
          ],
        }
  );
  checkOrders(c);
  out.push(projectionTable(c, first ? first.index - 2 : (receipt?.index ?? 0) - 2));
  return out;
}

/** Of these period indexes, the earliest: by date where the periods have dates, else by position. */
function earliestOf<T extends { c: Ctx; index: number }>(xs: T[]): T | null {
  const key = (x: T) => x.c.f.periodStarts[x.index] ?? String(x.index).padStart(6, "0");
  return xs.reduce<T | null>((best, x) => (!best || key(x) < key(best) ? x : best), null);
}

/** The item short first (planning balance), and where. */
function earliest(cs: Ctx[]): { c: Ctx; index: number } | null {
  return earliestOf(
    cs.flatMap((c) => (c.f.firstShortage ? [{ c, index: c.f.firstShortage.index }] : []))
  );
}

function internalAlert(g: Group): Built {
  const { w, inc } = g;
  strayOrders(g, false);
  const first = earliest(g.all);
  const what = first ? w.groupShortFrom(when(first.c, first.index)) : w.groupAtRisk;
  const orders = inc.customer?.orders ?? [];
  const blocks: Block[] = [
    { kind: "p", text: w.hello },
    { kind: "p", text: w.groupAlertLead(g.all.length, names(g)) },
    ...g.all.flatMap(itemAlertBlocks),
  ];
  if (orders.length) {
    const customer = inc.customer?.name;
    blocks.push(
      { kind: "h", text: w.customersHeading },
      {
        kind: "list",
        items: orders.map(
          (o) =>
            (customer ? `${customer}${w.colon}` : "") +
            w.orderLine(o.po, o.line, q(g.all[0], o.quantity), o.originalDate) +
            (o.item ? w.paren(o.item) : "")
        ),
      }
    );
  }
  if (inc.transport?.length)
    blocks.push({ kind: "h", text: w.optionsHeading }, transportFor(g, g.all, true));
  blocks.push(
    { kind: "h", text: w.causeHeading },
    { kind: "p", text: inc.cause?.internal ?? fill(w.causeFill) },
    { kind: "h", text: w.asksHeading },
    {
      kind: "list",
      items: inc.asks?.length
        ? inc.asks.map((a) => `${a.who}${w.colon}${a.what}${a.by ? w.by(a.by) : ""}`)
        : [fill(w.asksFill)],
    },
    ...g.all.flatMap(readingOf),
    { kind: "p", text: w.alertNext },
    ...signature(g.all[0])
  );
  return {
    kind: "internal",
    audience: "internal",
    subject: w.alertSubject(names(g), what),
    blocks,
    im: w.im.alert(names(g), what),
  };
}

/** An item's reading problems, each said against the item. */
function readingOf(c: Ctx): Block[] {
  const a = c.f.assumptions ?? [];
  return a.length
    ? readingBlocks({
        ...c,
        f: { ...c.f, assumptions: a.map((x) => `${c.f.item}${c.w.colon}${x}`) },
      })
    : [];
}

function allClear(g: Group): Built {
  const { w, inc } = g;
  const states: Line[] = g.all.map((c) => {
    const f = c.f;
    const short = firstOrderShortage(f);
    if (short) {
      g.warnings.push(w.warn.stillShort(f.item, when(c, short), q(c, short.quantity)));
      return about(c, w.stillShort(when(c, short), q(c, short.quantity)));
    }
    const planning = f.firstShortage
      ? periodFact(f, f.firstShortage.index, f.firstShortage.quantity)
      : null;
    return about(
      c,
      planning ? w.forecastShort(when(c, planning), q(c, planning.quantity)) : w.nowCovered
    );
  });
  const blocks: Block[] = [
    { kind: "p", text: w.hello },
    { kind: "p", text: w.allClearLead(names(g)) },
    { kind: "fields", rows: [[w.whatChanged, inc.resolution ?? fill(w.whatChangedFill)]] },
    { kind: "list", items: states },
    { kind: "p", text: w.thanks },
    ...signature(g.all[0]),
  ];
  return {
    kind: "all-clear",
    audience: "internal",
    subject: w.allClearSubject(names(g)),
    blocks,
    im: w.im.allClear(names(g)),
  };
}

/** One part's head in a customer notice: their part number and our item, and what the notice says of it. */
function partHead(c: Ctx, extra: [string, Line][] = []): Block[] {
  const head: Block = { kind: "h", text: c.w.partHeading(partName(c)) };
  return extra.length ? [head, { kind: "fields", rows: extra }] : [head];
}

function groupRemedy(g: Group, cs: Ctx[], heading: string): Block[] {
  const { w, inc } = g;
  return [
    { kind: "h", text: heading },
    {
      kind: "list",
      items: inc.countermeasures?.length ? inc.countermeasures : [fill(w.measuresFill)],
    },
    { kind: "h", text: w.transportHeading },
    inc.transport?.length ? transportFor(g, cs, false) : { kind: "p", text: fill(w.transportFill) },
    { kind: "h", text: w.recoveryHeading },
    { kind: "list", items: cs.map((c) => about(c, recoveryText(c), partName(c))) },
  ];
}

function allOrders(cs: Ctx[]): Ctx {
  const c = cs[0];
  const orders = cs.flatMap((x) => x.inc.customer?.orders ?? []);
  return { ...c, inc: { ...c.inc, customer: { ...c.inc.customer, orders } } };
}

function customerRisk(g: Group, force: boolean): Built {
  const { w, inc } = g;
  const cs = customerItems(g, force);
  const heads: Block[] = [];
  const shorts: { c: Ctx; index: number }[] = [];
  for (const c of cs) {
    const f = c.f;
    const short = firstOrderShortage(f);
    if (!short && !ordersDependOnReceipt(f))
      throw new NoticeRefused(
        f.firstShortage ? w.refuse.forecastOnly(f.item) : w.refuse.covered(f.item)
      );
    if (short && short.index === 0)
      throw new NoticeRefused(w.refuse.alreadyShort(f.item, when(c, short), q(c, short.quantity)));
    checkOrders(c);
    if (short) shorts.push({ c, index: short.index });
    heads.push(
      ...partHead(c, [
        short ? [w.needDate, when(c, short)] : [w.dependsOnLabel, dependsOn(c).text],
      ]),
      ...ordersBlocks(c).slice(1)
    );
  }
  const blocks: Block[] = [
    ...cs.flatMap(checkBlocks),
    customerGreeting(cs[0]),
    { kind: "p", text: w.groupRiskLead(cs.length) },
    { kind: "fields", rows: [[w.statusLabel, w.statusPotential]] },
    { kind: "h", text: w.ordersHeading },
    ...heads,
    { kind: "h", text: w.causeCustomerHeading },
    { kind: "p", text: inc.cause?.customer ?? fill(w.causeCustomerFill) },
    ...groupRemedy(g, cs, w.measuresHeading),
    ...asksBlocks(cs[0]),
    ...closingBlocks(cs[0]),
  ];
  const part = parts(g, cs);
  const first = earliestOf(shorts);
  return {
    kind: "customer-risk",
    audience: "customer",
    subject: w.riskSubject(part, subjectOrders(allOrders(cs))),
    blocks,
    im: first
      ? w.im.risk(part, when(first.c, first.index))
      : w.im.riskAtRisk(part, cs.map((c) => dependsOn(c).text).join(w.semicolon)),
  };
}

function customerConfirmed(g: Group, force: boolean): Built {
  const { w, inc } = g;
  const cs = customerItems(g, force);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const sections: Block[] = [];
  const firsts: { c: Ctx; index: number }[] = [];
  for (const c of cs) {
    const f = c.f;
    const rows = orderShortRows(f);
    if (!rows.length)
      throw new NoticeRefused(
        f.firstShortage ? w.refuse.forecastOnly(f.item) : w.refuse.nothingToConfirm(f.item)
      );
    checkOrders(c);
    firsts.push({ c, index: rows[0].index });
    const fig = f.orderFigures;
    sections.push(
      ...partHead(c),
      {
        kind: "table",
        header: w.shortHeader,
        rows: [
          ...rows.map((p) => [p.period, p.date ?? "", p.newShortfall, p.madeUp, p.backlog]),
          [w.shortTotal, "", sum(fig.newShortfall), sum(fig.madeUp), ""],
        ],
      },
      {
        kind: "p",
        text: w.shortEnd(
          f.periods[f.periods.length - 1],
          q(c, fig.endShortfall),
          q(c, sum(fig.newShortfall)),
          q(c, sum(fig.madeUp))
        ),
      },
      ...ordersBlocks(c).slice(1)
    );
  }
  const blocks: Block[] = [
    ...cs.flatMap(checkBlocks),
    customerGreeting(cs[0]),
    { kind: "p", text: w.groupConfirmedLead(cs.length) },
    { kind: "fields", rows: [[w.statusLabel, w.statusConfirmed]] },
    { kind: "h", text: w.shortHeading },
    { kind: "p", text: w.shortNote },
    ...sections,
    { kind: "h", text: w.causeCustomerHeading },
    { kind: "p", text: inc.cause?.customer ?? fill(w.causeCustomerFill) },
    ...groupRemedy(g, cs, w.interimHeading),
    ...asksBlocks(cs[0]),
    ...closingBlocks(cs[0]),
  ];
  const part = parts(g, cs);
  const f0 = earliestOf(firsts) as { c: Ctx; index: number };
  return {
    kind: "customer-confirmed",
    audience: "customer",
    subject: w.confirmedSubject(part, subjectOrders(allOrders(cs))),
    blocks,
    im: w.im.confirmed(part, when(f0.c, f0.index)),
  };
}

function customerAllClear(g: Group, force: boolean): Built {
  const { w } = g;
  // Refused while any item of the incident is short, whether or not this customer orders it.
  for (const c of g.all) {
    const short = firstOrderShortage(c.f);
    if (short)
      throw new NoticeRefused(w.refuse.stillShort(c.f.item, when(c, short), q(c, short.quantity)));
  }
  const cs = customerItems(g, force);
  for (const c of cs)
    for (const o of c.inc.customer?.orders ?? [])
      if (!o.newDate) g.warnings.push(w.warn.unconfirmed(o.po));
  const blocks: Block[] = [
    ...cs.flatMap(checkBlocks),
    customerGreeting(cs[0]),
    { kind: "p", text: w.groupRestoredLead(cs.length) },
    { kind: "fields", rows: [[w.statusLabel, w.statusRestored]] },
    { kind: "h", text: w.restoredOrdersHeading },
    ...cs.flatMap((c) => [...partHead(c), ...ordersBlocks(c).slice(1)]),
    ...closingBlocks(cs[0]),
  ];
  const part = parts(g, cs);
  return {
    kind: "customer-all-clear",
    audience: "customer",
    subject: w.restoredSubject(part, subjectOrders(allOrders(cs))),
    blocks,
    im: w.im.restored(part),
  };
}

function review(g: Group): Built {
  const { w, inc } = g;
  const r = inc.review ?? {};
  const orFill = (v: string | undefined): Line => v ?? fill(w.reviewFill);
  const facts: [string, Line][] = [[w.itemsLabel, names(g)]];
  for (const c of g.all) {
    const f = c.f;
    const first = f.firstShortage
      ? periodFact(f, f.firstShortage.index, f.firstShortage.quantity)
      : receiptAtRisk(f);
    let lead: Line = fill(w.reviewFill);
    if (r.detectedOn && first?.date) {
      const days = daysBetween(r.detectedOn, first.date);
      lead =
        days > 0
          ? w.leadTimeValue(w.days(days))
          : days < 0
            ? w.detectedLate(w.days(-days))
            : w.detectedSameDay;
    }
    facts.push(
      [w.needDateOf(itemName(c)), first ? when(c, first) : w.none],
      [w.leadTimeOf(itemName(c)), lead]
    );
  }
  facts.push(
    [w.detectedOn, orFill(r.detectedOn)],
    [w.categoryLabel, inc.cause?.category ? w.category[inc.cause.category] : fill(w.reviewFill)]
  );
  const first = earliest(g.all);
  const blocks: Block[] = [
    { kind: "p", text: w.hello },
    { kind: "p", text: w.reviewLead },
    { kind: "h", text: w.reviewFacts },
    { kind: "fields", rows: facts },
    { kind: "h", text: w.timeline },
    { kind: "list", items: r.timeline?.length ? r.timeline : [fill(w.reviewFill)] },
    { kind: "h", text: w.whys },
    {
      kind: "list",
      items: r.whys?.length ? r.whys.map((x, i) => `${i + 1}. ${x}`) : [fill(w.reviewFill)],
    },
    {
      kind: "fields",
      rows: [
        [w.containment, orFill(r.containment)],
        [w.corrective, orFill(r.corrective)],
        [w.preventive, orFill(r.preventive)],
        [w.owner, orFill(r.owner)],
        [w.due, orFill(r.due)],
        [w.reviewStatus, orFill(r.status)],
      ],
    },
    { kind: "h", text: w.projectionHeading },
    ...g.all.flatMap((c): Block[] => {
      const f = c.f;
      const at = f.firstShortage?.index ?? receiptAtRisk(f)?.index ?? 0;
      return [{ kind: "p", text: w.itemHeading(itemName(c)) }, projectionTable(c, at - 2)];
    }),
    ...g.all.flatMap(readingOf),
    ...signature(g.all[0]),
  ];
  return {
    kind: "review",
    audience: "internal",
    subject: w.reviewSubject(names(g), first ? when(first.c, first.index) : ""),
    blocks,
    im: w.im.review(names(g)),
  };
}

const BUILDERS: Record<NoticeKind, (g: Group, force: boolean) => Built> = {
  internal: internalAlert,
  "all-clear": allClear,
  "customer-risk": customerRisk,
  "customer-confirmed": customerConfirmed,
  "customer-all-clear": customerAllClear,
  review,
};
