/* global self, MessageEvent */
import { ProjectOptions, projectSnapshot } from "../excel/project";
import { WorkbookSnapshot } from "../layout";

/**
 * The pure middle of a scan (read, project, annotate), off the pane's thread: a 5,000-item sheet
 * takes about a second of computing, and the pane keeps answering meanwhile.
 */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent) => void) | null;
  postMessage: (message: unknown) => void;
};

scope.onmessage = (e: MessageEvent) => {
  const { id, snapshot, options } = e.data as {
    id: number;
    snapshot: WorkbookSnapshot;
    options: ProjectOptions;
  };
  try {
    scope.postMessage({ id, ok: true, result: projectSnapshot(snapshot, options) });
  } catch (err) {
    scope.postMessage({ id, ok: false, message: (err as Error).message });
  }
};
