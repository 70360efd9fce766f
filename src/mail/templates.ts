import { CustomerOrder, Incident } from "../incidents";
import { Block, Line, Val, fill } from "./document";
import {
  NoticeFacts,
  PeriodFact,
  affectedPeriods,
  daysBetween,
  firstOrderShortage,
  hasDates,
  orderShortRows,
  ordersDependOnReceipt,
  periodFact,
  periodOfDate,
  receiptAtRisk,
  receiptsOnTime,
  receiptsOrdersNeed,
} from "./facts";
import { freeTextWarnings } from "./language";
import { headerText } from "./mime";
import { formatQuantity } from "./quantity";
import { NoticeKind } from "./noticeKinds";
import { Language, Words, wordsFor } from "./words";

export type { NoticeKind } from "./noticeKinds";
export { NOTICE_KINDS } from "./noticeKinds";

export interface Notice {
  kind: NoticeKind;
  lang: Language;
  audience: "internal" | "customer";
  subject: string;
  blocks: Block[];
  /** A short text for WeCom / DingTalk / Teams. */
  im: string;
  /** What the person sending it should know (printed on stderr by the command line). */
  warnings: string[];
}

export interface NoticeOptions {
  /** Draft a customer notice for an item with reading problems anyway. */
  force?: boolean;
}

/** A notice that must not be drafted: the reason, for the user, in the notice's language. */
export class NoticeRefused extends Error {}

export type Built = Omit<Notice, "lang" | "warnings"> & { warnings?: string[] };

const PROJECTION_ROWS = 12;
const SUBJECT_PO_CHARS = 40;

/** One builder's view: the words, the facts, the incident, and the warnings it collects. */
export interface Ctx {
  w: Words;
  f: NoticeFacts;
  inc: Incident;
  warnings: string[];
}

export function q(c: Ctx, n: number): string {
  return formatQuantity(n, c.w.lang);
}

export function when(c: Ctx, p: PeriodFact | number): string {
  const t = typeof p === "number" ? p : p.index;
  return c.w.when(c.f.periods[t], c.f.periodStarts[t] ?? null);
}

export function itemName(c: Ctx): string {
  return c.f.site ? `${c.f.item}${c.w.paren(c.f.site)}` : c.f.item;
}

export function signature(c: Ctx): Block[] {
  const contact = c.inc.contact;
  const closing: Block = { kind: "lines", lines: c.w.regards };
  if (!contact?.name) return [closing, { kind: "p", text: fill(c.w.signatureFill) }];
  return [
    closing,
    { kind: "lines", lines: contact.role ? [contact.name, contact.role] : [contact.name] },
  ];
}

export function projectionTable(c: Ctx, from: number): Block {
  const f = c.f;
  const start = Math.max(0, Math.min(from, f.periods.length - PROJECTION_ROWS));
  const rows: Val[][] = [];
  for (let t = start; t < Math.min(f.periods.length, start + PROJECTION_ROWS); t++) {
    rows.push([
      f.periods[t],
      f.periodStarts[t] ?? "",
      f.orders[t],
      f.demand[t],
      f.mps[t],
      f.pab[t],
      c.w.status[f.status[t]] ?? f.status[t],
    ]);
  }
  return { kind: "table", header: c.w.projectionHeader, rows };
}

/** "our receipt(s) of 50 due W3 (2026-12-14)": what an at-risk item depends on. */
export function dependsOn(c: Ctx): { text: string; count: number } {
  const rs = receiptsOrdersNeed(c.f);
  const onTime = rs.filter((r) => r.slack === 0);
  const shown = onTime.length ? onTime : rs.slice(0, 1);
  return {
    text: c.w.dependsOnReceipts(
      shown.map((r) => c.w.receiptDue(q(c, r.quantity), when(c, r.index)))
    ),
    count: shown.length,
  };
}

/** Reading problems of the item: what the figures assume. */
export function readingBlocks(c: Ctx): Block[] {
  const a = c.f.assumptions ?? [];
  if (!a.length) return [];
  return [
    { kind: "h", text: c.w.readingHeading },
    { kind: "p", text: c.w.readingLead },
    { kind: "list", items: a },
  ];
}

/** The first short period of the planning balance, with its quantity. */
export function firstShort(f: NoticeFacts): PeriodFact | null {
  return f.firstShortage ? periodFact(f, f.firstShortage.index, f.firstShortage.quantity) : null;
}

/** An alert's lead on one item: first short date and quantity, recovery or end shortfall, peak. */
export function alertLeadBlocks(c: Ctx, first: PeriodFact | null): Block[] {
  const { w, f } = c;
  const name = itemName(c);
  if (!first) return [{ kind: "p", text: w.alertLeadAtRisk(name) }];
  const ending =
    f.finalRecoveryIndex != null
      ? w.backFrom(when(c, f.finalRecoveryIndex))
      : w.shortAtEnd(f.periods[f.periods.length - 1], q(c, f.endShortfall));
  const out: Block[] = [
    { kind: "p", text: [w.alertLead(name, when(c, first), q(c, first.quantity)), w.space, ending] },
  ];
  if (f.peakShortage && f.peakShortage.index !== first.index) {
    out.push({
      kind: "p",
      text: w.peak(q(c, f.peakShortage.quantity), when(c, f.peakShortage.index)),
    });
  }
  return out;
}

/** Receipts due exactly on time: any delay makes the item short. */
export function onTimeItems(c: Ctx, onTime: ReturnType<typeof receiptsOnTime>): Line[] {
  return onTime.map((r) => c.w.receiptOnTime(q(c, r.quantity), when(c, r.index)));
}

/** The receipt at risk and how late it may come, or that none can cover the shortage. */
export function slackLine(c: Ctx, receipt: ReturnType<typeof receiptAtRisk>): Line {
  const { w } = c;
  return receipt
    ? w.receiptLine(q(c, receipt.quantity), when(c, receipt), w.periods(receipt.slack ?? 0))
    : w.receiptNone;
}

/** The customers' orders in an internal alert, one line each (with its item when asked). */
export function customersBlocks(c: Ctx, orders: CustomerOrder[], withItem = false): Block[] {
  const { w } = c;
  if (!orders.length) return [];
  const customer = c.inc.customer?.name;
  return [
    { kind: "h", text: w.customersHeading },
    {
      kind: "list",
      items: orders.map(
        (o) =>
          (customer ? `${customer}${w.colon}` : "") +
          w.orderLine(o.po, o.line, q(c, o.quantity), o.originalDate) +
          (withItem && o.item ? w.paren(o.item) : "")
      ),
    },
  ];
}

/** The transport options with their costs, measured against the date needed (none: nothing). */
export function optionsBlocks(c: Ctx, need: string | null): Block[] {
  return c.inc.transport?.length
    ? [{ kind: "h", text: c.w.optionsHeading }, transportTable(c, need, true)]
    : [];
}

/** The internal cause and who is asked to do what. */
export function causeAndAsksBlocks(c: Ctx): Block[] {
  const { w, inc } = c;
  return [
    { kind: "h", text: w.causeHeading },
    { kind: "p", text: inc.cause?.internal ?? fill(w.causeFill) },
    { kind: "h", text: w.asksHeading },
    {
      kind: "list",
      items: inc.asks?.length
        ? inc.asks.map((a) => `${a.who}${w.colon}${a.what}${a.by ? w.by(a.by) : ""}`)
        : [fill(w.asksFill)],
    },
  ];
}

/** The item's state in an all-clear; a warning when its orders are still short. */
export function coverState(c: Ctx): Line {
  const { w, f } = c;
  const short = firstOrderShortage(f);
  if (short) {
    c.warnings.push(w.warn.stillShort(f.item, when(c, short), q(c, short.quantity)));
    return w.stillShort(when(c, short), q(c, short.quantity));
  }
  const planning = firstShort(f);
  return planning ? w.forecastShort(when(c, planning), q(c, planning.quantity)) : w.nowCovered;
}

function internalAlert(c: Ctx): Built {
  const { w, f, inc } = c;
  const first = firstShort(f);
  const onTime = receiptsOnTime(f);
  const receipt = receiptAtRisk(f);
  const name = itemName(c);
  const what = first
    ? w.shortIn(when(c, first), q(c, first.quantity))
    : receipt
      ? w.dependsOn(when(c, receipt))
      : w.status.ok;
  const receipts: Block[] = onTime.length
    ? [
        { kind: "h", text: w.receiptHeading },
        { kind: "list", items: onTimeItems(c, onTime) },
      ]
    : [
        { kind: "h", text: w.receiptSlackHeading },
        { kind: "p", text: slackLine(c, receipt) },
      ];
  checkOrders(c);
  const blocks: Block[] = [
    { kind: "p", text: w.hello },
    ...alertLeadBlocks(c, first),
    ...receipts,
    ...customersBlocks(c, inc.customer?.orders ?? []),
    { kind: "h", text: w.projectionHeading },
    projectionTable(c, first ? first.index - 2 : (receipt?.index ?? 0) - 2),
    ...optionsBlocks(c, needDate(c)),
    ...causeAndAsksBlocks(c),
    ...readingBlocks(c),
    { kind: "p", text: w.alertNext },
    ...signature(c),
  ];
  return {
    kind: "internal",
    audience: "internal",
    subject: w.alertSubject(name, what),
    blocks,
    im: w.im.alert(name, what),
  };
}

function allClear(c: Ctx): Built {
  const { w, inc } = c;
  const name = itemName(c);
  const blocks: Block[] = [
    { kind: "p", text: w.hello },
    { kind: "p", text: w.allClearLead(name) },
    { kind: "fields", rows: [[w.whatChanged, inc.resolution ?? fill(w.whatChangedFill)]] },
    { kind: "p", text: coverState(c) },
    { kind: "p", text: w.thanks },
    ...signature(c),
  ];
  return {
    kind: "all-clear",
    audience: "internal",
    subject: w.allClearSubject(name),
    blocks,
    im: w.im.allClear(name),
  };
}

/** What a customer notice may not do without: dates, a readable sheet, the incident of this item. */
export function customerChecks(c: Ctx, force: boolean): void {
  const { w, f } = c;
  if (!hasDates(f)) throw new NoticeRefused(w.refuse.noDates(f.item));
  if (f.flagged && !force) {
    const what = (f.assumptions ?? []).slice(0, 2).join("; ") || w.none;
    throw new NoticeRefused(w.refuse.flagged(f.item, what));
  }
}

export function newDateText(c: Ctx, o: CustomerOrder): Val {
  if (o.newDate) return o.newDate;
  return c.inc.nextUpdate ? c.w.toConfirmBy(c.inc.nextUpdate) : c.w.toConfirm;
}

export function customerGreeting(c: Ctx): Block {
  const name = c.inc.customer?.contactName;
  return { kind: "p", text: name ? c.w.dear(name) : c.w.dear(c.w.fill(c.w.dearFill)) };
}

export function ordersBlocks(c: Ctx, heading = c.w.ordersHeading): Block[] {
  const orders = c.inc.customer?.orders ?? [];
  return [
    { kind: "h", text: heading },
    {
      kind: "table",
      header: c.w.ordersHeader,
      rows: orders.length
        ? orders.map((o) => [
            o.po,
            o.line ?? "",
            o.quantity,
            o.originalDate,
            newDateText(c, o),
            o.newQuantity ?? o.quantity,
          ])
        : [[fill(c.w.poFill), "", fill(c.w.qtyFill), fill(c.w.dateFill), fill(c.w.dateFill), ""]],
    },
  ];
}

export function asksBlocks(c: Ctx): Block[] {
  return [
    { kind: "h", text: c.w.askCustomerHeading },
    { kind: "list", items: c.w.askCustomer },
  ];
}

export function closingBlocks(c: Ctx): Block[] {
  const contact = c.inc.contact;
  return [
    {
      kind: "fields",
      rows: [
        [c.w.nextUpdate, c.inc.nextUpdate ?? fill(c.w.nextUpdateFill)],
        [
          c.w.contactLabel,
          contact?.name
            ? c.w.contactLine(contact.name, contact.role, contact.phone, contact.email)
            : fill(c.w.contactFill),
        ],
      ],
    },
    ...signature(c),
  ];
}

/** A marked line at the top of a forced customer notice: what to check before it goes out. */
export function checkBlocks(c: Ctx): Block[] {
  const a = c.f.assumptions ?? [];
  return c.f.flagged && a.length
    ? [{ kind: "p", text: fill(c.w.checkBeforeSending(a.join("; "))) }]
    : [];
}

/** The date the customer needs the goods: the first date short, else what the receipt protects. */
export function needDate(c: Ctx): string | null {
  const short = firstOrderShortage(c.f);
  if (short) return short.date;
  const r = receiptsOrdersNeed(c.f)[0];
  if (!r) return null;
  return c.f.periodStarts[r.needByIndex ?? r.index] ?? null;
}

export function transportTable(c: Ctx, need: string | null, internal: boolean): Block {
  const { w } = c;
  const rows: Val[][] = (c.inc.transport ?? []).map((t) => {
    let versus: Val = "";
    if (t.arrival && need) {
      const days = daysBetween(t.arrival, need);
      versus = days > 0 ? w.early(w.days(days)) : days < 0 ? w.late(w.days(-days)) : w.onTime;
    }
    const payer = t.paidBy ? (internal ? w.paidByInternal : w.paidBy)[t.paidBy] : "";
    const remarks = [t.chosen ? w.chosen : "", t.note ?? ""].filter(Boolean).join(w.semicolon);
    const mode = w.mode[t.mode] + (remarks ? w.paren(remarks) : "");
    const row: Val[] = [
      mode,
      t.leadTimeDays !== undefined ? w.days(t.leadTimeDays) : "",
      t.arrival ?? "",
      versus,
      payer,
    ];
    if (internal) row.push(t.cost ?? "");
    return row;
  });
  return { kind: "table", header: internal ? w.optionsHeader : w.transportHeader, rows };
}

/** The customer-facing cause. */
export function customerCauseBlocks(c: Ctx): Block[] {
  return [
    { kind: "h", text: c.w.causeCustomerHeading },
    { kind: "p", text: c.inc.cause?.customer ?? fill(c.w.causeCustomerFill) },
  ];
}

/** What we do about it, how it travels against the date needed, and when supply is back. */
export function remedyBlocks(
  c: Ctx,
  heading: string,
  need: string | null,
  recovery: Block
): Block[] {
  const { w, inc } = c;
  return [
    { kind: "h", text: heading },
    {
      kind: "list",
      items: inc.countermeasures?.length ? inc.countermeasures : [fill(w.measuresFill)],
    },
    { kind: "h", text: w.transportHeading },
    inc.transport?.length
      ? transportTable(c, need, false)
      : { kind: "p", text: fill(w.transportFill) },
    { kind: "h", text: w.recoveryHeading },
    recovery,
  ];
}

/** Recovery from the incident when given (checked against the plan), else the plan's final recovery. */
export function recoveryText(c: Ctx): Line {
  const { w, f, inc } = c;
  const g = f.orderFigures;
  const last = f.periods.length - 1;
  const given = inc.recovery?.date;
  if (given) {
    const t = periodOfDate(f, given);
    if (g.finalRecoveryIndex != null && t !== null && t < g.finalRecoveryIndex)
      c.warnings.push(w.warn.recoveryEarly(given, when(c, g.finalRecoveryIndex)));
    if (g.finalRecoveryIndex == null && g.endShortfall > 0 && t !== null && g.backlog[t] > 0)
      c.warnings.push(w.warn.recoveryWhileShort(given, f.periods[last]));
  }
  if (inc.recovery?.schedule || given)
    return [
      inc.recovery?.schedule ?? "",
      inc.recovery?.schedule && given ? w.space : "",
      given ?? "",
    ];
  if (g.finalRecoveryIndex != null) return w.recoveryFromPlan(when(c, g.finalRecoveryIndex));
  if (g.endShortfall > 0) return w.recoveryShortAtEnd(f.periods[last], q(c, g.endShortfall));
  if (ordersDependOnReceipt(f)) {
    const d = dependsOn(c);
    return w.recoveryAtRisk(d.text, d.count);
  }
  return fill(w.recoveryFill);
}

/** "your PO PO-4711, PO-4712", or "your 3 orders" when they do not fit a subject. */
export function subjectOrders(c: Ctx): string {
  const pos = [...new Set((c.inc.customer?.orders ?? []).map((o) => o.po))];
  if (!pos.length) return "";
  return pos.join(", ").length <= SUBJECT_PO_CHARS ? c.w.yourPos(pos) : c.w.yourOrders(pos.length);
}

/** Orders the incident names outside the periods the notice is about: a warning naming the PO. */
export function checkOrders(c: Ctx): void {
  const periods = affectedPeriods(c.f);
  if (!periods.length) return;
  const names = periods.map((t) => c.f.periods[t]).join(c.w.sep);
  for (const o of c.inc.customer?.orders ?? []) {
    const t = periodOfDate(c.f, o.originalDate);
    if (t === null || !periods.includes(t))
      c.warnings.push(
        c.w.warn.orderOutside(o.po, o.originalDate, t === null ? null : c.f.periods[t], names)
      );
  }
}

export function partName(c: Ctx): string {
  const part = c.inc.customer?.partNumber;
  return part ? `${part}${c.w.paren(c.f.item)}` : c.f.item;
}

export function headFields(c: Ctx, status: string, extra: [string, Line][] = []): Block {
  const part = c.inc.customer?.partNumber;
  return {
    kind: "fields",
    rows: [
      [c.w.statusLabel, status],
      [c.w.itemLabel, c.f.item],
      ...(part ? [[c.w.partLabel, part] as [string, Line]] : []),
      ...extra,
    ],
  };
}

/**
 * The first date the item's orders are short (null: they depend on a receipt), checked as a
 * risk notice needs: refused when nothing is at risk or the orders are short already.
 */
export function riskShortage(c: Ctx): PeriodFact | null {
  const { w, f } = c;
  const short = firstOrderShortage(f);
  if (!short && !ordersDependOnReceipt(f)) {
    throw new NoticeRefused(
      f.firstShortage ? w.refuse.forecastOnly(f.item) : w.refuse.covered(f.item)
    );
  }
  if (short && short.index === 0)
    throw new NoticeRefused(w.refuse.alreadyShort(f.item, when(c, short), q(c, short.quantity)));
  checkOrders(c);
  return short;
}

function customerRisk(c: Ctx): Built {
  const { w } = c;
  const short = riskShortage(c);
  const depends = short ? null : dependsOn(c);
  const blocks: Block[] = [
    ...checkBlocks(c),
    customerGreeting(c),
    { kind: "p", text: w.riskLead },
    headFields(c, w.statusPotential, [
      short ? [w.needDate, when(c, short)] : [w.dependsOnLabel, (depends as { text: string }).text],
    ]),
    ...ordersBlocks(c),
    ...customerCauseBlocks(c),
    ...remedyBlocks(c, w.measuresHeading, needDate(c), { kind: "p", text: recoveryText(c) }),
    ...asksBlocks(c),
    ...closingBlocks(c),
  ];
  const part = partName(c);
  return {
    kind: "customer-risk",
    audience: "customer",
    subject: w.riskSubject(part, subjectOrders(c)),
    blocks,
    im: short
      ? w.im.risk(part, when(c, short))
      : w.im.riskAtRisk(part, (depends as { text: string }).text),
  };
}

export type ShortRow = ReturnType<typeof orderShortRows>[number];

/** The periods the item's orders are short, checked as a confirmed notice needs: refused when none. */
export function confirmedRows(c: Ctx): ShortRow[] {
  const { w, f } = c;
  const rows = orderShortRows(f);
  if (!rows.length) {
    throw new NoticeRefused(
      f.firstShortage ? w.refuse.forecastOnly(f.item) : w.refuse.nothingToConfirm(f.item)
    );
  }
  checkOrders(c);
  return rows;
}

/** The confirmed shortfall by period with its total, and what is left short at the end. */
export function shortTableBlocks(c: Ctx, rows: ShortRow[]): Block[] {
  const { w, f } = c;
  const g = f.orderFigures;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return [
    {
      kind: "table",
      header: w.shortHeader,
      rows: [
        ...rows.map((p) => [p.period, p.date ?? "", p.newShortfall, p.madeUp, p.backlog]),
        [w.shortTotal, "", sum(g.newShortfall), sum(g.madeUp), ""],
      ],
    },
    {
      kind: "p",
      text: w.shortEnd(
        f.periods[f.periods.length - 1],
        q(c, g.endShortfall),
        q(c, sum(g.newShortfall)),
        q(c, sum(g.madeUp))
      ),
    },
  ];
}

function customerConfirmed(c: Ctx): Built {
  const { w } = c;
  const rows = confirmedRows(c);
  const blocks: Block[] = [
    ...checkBlocks(c),
    customerGreeting(c),
    { kind: "p", text: w.confirmedLead },
    headFields(c, w.statusConfirmed),
    { kind: "h", text: w.shortHeading },
    ...shortTableBlocks(c, rows),
    { kind: "p", text: w.shortNote },
    ...ordersBlocks(c),
    ...customerCauseBlocks(c),
    ...remedyBlocks(c, w.interimHeading, needDate(c), { kind: "p", text: recoveryText(c) }),
    ...asksBlocks(c),
    ...closingBlocks(c),
  ];
  const part = partName(c);
  return {
    kind: "customer-confirmed",
    audience: "customer",
    subject: w.confirmedSubject(part, subjectOrders(c)),
    blocks,
    im: w.im.confirmed(part, when(c, rows[0])),
  };
}

/** A customer all-clear is refused while the item's orders are still short. */
export function refuseStillShort(c: Ctx): void {
  const short = firstOrderShortage(c.f);
  if (short)
    throw new NoticeRefused(c.w.refuse.stillShort(c.f.item, when(c, short), q(c, short.quantity)));
}

/** A warning for every order of the item without a confirmed new date. */
export function warnUnconfirmed(c: Ctx): void {
  for (const o of c.inc.customer?.orders ?? [])
    if (!o.newDate) c.warnings.push(c.w.warn.unconfirmed(o.po));
}

function customerAllClear(c: Ctx): Built {
  const { w } = c;
  refuseStillShort(c);
  warnUnconfirmed(c);
  const blocks: Block[] = [
    ...checkBlocks(c),
    customerGreeting(c),
    { kind: "p", text: w.restoredLead },
    headFields(c, w.statusRestored),
    ...ordersBlocks(c, w.restoredOrdersHeading),
    ...closingBlocks(c),
  ];
  const part = partName(c);
  return {
    kind: "customer-all-clear",
    audience: "customer",
    subject: w.restoredSubject(part, subjectOrders(c)),
    blocks,
    im: w.im.restored(part),
  };
}

/** What the review is about for the item: its first short period, else the receipt at risk. */
export function reviewFirst(f: NoticeFacts): PeriodFact | null {
  return firstShort(f) ?? receiptAtRisk(f);
}

/** A review field: what the incident records, else marked to fill. */
export function orReviewFill(c: Ctx, v: string | undefined): Line {
  return v ?? fill(c.w.reviewFill);
}

/** How long before the date needed the problem was seen (or how late). */
export function detectionLead(c: Ctx, first: PeriodFact | null): Line {
  const { w } = c;
  const detectedOn = c.inc.review?.detectedOn;
  if (!detectedOn || !first?.date) return fill(w.reviewFill);
  const days = daysBetween(detectedOn, first.date);
  return days > 0
    ? w.leadTimeValue(w.days(days))
    : days < 0
      ? w.detectedLate(w.days(-days))
      : w.detectedSameDay;
}

export function categoryRow(c: Ctx): [string, Line] {
  const { w, inc } = c;
  return [
    w.categoryLabel,
    inc.cause?.category ? w.category[inc.cause.category] : fill(w.reviewFill),
  ];
}

/** The review's root cause: timeline, five whys, and containment to status. */
export function rootCauseBlocks(c: Ctx): Block[] {
  const { w } = c;
  const r = c.inc.review ?? {};
  const orFill = (v: string | undefined) => orReviewFill(c, v);
  return [
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
  ];
}

function review(c: Ctx): Built {
  const { w, f } = c;
  const first = reviewFirst(f);
  const name = itemName(c);
  const firstWhen = first ? when(c, first) : "";
  const blocks: Block[] = [
    { kind: "p", text: w.hello },
    { kind: "p", text: w.reviewLead },
    { kind: "h", text: w.reviewFacts },
    {
      kind: "fields",
      rows: [
        [w.itemLabel, name],
        [w.needDate, firstWhen || w.none],
        [w.detectedOn, orReviewFill(c, c.inc.review?.detectedOn)],
        [w.leadTime, detectionLead(c, first)],
        categoryRow(c),
      ],
    },
    ...rootCauseBlocks(c),
    { kind: "h", text: w.projectionHeading },
    projectionTable(c, (first?.index ?? 0) - 2),
    ...readingBlocks(c),
    ...signature(c),
  ];
  return {
    kind: "review",
    audience: "internal",
    subject: w.reviewSubject(name, firstWhen),
    blocks,
    im: w.im.review(name),
  };
}

const BUILDERS: Record<NoticeKind, (c: Ctx) => Built> = {
  internal: internalAlert,
  "all-clear": allClear,
  "customer-risk": customerRisk,
  "customer-confirmed": customerConfirmed,
  "customer-all-clear": customerAllClear,
  review,
};

/** The incident must be this item's (or name it in its group). */
function checkIncidentItem(w: Words, f: NoticeFacts, inc: Incident): void {
  if (!inc.item && !inc.items?.length) return;
  if (inc.item === f.item || inc.items?.includes(f.item)) return;
  throw new NoticeRefused(w.refuse.otherItem(inc.item ?? (inc.items ?? []).join(", "), f.item));
}

/**
 * One notice, filled from the report and the incident; parts nobody supplied are marked to fill.
 * Refused (NoticeRefused) when the projection contradicts what the notice would say.
 */
export function composeNotice(
  kind: NoticeKind,
  facts: NoticeFacts,
  incident: Incident = {},
  lang: Language = "en",
  options: NoticeOptions = {}
): Notice {
  const w = wordsFor(lang);
  checkIncidentItem(w, facts, incident);
  const c: Ctx = { w, f: facts, inc: incident, warnings: [] };
  const customer = kind.startsWith("customer");
  const notice = BUILDERS[kind](c);
  if (customer) customerChecks(c, options.force ?? false);
  const warnings = [...c.warnings, ...freeTextWarnings(incident, w, customer)];
  return {
    ...notice,
    lang,
    subject: headerText(notice.subject),
    im: headerText(notice.im),
    warnings,
  };
}
