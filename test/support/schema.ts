import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { readShared } from "./shared";

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(readShared<object>("report.schema.json"));

/** Validates a report against ../shared/report.schema.json; returns the errors (empty when valid). */
export function schemaErrors(report: unknown): string[] {
  return validate(report)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
