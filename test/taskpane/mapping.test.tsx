/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { actionsFor, modelOf, renderPane, sampleModel } from "../support/paneHarness";

jest.setTimeout(90_000);

const buttonNamed = (name: string) => {
  const b = [...document.querySelectorAll("button")].find((x) => x.textContent === name);
  if (!b) throw new Error(`no button ${name}`);
  return b;
};

/** A plan whose rows carry words the reader does not know (German). */
const german = () =>
  modelOf([
    ["Item", "X-1"],
    ["On hand", 20],
    [null, "W1", "W2", "W3"],
    ["Bedarf", 5, 30, 5],
    ["Zugang", 0, 10, 0],
  ]);

/** A plan whose period names the reader cannot know to be periods (German calendar weeks). */
const calendarWeeks = () =>
  modelOf([
    ["Item", "KW-7"],
    ["On hand", 20],
    [null, "KW49", "KW50", "KW51", "KW52"],
    ["Customer orders", 5, 30, 5, 10],
    ["MPS", 0, 10, 0, 40],
  ]);

/** The Use selection button of a role, by the role's name beside it. */
const useSelectionOf = (view: HTMLElement, role: string) => {
  const item = within(view)
    .getAllByRole("listitem")
    .find((li) => li.querySelector("strong")?.textContent === role);
  if (!item) throw new Error(`no role ${role}`);
  return within(item).getByRole("button", { name: "Use selection" });
};

describe("the mapping view", () => {
  test("a scan that read nothing writes nothing and opens the mapping view with what the reader saw", async () => {
    const model = german();
    renderPane(actionsFor(model));
    await waitFor(() => expect(buttonNamed("Scan sheet").disabled).toBe(false));
    fireEvent.click(buttonNamed("Scan sheet"));
    const view = await screen.findByRole("region", { name: "What the reader saw" }, { timeout: 10_000 });
    expect(within(view).getByText(/No plan found, so nothing was written/)).toBeTruthy();
    expect(within(view).getByRole("list", { name: "Could not place" }).textContent).toContain("No plan found: PAB Watch looks for period headers");
    expect(model.sheets.map((s) => s.name)).toEqual(["MPS"]);
    expect(model.names).toEqual([]);
    expect(within(view).getAllByRole("button", { name: "Use selection" }).length).toBe(7);
  });

  test("Use selection per role saves a plain-data mapping in the workbook; scanning with it reads the plan", async () => {
    const model = german();
    const actions = actionsFor(model);
    renderPane(actions);
    await waitFor(() => expect(buttonNamed("Scan sheet").disabled).toBe(false));
    fireEvent.click(buttonNamed("Scan sheet"));
    const view = await screen.findByRole("region", { name: "What the reader saw" }, { timeout: 10_000 });
    const roleButton = (role: string) =>
      within(view.querySelector(`li:has(strong)`)!.parentElement as HTMLElement)
        .getAllByRole("listitem")
        .find((li) => li.querySelector("strong")?.textContent === role)!
        .querySelector("button") as HTMLButtonElement;
    model.select("MPS", [{ top: 3, left: 1, bottom: 3, right: 3 }]);
    fireEvent.click(roleButton("Customer orders"));
    await within(view).findByText("Customer orders: MPS!B4:D4 saved. Scan again to read with it.");
    model.select("MPS", [{ top: 4, left: 0, bottom: 4, right: 0 }]);
    fireEvent.click(roleButton("Supply (MPS, receipts)"));
    await within(view).findByText("Supply (MPS, receipts): MPS!A5 saved. Scan again to read with it.");
    expect((await actions.loadState()).mapping).toEqual({ sheets: { MPS: { rows: { 4: "orders", 5: "mps" }, cells: {} } } });
    expect(within(view).getByRole("list", { name: "Your mapping" }).textContent).toBe(
      "MPS!4:4 → Customer ordersMPS!5:5 → Supply (MPS, receipts)"
    );
    fireEvent.click(within(view).getByRole("button", { name: "Scan with this mapping" }));
    await waitFor(() => expect(document.querySelector('ul[aria-label="Risks"]')).not.toBeNull(), { timeout: 10_000 });
    const entry = document.querySelector('ul[aria-label="Risks"] > li > button');
    expect(entry?.textContent).toMatch(/^X-1 ● new ▼ Projected short · MPS W2: short 5, peak 10 in W3/);
  });

  test("Periods: Use selection on a header the reader does not know, saved in the workbook, then the scan reads the plan", async () => {
    const model = calendarWeeks();
    const actions = actionsFor(model, "2026-11-30");
    renderPane(actions);
    await waitFor(() => expect(buttonNamed("Scan sheet").disabled).toBe(false));
    fireEvent.click(buttonNamed("Scan sheet"));
    const view = await screen.findByRole("region", { name: "What the reader saw" }, { timeout: 10_000 });
    expect(within(view).getByText(/No plan found, so nothing was written/)).toBeTruthy();
    // Before: the reader took nothing for the periods.
    const periodsRow = useSelectionOf(view, "Periods").closest("li") as HTMLElement;
    expect(periodsRow.textContent).toContain("not found");

    // Two rows at once is not a period header: refused with what to do.
    model.select("MPS", [{ top: 2, left: 1, bottom: 3, right: 4 }]);
    fireEvent.click(useSelectionOf(view, "Periods"));
    await within(view).findByText(
      "MPS!B3:E4 is not a period header: select the period names in one row (or one column), at least two cells, and try again."
    );
    expect((await actions.loadState()).mapping).toBeNull();

    model.select("MPS", [{ top: 2, left: 1, bottom: 2, right: 4 }]);
    fireEvent.click(useSelectionOf(view, "Periods"));
    await within(view).findByText("Periods: MPS!B3:E3 saved. Scan again to read with it.");
    expect((await actions.loadState()).mapping).toEqual({ sheets: { MPS: { periods: "B3:E3" } } });
    expect(within(view).getByRole("list", { name: "Your mapping" }).textContent).toBe("MPS!B3:E3 → Periods");

    fireEvent.click(within(view).getByRole("button", { name: "Scan with this mapping" }));
    await waitFor(() => expect(document.querySelector('ul[aria-label="Risks"]')).not.toBeNull(), { timeout: 10_000 });
    const entry = document.querySelector('ul[aria-label="Risks"] > li > button');
    // 20 − 5 = 15, 15 − 30 + 10 = −5: short 5 in KW50.
    expect(entry?.textContent).toMatch(/^KW-7 ● new ▼ Projected short · MPS KW50/);
    expect(entry?.textContent).toMatch(/short 5/);

    fireEvent.click(buttonNamed("Mapping"));
    const after = await screen.findByRole("region", { name: "What the reader saw" });
    expect((useSelectionOf(after, "Periods").closest("li") as HTMLElement).textContent).toContain(
      "KW-7: MPS!B3:E3 (KW49 … KW52)"
    );
  });

  test("keyboard: Tab goes Back, then Use selection role by role in the order shown, then Scan; Enter uses the selection", async () => {
    const user = userEvent.setup();
    const model = calendarWeeks();
    const actions = actionsFor(model, "2026-11-30");
    renderPane(actions);
    await waitFor(() => expect(buttonNamed("Scan sheet").disabled).toBe(false));
    await user.click(buttonNamed("Scan sheet"));
    const view = await screen.findByRole("region", { name: "What the reader saw" }, { timeout: 10_000 });
    const back = within(view).getByRole("button", { name: "Back to risks" });
    back.focus();
    const reached: string[] = [];
    for (let i = 0; i < 8; i++) {
      await user.tab();
      const el = document.activeElement as HTMLElement;
      const role = el.closest("li")?.querySelector("strong")?.textContent;
      reached.push(role ? `${el.textContent} (${role})` : (el.textContent ?? ""));
    }
    expect(reached).toEqual([
      "Use selection (Item)",
      "Use selection (Periods)",
      "Use selection (Customer orders)",
      "Use selection (Supply (MPS, receipts))",
      "Use selection (On hand)",
      "Use selection (Safety stock)",
      "Use selection (PAB)",
      "Scan with this mapping",
    ]);
    model.select("MPS", [{ top: 2, left: 1, bottom: 2, right: 4 }]);
    useSelectionOf(view, "Periods").focus();
    await user.keyboard("{Enter}");
    await within(view).findByText("Periods: MPS!B3:E3 saved. Scan again to read with it.");
    expect((await actions.loadState()).mapping).toEqual({ sheets: { MPS: { periods: "B3:E3" } } });
  });

  test("a selection on no sheet is refused with what to do", async () => {
    const model = german();
    const actions = { ...actionsFor(model), selection: () => Promise.resolve("B4:D4") };
    renderPane(actions);
    await waitFor(() => expect(buttonNamed("Scan sheet").disabled).toBe(false));
    fireEvent.click(buttonNamed("Scan sheet"));
    const view = await screen.findByRole("region", { name: "What the reader saw" }, { timeout: 10_000 });
    fireEvent.click(within(view).getAllByRole("button", { name: "Use selection" })[1]);
    expect(await within(view).findByText("B4:D4 is not on one sheet: select cells on the plan's sheet and try again.")).toBeTruthy();
  });

  test("after a good scan, the mapping view shows what the reader took for each role", async () => {
    renderPane(actionsFor(sampleModel("classic-example")));
    await waitFor(() => expect(buttonNamed("Scan sheet").disabled).toBe(false));
    fireEvent.click(buttonNamed("Scan sheet"));
    await waitFor(() => buttonNamed("Mapping"), { timeout: 10_000 });
    fireEvent.click(buttonNamed("Mapping"));
    const view = await screen.findByRole("region", { name: "What the reader saw" });
    const text = view.textContent ?? "";
    expect(text).toContain("PeriodsFG-1001: MPS!B4:I4 (W1 … W8)");
    expect(text).toContain("Customer ordersFG-1001: MPS!B5:I5");
    expect(text).toContain("Supply (MPS, receipts)FG-1001: MPS!B6:I6");
    expect(text).toContain("On handFG-1001: MPS!B2");
    expect(text).toContain("PABFG-1001: MPS!B7:I7");
    fireEvent.click(within(view).getByRole("button", { name: "Back to risks" }));
    await waitFor(() => expect(document.querySelector('ul[aria-label="Risks"]')).not.toBeNull());
  });

  test("Chinese: the mapping view in Chinese", async () => {
    renderPane(actionsFor(german(), "2026-12-01", "zh-CN"), { language: "zh-CN" });
    await waitFor(() => expect(buttonNamed("扫描工作表").disabled).toBe(false));
    fireEvent.click(buttonNamed("扫描工作表"));
    const view = await screen.findByRole("region", { name: "读取到的内容" }, { timeout: 10_000 });
    expect(within(view).getAllByRole("button", { name: "使用所选内容" }).length).toBe(7);
    expect(within(view).getByText(/没有找到计划，因此没有写入任何内容/)).toBeTruthy();
    // What the reader saw, in Chinese too: the sheet, its rows and what is missing.
    const seen = within(view).getByRole("list", { name: "无法归类" }).textContent ?? "";
    expect(seen).toContain("没有找到计划：PAB Watch 查找期次表头");
    expect(seen).toContain("MPS 第 3 行有期次 W1, W2, W3，但下方没有带计划标签的行");
    expect(seen).not.toMatch(/No plan|holds|no row|found/);
  });
});
