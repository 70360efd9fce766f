import { AddressError, validateAddress } from "./addresses";

/** Who a notice can go to. Kept per user (never in the workbook, which may travel to customers). */
export type ContactRole =
  "supervisor" | "production" | "purchasing" | "quality" | "logistics" | "customer" | "other";

export const CONTACT_ROLES: readonly ContactRole[] = [
  "supervisor",
  "production",
  "purchasing",
  "quality",
  "logistics",
  "customer",
  "other",
];

export interface Contact {
  name: string;
  email: string;
  role: ContactRole;
  /** The customer company, for customer contacts. */
  customer?: string;
}

const ROLE_WORDS: Record<string, ContactRole> = {
  supervisor: "supervisor",
  manager: "supervisor",
  boss: "supervisor",
  主管: "supervisor",
  经理: "supervisor",
  production: "production",
  生产: "production",
  purchasing: "purchasing",
  procurement: "purchasing",
  采购: "purchasing",
  quality: "quality",
  qa: "quality",
  质量: "quality",
  品质: "quality",
  logistics: "logistics",
  物流: "logistics",
  customer: "customer",
  客户: "customer",
  other: "other",
  其他: "other",
};

const COLUMN_WORDS: Record<string, keyof Contact> = {
  name: "name",
  姓名: "name",
  名字: "name",
  email: "email",
  "e-mail": "email",
  mail: "email",
  address: "email",
  邮箱: "email",
  电子邮件: "email",
  role: "role",
  角色: "role",
  部门: "role",
  customer: "customer",
  company: "customer",
  客户: "customer",
  公司: "customer",
};

export interface ContactImport {
  contacts: Contact[];
  /** Rows that were not taken, each naming the row and why. */
  problems: string[];
}

function clean(v: unknown): string {
  return (
    String(v ?? "")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, "")
      .trim()
  );
}

/**
 * Contacts from rows of cells (a sheet range the user selected, or a parsed CSV): the first row names
 * the columns (name, email, role, customer; English or Chinese). Every address is checked as the
 * notices check them; a bad row is named and skipped, never guessed at.
 */
export function contactsFromRows(rows: unknown[][], where = "row"): ContactImport {
  const problems: string[] = [];
  if (!rows.length) return { contacts: [], problems: ["nothing to import: the range is empty"] };
  const header = rows[0].map((h) => COLUMN_WORDS[clean(h).toLowerCase()]);
  const col = (k: keyof Contact) => header.indexOf(k);
  if (col("email") < 0)
    return {
      contacts: [],
      problems: [
        "the first row must name the columns, with one called email (and name, role, customer)",
      ],
    };
  const contacts: Contact[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((row, i) => {
    const at = `${where} ${i + 2}`;
    const get = (k: keyof Contact) => (col(k) >= 0 ? clean(row[col(k)]) : "");
    if (row.every((c) => clean(c) === "")) return;
    let email: string;
    try {
      email = validateAddress(get("email"));
    } catch (e) {
      if (!(e instanceof AddressError)) throw e;
      problems.push(`${at}: ${e.message}`);
      return;
    }
    const roleText = get("role").toLowerCase();
    const role = roleText ? ROLE_WORDS[roleText] : "other";
    if (!role) {
      problems.push(`${at}: "${get("role")}" is not a role (use ${CONTACT_ROLES.join(", ")})`);
      return;
    }
    const key = email.toLowerCase();
    if (seen.has(key)) {
      problems.push(`${at}: ${email} is already in the list`);
      return;
    }
    seen.add(key);
    const customer = get("customer");
    contacts.push({
      name: get("name") || email,
      email,
      role,
      ...(customer ? { customer } : {}),
    });
  });
  return { contacts, problems };
}

/** CSV text (comma or semicolon, quotes as Excel writes them, a UTF-8 BOM is fine) → rows of cells. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\ufeff/, "");
  const firstLine = src.split(/\r?\n/, 1)[0] ?? "";
  const sep =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export function contactsFromCsv(text: string): ContactImport {
  return contactsFromRows(parseCsv(text), "line");
}

/** Merges imported contacts into a list: the same address is updated, never duplicated. */
export function mergeContacts(list: Contact[], added: Contact[]): Contact[] {
  const out = list.slice();
  for (const c of added) {
    const i = out.findIndex((x) => x.email.toLowerCase() === c.email.toLowerCase());
    if (i >= 0) out[i] = c;
    else out.push(c);
  }
  return out;
}

/** Checks a stored list (it may have been edited by hand or come from an older version): bad entries are dropped. */
export function sanitizeContacts(value: unknown): Contact[] {
  if (!Array.isArray(value)) return [];
  const out: Contact[] = [];
  for (const v of value) {
    if (!v || typeof v !== "object") continue;
    const c = v as Record<string, unknown>;
    try {
      const email = validateAddress(String(c.email ?? ""));
      const role = CONTACT_ROLES.includes(c.role as ContactRole)
        ? (c.role as ContactRole)
        : "other";
      out.push({
        name: clean(c.name) || email,
        email,
        role,
        ...(clean(c.customer) ? { customer: clean(c.customer) } : {}),
      });
    } catch {
      /* an entry that is not an address is not a contact */
    }
  }
  return mergeContacts([], out);
}
