import { ExcelRun, ExcelRunIn } from "../../src/excel";
import { fakeExcelRun, fakeExcelRunIn } from "../../src/excel/fake/context";
import { workbookActions } from "../../src/taskpane/workbookActions";
import { sampleModel } from "../support/paneHarness";

/**
 * The one adapter behind the pane in Excel (Office.js) and in the workbench (the strict fake):
 * what each caller sets reaches the scan, and the workbench hears of every change.
 */
function actions(customFunctions: boolean) {
  const model = sampleModel("classic-example");
  const days = ["2026-12-01", "2026-12-02"];
  const asked: string[] = [];
  const changes: string[] = [];
  let last = "";
  const a = workbookActions(
    fakeExcelRun(model) as unknown as ExcelRun,
    fakeExcelRunIn() as unknown as ExcelRunIn,
    {
      customFunctions,
      lang: "zh-CN",
      name: "plan.xlsx",
      today: () => {
        last = days[Math.min(asked.length, days.length - 1)];
        asked.push(last);
        return last;
      },
      onChange: () => changes.push(last),
    }
  );
  return { a, asked, changes };
}

test("each scan asks for today then; live only where the functions run; the name reaches the report", async () => {
  const { a, asked } = actions(false);
  const state = await a.loadState();
  const first = await a.scan(state);
  expect(first.mode).toBe("portable");
  expect(first.report.workbook).toBe("plan.xlsx");
  expect(first.report.items.map((i) => i.item)).toEqual(["FG-1001"]);
  await a.scan(state);
  expect(asked).toEqual(["2026-12-01", "2026-12-02"]);
  expect((await actions(true).a.scan(state)).mode).toBe("live");
});

test("the change hook follows what changes the workbook or its selection, and nothing else", async () => {
  const { a, changes } = actions(false);
  const state = await a.loadState();
  await a.saveMemory({ seen: 1 });
  expect(await a.loadMemory()).toEqual({ seen: 1 });
  expect(changes).toHaveLength(0);
  await a.scan(state);
  expect(changes).toHaveLength(1);
  await a.select(["MPS!B7:I7"]);
  expect(await a.selection()).toBe("MPS!B7:I7");
  expect(await a.activeSheet()).toBe("MPS");
  expect(changes).toHaveLength(2);
  await a.remove();
  expect(changes).toHaveLength(3);
});
