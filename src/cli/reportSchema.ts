/* global require */
import type Ajv2020 from "ajv/dist/2020";
import schema from "../report/report.schema.json";
import { Report } from "../report";

let validate: ReturnType<Ajv2020["compile"]> | null = null;

/** The first reason a report does not follow report.schema.json (one line), or null when it does. */
export function reportSchemaError(data: unknown): string | null {
  if (!validate) {
    // Loaded here, not at start-up: ajv takes longer to load than a small scan takes to run.
    const Ajv = (require("ajv/dist/2020") as typeof import("ajv/dist/2020")).default;
    const addFormats = (require("ajv-formats") as typeof import("ajv-formats")).default;
    const ajv = new Ajv({ allErrors: false, strict: false });
    addFormats(ajv);
    validate = ajv.compile(schema);
  }
  if (validate(data)) return null;
  const e = validate.errors?.[0];
  if (!e) return "it does not follow the report schema";
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "the report";
  const p = e.params as { allowedValues?: unknown[]; allowedValue?: unknown };
  const allowed = p.allowedValues ?? (p.allowedValue !== undefined ? [p.allowedValue] : null);
  return `${where} ${e.message}${allowed ? ` (${allowed.map((v) => JSON.stringify(v)).join(", ")})` : ""}`;
}

export function isReport(data: unknown): data is Report {
  return reportSchemaError(data) === null;
}
