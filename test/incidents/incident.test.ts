import * as fs from "fs";
import * as path from "path";
import { IncidentError, parseIncident, parseIncidentText } from "../../src/incidents";

const fixture = fs.readFileSync(path.resolve(__dirname, "../fixtures/incident-full.json"), "utf8");
const full = () => JSON.parse(fixture);

function refused(change: (d: any) => void): string {
  const d = full();
  change(d);
  try {
    parseIncident(d);
  } catch (e) {
    expect(e).toBeInstanceOf(IncidentError);
    return (e as Error).message;
  }
  throw new Error("the incident was accepted");
}

describe("an incident file is checked field by field", () => {
  test("the full fixture reads, with a UTF-8 byte-order mark too, keeping every field", () => {
    const inc = parseIncidentText(`\ufeff${fixture}`);
    expect(inc).toEqual(parseIncident(full()));
    expect(inc.customer?.orders?.[1].newDate).toBeNull();
    expect(inc.transport?.map((t) => [t.mode, t.paidBy, t.chosen ?? false])).toEqual([
      ["truck", "us", false],
      ["air", "shared", true],
    ]);
    expect(inc.assessment).toEqual({
      by: "Zhang Min",
      at: "2027-01-07T10:00",
      solvableInTime: false,
    });
  });

  test("an empty incident is fine; null fields are as if absent (newDate: null means unknown)", () => {
    expect(parseIncident({})).toEqual({});
    expect(parseIncident({ nextUpdate: null, cause: { customer: null } })).toEqual({ cause: {} });
  });

  test.each<[string, (d: any) => void, string]>([
    [
      "a wrong type",
      (d) => (d.customer.orders[0].quantity = "25"),
      'customer.orders[1].quantity must be a number, not "25"',
    ],
    ["text expected", (d) => (d.cause.customer = 42), "cause.customer must be text, not 42"],
    [
      "a list expected",
      (d) => (d.countermeasures = "spare mould"),
      'countermeasures must be a list, not "spare mould"',
    ],
    ["a text in a list", (d) => (d.review.whys[1] = {}), "review.whys[2] must be text, not {}"],
    [
      "an unknown key",
      (d) => (d.customer.orders[1].qty = 3),
      "customer.orders[2].qty: unknown field (known: po, line, quantity, originalDate, newDate, newQuantity, item, partNumber)",
    ],
    [
      "an unknown top-level key",
      (d) => (d.customr = {}),
      "customr: unknown field (known: id, item, items, customer, cause, countermeasures, transport, recovery, resolution, nextUpdate, contact, asks, assessment, internal, review)",
    ],
    [
      "an impossible date",
      (d) => (d.customer.orders[0].originalDate = "2027-02-30"),
      "customer.orders[1].originalDate: 2027-02-30 does not exist",
    ],
    [
      "a date in another form",
      (d) => (d.nextUpdate = "12/01/2027"),
      'nextUpdate: "12/01/2027" is not a date in the form YYYY-MM-DD',
    ],
    [
      "an impossible time",
      (d) => (d.assessment.at = "2027-01-07T25:00"),
      'assessment.at: "2027-01-07T25:00" is not a date in the form YYYY-MM-DD (or YYYY-MM-DDTHH:MM)',
    ],
    [
      "a negative quantity",
      (d) => (d.customer.orders[0].newQuantity = -1),
      "customer.orders[1].newQuantity: -1 is negative",
    ],
    [
      "a negative lead time",
      (d) => (d.transport[0].leadTimeDays = -2),
      "transport[1].leadTimeDays: -2 is negative",
    ],
    [
      "a fractional lead time",
      (d) => (d.transport[0].leadTimeDays = 1.5),
      "transport[1].leadTimeDays: 1.5 is not a whole number of days",
    ],
    [
      "a new date before the original",
      (d) => (d.customer.orders[0].newDate = "2027-01-17"),
      "customer.orders[1].newDate 2027-01-17 is before its originalDate 2027-01-18",
    ],
    [
      "more shipped than ordered",
      (d) => (d.customer.orders[0].newQuantity = 26),
      "customer.orders[1].newQuantity 26 is more than its quantity 25",
    ],
    ["a missing PO", (d) => delete d.customer.orders[0].po, "customer.orders[1].po is missing"],
    [
      "a contact without a name",
      (d) => (d.contact = { email: "x@example.com" }),
      "contact.name is missing",
    ],
    [
      "an unknown payer",
      (d) => (d.transport[1].paidBy = "them"),
      'transport[2].paidBy must be one of us, customer, shared, to-be-agreed, not "them"',
    ],
    [
      "chosen as text",
      (d) => (d.transport[1].chosen = "yes"),
      'transport[2].chosen must be true or false, not "yes"',
    ],
    [
      "two options chosen",
      (d) => (d.transport[0].chosen = true),
      "transport: only one option can be chosen (transport[1], transport[2])",
    ],
    [
      "an unknown mode",
      (d) => (d.transport[0].mode = "rocket"),
      'transport[1].mode must be one of truck, air, hand-carry, sea, rail, courier, not "rocket"',
    ],
    [
      "an unknown category",
      (d) => (d.cause.category = "luck"),
      'cause.category must be one of man, machine, material, method, environment, measurement, not "luck"',
    ],
  ])("%s is refused, naming the field", (_what, change, message) => {
    expect(refused(change)).toBe(message);
  });

  test("not an object, and not JSON", () => {
    expect(() => parseIncident([])).toThrow("the incident must be a JSON object, not []");
    expect(() => parseIncidentText("{ nope")).toThrow(/^not valid JSON \(/);
  });
});
