/* global Blob, URL, document, navigator, window, ClipboardItem, setTimeout */
import {
  ExcelRun,
  loadIncidentStore,
  readLogTable,
  readSelectionValues,
  saveIncidentStore,
  writeLogTable,
} from "../excel";
// The small Graph modules only: the notice templates load with the incident views.
import { createGraphDraft } from "../mail/graph";
import { buildClientId, graphAvailable, nestedAppTokens } from "../mail/graphAuth";
import type { ContactStore } from "./contactStore";
import type { Platform } from "./incidentFlow";
import type { IncidentDeps } from "./components/incident";
import type { DraftHandoffs } from "./components/incident/DraftView";

/** Copy, download, open: the browser's, as the task pane has them. */
export function browserHandoffs(
  graph: DraftHandoffs["graphDraft"],
  openUrl: (url: string) => void = (url) => window.open(url, "_blank", "noopener")
): DraftHandoffs {
  return {
    async writeHtml(html, text) {
      if (typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
        await navigator.clipboard.write([
          new ClipboardItem({
            "text/html": new Blob([html], { type: "text/html" }),
            "text/plain": new Blob([text], { type: "text/plain" }),
          }),
        ]);
      } else await navigator.clipboard.writeText(text);
    },
    writeText: (text) => navigator.clipboard.writeText(text),
    download(name, content, type) {
      const url = URL.createObjectURL(new Blob([content], { type }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    openUrl,
    graphDraft: graph,
  };
}

/** The incident views inside Excel: the workbook's settings and log table through Office.js. */
export function officeIncidentDeps(
  run: ExcelRun,
  contacts: ContactStore,
  office:
    | {
        context?: {
          platform?: unknown;
          requirements?: { isSetSupported(n: string, v?: string): boolean };
          ui?: { openBrowserWindow?(url: string): void };
        };
      }
    | undefined
): IncidentDeps {
  const clientId = buildClientId();
  const tokens = clientId ? nestedAppTokens(clientId) : null;
  const graph =
    tokens && graphAvailable(clientId, office?.context?.requirements)
      ? (input: { subject: string; html: string; to: string[] }) => createGraphDraft(input, tokens)
      : null;
  const open = office?.context?.ui?.openBrowserWindow;
  return {
    loadStore: () => loadIncidentStore(run),
    saveStore: (store) => saveIncidentStore(run, store),
    writeLog: async (header, rows) => ({
      notes: (await writeLogTable(run, header, rows)).plan.notes,
    }),
    readLog: () => readLogTable(run),
    readSelection: () => readSelectionValues(run),
    contacts,
    handoffs: browserHandoffs(
      graph,
      open ? (url) => open.call(office!.context!.ui, url) : undefined
    ),
    platform: (String(office?.context?.platform ?? "") || null) as Platform,
    now: () => new Date().toISOString(),
  };
}
