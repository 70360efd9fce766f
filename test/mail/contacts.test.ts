import { contactsFromCsv, contactsFromRows, mergeContacts, parseCsv } from "../../src/mail";
import { contactStore, defaultContactStore } from "../../src/taskpane/contactStore";

describe("contacts", () => {
  test("from a CSV (Excel's quoting, a BOM, Chinese headers); bad rows named and skipped", () => {
    const csv =
      "\ufeff姓名,邮箱,角色,客户\r\n" +
      '"Zhang, Min",zhang.min@example.com,主管,\r\n' +
      "Li Wei,li.wei@example.com,production,\r\n" +
      'Ms Chen,chen@acme.example,客户,"Acme ""Motors"""\r\n' +
      "Bob,bob@,quality,\r\n" +
      "Eve,eve@example.com\r\nBcc: x@evil.example,logistics,\r\n" +
      "Li again,LI.WEI@example.com,quality,\r\n" +
      "Mallory,m@example.com,janitor,\r\n";
    const r = contactsFromCsv(csv);
    expect(r.contacts).toEqual([
      { name: "Zhang, Min", email: "zhang.min@example.com", role: "supervisor" },
      { name: "Li Wei", email: "li.wei@example.com", role: "production" },
      { name: "Ms Chen", email: "chen@acme.example", role: "customer", customer: 'Acme "Motors"' },
      { name: "Eve", email: "eve@example.com", role: "other" },
    ]);
    expect(r.problems).toEqual([
      'line 5: "bob@" is not an e-mail address (name@example.com)',
      // A line break smuggled into a cell starts a new line: its "email" is not an address.
      'line 7: "logistics" is not an e-mail address (name@example.com)',
      "line 8: LI.WEI@example.com is already in the list",
      'line 9: "janitor" is not a role (use supervisor, production, purchasing, quality, logistics, customer, other)',
    ]);
  });

  test("from a sheet range; a range without an email column is refused with what to do", () => {
    const rows = [
      ["Name", "Email", "Role"],
      ["Wang Fang", "wang.fang@example.com", "Quality"],
      ["", "", ""],
    ];
    expect(contactsFromRows(rows)).toEqual({
      contacts: [{ name: "Wang Fang", email: "wang.fang@example.com", role: "quality" }],
      problems: [],
    });
    expect(contactsFromRows([["a", "b"]]).problems[0]).toMatch(/one called email/);
    expect(parseCsv("a;b\n1;2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  test("kept per user, outside the workbook; merged by address; a damaged store gives an empty list", async () => {
    const memory = new Map<string, string>();
    const storage = {
      getItem: async (k: string) => memory.get(k) ?? null,
      setItem: async (k: string, v: string) => void memory.set(k, v),
    };
    const store = contactStore(storage, "OfficeRuntime.storage");
    const a = { name: "A", email: "a@example.com", role: "supervisor" as const };
    await store.save(
      mergeContacts(
        [a],
        [
          { ...a, name: "A2" },
          { name: "B", email: "b@example.com", role: "quality" },
        ]
      )
    );
    expect(await store.load()).toEqual([
      { name: "A2", email: "a@example.com", role: "supervisor" },
      { name: "B", email: "b@example.com", role: "quality" },
    ]);
    memory.set("PABWatch.contacts", "{not json");
    expect(await store.load()).toEqual([]);
    memory.set(
      "PABWatch.contacts",
      JSON.stringify([{ email: "x@y" }, { email: "ok@example.com", role: "boss" }])
    );
    expect(await store.load()).toEqual([
      { name: "ok@example.com", email: "ok@example.com", role: "other" },
    ]);
    expect(defaultContactStore({ OfficeRuntime: { storage } }).where).toBe("OfficeRuntime.storage");
    expect(defaultContactStore({ localStorage: storage }).where).toBe("localStorage");
    expect(defaultContactStore({}).where).toBe("memory");
  });
});
