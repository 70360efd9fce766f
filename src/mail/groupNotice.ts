import { CustomerOrder, Incident } from "../incidents";
import { Block, Line, fill } from "./document";
import { NoticeFacts, receiptAtRisk, receiptsOnTime } from "./facts";
import { freeTextWarnings } from "./language";
import { headerText } from "./mime";
import {
  Built,
  Ctx,
  Notice,
  NoticeKind,
  NoticeOptions,
  NoticeRefused,
  alertLeadBlocks,
  asksBlocks,
  categoryRow,
  causeAndAsksBlocks,
  checkBlocks,
  checkOrders,
  closingBlocks,
  composeNotice,
  confirmedRows,
  coverState,
  customerCauseBlocks,
  customerChecks,
  customerGreeting,
  customersBlocks,
  dependsOn,
  detectionLead,
  firstShort,
  itemName,
  needDate,
  onTimeItems,
  optionsBlocks,
  orReviewFill,
  ordersBlocks,
  partName,
  projectionTable,
  readingBlocks,
  recoveryText,
  refuseStillShort,
  remedyBlocks,
  reviewFirst,
  riskShortage,
  rootCauseBlocks,
  shortTableBlocks,
  signature,
  slackLine,
  subjectOrders,
  warnUnconfirmed,
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

/** One item's facts in an internal alert: first short date and quantity, end or recovery, peak, receipts, projection. */
function itemAlertBlocks(c: Ctx): Block[] {
  const { w, f } = c;
  const first = firstShort(f);
  const out: Block[] = [
    { kind: "h", text: w.itemHeading(itemName(c)) },
    ...alertLeadBlocks(c, first),
  ];
  const onTime = receiptsOnTime(f);
  const receipt = receiptAtRisk(f);
  out.push({
    kind: "p",
    text: `${onTime.length ? w.receiptHeading : w.receiptSlackHeading}${w.colon.trimEnd()}`,
  });
  out.push({
    kind: "list",
    items: onTime.length ? onTimeItems(c, onTime) : [slackLine(c, receipt)],
  });
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
  const blocks: Block[] = [
    { kind: "p", text: w.hello },
    { kind: "p", text: w.groupAlertLead(g.all.length, names(g)) },
    ...g.all.flatMap(itemAlertBlocks),
    ...customersBlocks(g.all[0], inc.customer?.orders ?? [], true),
    ...optionsBlocks(g.all[0], earliestNeed(g.all)),
    ...causeAndAsksBlocks(g.all[0]),
    ...g.all.flatMap(readingOf),
    { kind: "p", text: w.alertNext },
    ...signature(g.all[0]),
  ];
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
  const states: Line[] = g.all.map((c) => about(c, coverState(c)));
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

/** The remedy of a single notice, measured against the earliest need, with each part's recovery. */
function groupRemedy(cs: Ctx[], heading: string): Block[] {
  return remedyBlocks(cs[0], heading, earliestNeed(cs), {
    kind: "list",
    items: cs.map((c) => about(c, recoveryText(c), partName(c))),
  });
}

function allOrders(cs: Ctx[]): Ctx {
  const c = cs[0];
  const orders = cs.flatMap((x) => x.inc.customer?.orders ?? []);
  return { ...c, inc: { ...c.inc, customer: { ...c.inc.customer, orders } } };
}

function customerRisk(g: Group, force: boolean): Built {
  const { w } = g;
  const cs = customerItems(g, force);
  const heads: Block[] = [];
  const shorts: { c: Ctx; index: number }[] = [];
  for (const c of cs) {
    const short = riskShortage(c);
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
    ...customerCauseBlocks(cs[0]),
    ...groupRemedy(cs, w.measuresHeading),
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
  const { w } = g;
  const cs = customerItems(g, force);
  const firsts: { c: Ctx; index: number }[] = [];
  const sections = cs.flatMap((c): Block[] => {
    const rows = confirmedRows(c);
    firsts.push({ c, index: rows[0].index });
    return [...partHead(c), ...shortTableBlocks(c, rows), ...ordersBlocks(c).slice(1)];
  });
  const blocks: Block[] = [
    ...cs.flatMap(checkBlocks),
    customerGreeting(cs[0]),
    { kind: "p", text: w.groupConfirmedLead(cs.length) },
    { kind: "fields", rows: [[w.statusLabel, w.statusConfirmed]] },
    { kind: "h", text: w.shortHeading },
    { kind: "p", text: w.shortNote },
    ...sections,
    ...customerCauseBlocks(cs[0]),
    ...groupRemedy(cs, w.interimHeading),
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
  for (const c of g.all) refuseStillShort(c);
  const cs = customerItems(g, force);
  for (const c of cs) warnUnconfirmed(c);
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
  const facts: [string, Line][] = [[w.itemsLabel, names(g)]];
  for (const c of g.all) {
    const first = reviewFirst(c.f);
    facts.push(
      [w.needDateOf(itemName(c)), first ? when(c, first) : w.none],
      [w.leadTimeOf(itemName(c)), detectionLead(c, first)]
    );
  }
  const c0 = g.all[0];
  facts.push([w.detectedOn, orReviewFill(c0, inc.review?.detectedOn)], categoryRow(c0));
  const first = earliest(g.all);
  const blocks: Block[] = [
    { kind: "p", text: w.hello },
    { kind: "p", text: w.reviewLead },
    { kind: "h", text: w.reviewFacts },
    { kind: "fields", rows: facts },
    ...rootCauseBlocks(c0),
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
