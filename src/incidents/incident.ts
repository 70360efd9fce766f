/**
 * One incident, as the user (or incident.json) describes it. Internal fields (the root-cause guess,
 * asks, costs, fault, the review) never flow into customer notices.
 */
export interface CustomerOrder {
  po: string;
  line?: string;
  quantity: number;
  /** ISO date originally promised. */
  originalDate: string;
  /** ISO date now expected or confirmed; null when unknown yet. */
  newDate?: string | null;
  /** Quantity now expected on that date, when only part ships. */
  newQuantity?: number;
}

export type TransportMode = "truck" | "air" | "hand-carry" | "sea" | "rail" | "courier";

export interface TransportOption {
  mode: TransportMode;
  leadTimeDays?: number;
  /** ISO date it would arrive at the customer. */
  arrival?: string;
  note?: string;
}

/** 5M1E / 人机料法环测. */
export type CauseCategory =
  "man" | "machine" | "material" | "method" | "environment" | "measurement";

export interface Incident {
  id?: string;
  item?: string;
  customer?: {
    name?: string;
    contactName?: string;
    partNumber?: string;
    orders?: CustomerOrder[];
  };
  cause?: {
    /** The first root-cause guess: internal only. */
    internal?: string;
    /** The cause in the customer's terms. */
    customer?: string;
    category?: CauseCategory;
  };
  countermeasures?: string[];
  transport?: TransportOption[];
  recovery?: { date?: string; schedule?: string };
  /** What changed, for an all-clear. */
  resolution?: string;
  nextUpdate?: string;
  contact?: { name: string; role?: string; email?: string; phone?: string };
  /** Internal: what is asked of whom, by when. */
  asks?: { who: string; what: string; by?: string }[];
  assessment?: { by: string; at: string; solvableInTime: boolean };
  internal?: { costs?: string; fault?: string; notes?: string };
  review?: {
    timeline?: string[];
    whys?: string[];
    containment?: string;
    corrective?: string;
    preventive?: string;
    owner?: string;
    due?: string;
    status?: string;
    /** ISO date the risk was first flagged. */
    detectedOn?: string;
  };
}

export class IncidentError extends Error {}

const MODES: TransportMode[] = ["truck", "air", "hand-carry", "sea", "rail", "courier"];
const CATEGORIES: CauseCategory[] = [
  "man",
  "machine",
  "material",
  "method",
  "environment",
  "measurement",
];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function str(v: unknown, where: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw new IncidentError(`${where} must be text`);
  return v;
}

function date(v: unknown, where: string): string | undefined {
  const s = str(v, where);
  if (s !== undefined && (!ISO.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`)))) {
    throw new IncidentError(`${where}: "${s}" is not a date in the form YYYY-MM-DD`);
  }
  return s;
}

function strings(v: unknown, where: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new IncidentError(`${where} must be a list of texts`);
  return v.map((x, i) => str(x, `${where}[${i + 1}]`) as string);
}

/** Checks an incident read from JSON; the message names the field that is wrong. */
export function parseIncident(data: unknown): Incident {
  if (data === null || typeof data !== "object" || Array.isArray(data))
    throw new IncidentError("the incident must be a JSON object");
  const d = data as Record<string, any>;
  const orders = d.customer?.orders;
  if (orders !== undefined && !Array.isArray(orders))
    throw new IncidentError("customer.orders must be a list");
  const transport = d.transport;
  if (transport !== undefined && !Array.isArray(transport))
    throw new IncidentError("transport must be a list");
  const category = d.cause?.category;
  if (category !== undefined && !CATEGORIES.includes(category)) {
    throw new IncidentError(`cause.category must be one of ${CATEGORIES.join(", ")}`);
  }
  return {
    id: str(d.id, "id"),
    item: str(d.item, "item"),
    customer: d.customer && {
      name: str(d.customer.name, "customer.name"),
      contactName: str(d.customer.contactName, "customer.contactName"),
      partNumber: str(d.customer.partNumber, "customer.partNumber"),
      orders: orders?.map((o: any, i: number) => {
        const where = `customer.orders[${i + 1}]`;
        if (typeof o?.quantity !== "number" || !(o.quantity >= 0))
          throw new IncidentError(`${where}.quantity must be a number`);
        return {
          po: str(o.po, `${where}.po`) ?? "",
          line: str(o.line, `${where}.line`),
          quantity: o.quantity,
          originalDate: date(o.originalDate, `${where}.originalDate`) ?? "",
          newDate: o.newDate === null ? null : date(o.newDate, `${where}.newDate`),
          newQuantity: typeof o.newQuantity === "number" ? o.newQuantity : undefined,
        };
      }),
    },
    cause: d.cause && {
      internal: str(d.cause.internal, "cause.internal"),
      customer: str(d.cause.customer, "cause.customer"),
      category,
    },
    countermeasures: strings(d.countermeasures, "countermeasures"),
    transport: transport?.map((t: any, i: number) => {
      const where = `transport[${i + 1}]`;
      if (!MODES.includes(t?.mode))
        throw new IncidentError(`${where}.mode must be one of ${MODES.join(", ")}`);
      return {
        mode: t.mode,
        leadTimeDays: typeof t.leadTimeDays === "number" ? t.leadTimeDays : undefined,
        arrival: date(t.arrival, `${where}.arrival`),
        note: str(t.note, `${where}.note`),
      };
    }),
    recovery: d.recovery && {
      date: date(d.recovery.date, "recovery.date"),
      schedule: str(d.recovery.schedule, "recovery.schedule"),
    },
    resolution: str(d.resolution, "resolution"),
    nextUpdate: date(d.nextUpdate, "nextUpdate"),
    contact: d.contact && {
      name: str(d.contact.name, "contact.name") ?? "",
      role: str(d.contact.role, "contact.role"),
      email: str(d.contact.email, "contact.email"),
      phone: str(d.contact.phone, "contact.phone"),
    },
    asks: d.asks?.map((a: any, i: number) => ({
      who: str(a.who, `asks[${i + 1}].who`) ?? "",
      what: str(a.what, `asks[${i + 1}].what`) ?? "",
      by: date(a.by, `asks[${i + 1}].by`),
    })),
    assessment: d.assessment && {
      by: str(d.assessment.by, "assessment.by") ?? "",
      at: str(d.assessment.at, "assessment.at") ?? "",
      solvableInTime: !!d.assessment.solvableInTime,
    },
    internal: d.internal && {
      costs: str(d.internal.costs, "internal.costs"),
      fault: str(d.internal.fault, "internal.fault"),
      notes: str(d.internal.notes, "internal.notes"),
    },
    review: d.review && {
      timeline: strings(d.review.timeline, "review.timeline"),
      whys: strings(d.review.whys, "review.whys"),
      containment: str(d.review.containment, "review.containment"),
      corrective: str(d.review.corrective, "review.corrective"),
      preventive: str(d.review.preventive, "review.preventive"),
      owner: str(d.review.owner, "review.owner"),
      due: date(d.review.due, "review.due"),
      status: str(d.review.status, "review.status"),
      detectedOn: date(d.review.detectedOn, "review.detectedOn"),
    },
  };
}
