/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { DEFAULT_STATE } from "../../src/excel";
import { IncidentViewProps } from "../../src/taskpane/incidentSlot";
import { actionsFor, renderPane, sampleModel } from "../support/paneHarness";

jest.setTimeout(90_000);

const buttonNamed = (name: string | RegExp) => {
  const b = [...document.querySelectorAll("button")].find((x) =>
    typeof name === "string" ? x.textContent === name : name.test(x.textContent ?? "")
  );
  if (!b) throw new Error(`no button ${name}`);
  return b;
};

async function openItem(item: string, options: Parameters<typeof renderPane>[1] = {}, lang: "en" | "zh-CN" = "en") {
  const model = sampleModel("multi-item-grid");
  const actions = actionsFor(model, "2026-12-01", lang);
  await actions.saveState({ ...DEFAULT_STATE, writeMode: "portable", startDate: "2026-11-30" });
  renderPane(actions, { ...options, language: lang });
  const scanName = lang === "zh-CN" ? "扫描工作表" : "Scan sheet";
  await waitFor(() => expect(buttonNamed(scanName).disabled).toBe(false));
  fireEvent.click(buttonNamed(scanName));
  await waitFor(() => buttonNamed(new RegExp(`^${item} `)), { timeout: 10_000 });
  fireEvent.click(buttonNamed(new RegExp(`^${item} `)));
  const region = await screen.findByRole("region", { name: item });
  return { model, region };
}

describe("the item view", () => {
  test("a region named after the item; choosing it selected the item's cells in the sheet", async () => {
    const { model, region } = await openItem("PUMP-10");
    expect(within(region).getByRole("heading", { name: "PUMP-10" })).toBeTruthy();
    expect(model.selection?.sheet).toBe("Plan");
    // Periods, orders, MPS and PAB rows of the block: B4:M4, B5:M5, B6:M6, B7:M7
    expect(model.selection?.ranges).toEqual([4, 5, 6, 7].map((r) => ({ top: r - 1, left: 1, bottom: r - 1, right: 12 })));
  });

  test("the chart, loaded when the view opens, with a text alternative whose name starts with PAB chart", async () => {
    const { region } = await openItem("PUMP-10");
    const img = within(region).getByRole("img", { name: /^PAB chart of PUMP-10/ });
    expect(img.getAttribute("aria-label")).toBe(
      "PAB chart of PUMP-10: from -2 (W1) to 56 (W12), lowest -2, highest 86; Safety stock 15; short in W1; below safety stock in W5, W9; receipts that must land on time: W2, W6"
    );
    expect((await within(region).findByTestId("chart")).textContent).toBe("-2,70,70,42,5,75,66,26,14,86,56,56");
  });

  test("Drivers: one row per period; activating a number selects its cell", async () => {
    const { model, region } = await openItem("PUMP-10");
    const table = within(region).getByRole("table", { name: "Drivers" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.length).toBe(12);
    expect(rows[0].textContent).toBe("W130 Nov 2026 (wk 49)140-2 ▼-2");
    expect(rows[1].textContent).toBe("W27 Dec 2026 (wk 50)880 ◆7070");
    fireEvent.click(within(rows[1]).getByRole("button", { name: /^80/ }));
    await waitFor(() => expect(model.selection?.ranges).toEqual([{ top: 5, left: 2, bottom: 5, right: 2 }]));
    fireEvent.click(within(rows[0]).getByRole("button", { name: /^-2/ }));
    await waitFor(() => expect(model.selection?.ranges).toEqual([{ top: 6, left: 1, bottom: 6, right: 1 }]));
  });

  test("What to do: derived by the engine", async () => {
    const { region } = await openItem("PUMP-10");
    const list = within(region).getByRole("region", { name: "What to do" });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Add 2 by W1, or pull the W2 receipt (80) in by 1.",
      "The W2 receipt of 80 must land on time: confirm it with whoever makes it.",
      "The W6 receipt of 80 must land on time: confirm it with whoever makes it.",
    ]);
  });

  test("What if: the W6 receipt slipping 2 periods changes statuses; the sheet is not touched", async () => {
    const { model, region } = await openItem("PUMP-10");
    const before = JSON.stringify([...model.sheet("Plan")!.cells]);
    const group = within(region).getByRole("group", { name: "What if" });
    fireEvent.change(within(group).getByLabelText("Receipt"), { target: { value: "5" } });
    fireEvent.change(within(group).getByLabelText("Periods"), { target: { value: "2" } });
    fireEvent.click(within(group).getByRole("button", { name: "Try" }));
    const status = within(group).getByRole("status");
    expect(status.textContent).toBe(
      "W6: Needs its receipt on time → Projected shortW7: Covered → Projected shortW8: Covered → Needs its receipt on timeFirst shortage: W1, short 2."
    );
    expect(JSON.stringify([...model.sheet("Plan")!.cells])).toBe(before);
  });

  test("What if: cut by a percentage, split, and a bad figure says what to do", async () => {
    const { region } = await openItem("VALVE-7");
    const group = within(region).getByRole("group", { name: "What if" });
    fireEvent.change(within(group).getByLabelText("Change"), { target: { value: "cut-percent" } });
    fireEvent.change(within(group).getByLabelText("Percent"), { target: { value: "150" } });
    fireEvent.click(within(group).getByRole("button", { name: "Try" }));
    expect(within(group).getByRole("status").textContent).toBe(
      "That change cannot be tried: percent: 150 is not between 0 and 100. Adjust the figures and press Try again."
    );
    fireEvent.change(within(group).getByLabelText("Change"), { target: { value: "split" } });
    fireEvent.change(within(group).getByLabelText("On time"), { target: { value: "40" } });
    fireEvent.change(within(group).getByLabelText("Periods"), { target: { value: "20" } });
    fireEvent.click(within(group).getByRole("button", { name: "Try" }));
    expect(within(group).getByRole("status").textContent).toContain("40 would arrive after the last period");
  });

  test("Promise check: yes, or the most that fits then and the earliest period that fits it all", async () => {
    const { region } = await openItem("PUMP-10");
    const group = within(region).getByRole("group", { name: "Promise check" });
    fireEvent.change(within(group).getByLabelText("Quantity"), { target: { value: "30" } });
    fireEvent.change(within(group).getByLabelText("Period"), { target: { value: "9" } });
    fireEvent.click(within(group).getByRole("button", { name: "Check" }));
    expect(within(group).getByRole("status").textContent).toBe("Yes: 30 more fits in W10 (up to 56 can be promised then).");
    fireEvent.change(within(group).getByLabelText("Period"), { target: { value: "1" } });
    fireEvent.click(within(group).getByRole("button", { name: "Check" }));
    expect(within(group).getByRole("status").textContent).toBe("No: at most 5 fits in W2. All 30 fit from W10 · 1 Feb 2027 (wk 5).");
    fireEvent.change(within(group).getByLabelText("Quantity"), { target: { value: "abc" } });
    fireEvent.click(within(group).getByRole("button", { name: "Check" }));
    expect(within(group).getByRole("status").textContent).toBe("Enter a quantity above 0 and choose a period, then press Check.");
  });

  test("Raise alert hands the item to the escalation view, which can come back; Back to risks returns home", async () => {
    const seen: string[][] = [];
    const Incident = (p: IncidentViewProps) => {
      seen.push(p.items.map((i) => i.item));
      return (
        <section role="region" aria-label={`Incident ${p.items[0].item}`}>
          <button onClick={p.onClose}>Close incident</button>
        </section>
      );
    };
    const { region } = await openItem("VALVE-7", { incidentView: Incident });
    fireEvent.click(within(region).getByRole("button", { name: "Raise alert" }));
    await screen.findByRole("region", { name: "Incident VALVE-7" });
    expect(seen[0]).toEqual(["VALVE-7"]);
    fireEvent.click(screen.getByRole("button", { name: "Close incident" }));
    const back = await screen.findByRole("region", { name: "VALVE-7" });
    fireEvent.click(within(back).getByRole("button", { name: "Back to risks" }));
    await waitFor(() => expect(document.querySelector('ul[aria-label="Risks"]')).not.toBeNull());
  });

  test("without an escalation view, Raise alert says what to do instead", async () => {
    const { region } = await openItem("VALVE-7");
    fireEvent.click(within(region).getByRole("button", { name: "Raise alert" }));
    expect(await screen.findByText(/draft the internal alert with pab-watch draft/)).toBeTruthy();
  });

  test("Chinese: the item view in Chinese, dates as 2026年11月30日（第49周）", async () => {
    const { region } = await openItem("PUMP-10", {}, "zh-CN");
    const table = within(region).getByRole("table", { name: "驱动因素" });
    expect(within(table).getAllByRole("row")[1].textContent).toContain("W12026年11月30日（第49周）");
    expect(within(region).getByRole("img", { name: /^预计可用库存（PAB）图：PUMP-10，从 -2（W1）/ })).toBeTruthy();
    expect(within(region).getByRole("group", { name: "假设分析" })).toBeTruthy();
    expect(within(region).getByRole("group", { name: "承诺检查" })).toBeTruthy();
    expect(within(region).getByRole("button", { name: "发出预警" })).toBeTruthy();
    expect(within(region).getByRole("button", { name: "返回风险列表" })).toBeTruthy();
  });
});
