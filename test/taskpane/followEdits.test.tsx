/**
 * @jest-environment jsdom
 */
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { loadWorkbookState } from "../../src/excel";
import { fakeExcelRun } from "../../src/excel/fake/context";
import { FakeWorkbookModel } from "../../src/excel/fake/model";
import { seriesRow } from "../../src/layout/record";
import { editsTouchPlan, planInputCells } from "../../src/taskpane/model/followEdits";
import { fakeWorkbookActions } from "../../src/workbench/fakeActions";
import { renderPane, sampleModel } from "../support/paneHarness";
import { ExcelRun } from "../../src/excel";

jest.setTimeout(90_000);

/** The fake's actions with a short quiet time, counting finished scans. */
function actionsFor(model: FakeWorkbookModel, lang: "en" | "zh-CN" = "en") {
  const a = fakeWorkbookActions(model, { name: "test.xlsx", lang, today: "2026-12-01", followDelayMs: 30 });
  const counted = { done: 0 };
  return {
    counted,
    actions: { ...a, scan: (...s: Parameters<typeof a.scan>) => a.scan(...s).finally(() => counted.done++) },
  };
}

const entries = () =>
  [...document.querySelectorAll<HTMLButtonElement>('ul[aria-label="Risks"] > li > button')].map(
    (b) => b.textContent ?? ""
  );
const followSwitch = (name = "Update risks when I edit the sheet") =>
  screen.getByRole("switch", { name }) as HTMLInputElement;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function scanOnce(counted: { done: number }) {
  const button = () => screen.getByRole("button", { name: "Scan sheet" }) as HTMLButtonElement;
  await waitFor(() => expect(button().disabled).toBe(false));
  const before = counted.done;
  fireEvent.click(button());
  await waitFor(() => expect(counted.done).toBeGreaterThan(before));
  await waitFor(() => expect(button().disabled).toBe(false));
}

afterEach(cleanup);

describe("20: Update risks when I edit the sheet", () => {
  test("on: an order edit scans again after the pause; other edits and our own writes do not; off stops it", async () => {
    const model = sampleModel("multi-item-grid");
    const plan = model.sheet("Plan")!;
    const { actions, counted } = actionsFor(model);
    renderPane(actions);
    await scanOnce(counted);
    expect(entries().some((e) => e.startsWith("PUMP-20"))).toBe(false);
    // Off by default: an edit changes nothing.
    expect(followSwitch().checked).toBe(false);
    model.setCell(plan, 11, 3, { value: 124 });
    await model.emitChanged({ address: "Plan!D12", source: "Local" });
    await pause(200);
    expect(counted.done).toBe(1);

    fireEvent.click(followSwitch());
    await waitFor(() => expect(followSwitch().checked).toBe(true));
    const run = fakeExcelRun(model) as unknown as ExcelRun;
    expect((await loadWorkbookState(run)).followEdits).toBe(true);

    // PUMP-20's W3 orders, typed by the planner (Excel tells the sheet by id, the cell within it).
    await model.emitChanged({ address: "Plan!D12", source: "Local" });
    await waitFor(() => expect(entries().some((e) => e.startsWith("PUMP-20"))).toBe(true));
    expect(counted.done).toBe(2);
    // A burst of typing is one scan.
    model.setCell(plan, 11, 3, { value: 24 });
    for (const cell of ["Plan!D12", "Plan!E12", "Plan!D12"])
      await model.emitChanged({ address: cell, source: "Local" });
    await waitFor(() => expect(counted.done).toBe(3));
    await waitFor(() => expect(entries().find((e) => e.startsWith("PUMP-20"))).toContain("resolved"));
    await pause(200);
    expect(counted.done).toBe(3);
    // A note far from the plan, a colleague's change and the scan's own writes: no scan.
    await model.emitChanged({ address: "Plan!Z90", source: "Local" });
    await model.emitChanged({ address: "Plan!D12", source: "Remote" });
    await pause(200);
    expect(counted.done).toBe(3);

    fireEvent.click(followSwitch());
    await waitFor(() => expect(followSwitch().checked).toBe(false));
    expect((await loadWorkbookState(run)).followEdits).toBe(false);
    await waitFor(() => expect(model.changeHandlers.size).toBe(0));
    await model.emitChanged({ address: "Plan!D12", source: "Local" });
    await pause(200);
    expect(counted.done).toBe(3);
  });

  test("the switch is remembered with the workbook, and follows after the first scan of the next session; in Chinese", async () => {
    const model = sampleModel("multi-item-grid");
    const run = fakeExcelRun(model) as unknown as ExcelRun;
    const first = actionsFor(model);
    await first.actions.saveState({ ...(await loadWorkbookState(run)), followEdits: true });
    const { actions, counted } = actionsFor(model, "zh-CN");
    renderPane(actions, { language: "zh-CN" });
    await waitFor(() => expect(followSwitch("编辑表格时更新风险").checked).toBe(true));
    expect(screen.getByText(/停止输入后重新扫描/)).toBeTruthy();
    // Nothing to follow before a scan read the plan.
    expect(model.changeHandlers.size).toBe(0);
    const button = () => screen.getByRole("button", { name: "扫描工作表" }) as HTMLButtonElement;
    await waitFor(() => expect(button().disabled).toBe(false));
    fireEvent.click(button());
    await waitFor(() => expect(counted.done).toBe(1));
    await waitFor(() => expect(model.changeHandlers.size).toBe(1));
    model.setCell(model.sheet("Plan")!, 11, 3, { value: 124 });
    await model.emitChanged({ address: "Plan!D12", source: "Local" });
    await waitFor(() => expect(counted.done).toBe(2));
  });
});

describe("which edits count", () => {
  test("an edit of a figure the scan read, or of whole rows on its sheet; not of other cells or sheets", () => {
    const at = (row: number, columns: number[]) => ({
      sheet: "Weekly plan",
      rows: columns.map(() => row),
      columns,
    });
    const records = [
      {
        item: "FG-1",
        itemCell: "'Weekly plan'!B1",
        itemPos: { sheet: "Weekly plan", row: 0, column: 1 },
        site: null,
        sheet: "Weekly plan",
        layout: "grid" as const,
        periods: ["W1", "W2"],
        periodStarts: [null, null],
        periodKind: "number" as const,
        periodAt: at(3, [1, 2]),
        periodCells: ["'Weekly plan'!B4", "'Weekly plan'!C4"],
        opening: { value: 5, cell: "'Weekly plan'!B2" },
        safetyStock: null,
        pastDue: null,
        orders: seriesRow("orders", "Orders", { sheet: "Weekly plan", row: 4, column: 0 }, at(4, [1, 2]), [1, 2]),
        forecast: null,
        supply: [seriesRow("mps", "MPS", { sheet: "Weekly plan", row: 5, column: 0 }, at(5, [1, 2]), [0, 3])],
        plannerPab: null,
        flagged: false,
      },
    ];
    const inputs = planInputCells(records);
    const touches = (sheet: string, address: string) => editsTouchPlan([{ sheet, address }], inputs);
    expect(touches("Weekly plan", "C5")).toBe(true);
    expect(touches("weekly PLAN", "B2")).toBe(true);
    expect(touches("Weekly plan", "A1:B1")).toBe(true);
    expect(touches("Weekly plan", "C6:D9")).toBe(true);
    expect(touches("Weekly plan", "7:8")).toBe(true);
    expect(touches("Weekly plan", "D5")).toBe(false);
    expect(touches("Weekly plan", "B7:C7")).toBe(false);
    expect(touches("Weekly plan", "A5")).toBe(false);
    expect(touches("Notes", "C5")).toBe(false);
  });
});
