import { EditedRange, ExcelRun, ExcelRunIn, followEdits } from "../../src/excel";
import { fakeExcelRun, fakeExcelRunIn } from "../../src/excel/fake/context";
import { FakeWorkbookModel } from "../../src/excel/fake/model";

function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    timers: {
      set: (fn: () => void) => {
        pending.set(next, fn);
        return next++;
      },
      clear: (h: unknown) => pending.delete(h as number),
    },
    /** Lets the quiet time pass: the debounced call runs (and the batch reading sheet names). */
    flush: async () => {
      for (const [h, fn] of [...pending]) {
        pending.delete(h);
        fn();
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    get size() {
      return pending.size;
    },
  };
}

function setup() {
  const model = new FakeWorkbookModel();
  model.addSheet("MPS");
  model.addSheet("Spare parts");
  const run = fakeExcelRun(model) as unknown as ExcelRun;
  const runIn = fakeExcelRunIn() as unknown as ExcelRunIn;
  const t = manualTimers();
  const told: EditedRange[][] = [];
  return { model, run, runIn, t, told };
}

describe("20: follow edits", () => {
  test("edits arrive debounced, by sheet name and address, local only, never our own writes", async () => {
    const { model, run, runIn, t, told } = setup();
    let writing = false;
    const stop = await followEdits(
      run,
      runIn,
      (edits) => told.push(edits),
      { isOwnWrite: () => writing },
      t.timers
    );

    // Excel names the sheet by its id and gives the address within it.
    await model.emitChanged({ address: "MPS!D5", source: "Local" });
    await model.emitChanged({ address: "'Spare parts'!C7:D7", source: "Local" });
    expect(t.size).toBe(1);
    expect(told).toEqual([]);
    await t.flush();
    expect(told).toEqual([
      [
        { sheet: "MPS", address: "D5" },
        { sheet: "Spare parts", address: "C7:D7" },
      ],
    ]);

    await model.emitChanged({ address: "MPS!D5", source: "Remote" });
    await model.emitChanged({
      address: "MPS!D5",
      source: "Local",
      triggerSource: "ThisLocalAddin",
    });
    writing = true;
    await model.emitChanged({ address: "MPS!D7", source: "Local" });
    writing = false;
    model.eventsEnabled = false;
    await model.emitChanged({ address: "MPS!D7", source: "Local" });
    model.eventsEnabled = true;
    await t.flush();
    expect(told).toHaveLength(1);

    await stop();
    await model.emitChanged({ address: "MPS!D5", source: "Local" });
    await t.flush();
    expect(told).toHaveLength(1);
    expect(model.changeHandlers.size).toBe(0);
  });

  test("our own writes raise onChanged marked ThisLocalAddin, and are not told", async () => {
    const { model, run, runIn, t, told } = setup();
    const stop = await followEdits(run, runIn, (edits) => told.push(edits), {}, t.timers);
    await run(async (context) => {
      context.workbook.worksheets.getItem("MPS").getRange("B7").values = [[1]];
      await context.sync();
    });
    // The write happened and raised the event; the handler saw it and let it pass.
    expect(model.cell(model.sheet("MPS")!, 6, 1)?.value).toBe(1);
    await t.flush();
    expect(told).toEqual([]);
    await stop();
  });

  test("stopping removes the handler on the context that added it, and drops a pending call", async () => {
    const { model, run, runIn, t, told } = setup();
    const contexts: unknown[] = [];
    const spyIn: ExcelRunIn = (context, batch) => {
      contexts.push(context);
      return runIn(context, batch);
    };
    const stop = await followEdits(run, spyIn, (edits) => told.push(edits), {}, t.timers);
    const [handler] = [...model.changeHandlers];
    await model.emitChanged({ address: "MPS!D5", source: "Local" });
    await stop();
    await t.flush();
    expect(told).toEqual([]);
    expect(model.changeHandlers.has(handler)).toBe(false);
    expect(contexts).toHaveLength(1);
  });
});
