/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { DEFAULT_STATE } from "../../src/excel";
import { MEMORY_KEY } from "../../src/taskpane/model/riskWatch";
import { actionsFor as plainActions, modelOf, renderPane, sampleModel } from "../support/paneHarness";

const scans = { done: 0 };
/** The fake's actions, counting finished scans. */
function actionsFor(...args: Parameters<typeof plainActions>) {
  const a = plainActions(...args);
  return { ...a, scan: (...s: Parameters<typeof a.scan>) => a.scan(...s).finally(() => scans.done++) };
}

jest.setTimeout(90_000);

// Role queries walk the whole tree in jsdom; these two are asked often, so they go by the list's label.
const risks = () => document.querySelector('ul[aria-label="Risks"], ul[aria-label="风险"]') as HTMLElement;
const entries = () => [...risks().querySelectorAll<HTMLButtonElement>(":scope > li > button")];

const buttonNamed = (name: string) => {
  const b = [...document.querySelectorAll("button")].find((x) => x.textContent === name);
  if (!b) throw new Error(`no button ${name}`);
  return b;
};

/** Presses the scan button and waits until that scan has finished and the pane shows it. */
async function scan(name = "Scan sheet") {
  const button = () => buttonNamed(name);
  await waitFor(() => expect((button() as HTMLButtonElement).disabled).toBe(false));
  const before = scans.done;
  fireEvent.click(button());
  await waitFor(() => expect(scans.done).toBeGreaterThan(before), { timeout: 10_000 });
  await waitFor(() => expect((button() as HTMLButtonElement).disabled).toBe(false));
}

describe("home: scan, summary and the Risks list", () => {
  test("empty: before a scan there is a Scan sheet button and no Risks list", async () => {
    renderPane(actionsFor(sampleModel("classic-example")));
    await waitFor(() => expect((screen.getByRole("button", { name: "Scan sheet" }) as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByRole("list", { name: "Risks" })).toBeNull();
    expect(screen.getByRole("switch", { name: "Language" })).toBeTruthy();
    expect(screen.getByText("=PAB.BALANCE(B2, B5:I5, B6:I6)")).toBeTruthy();
  });

  test("outside Excel: no scan, and the pane says where to open it", () => {
    renderPane(null);
    expect(screen.queryByRole("button", { name: "Scan sheet" })).toBeNull();
  });

  test("multi-item sample: the summary counts and the Risks list, most urgent first, each entry one button starting with the item", async () => {
    const model = sampleModel("multi-item-grid");
    renderPane(actionsFor(model));
    await scan();
    const summary = await screen.findByRole("region", { name: "Summary" });
    expect(within(summary).getByText("Items read").parentElement?.parentElement?.textContent).toBe("Items read3");
    expect(within(summary).getByText("Projected short").parentElement?.parentElement?.textContent).toBe("Projected short2");
    const texts = entries().map((b) => b.textContent ?? "");
    expect(texts.map((t) => t.split(" ")[0])).toEqual(["PUMP-10", "VALVE-7"]);
    expect(texts[0]).toMatch(/^PUMP-10 ● new ▼ Projected short · Plan W1: short 2, peak 2 in W1 receipt W2 \(80\) must land on time first seen 1 Dec 2026/);
    expect(texts.every((t) => /\b(new|worse|unchanged|better|resolved)\b/.test(t))).toBe(true);
    // The first scan of a numbered plan asks for W1's date and the write mode.
    expect(screen.getByText(/First scan in this workbook/)).toBeTruthy();
    expect(screen.getByLabelText("First day of W1")).toBeTruthy();
    // The risks are remembered in the workbook's settings.
    expect(Object.keys((model.settings.get(MEMORY_KEY) as { entries: object }).entries).sort()).toEqual([
      "Plan|PUMP-10|",
      "Plan|VALVE-7|",
    ]);
  });

  test("a second scan: unchanged; an edit that deepens a shortage: worse; a new shortage: new; a fixed one: resolved, then gone", async () => {
    const model = sampleModel("multi-item-grid");
    renderPane(actionsFor(model));
    await scan();
    await scan();
    expect(entries().map((b) => b.textContent?.includes("unchanged"))).toEqual([true, true]);
    const plan = model.sheet("Plan")!;
    // PUMP-20's W3 orders (row 12, column D) from 24 to 124: short from W3. VALVE-7's W8 orders (row 20, I) 36 → 60: deeper.
    model.setCell(plan, 11, 3, { value: 124 });
    model.setCell(plan, 19, 8, { value: 60 });
    await scan();
    const byItem = Object.fromEntries(entries().map((b) => [b.textContent?.split(" ")[0], b.textContent]));
    expect(byItem["PUMP-20"]).toContain("new");
    expect(byItem["VALVE-7"]).toContain("worse");
    expect(byItem["PUMP-10"]).toContain("unchanged");
    model.setCell(plan, 11, 3, { value: 24 });
    await scan();
    expect(entries().find((b) => b.textContent?.startsWith("PUMP-20"))?.textContent).toContain("resolved");
    await scan();
    expect(entries().some((b) => b.textContent?.startsWith("PUMP-20"))).toBe(false);
  });

  test("Acknowledge moves a risk below the open ones and is kept for the next scan; Snooze until it gets worse hides it", async () => {
    const model = sampleModel("multi-item-grid");
    renderPane(actionsFor(model));
    await scan();
    const first = risks().querySelectorAll("li")[0] as HTMLElement;
    fireEvent.click(within(first).getByRole("button", { name: "Acknowledge" }));
    await waitFor(() => expect(entries()[1].textContent).toMatch(/^PUMP-10.*acknowledged/));
    await scan();
    expect(entries()[1].textContent).toMatch(/^PUMP-10.*unchanged.*acknowledged/);
    const valve = risks().querySelectorAll("li")[0] as HTMLElement;
    fireEvent.click(within(valve).getByRole("button", { name: "Snooze" }));
    fireEvent.click(await screen.findByRole("button", { name: "Until it gets worse" }));
    await waitFor(() => expect(entries().map((b) => b.textContent?.split(" ")[0])).toEqual(["PUMP-10"]));
    expect(screen.getByText("1 snoozed")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Show snoozed" }));
    expect(entries().find((b) => b.textContent?.startsWith("VALVE-7"))?.textContent).toContain("snoozed until worse");
  });

  test("Snooze until a date: hidden until then", async () => {
    const model = sampleModel("multi-item-grid");
    renderPane(actionsFor(model));
    await scan();
    const first = risks().querySelectorAll("li")[0] as HTMLElement;
    fireEvent.click(within(first).getByRole("button", { name: "Snooze" }));
    const until = await screen.findByLabelText("Until");
    until.focus();
    fireEvent.change(until, { target: { value: "2026-12-08" } });
    fireEvent.click(await screen.findByRole("button", { name: "Snooze until this date" }));
    await waitFor(() => expect(entries().map((b) => b.textContent?.split(" ")[0])).toEqual(["VALVE-7"]));
  });

  test("many risks: 40 items, filters by status and the horizon decide what is listed", async () => {
    const rows: (string | number | null)[][] = [];
    for (let i = 0; i < 40; i++) {
      // Items short in W(i % 10 + 1); every fourth only below safety stock.
      const low = i % 4 === 3;
      const shortAt = i % 10;
      const orders = Array.from({ length: 12 }, (_x, t) => (t === shortAt ? (low ? 5 : 60) : 0));
      rows.push(["Item", `IT-${String(i).padStart(2, "0")}`], ["On hand", 50], ["Safety stock", 10], [null, ...orders.map((_o, t) => `W${t + 1}`)], ["Customer orders", ...orders], ["MPS", ...orders.map(() => 0)], []);
    }
    // The low items never dip below 45 of 50 − 5: give them a safety stock above that.
    rows.forEach((r, i) => {
      if (r[0] === "Safety stock" && Number(String(rows[i - 2][1]).slice(3)) % 4 === 3) r[1] = 48;
    });
    renderPane(actionsFor(modelOf(rows)));
    await scan();
    const names = entries().map((b) => b.textContent?.split(" ")[0]);
    // Within 8 periods: short ones whose shortage falls in W1–W8 (sorted by period), then the low ones.
    const short = Array.from({ length: 40 }, (_x, i) => i).filter((i) => i % 4 !== 3 && i % 10 < 8);
    expect(names.slice(0, short.length)).toEqual(
      short.sort((a, b) => (a % 10) - (b % 10) || a - b).map((i) => `IT-${String(i).padStart(2, "0")}`)
    );
    expect(names.length).toBe(short.length + Array.from({ length: 40 }, (_x, i) => i).filter((i) => i % 4 === 3 && i % 10 < 8).length);
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "low" } });
    expect(entries().every((b) => b.textContent?.includes("Below safety stock"))).toBe(true);
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "all" } });
    const horizon = screen.getByRole("spinbutton", { name: "Horizon" });
    fireEvent.change(horizon, { target: { value: "12" } });
    fireEvent.blur(horizon);
    await waitFor(() => expect(entries().length).toBe(40));
  });

  test("loading: progress names the stage and Cancel stops the scan before anything is written", async () => {
    const model = sampleModel("classic-example");
    const actions = actionsFor(model);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const slow = {
      ...actions,
      scan: async (s: typeof DEFAULT_STATE, request?: Parameters<typeof actions.scan>[1]) => {
        request?.onProgress?.({ phase: "reading" });
        await gate;
        return actions.scan(s, request);
      },
    };
    renderPane(slow);
    await waitFor(() => expect((screen.getByRole("button", { name: "Scan sheet" }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole("button", { name: "Scan sheet" }));
    await screen.findByText("Reading the workbook…");
    expect((screen.getByRole("button", { name: "Scan sheet" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await act(async () => release());
    await screen.findByText(/Scan cancelled: nothing was written/);
    expect(model.sheets.map((s) => s.name)).toEqual(["MPS"]);
  });

  test("error: a failed scan says what happened and what to do", async () => {
    const actions = actionsFor(sampleModel("classic-example"));
    renderPane({ ...actions, scan: () => Promise.reject(new Error("GeneralException: the workbook is busy")) });
    await waitFor(() => expect((screen.getByRole("button", { name: "Scan sheet" }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole("button", { name: "Scan sheet" }));
    await screen.findByText(
      "The scan stopped: GeneralException: the workbook is busy. Leave any cell you are typing in (Enter or Esc), then press Scan sheet again; if it stops again, close and reopen the PAB Watch pane."
    );
  });

  test("a stale start date is flagged and rolled forward to this week", async () => {
    const model = sampleModel("classic-example");
    const actions = actionsFor(model, "2026-12-10");
    await actions.saveState({ ...DEFAULT_STATE, writeMode: "portable", startDate: "2026-11-30" });
    renderPane(actions);
    await scan();
    expect(screen.getByText("W1 started 10 days ago (30 Nov 2026 (wk 49)): roll forward?")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "W1 is this week" }));
    await waitFor(async () => expect((await actions.loadState()).startDate).toBe("2026-12-07"));
    await waitFor(() => expect(screen.queryByText(/roll forward/)).toBeNull());
  });

  test("Chinese: every word on home in Chinese, dates as 2026年11月30日（第49周）", async () => {
    const model = sampleModel("classic-example");
    const actions = actionsFor(model, "2026-12-01", "zh-CN");
    await actions.saveState({ ...DEFAULT_STATE, writeMode: "portable", startDate: "2026-11-30" });
    renderPane(actions, { language: "zh-CN" });
    await scan("扫描工作表");
    expect(await screen.findByRole("region", { name: "摘要" })).toBeTruthy();
    const list = risks();
    const entry = entries()[0];
    expect(entry.textContent).toMatch(/^FG-1001 ● 新增 ▼ 预计缺货 · MPS W8 · 2027年1月18日（第3周）：缺 6/);
    expect(entry.textContent).toContain("首次发现 2026年12月1日");
    expect(within(list).getByRole("button", { name: "确认" })).toBeTruthy();
    expect(screen.getByRole("switch", { name: "语言 (Language)" })).toBeTruthy();
  });

  test("the Language switch turns the pane to Chinese and back", async () => {
    renderPane(actionsFor(sampleModel("classic-example")));
    await waitFor(() => expect((screen.getByRole("button", { name: "Scan sheet" }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole("switch", { name: "Language" }));
    expect(screen.getByRole("button", { name: "扫描工作表" })).toBeTruthy();
    fireEvent.click(screen.getByRole("switch", { name: "语言 (Language)" }));
    expect(screen.getByRole("button", { name: "Scan sheet" })).toBeTruthy();
  });
});
