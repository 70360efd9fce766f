import { Incident } from "../incidents";
import { Block, Line, Val, fill, formatNumber } from "./document";
import {
  NoticeFacts,
  PeriodFact,
  firstOrderShortage,
  ordersDependOnReceipt,
  orderShortPeriods,
  periodFact,
  receiptAtRisk,
} from "./facts";
import { headerText } from "./mime";
import { Language, Words, wordsFor } from "./words";

export type NoticeKind =
  | "internal"
  | "all-clear"
  | "customer-risk"
  | "customer-confirmed"
  | "customer-all-clear"
  | "review";
export const NOTICE_KINDS: readonly NoticeKind[] = [
  "internal",
  "all-clear",
  "customer-risk",
  "customer-confirmed",
  "customer-all-clear",
  "review",
];

export interface Notice {
  kind: NoticeKind;
  lang: Language;
  audience: "internal" | "customer";
  subject: string;
  blocks: Block[];
  /** A short text for WeCom / DingTalk / Teams. */
  im: string;
}

/** A customer notice that must not be sent: the reason, for the user. */
export class NoticeRefused extends Error {}

const PROJECTION_ROWS = 12;

function when(w: Words, p: PeriodFact): string {
  return w.when(p.period, p.date);
}

function signature(w: Words, inc: Incident): Block[] {
  const c = inc.contact;
  const name: Line = c?.name ? [c.name, c.role ? `, ${c.role}` : ""] : fill(w.signatureFill);
  return [
    { kind: "p", text: w.regards },
    { kind: "p", text: name },
  ];
}

function projectionTable(w: Words, f: NoticeFacts, from: number): Block {
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
      w.status[f.status[t]] ?? f.status[t],
    ]);
  }
  return { kind: "table", header: w.projectionHeader, rows };
}

function internalAlert(w: Words, f: NoticeFacts, inc: Incident): Omit<Notice, "lang"> {
  const first = f.firstShortage
    ? periodFact(f, f.firstShortage.index, f.firstShortage.quantity)
    : null;
  const receipt = receiptAtRisk(f);
  const itemName = f.site ? `${f.item} (${f.site})` : f.item;
  const what = first
    ? w.shortIn(when(w, first), formatNumber(first.quantity))
    : receipt
      ? w.dependsOn(when(w, receipt))
      : w.status.ok;
  const blocks: Block[] = [{ kind: "p", text: w.hello }];
  if (first) {
    const until =
      f.recoveryIndex != null
        ? w.when(f.periods[f.recoveryIndex], f.periodStarts[f.recoveryIndex] ?? null)
        : w.endOfHorizon;
    blocks.push({
      kind: "p",
      text: w.alertLead(itemName, when(w, first), formatNumber(first.quantity), until),
    });
    if (f.peakShortage && f.peakShortage.index !== first.index) {
      blocks.push({
        kind: "p",
        text: w.peak(
          formatNumber(f.peakShortage.quantity),
          w.when(f.periods[f.peakShortage.index], f.periodStarts[f.peakShortage.index] ?? null)
        ),
      });
    }
  } else {
    blocks.push({ kind: "p", text: w.alertLeadAtRisk(itemName) });
  }
  blocks.push({ kind: "h", text: w.receiptHeading });
  blocks.push({
    kind: "p",
    text: !receipt
      ? w.receiptNone
      : receipt.slack === 0
        ? w.receiptOnTime(formatNumber(receipt.quantity), when(w, receipt))
        : w.receiptLine(
            formatNumber(receipt.quantity),
            when(w, receipt),
            w.periods(receipt.slack ?? 0)
          ),
  });
  blocks.push(
    { kind: "h", text: w.projectionHeading },
    projectionTable(w, f, first ? first.index - 2 : (receipt?.index ?? 0) - 2)
  );
  blocks.push(
    { kind: "h", text: w.causeHeading },
    { kind: "p", text: inc.cause?.internal ?? fill(w.causeFill) }
  );
  blocks.push({
    kind: "h",
    text: w.asksHeading,
  });
  blocks.push({
    kind: "list",
    items: inc.asks?.length
      ? inc.asks.map((a) => `${a.who}${w.colon}${a.what}${a.by ? w.by(a.by) : ""}`)
      : [fill(w.asksFill)],
  });
  blocks.push({ kind: "p", text: w.alertNext }, ...signature(w, inc));
  return {
    kind: "internal",
    audience: "internal",
    subject: w.alertSubject(itemName, what),
    blocks,
    im: w.im.alert(itemName, what),
  };
}

function allClear(w: Words, f: NoticeFacts, inc: Incident): Omit<Notice, "lang"> {
  const first = f.firstShortage
    ? periodFact(f, f.firstShortage.index, f.firstShortage.quantity)
    : null;
  const itemName = f.site ? `${f.item} (${f.site})` : f.item;
  const blocks: Block[] = [
    { kind: "p", text: w.hello },
    { kind: "p", text: w.allClearLead(itemName) },
    { kind: "fields", rows: [[w.whatChanged, inc.resolution ?? fill(w.whatChangedFill)]] },
    {
      kind: "p",
      text: first ? w.stillShort(when(w, first), formatNumber(first.quantity)) : w.nowCovered,
    },
    { kind: "p", text: w.thanks },
    ...signature(w, inc),
  ];
  return {
    kind: "all-clear",
    audience: "internal",
    subject: w.allClearSubject(itemName),
    blocks,
    im: w.im.allClear(itemName),
  };
}

interface CustomerParts {
  greeting: Block;
  orders: Block[];
  asks: Block[];
  closing: Block[];
}

function customerParts(w: Words, inc: Incident): CustomerParts {
  const c = inc.customer;
  const greeting: Block = {
    kind: "p",
    text: [w.dear[0], c?.contactName ?? fill(w.dearFill), w.dear[1]],
  };
  const orders: Block[] = [
    { kind: "h", text: w.ordersHeading },
    {
      kind: "table",
      header: w.ordersHeader,
      rows: c?.orders?.length
        ? c.orders.map((o) => [
            o.po,
            o.line ?? "",
            o.quantity,
            o.originalDate,
            o.newDate ?? fill(w.nextUpdateFill),
            o.newQuantity ?? o.quantity,
          ])
        : [[fill(w.poFill), "", fill("qty"), fill("date"), fill("date"), ""]],
    },
  ];
  const contact = inc.contact;
  const asks: Block[] = [
    { kind: "h", text: w.askCustomerHeading },
    { kind: "list", items: w.askCustomer },
  ];
  const closing: Block[] = [
    {
      kind: "fields",
      rows: [
        [w.nextUpdate, inc.nextUpdate ?? fill(w.nextUpdateFill)],
        [
          w.contactLabel,
          contact?.name
            ? [
                contact.name,
                contact.role ? `, ${contact.role}` : "",
                contact.phone ? `, ${contact.phone}` : "",
                contact.email ? `, ${contact.email}` : "",
              ]
            : fill(w.contactFill),
        ],
      ],
    },
    ...signature(w, inc),
  ];
  return { greeting, orders, asks, closing };
}

function transportBlocks(w: Words, inc: Incident, need: string | null): Block[] {
  const rows: Val[][] = (inc.transport ?? []).map((t) => {
    let versus: Val = "";
    if (t.arrival && need) {
      const days = Math.round((Date.parse(need) - Date.parse(t.arrival)) / 86_400_000);
      versus = days > 0 ? w.early(w.days(days)) : days < 0 ? w.late(w.days(-days)) : w.onTime;
    }
    return [
      w.mode[t.mode] + (t.note ? ` (${t.note})` : ""),
      t.leadTimeDays !== undefined ? w.days(t.leadTimeDays) : "",
      t.arrival ?? "",
      versus,
    ];
  });
  return [
    { kind: "h", text: w.transportHeading },
    rows.length
      ? { kind: "table", header: w.transportHeader, rows }
      : { kind: "p", text: fill(w.transportFill) },
  ];
}

function partName(f: NoticeFacts, inc: Incident): string {
  const part = inc.customer?.partNumber;
  return part ? `${part} (${f.item})` : f.item;
}

function firstPo(inc: Incident): string | null {
  return inc.customer?.orders?.[0]?.po ?? null;
}

function customerRisk(w: Words, f: NoticeFacts, inc: Incident): Omit<Notice, "lang"> {
  const short = firstOrderShortage(f);
  if (!short && !ordersDependOnReceipt(f)) {
    throw new NoticeRefused(
      f.firstShortage
        ? `${f.item}: the shortage exists only in the forecast-driven balance; customer orders are covered, so no customer notice`
        : `${f.item}: customer orders are covered, and no receipt they depend on is at risk; no customer notice`
    );
  }
  const receipt = receiptAtRisk(f);
  const need = short ?? receipt;
  const { greeting, orders, asks, closing } = customerParts(w, inc);
  const blocks: Block[] = [
    greeting,
    { kind: "p", text: w.riskLead },
    {
      kind: "fields",
      rows: [
        [w.statusLabel, w.statusPotential],
        [w.itemLabel, f.item],
        ...(inc.customer?.partNumber
          ? [[w.partLabel, inc.customer.partNumber] as [string, Line]]
          : []),
        ...(need ? [[w.needDate, when(w, need)] as [string, Line]] : []),
      ],
    },
    ...orders,
    { kind: "h", text: w.causeCustomerHeading },
    { kind: "p", text: inc.cause?.customer ?? fill(w.causeCustomerFill) },
    ...remedyBlocks(w, f, inc, w.measuresHeading, need?.date ?? null),
    ...asks,
    ...closing,
  ];
  const part = partName(f, inc);
  return {
    kind: "customer-risk",
    audience: "customer",
    subject: w.riskSubject(part, firstPo(inc)),
    blocks,
    im: w.im.risk(part, need ? when(w, need) : ""),
  };
}

/** What we do about it, how it travels against the date needed, and when supply is back. */
function remedyBlocks(
  w: Words,
  f: NoticeFacts,
  inc: Incident,
  heading: string,
  needDate: string | null
): Block[] {
  return [
    { kind: "h", text: heading },
    {
      kind: "list",
      items: inc.countermeasures?.length ? inc.countermeasures : [fill(w.measuresFill)],
    },
    ...transportBlocks(w, inc, needDate),
    { kind: "h", text: w.recoveryHeading },
    { kind: "p", text: recoveryText(w, f, inc) },
  ];
}

function recoveryText(w: Words, f: NoticeFacts, inc: Incident): Line {
  if (inc.recovery?.schedule || inc.recovery?.date)
    return [
      inc.recovery.schedule ?? "",
      inc.recovery.schedule && inc.recovery.date ? " " : "",
      inc.recovery.date ?? "",
    ];
  const bal = f.ordersOnlyPab ?? f.pab;
  const firstShort = bal.findIndex((p) => p < 0);
  const back = firstShort < 0 ? -1 : bal.findIndex((p, t) => t > firstShort && p >= 0);
  return back >= 0
    ? w.recoveryFromPlan(w.when(f.periods[back], f.periodStarts[back] ?? null))
    : fill(w.recoveryFill);
}

function customerConfirmed(w: Words, f: NoticeFacts, inc: Incident): Omit<Notice, "lang"> {
  const periods = orderShortPeriods(f);
  if (!periods.length) {
    throw new NoticeRefused(
      f.firstShortage
        ? `${f.item}: the shortage exists only in the forecast-driven balance; customer orders are covered, so no customer notice`
        : `${f.item}: no customer order is short in the projection; nothing to confirm`
    );
  }
  const { greeting, orders, asks, closing } = customerParts(w, inc);
  const blocks: Block[] = [
    greeting,
    { kind: "p", text: w.confirmedLead },
    {
      kind: "fields",
      rows: [
        [w.statusLabel, w.statusConfirmed],
        [w.itemLabel, f.item],
        ...(inc.customer?.partNumber
          ? [[w.partLabel, inc.customer.partNumber] as [string, Line]]
          : []),
      ],
    },
    { kind: "h", text: w.shortHeading },
    {
      kind: "table",
      header: w.shortHeader,
      rows: periods.map((p) => [p.period, p.date ?? "", p.quantity]),
    },
    ...orders,
    { kind: "h", text: w.causeCustomerHeading },
    { kind: "p", text: inc.cause?.customer ?? fill(w.causeCustomerFill) },
    ...remedyBlocks(w, f, inc, w.interimHeading, periods[0].date),
    ...asks,
    ...closing,
  ];
  const part = partName(f, inc);
  return {
    kind: "customer-confirmed",
    audience: "customer",
    subject: w.confirmedSubject(part, firstPo(inc)),
    blocks,
    im: w.im.confirmed(part, when(w, periods[0])),
  };
}

function customerAllClear(w: Words, f: NoticeFacts, inc: Incident): Omit<Notice, "lang"> {
  const { greeting, orders, closing } = customerParts(w, inc);
  const blocks: Block[] = [
    greeting,
    { kind: "p", text: w.restoredLead },
    {
      kind: "fields",
      rows: [
        [w.statusLabel, w.statusRestored],
        [w.itemLabel, f.item],
        ...(inc.customer?.partNumber
          ? [[w.partLabel, inc.customer.partNumber] as [string, Line]]
          : []),
      ],
    },
    ...orders,
    ...closing,
  ];
  const part = partName(f, inc);
  return {
    kind: "customer-all-clear",
    audience: "customer",
    subject: w.restoredSubject(part, firstPo(inc)),
    blocks,
    im: w.im.restored(part),
  };
}

function review(w: Words, f: NoticeFacts, inc: Incident): Omit<Notice, "lang"> {
  const first = f.firstShortage
    ? periodFact(f, f.firstShortage.index, f.firstShortage.quantity)
    : receiptAtRisk(f);
  const r = inc.review ?? {};
  const itemName = f.site ? `${f.item} (${f.site})` : f.item;
  const firstWhen = first ? when(w, first) : "";
  let leadTime: Line = fill(w.reviewFill);
  if (r.detectedOn && first?.date) {
    const days = Math.round((Date.parse(first.date) - Date.parse(r.detectedOn)) / 86_400_000);
    leadTime = w.leadTimeValue(w.days(days));
  }
  const orFill = (v: string | undefined): Line => v ?? fill(w.reviewFill);
  const blocks: Block[] = [
    { kind: "p", text: w.hello },
    { kind: "p", text: w.reviewLead },
    { kind: "h", text: w.reviewFacts },
    {
      kind: "fields",
      rows: [
        [w.itemLabel, itemName],
        [w.needDate, firstWhen || w.none],
        [w.detectedOn, orFill(r.detectedOn)],
        [w.leadTime, leadTime],
        [
          w.categoryLabel,
          inc.cause?.category ? w.category[inc.cause.category] : fill(w.reviewFill),
        ],
      ],
    },
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
    projectionTable(w, f, (first?.index ?? 0) - 2),
    ...signature(w, inc),
  ];
  return {
    kind: "review",
    audience: "internal",
    subject: w.reviewSubject(itemName, firstWhen),
    blocks,
    im: w.im.review(itemName),
  };
}

const BUILDERS: Record<
  NoticeKind,
  (w: Words, f: NoticeFacts, inc: Incident) => Omit<Notice, "lang">
> = {
  internal: internalAlert,
  "all-clear": allClear,
  "customer-risk": customerRisk,
  "customer-confirmed": customerConfirmed,
  "customer-all-clear": customerAllClear,
  review,
};

/** One notice, filled from the report and the incident; parts nobody supplied are marked to fill. */
export function composeNotice(
  kind: NoticeKind,
  facts: NoticeFacts,
  incident: Incident = {},
  lang: Language = "en"
): Notice {
  const notice = BUILDERS[kind](wordsFor(lang), facts, incident);
  return { ...notice, lang, subject: headerText(notice.subject), im: headerText(notice.im) };
}
