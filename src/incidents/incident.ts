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
  /** Our item the order is for (needed when the incident covers several items). */
  item?: string;
  /** The customer's part number for that item, when it differs per order. */
  partNumber?: string;
}

export type TransportMode = "truck" | "air" | "hand-carry" | "sea" | "rail" | "courier";

/** Who pays for an emergency transport option. */
export type PaidBy = "us" | "customer" | "shared" | "to-be-agreed";

export interface TransportOption {
  mode: TransportMode;
  leadTimeDays?: number;
  /** ISO date it would arrive at the customer. */
  arrival?: string;
  /** Shown to the customer: write it addressing them ("if you agree to share the cost"). */
  note?: string;
  paidBy?: PaidBy;
  /** The option we go with (at most one). */
  chosen?: boolean;
  /** Internal only: what it costs us, for the manager to approve. */
  cost?: string;
}

/** 5M1E / 人机料法环测. */
export type CauseCategory =
  "man" | "machine" | "material" | "method" | "environment" | "measurement";

export interface Incident {
  id?: string;
  item?: string;
  /** A named group of items the incident covers (besides `item`). */
  items?: string[];
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
const PAID_BY: PaidBy[] = ["us", "customer", "shared", "to-be-agreed"];
const CATEGORIES: CauseCategory[] = [
  "man",
  "machine",
  "material",
  "method",
  "environment",
  "measurement",
];

/** What one field must hold; objects list every key they accept. */
type Spec =
  | "text"
  | "date"
  | "dateTime"
  | "quantity"
  | "days"
  | "boolean"
  | { oneOf: readonly string[] }
  | { list: Spec }
  | { fields: Record<string, Spec>; required?: readonly string[]; nullable?: readonly string[] };

const ORDER: Spec = {
  fields: {
    po: "text",
    line: "text",
    quantity: "quantity",
    originalDate: "date",
    newDate: "date",
    newQuantity: "quantity",
    item: "text",
    partNumber: "text",
  },
  required: ["po", "quantity", "originalDate"],
  nullable: ["newDate"],
};

const TRANSPORT: Spec = {
  fields: {
    mode: { oneOf: MODES },
    leadTimeDays: "days",
    arrival: "date",
    note: "text",
    paidBy: { oneOf: PAID_BY },
    chosen: "boolean",
    cost: "text",
  },
  required: ["mode"],
};

const INCIDENT: Spec = {
  fields: {
    id: "text",
    item: "text",
    items: { list: "text" },
    customer: {
      fields: {
        name: "text",
        contactName: "text",
        partNumber: "text",
        orders: { list: ORDER },
      },
    },
    cause: {
      fields: { internal: "text", customer: "text", category: { oneOf: CATEGORIES } },
    },
    countermeasures: { list: "text" },
    transport: { list: TRANSPORT },
    recovery: { fields: { date: "date", schedule: "text" } },
    resolution: "text",
    nextUpdate: "date",
    contact: {
      fields: { name: "text", role: "text", email: "text", phone: "text" },
      required: ["name"],
    },
    asks: {
      list: { fields: { who: "text", what: "text", by: "date" }, required: ["who", "what"] },
    },
    assessment: {
      fields: { by: "text", at: "dateTime", solvableInTime: "boolean" },
      required: ["by", "at", "solvableInTime"],
    },
    internal: { fields: { costs: "text", fault: "text", notes: "text" } },
    review: {
      fields: {
        timeline: { list: "text" },
        whys: { list: "text" },
        containment: "text",
        corrective: "text",
        preventive: "text",
        owner: "text",
        due: "date",
        status: "text",
        detectedOn: "date",
      },
    },
  },
};

function shown(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** A calendar date that exists (2027-02-30 does not). */
function realDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function checkDate(v: unknown, where: string, withTime: boolean): string {
  if (typeof v !== "string")
    throw new IncidentError(`${where} must be a date (YYYY-MM-DD), not ${shown(v)}`);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  const timeOk =
    !m || m[4] === undefined || (withTime && +m[4] < 24 && +m[5] < 60 && +(m[6] ?? 0) < 60);
  if (!m || !timeOk)
    throw new IncidentError(
      `${where}: "${v}" is not a date in the form YYYY-MM-DD${withTime ? " (or YYYY-MM-DDTHH:MM)" : ""}`
    );
  if (!realDate(+m[1], +m[2], +m[3]))
    throw new IncidentError(`${where}: ${m[1]}-${m[2]}-${m[3]} does not exist`);
  return v;
}

function check(v: unknown, spec: Spec, where: string): unknown {
  if (spec === "text") {
    if (typeof v !== "string") throw new IncidentError(`${where} must be text, not ${shown(v)}`);
    return v;
  }
  if (spec === "date" || spec === "dateTime") return checkDate(v, where, spec === "dateTime");
  if (spec === "quantity" || spec === "days") {
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new IncidentError(`${where} must be a number, not ${shown(v)}`);
    if (v < 0) throw new IncidentError(`${where}: ${v} is negative`);
    if (spec === "days" && !Number.isInteger(v))
      throw new IncidentError(`${where}: ${v} is not a whole number of days`);
    return v;
  }
  if (spec === "boolean") {
    if (typeof v !== "boolean")
      throw new IncidentError(`${where} must be true or false, not ${shown(v)}`);
    return v;
  }
  if ("oneOf" in spec) {
    if (typeof v !== "string" || !spec.oneOf.includes(v))
      throw new IncidentError(`${where} must be one of ${spec.oneOf.join(", ")}, not ${shown(v)}`);
    return v;
  }
  if ("list" in spec) {
    if (!Array.isArray(v)) throw new IncidentError(`${where} must be a list, not ${shown(v)}`);
    return v.map((x, i) => check(x, spec.list, `${where}[${i + 1}]`));
  }
  if (v === null || typeof v !== "object" || Array.isArray(v))
    throw new IncidentError(
      `${where ? `${where} must be an object` : "the incident must be a JSON object"}, not ${shown(v)}`
    );
  const out: Record<string, unknown> = {};
  const at = (k: string) => (where ? `${where}.${k}` : k);
  for (const [k, x] of Object.entries(v)) {
    const field = spec.fields[k];
    if (!field)
      throw new IncidentError(
        `${at(k)}: unknown field (known: ${Object.keys(spec.fields).join(", ")})`
      );
    if (x === null) {
      if (spec.nullable?.includes(k)) out[k] = null;
      continue;
    }
    out[k] = check(x, field, at(k));
  }
  for (const k of spec.required ?? [])
    if (out[k] === undefined || out[k] === "") throw new IncidentError(`${at(k)} is missing`);
  return out;
}

/** Rules across fields: dates in order, one chosen transport. */
function checkConsistency(inc: Incident): void {
  inc.customer?.orders?.forEach((o, i) => {
    if (o.newDate && o.newDate < o.originalDate)
      throw new IncidentError(
        `customer.orders[${i + 1}].newDate ${o.newDate} is before its originalDate ${o.originalDate}`
      );
    if (o.newQuantity !== undefined && o.newQuantity > o.quantity)
      throw new IncidentError(
        `customer.orders[${i + 1}].newQuantity ${o.newQuantity} is more than its quantity ${o.quantity}`
      );
  });
  const chosen = (inc.transport ?? []).flatMap((t, i) => (t.chosen ? [i + 1] : []));
  if (chosen.length > 1)
    throw new IncidentError(
      `transport: only one option can be chosen (transport[${chosen.join("], transport[")}])`
    );
}

/** Checks an incident read from JSON, field by field; the message names the field that is wrong. */
export function parseIncident(data: unknown): Incident {
  const inc = check(data, INCIDENT, "") as Incident;
  checkConsistency(inc);
  return inc;
}

/** An incident file's text (a UTF-8 byte-order mark is fine) → the checked incident. */
export function parseIncidentText(text: string): Incident {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (e) {
    throw new IncidentError(`not valid JSON (${(e as Error).message})`);
  }
  return parseIncident(data);
}
