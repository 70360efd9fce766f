import { Contact, sanitizeContacts } from "../mail/contacts";

/** Where the user's contacts live: per user and device, never in the workbook. */
export interface ContactStore {
  load(): Promise<Contact[]>;
  save(contacts: Contact[]): Promise<void>;
  /** "OfficeRuntime.storage" or "localStorage", for the pane to say where they are kept. */
  readonly where: string;
}

interface KeyValue {
  getItem(key: string): Promise<string | null> | string | null;
  setItem(key: string, value: string): Promise<void> | void;
}

const KEY = "PABWatch.contacts";

/** A store over OfficeRuntime.storage (shared runtime) or the browser's localStorage. */
export function contactStore(storage: KeyValue, where: string): ContactStore {
  return {
    where,
    async load() {
      const text = await storage.getItem(KEY);
      if (!text) return [];
      try {
        return sanitizeContacts(JSON.parse(text));
      } catch {
        return [];
      }
    },
    async save(contacts) {
      await storage.setItem(KEY, JSON.stringify(sanitizeContacts(contacts)));
    },
  };
}

/** The store the pane uses where it runs: OfficeRuntime.storage when there is one, else localStorage, else memory only. */
export function defaultContactStore(global: {
  OfficeRuntime?: { storage?: KeyValue };
  localStorage?: KeyValue;
}): ContactStore {
  if (global.OfficeRuntime?.storage)
    return contactStore(global.OfficeRuntime.storage, "OfficeRuntime.storage");
  if (global.localStorage) return contactStore(global.localStorage, "localStorage");
  const memory = new Map<string, string>();
  return contactStore(
    { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) },
    "memory"
  );
}
