import { ExcelRun, followEdits } from "../../src/excel";
import { fakeExcelRun } from "../../src/excel/fake/context";
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
    flush: () => {
      for (const [h, fn] of [...pending]) {
        pending.delete(h);
        fn();
      }
    },
    get size() {
      return pending.size;
    },
  };
}

test("edits are followed: debounced, local only, never our own writes, and it stops", async () => {
  const model = new FakeWorkbookModel();
  model.addSheet("MPS");
  const run = fakeExcelRun(model) as unknown as ExcelRun;
  const t = manualTimers();
  let scans = 0;
  let writing = false;
  const stop = await followEdits(run, () => scans++, { isOwnWrite: () => writing }, t.timers);

  await model.emitChanged({ address: "MPS!D5", source: "Local" });
  await model.emitChanged({ address: "MPS!D6", source: "Local" });
  expect(t.size).toBe(1);
  t.flush();
  expect(scans).toBe(1);

  await model.emitChanged({ address: "MPS!D5", source: "Remote" });
  writing = true;
  await model.emitChanged({ address: "MPS!D7", source: "Local" });
  writing = false;
  model.eventsEnabled = false;
  await model.emitChanged({ address: "MPS!D7", source: "Local" });
  model.eventsEnabled = true;
  t.flush();
  expect(scans).toBe(1);

  await stop();
  await model.emitChanged({ address: "MPS!D5", source: "Local" });
  t.flush();
  expect(scans).toBe(1);
});
