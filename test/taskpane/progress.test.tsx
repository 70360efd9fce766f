/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { DEFAULT_STATE, ScanCancelled, ScanProgress } from "../../src/excel";
import { ScanRequest } from "../../src/taskpane/actions";
import { RISKS_PAGE } from "../../src/taskpane/components/RiskList";
import { actionsFor, modelOf, renderPane, sampleModel } from "../support/paneHarness";

jest.setTimeout(90_000);

const scanButton = () => screen.getByRole("button", { name: "Scan sheet" }) as HTMLButtonElement;
const risks = () => document.querySelector('ul[aria-label="Risks"]') as HTMLElement;
const entries = () => [...risks().querySelectorAll<HTMLButtonElement>(":scope > li > button")];

/** The fake's actions with the scan held at chosen progress steps, released one by one by the test. */
function steppedScan(model = sampleModel("classic-example")) {
  const actions = actionsFor(model);
  const steps: { progress: ScanProgress; release: () => void }[] = [];
  let request: ScanRequest | undefined;
  const step = (progress: ScanProgress) =>
    new Promise<void>((release) => {
      request?.onProgress?.(progress);
      steps.push({ progress, release });
    });
  return {
    steps,
    step,
    signal: () => request?.signal,
    actions: {
      ...actions,
      scan: async (s: typeof DEFAULT_STATE, r?: ScanRequest) => {
        request = r;
        await step({ phase: "reading", done: 1200, total: 35000 });
        await step({ phase: "projecting" });
        await step({ phase: "writing", block: 2, done: 1200, total: 5000 });
        if (r?.signal?.aborted) throw new ScanCancelled({ items: 1200, total: 5000 });
        return actions.scan(s, r);
      },
    },
  };
}

/** Lets the scan go on from its i-th step, once it has got there. */
async function release(s: ReturnType<typeof steppedScan>, i: number) {
  await waitFor(() => expect(s.steps.length).toBeGreaterThan(i));
  await act(async () => s.steps[i].release());
}

async function pressScan() {
  await waitFor(() => expect(scanButton().disabled).toBe(false));
  fireEvent.click(scanButton());
}

describe("long work: progress with counts, Cancel between write blocks", () => {
  test("the progress names the stage and the counts, and the bar moves with them", async () => {
    const s = steppedScan();
    renderPane(s.actions);
    await pressScan();
    const status = await screen.findByRole("status");
    await within(status).findByText("Reading rows: 1,200 of 35,000");
    expect(within(status).getByText(/Reading the workbook…/)).toBeTruthy();
    expect(within(status).getByRole("progressbar").getAttribute("aria-valuenow")).toBe(String(1200 / 35000));
    await release(s, 0);
    await within(await screen.findByRole("status")).findByText("Projecting balances…");
    await release(s, 1);
    const writing = await screen.findByRole("status");
    await within(writing).findByText("Writing block 2: 1,200 of 5,000 items written");
    expect(within(writing).getByText(/Cancel stops after the block being written/)).toBeTruthy();
    // Cancel is there while writing, too.
    expect((within(writing).getByRole("button", { name: "Cancel" }) as HTMLButtonElement).disabled).toBe(false);
    await release(s, 2);
    await screen.findByRole("list", { name: "Risks" });
    expect(screen.queryByRole("status")).toBeNull();
  });

  test("Cancel while writing: the pane says how much was written and offers Remove; a new scan completes it", async () => {
    const model = sampleModel("classic-example");
    const s = steppedScan(model);
    renderPane(s.actions);
    await pressScan();
    await release(s, 0);
    await release(s, 1);
    const writing = await screen.findByRole("status");
    await within(writing).findByText(/Writing block 2/);
    fireEvent.click(within(writing).getByRole("button", { name: "Cancel" }));
    expect(s.signal()?.aborted).toBe(true);
    await release(s, 2);
    await screen.findByText(
      "Scan cancelled while writing: 1,200 of 5,000 items are written, each marked as PAB Watch's; the colours and the PAB Watch sheet are not written yet. Press Scan sheet to complete it, or Remove PAB Watch annotations to take it out."
    );
    expect(screen.getByRole("button", { name: "Remove PAB Watch annotations" })).toBeTruthy();
    expect(screen.queryByRole("list", { name: "Risks" })).toBeNull();
    // Scan again, to the end this time.
    await pressScan();
    for (let i = 3; i < 6; i++) await release(s, i);
    await screen.findByRole("list", { name: "Risks" });
    expect(screen.queryByText(/Scan cancelled while writing/)).toBeNull();
    expect(model.sheets.map((x) => x.name)).toEqual(["MPS", "PAB Watch"]);
  });

  test("a long Risks list shows the most urgent page first, and the rest on request", async () => {
    const rows: (string | number | null)[][] = [];
    const n = RISKS_PAGE + 5;
    for (let i = 0; i < n; i++)
      rows.push(["Item", `IT-${String(i).padStart(3, "0")}`], ["On hand", 5], [null, "W1", "W2"], ["Customer orders", 10 + i, 0], ["MPS", 0, 0], []);
    renderPane(actionsFor(modelOf(rows)));
    await pressScan();
    await waitFor(() => expect(risks()).not.toBeNull());
    expect(entries()).toHaveLength(RISKS_PAGE);
    // Most urgent first: the largest shortage in W1 leads.
    expect(entries()[0].textContent).toMatch(new RegExp(`^IT-${n - 1} `));
    // Role queries walk the whole tree in jsdom: the button is found by its text.
    const more = () => [...document.querySelectorAll("button")].filter((b) => /^Show \d+ more/.test(b.textContent ?? ""));
    expect(more().map((b) => b.textContent)).toEqual([`Show 5 more (100 of ${n} shown)`]);
    fireEvent.click(more()[0]);
    await waitFor(() => expect(entries()).toHaveLength(n));
    expect(more()).toEqual([]);
  });
});
