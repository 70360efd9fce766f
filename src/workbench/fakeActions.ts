import { ExcelRun, ExcelRunIn, Projector } from "../excel";
import { fakeExcelRun, fakeExcelRunIn } from "../excel/fake/context";
import { FakeWorkbookModel } from "../excel/fake/model";
import { Language } from "../report";
import { WorkbookActions } from "../taskpane/actions";
import { workbookActions } from "../taskpane/workbookActions";

export interface FakeActionsOptions {
  name: string;
  lang: Language;
  today: string;
  project?: Projector;
  /** Called after anything that changed the workbook or its selection. */
  onChange?: () => void;
  /** Quiet time before edits are told (default 1.5 s; tests shorten it). */
  followDelayMs?: number;
}

/** The pane's WorkbookActions over the strict fake of the Excel API: the workbench's, and the component tests'. */
export function fakeWorkbookActions(
  model: FakeWorkbookModel,
  options: FakeActionsOptions
): WorkbookActions {
  return workbookActions(
    fakeExcelRun(model) as unknown as ExcelRun,
    fakeExcelRunIn() as unknown as ExcelRunIn,
    {
      customFunctions: true,
      lang: options.lang,
      name: options.name,
      today: () => options.today,
      project: options.project,
      onChange: options.onChange,
      followDelayMs: options.followDelayMs,
    }
  );
}
