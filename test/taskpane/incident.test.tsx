/**
 * @jest-environment jsdom
 */
import "../support/jsdomEncoders";
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ExcelRun, readLogTable, writeLogTable } from "../../src/excel";
import { fakeExcelRun } from "../../src/excel/fake/context";
import { FakeWorkbookModel, modelFromSnapshot } from "../../src/excel/fake/model";
import { LOG_COLUMNS, LOG_SHEET, sanitizeStore } from "../../src/incidents";
import { Report, scanSnapshot } from "../../src/report";
import { readXlsxSnapshot } from "../../src/xlsx";
import { IncidentDeps, IncidentPanel } from "../../src/taskpane/components/incident/IncidentPanel";
import { contactStore } from "../../src/taskpane/contactStore";
import { Platform } from "../../src/taskpane/incidentFlow";
import { sharedDir } from "../support/shared";

jest.setTimeout(30_000);
// …and ResizeObserver, which Fluent's MessageBar asks for (no layout in jsdom: nothing to observe).
class NoResize {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResize });

function setup(platform: Platform = "OfficeOnline", graph = false) {
  const file = path.join(sharedDir, "samples", "classic-example.xlsx");
  const snapshot = readXlsxSnapshot(fs.readFileSync(file), "classic-example.xlsx");
  const report: Report = scanSnapshot(snapshot, { startDate: "2026-11-30" }).report;
  const model: FakeWorkbookModel = modelFromSnapshot(snapshot);
  const run = fakeExcelRun(model) as unknown as ExcelRun;
  let saved: unknown = null;
  const clock = { t: Date.parse("2026-12-01T08:00:00Z") };
  const calls: { kind: string; args: unknown[] }[] = [];
  const memory = new Map<string, string>();
  memory.set(
    "PABWatch.contacts",
    JSON.stringify([
      { name: "Zhang Min", email: "zhang.min@example.com", role: "supervisor" },
      { name: "Ms Chen", email: "chen@acme.example", role: "customer" },
    ])
  );
  const deps: IncidentDeps = {
    loadStore: async () => saved,
    saveStore: async (s) => void (saved = JSON.parse(JSON.stringify(s))),
    writeLog: async (header, rows) => ({ notes: (await writeLogTable(run, header, rows)).plan.notes }),
    readLog: () => readLogTable(run),
    contacts: contactStore({ getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) }, "localStorage"),
    handoffs: {
      writeHtml: async (...args) => void calls.push({ kind: "html", args }),
      writeText: async (...args) => void calls.push({ kind: "text", args }),
      download: (...args) => void calls.push({ kind: "download", args }),
      openUrl: (...args) => void calls.push({ kind: "open", args }),
      graphDraft: graph
        ? async (input) => {
            calls.push({ kind: "graph", args: [input] });
            return { webLink: "https://outlook.office.com/mail/drafts/id/1" };
          }
        : null,
    },
    platform,
    now: () => new Date(clock.t).toISOString(),
  };
  const tick = () => void (clock.t += 3_600_000);
  return { report, model, deps, calls, saved: () => saved, tick };
}

function show(report: Report, deps: IncidentDeps, language: "en" | "zh-CN" = "en") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <IncidentPanel items={[report.items[0]]} report={report} language={language} onClose={() => {}} deps={deps} />
    </FluentProvider>
  );
}

const button = (name: string) => screen.getByRole("button", { name });
const status = () => document.querySelector('[role="status"]')?.textContent ?? "";

describe("the incident view", () => {
  test("Raise alert → a region named Incident…; the internal alert drafted, copied, downloaded and marked sent", async () => {
    const { report, deps, calls, saved, tick } = setup();
    show(report, deps);
    const region = await screen.findByRole("region", { name: /^Incident INC-2026-001: FG-1001/ });
    expect(region).toBeTruthy();
    // No customer notice before the internal alert and the assessment.
    fireEvent.click(button("Draft customer notice"));
    expect(status()).toMatch(/Draft the internal alert first/);

    await act(async () => fireEvent.click(button("Draft internal alert")));
    await screen.findByRole("region", { name: "Draft: Internal alert" });
    // Recipients come from the user's contacts: colleagues for an internal notice.
    expect((screen.getByLabelText("To") as HTMLInputElement).value).toBe("zhang.min@example.com");
    await act(async () => fireEvent.click(button("Copy as HTML")));
    expect(calls[0].kind).toBe("html");
    expect(String(calls[0].args[0])).toContain("FG-1001");
    await act(async () => fireEvent.click(button("Copy IM text")));
    expect(String(calls[1].args[0])).toContain("FG-1001");
    await act(async () => fireEvent.click(button("Download .eml")));
    const dl = calls.find((c) => c.kind === "download")!;
    expect(dl.args[0]).toBe("INC-2026-001-internal.eml");
    expect(String(dl.args[1])).toMatch(/^To: zhang\.min@example\.com/m);
    expect(String(dl.args[1])).toMatch(/^X-Unsent: 1/m);
    // Excel on the web: mailto works, Graph is not set up here.
    expect(screen.queryByRole("button", { name: "Open in Outlook" })).toBeNull();
    await act(async () => fireEvent.click(button("Email link")));
    expect(String(calls.find((c) => c.kind === "open")!.args[0])).toMatch(/^mailto:zhang\.min%40example\.com\?subject=/);
    tick();
    await act(async () => fireEvent.click(button("Mark as sent")));
    expect(button("Mark as sent")).toHaveProperty("disabled", true);
    const stored = sanitizeStore(saved()).store.incidents[0];
    expect(stored.steps).toEqual([
      { step: "internal", draftedAt: "2026-12-01T08:00:00.000Z", sentAt: "2026-12-01T09:00:00.000Z" },
    ]);
  });

  test("assessment → customer notice → confirmed; the customer all-clear is refused while still short; the log row follows", async () => {
    const { report, deps, model, tick } = setup("PC", true);
    show(report, deps);
    await screen.findByRole("region", { name: /^Incident INC/ });
    tick();
    await act(async () => fireEvent.click(button("Draft internal alert")));
    tick();
    await act(async () => fireEvent.click(button("Mark as sent")));
    tick();
    fireEvent.click(button("Record assessment"));
    const form = screen.getByRole("region", { name: "Assessment by the supply-chain manager" });
    fireEvent.change(within(form).getByLabelText("Assessed by"), { target: { value: "Zhang Min" } });
    fireEvent.click(within(form).getByLabelText("No, the customer must be told"));
    await act(async () => fireEvent.click(within(form).getByRole("button", { name: "Save assessment" })));
    expect(screen.getByText(/Assessed by Zhang Min on 2026-12-01/)).toBeTruthy();

    tick();
    await act(async () => fireEvent.click(button("Draft customer notice")));
    await screen.findByRole("region", { name: "Draft: Customer notice" });
    expect((screen.getByLabelText("To") as HTMLInputElement).value).toBe("chen@acme.example");
    // Excel desktop on Windows: .eml and Outlook (Graph) work, mailto does not.
    expect(screen.queryByRole("button", { name: "Email link" })).toBeNull();
    await act(async () => fireEvent.click(button("Open in Outlook")));
    await waitFor(() => expect(document.body.textContent).toMatch(/in your Outlook drafts/));
    tick();
    await act(async () => fireEvent.click(button("Mark as sent")));
    tick();
    await act(async () => fireEvent.click(button("Confirm disruption")));
    await screen.findByRole("region", { name: "Draft: Confirmed disruption" });
    await act(async () => fireEvent.click(button("Customer all-clear")));
    expect(document.body.textContent).toMatch(/FG-1001 is still short in W8 by 6: no customer all-clear until supply is back/);

    const sheet = model.sheet(LOG_SHEET)!;
    expect(model.tables.map((t) => t.name)).toEqual(["PABWatchLog"]);
    const cell = (key: string) => model.cell(sheet, 1, LOG_COLUMNS.findIndex((c) => c.key === key))?.value;
    expect(cell("id")).toBe("INC-2026-001");
    expect(cell("level")).toBe("confirmed disruption");
    expect(cell("actualShort")).toBe(6);
    expect(cell("internalSent")).toBe("2026-12-01 10:00");
    expect(cell("customerRiskSent")).toBe("2026-12-01 13:00");
    // The figures from the log.
    const figures = screen.getByRole("region", { name: "From the log" });
    expect(figures.textContent).toMatch(/1 incident/);
    expect(figures.textContent).toMatch(/Median detection lead time: 13 days/);
    expect(figures.textContent).toMatch(/Sent within target: 3 of 3 \(100%\)/);
  });

  test("in Chinese; contacts imported from CSV, bad rows named", async () => {
    const { report, deps } = setup("Mac");
    show(report, deps, "zh-CN");
    await screen.findByRole("region", { name: /^事件 INC-2026-001：FG-1001/ });
    // Target times are per workbook: the internal alert within 1 hour instead of 4.
    const targets = screen.getByText("本工作簿的目标时间").closest("details") as HTMLElement;
    await act(async () =>
      fireEvent.change(within(targets).getByLabelText("内部预警（小时内）"), { target: { value: "1" } })
    );
    expect(document.body.textContent).toMatch(/内部预警：目标 2026-12-01 09:00/);
    for (const name of ["起草内部预警", "解除预警", "记录评估", "起草客户通知", "确认断供", "客户解除通知", "起草复盘"])
      expect(button(name)).toBeTruthy();
    await act(async () => fireEvent.click(button("起草内部预警")));
    // On a Mac the task pane cannot download: no .eml button, the pane says so.
    expect(screen.queryByRole("button", { name: "下载 .eml" })).toBeNull();
    expect(document.body.textContent).toMatch(/此处任务窗格无法下载/);
    const contacts = screen.getByRole("region", { name: /联系人/ });
    fireEvent.change(within(contacts).getByLabelText("CSV（姓名、邮箱、角色、客户）"), {
      target: { value: "name,email,role\nWang Fang,wang.fang@example.com,quality\nBob,bob@,quality" },
    });
    await act(async () => fireEvent.click(within(contacts).getByRole("button", { name: "导入 CSV" })));
    expect(contacts.textContent).toMatch(/已导入 1 个联系人/);
    expect(contacts.textContent).toMatch(/line 3: "bob@" is not an e-mail address/);
    expect(contacts.textContent).toMatch(/Wang Fang <wang\.fang@example\.com>/);
  });
});
