import { buildWritePlan } from "../../src/annotate";
import { ExcelRun, applyWritePlan, readWorkbookSnapshot } from "../../src/excel";
import { FakeRequestContext, fakeExcelRun } from "../../src/excel/fake/context";
import { scanSnapshot } from "../../src/report";
import { stackedGrid } from "../support/stackedGrid";

/** Excel on the web refuses 5 MB; responses are held under 4 MB. */
const CAP = 4_000_000;

// Read as the pane's scan reads (our formulas left out, confirmed by the re-read) and with every formula.
test.each([
  ["our formulas left out of the read", true],
  ["every formula read", false],
])(
  "12 at 5,000 × 52, scanned again (%s): the re-read comes back in blocks ahead of their writes, and an edit in a later block is kept",
  async (_how, deferOwnedFormulas) => {
    const model = stackedGrid(5000, 52);
    const contexts: FakeRequestContext[] = [];
    const run = fakeExcelRun(model, contexts) as unknown as ExcelRun;
    const scan = async (edit: () => void) => {
      const snapshot = await readWorkbookSnapshot(run, "w.xlsx", { deferOwnedFormulas });
      const plan = buildWritePlan(snapshot, scanSnapshot(snapshot).findings);
      edit();
      contexts.length = 0;
      return applyWritePlan(run, plan, { snapshot });
    };
    await scan(() => {});
    const mps = model.sheet("MPS")!;
    // The planner types over our PAB of items 101 and 4,001 while the pane computes.
    const second = await scan(() => {
      model.setCell(mps, 100 * 7 + 6, 10, { value: "checked", formula: undefined });
      model.setCell(mps, 4000 * 7 + 6, 10, { value: "call Li", formula: undefined });
    });
    expect(second.changedSinceRead).toEqual(["MPS!A707", "MPS!A28007"]);
    expect(model.cell(mps, 4000 * 7 + 6, 10)).toEqual({ value: "call Li", formula: undefined });
    expect(model.cell(mps, 4001 * 7 + 6, 10)?.formula).toBe("=J28014-K28012+K28013");
    // Our 260,000 formulas come back in more than one response, each under the cap.
    const responses = contexts.flatMap((c) => c.responseBytes);
    expect(responses.filter((b) => b > 1_000_000).length).toBeGreaterThan(1);
    expect(Math.max(...responses)).toBeLessThan(CAP);
    expect(second.syncs).toBeLessThanOrEqual(5);
  },
  300_000
);
