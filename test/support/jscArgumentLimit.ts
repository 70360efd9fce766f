/**
 * Run as a child process on a small stack (`node --stack-size=…`), where a call cannot take as many
 * arguments as Node allows by default: like JavaScriptCore (Excel on Mac), which caps a call at
 * 65,536 arguments. It first proves the stack is that strict, then scans and annotates a stacked grid
 * in side-sheet mode (`items` × `periods` from argv) through the fake, and prints what it wrote.
 */
import { buildWritePlan } from "../../src/annotate";
import { ExcelRun, applyWritePlan, readWorkbookSnapshot } from "../../src/excel";
import { fakeExcelRun } from "../../src/excel/fake/context";
import { scanSnapshot } from "../../src/report";
import { stackedGrid } from "./stackedGrid";

/** JavaScriptCore's limit on the arguments of one call (JSC's maxArguments). */
export const JSC_MAX_ARGUMENTS = 65_536;

function spreadFails(count: number): boolean {
  const many = new Array<number>(count).fill(0);
  try {
    return Math.max(...many) !== 0;
  } catch (e) {
    return e instanceof RangeError;
  }
}

async function main(): Promise<void> {
  const [items, periods] = process.argv.slice(2).map(Number);
  if (!spreadFails(JSC_MAX_ARGUMENTS + 1)) {
    console.log(
      JSON.stringify({ error: "the stack is too large to stand for JavaScriptCore's limit" })
    );
    process.exitCode = 3;
    return;
  }
  const model = stackedGrid(items, periods);
  const run = fakeExcelRun(model) as unknown as ExcelRun;
  const snapshot = await readWorkbookSnapshot(run, "w.xlsx");
  const plan = buildWritePlan(snapshot, scanSnapshot(snapshot).findings, { sideSheet: true });
  const result = await applyWritePlan(run, plan, { snapshot });
  const side = model.sheet("PAB Watch");
  console.log(
    JSON.stringify({
      items: plan.pabCells.length,
      lastItemCells: plan.pabCells[plan.pabCells.length - 1]?.length ?? 0,
      writes: plan.writes.length,
      sideSheetCells: side?.cells.size ?? 0,
      syncs: result.syncs,
    })
  );
}

main().catch((e: Error) => {
  console.log(JSON.stringify({ error: `${e.name}: ${e.message}` }));
  process.exitCode = 1;
});
