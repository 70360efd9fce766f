import * as fs from "fs";
import * as path from "path";
import PostalMime from "postal-mime";
import { Page } from "playwright-core";
import * as os from "os";
import { strFromU8, unzipSync } from "fflate";
import { LOG_COLUMNS, LOG_SHEET } from "../../src/incidents/logRows";
import { readXlsxSnapshot } from "../../src/xlsx";
import { artifactsDir, workbenchInChromium } from "../support/browser";
import { classicRows } from "../support/classic";
import { buildXlsx } from "../support/xlsxBuilder";
import { libreOfficeConvert } from "../support/libreoffice";
import { incidentStrings } from "../../src/taskpane/incidentStrings";
import { refusalText } from "../../src/incidents";
import { wordsFor } from "../../src/mail";

jest.setTimeout(240_000);

/** PAB per week of the classic layout (on hand B2, orders row 5, MPS row 6), from the cells themselves. */
function expectedPab(values: unknown[][]): number[] {
  let pab = values[1][1] as number;
  return [1, 2, 3, 4, 5, 6, 7, 8].map(
    (c) => (pab = pab - (values[4][c] as number) + (values[5][c] as number))
  );
}

/**
 * Escalation end to end in the workbench in Chromium: the real pane and incident views against the
 * strict fake. Screenshots of each step, in English and Chinese, go to test-artifacts/incident-*.png.
 */
describe("escalation in the workbench", () => {
  const wb = workbenchInChromium();
  const errors: string[] = [];

  afterAll(() => {
    expect(errors).toEqual([]);
  });

  async function openPage(locale = "en-US", file?: string): Promise<Page> {
    const context = await wb.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale,
      acceptDownloads: true,
    });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(
      `${wb.url}workbench.html${file ? "?today=2026-12-01" : "?sample=classic-example&today=2026-12-01"}`
    );
    if (file) await page.locator('input[type="file"]').setInputFiles(file);
    await page.locator('[data-address="MPS!B1"]').filter({ hasText: "FG-1001" }).waitFor();
    return page;
  }

  const pane = (page: Page) => page.locator("aside.pane");

  async function shoot(page: Page, name: string): Promise<void> {
    const el = pane(page);
    const height = await el.evaluate((e) => e.scrollHeight);
    const vp = page.viewportSize() as { width: number; height: number };
    await page.setViewportSize({ width: vp.width, height: Math.max(vp.height, height + 60) });
    await page.waitForTimeout(150);
    await el.screenshot({ path: path.join(artifactsDir, `incident-${name}.png`) });
    await page.setViewportSize(vp);
  }

  /** Scans (dating W1 from 2026-11-30 the first time) and opens FG-1001's item view. */
  async function openItem(page: Page, zh = false): Promise<void> {
    const scanName = zh ? "扫描工作表" : "Scan sheet";
    await page.getByRole("button", { name: scanName, exact: true }).click();
    const risks = page.getByRole("list", { name: zh ? "风险" : "Risks", exact: true });
    await risks.waitFor();
    // First scan of a workbook with numbered weeks: say when W1 starts, then scan again.
    const start = page.getByLabel(zh ? "第1周的第一天" : "First day of W1");
    if (
      await start.waitFor({ timeout: 5000 }).then(
        () => true,
        () => false
      )
    ) {
      await start.fill("2026-11-30");
      const save = page.getByRole("button", {
        name: zh ? "保存并重新扫描" : "Save and scan again",
      });
      await (
        (await save.count()) ? save : page.getByRole("button", { name: scanName, exact: true })
      ).click();
      await page.waitForTimeout(500);
    }
    await page.waitForFunction(
      () => !!document.querySelector('[aria-label="Risks"] button, [aria-label="风险"] button')
    );
    // Raise alert sits on the risk entry, or in the item view the entry opens.
    const direct = risks.getByRole("button", { name: zh ? "发出预警" : "Raise alert" });
    if (await direct.count()) return;
    await risks
      .getByRole("button", { name: /^FG-1001/ })
      .first()
      .click();
    await page.getByRole("region", { name: "FG-1001", exact: true }).waitFor();
  }

  async function raiseAlert(page: Page, zh = false) {
    await page
      .getByRole("button", { name: zh ? "发出预警" : "Raise alert" })
      .first()
      .click();
    const region = page.getByRole("region", { name: zh ? /^事件 INC-/ : /^Incident INC-/ });
    await region.waitFor();
    return region;
  }

  const cell = (page: Page, address: string) => page.locator(`[data-address="${address}"]`);

  const addDays = (iso: string, days: number) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  const step = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

  test("risk → Raise alert → internal alert copied and downloaded as .eml → all-clear (English and Chinese)", async () => {
    for (const lang of ["en", "zh"] as const) {
      const zh = lang === "zh";
      const page = await openPage(zh ? "zh-CN" : "en-US");
      await openItem(page, zh);
      const region = await raiseAlert(page, zh);
      await expect(region.getAttribute("aria-label")).resolves.toMatch(/FG-1001/);
      await shoot(page, `a1-raised-${lang}`);

      await step(page, zh ? "起草内部预警" : "Draft internal alert").click();
      const draft = page.getByRole("region", {
        name: zh ? "草稿：内部预警" : "Draft: Internal alert",
      });
      await draft.waitFor();
      await draft.getByLabel(zh ? "收件人" : "To").fill("boss@example.com, production@example.com");
      await draft.getByRole("button", { name: zh ? "复制为文本" : "Copy as text" }).click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain("FG-1001");
      await draft.getByRole("button", { name: zh ? "复制为 HTML" : "Copy as HTML" }).click();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        draft.getByRole("button", { name: zh ? "下载 .eml" : "Download .eml" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^INC-2026-001-internal\.eml$/);
      const eml = fs.readFileSync((await download.path()) as string);
      const mail = await PostalMime.parse(eml);
      expect(mail.subject).toContain("FG-1001");
      expect(mail.headers.find((h) => h.key === "x-unsent")?.value).toBe("1");
      expect(mail.to?.map((a) => a.address)).toEqual([
        "boss@example.com",
        "production@example.com",
      ]);
      await shoot(page, `a2-internal-drafted-${lang}`);
      await draft.getByRole("button", { name: zh ? "标记为已发送" : "Mark as sent" }).click();
      await page.getByText(zh ? /已于 .* 标记为已发送/ : /Marked as sent on /).waitFor();

      await step(page, zh ? "解除预警" : "All clear").click();
      await page
        .getByRole("region", { name: zh ? "草稿：解除预警" : "Draft: All-clear" })
        .waitFor();
      await shoot(page, `a3-all-clear-${lang}`);
      await page.close();
    }
  });

  /** The second flow's words: the English names other tests rely on, written out; the Chinese from the pane's strings. */
  function flowWords(lang: "en" | "zh") {
    if (lang === "en")
      return {
        steps: {
          internal: "Draft internal alert",
          assessment: "Record assessment",
          customer: "Draft customer notice",
          confirm: "Confirm disruption",
          customerAllClear: "Customer all-clear",
          review: "Draft review",
          close: "Close incident",
        },
        draft: (step: string) => `Draft: ${step}`,
        names: {
          internal: "Internal alert",
          customer: "Customer notice",
          confirmed: "Confirmed disruption",
          customerAllClear: "Customer all-clear",
          review: "Review",
        },
        markSent: "Mark as sent",
        needsAssessment: /No customer notice before the supply-chain manager's assessment/,
        assessment: "Assessment by the supply-chain manager",
        by: "Assessed by",
        notSolvable: "No, the customer must be told",
        saveAssessment: "Save assessment",
        assessedBy: /Assessed by Zhang Min on/,
        details: /What the notices need/,
        causeCustomer: "Cause in the customer's terms",
        category: "5M1E category",
        saveDetails: "Save details",
        detailsSaved: "Details saved",
        stillShort: /FG-1001 is still short in \S+ by 6: no customer all-clear/,
        back: "Back",
        backToRisks: "Back to risks",
        header: "Incident",
        closed: "closed",
        machine: "Machine",
      };
    const t = incidentStrings("zh-CN");
    return {
      steps: {
        internal: t.steps.draftInternal,
        assessment: t.steps.recordAssessment,
        customer: t.steps.draftCustomer,
        confirm: t.steps.confirmDisruption,
        customerAllClear: t.steps.customerAllClear,
        review: t.steps.draftReview,
        close: t.steps.close,
      },
      draft: t.draft.heading,
      names: {
        internal: t.stepNames.internal,
        customer: t.stepNames["customer-risk"],
        confirmed: t.stepNames["customer-confirmed"],
        customerAllClear: t.stepNames["customer-all-clear"],
        review: t.stepNames.review,
      },
      markSent: t.draft.markSent,
      needsAssessment: /供应链经理评估之前不发客户通知/,
      assessment: t.assessment.heading,
      by: t.assessment.by,
      notSolvable: t.assessment.no,
      saveAssessment: t.assessment.save,
      assessedBy: /Zhang Min 于 .* 评估/,
      details: /通知需要的信息/,
      causeCustomer: t.details.causeCustomer,
      category: t.details.category,
      saveDetails: t.details.save,
      detailsSaved: t.details.saved,
      stillShort: /FG-1001 在 \S+ 仍缺 6：供应恢复前不能发客户解除通知/,
      back: t.back,
      backToRisks: "返回风险列表",
      header: "事件编号",
      closed: "已关闭",
      machine: "机",
    };
  }

  test.each(["en", "zh"] as const)(
    "risk → assessment → customer notice → confirmed → customer all-clear → one complete row in PAB Watch Log, kept as a table by Save annotated copy (%s)",
    async (lang) => {
      const zh = lang === "zh";
      const w = flowWords(lang);
      // The classic example with dated weeks (a customer notice needs dates).
      const rows = classicRows();
      rows[3] = [
        null,
        ...Array.from({ length: 8 }, (_x, i) => ({ date: addDays("2026-11-30", 7 * i) })),
      ];
      const file = path.join(os.tmpdir(), `pab-incident-${process.pid}.xlsx`);
      fs.writeFileSync(file, buildXlsx([{ name: "MPS", rows }]));
      const page = await openPage(zh ? "zh-CN" : "en-US", file);
      await openItem(page, zh);
      await raiseAlert(page, zh);
      const sent = async (region: string) => {
        const draft = page.getByRole("region", { name: region });
        await draft.waitFor();
        await draft.getByRole("button", { name: w.markSent }).click();
      };
      await step(page, w.steps.internal).click();
      await sent(w.draft(w.names.internal));

      await step(page, w.steps.customer).click();
      await page.getByText(w.needsAssessment).waitFor();
      await shoot(page, `b1-refused-before-assessment-${lang}`);

      await step(page, w.steps.assessment).click();
      const form = page.getByRole("region", { name: w.assessment });
      await form.getByLabel(w.by).fill("Zhang Min");
      await form.getByLabel(w.notSolvable).check();
      await form.getByRole("button", { name: w.saveAssessment }).click();
      await page.getByText(w.assessedBy).waitFor();

      const details = page.getByRole("region", { name: w.details });
      await details.getByLabel(w.causeCustomer).fill("a tooling failure on the moulding line");
      await details.getByLabel(w.category).selectOption("machine");
      await details.getByRole("button", { name: w.saveDetails }).click();
      await details.getByText(w.detailsSaved).waitFor();

      await step(page, w.steps.customer).click();
      await sent(w.draft(w.names.customer));
      await shoot(page, `b2-customer-notice-${lang}`);
      await step(page, w.steps.confirm).click();
      await sent(w.draft(w.names.confirmed));

      await step(page, w.steps.customerAllClear).click();
      await page.getByText(w.stillShort).waitFor();
      await shoot(page, `b3-all-clear-refused-${lang}`);

      // Supply is back (10 more in W8) where the workbench grid can be edited; then the rest of the steps.
      await page.getByRole("button", { name: w.back, exact: true }).click();
      const backToRisks = page.getByRole("button", { name: w.backToRisks });
      if (await backToRisks.count()) await backToRisks.click();
      await cell(page, "MPS!I6").dblclick();
      const editor = page.getByRole("textbox", { name: "Edit MPS!I6" });
      await editor.fill("10");
      await editor.press("Enter");
      await expect(cell(page, "MPS!I6").textContent()).resolves.toMatch(/^10\b/);
      await openItem(page, zh);
      await raiseAlert(page, zh);
      await step(page, w.steps.customerAllClear).click();
      await sent(w.draft(w.names.customerAllClear));
      await step(page, w.steps.review).click();
      await sent(w.draft(w.names.review));
      await step(page, w.steps.close).click();
      await shoot(page, `b4-closed-${lang}`);

      // A late change of the customer's W8 orders (25 → 30), typed into the grid: the saved copy must hold it.
      await cell(page, "MPS!I5").dblclick();
      const orders = page.getByRole("textbox", { name: "Edit MPS!I5" });
      await orders.fill("30");
      await orders.press("Enter");
      await expect(cell(page, "MPS!I5").textContent()).resolves.toMatch(/^30\b/);

      await page.getByRole("tab", { name: LOG_SHEET }).click();
      const logCell = (a: string) => cell(page, `'${LOG_SHEET}'!${a}`);
      await expect(logCell("A1").textContent()).resolves.toBe(w.header);
      await expect(logCell("A2").textContent()).resolves.toBe("INC-2026-001");
      await expect(logCell("B2").textContent()).resolves.toBe("FG-1001");
      await expect(logCell("K2").textContent()).resolves.toBe(w.closed);
      await expect(logCell("A3").textContent()).resolves.toBe("");
      await page.screenshot({ path: path.join(artifactsDir, `incident-b5-log-sheet-${lang}.png`) });

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Save annotated copy" }).click(),
      ]);
      const bytes = fs.readFileSync((await download.path()) as string);
      const parts = unzipSync(bytes);
      const tables = Object.keys(parts).filter((p) => p.startsWith("xl/tables/"));
      expect(tables).toHaveLength(1);
      expect(strFromU8(parts[tables[0]])).toContain('name="PABWatchLog"');
      const log = readXlsxSnapshot(bytes, "saved.xlsx").sheets.find((s) => s.name === LOG_SHEET)!;
      const row = Object.fromEntries(LOG_COLUMNS.map((c, i) => [c.key, log.values[1][i]]));
      expect(row).toMatchObject({
        id: "INC-2026-001",
        items: "FG-1001",
        level: w.closed,
        category: w.machine,
        actualShort: 6,
        status: w.closed,
      });
      for (const key of [
        "internalSent",
        "assessed",
        "customerRiskSent",
        "confirmedSent",
        "customerAllClearSent",
        "reviewSent",
        "closedOn",
      ])
        expect(row[key]).not.toBe("");

      // The grid's edits are in the copy, and its PAB is the one of the cells as edited.
      const mps = readXlsxSnapshot(bytes, "saved.xlsx").sheets.find((s) => s.name === "MPS")!;
      expect(mps.values[4][8]).toBe(30);
      expect(mps.values[5][8]).toBe(10);
      const expected = expectedPab(mps.values);
      const pabRow = mps.values.findIndex((r) => /PAB Watch/.test(String(r[0])));
      expect(mps.values[pabRow].slice(1, 9)).toEqual(expected);
      expect(expected[7]).toBe(-1);
      // LibreOffice opens it and recalculates the same PAB from the formulas.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pab-saved-"));
      try {
        fs.writeFileSync(path.join(dir, "saved.xlsx"), bytes);
        fs.mkdirSync(path.join(dir, "lo"));
        libreOfficeConvert([path.join(dir, "saved.xlsx")], "xlsx", path.join(dir, "lo"));
        const lo = readXlsxSnapshot(fs.readFileSync(path.join(dir, "lo", "saved.xlsx")), "lo");
        const sheet = lo.sheets.find((s) => s.name === "MPS")!;
        expect(sheet.values[pabRow].slice(1, 9)).toEqual(expected);
        expect(lo.sheets.find((s) => s.name === LOG_SHEET)!.values[1][0]).toBe("INC-2026-001");
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      await page.close();
    }
  );

  test.each(["en", "zh"] as const)(
    "two risks, one alert: each notice carries both items with their own facts; customer all-clear refused naming the item still short (%s)",
    async (lang) => {
      const zh = lang === "zh";
      const t = incidentStrings(zh ? "zh-CN" : "en");
      const mw = wordsFor(zh ? "zh-CN" : "en");
      // FG-1001 (the classic example) and FG-2002 on one sheet, dated weeks: one broken mould hits both.
      const dates = Array.from({ length: 8 }, (_x, i) => ({ date: addDays("2026-11-30", 7 * i) }));
      const rows = classicRows();
      rows[3] = [null, ...dates];
      const second = {
        opening: 30,
        orders: [10, 10, 10, 15, 5, 10, 20, 10],
        mps: [0, 0, 0, 0, 0, 40, 0, 0],
      };
      rows.push(
        [],
        ["Item", "FG-2002"],
        ["On hand", second.opening],
        [null, ...dates],
        ["Customer orders", ...second.orders],
        ["MPS", ...second.mps]
      );
      const file = path.join(os.tmpdir(), `pab-incident-two-${lang}-${process.pid}.xlsx`);
      fs.writeFileSync(file, buildXlsx([{ name: "MPS", rows }]));
      // Each item's facts, from the cells written above.
      const facts = (opening: number, orders: number[], mps: number[]) => {
        let pab = opening;
        const balance = orders.map((o, t) => (pab = pab - o + mps[t]));
        const first = balance.findIndex((b) => b < 0);
        const atRisk = balance.map((b, t) => (b >= 0 && b - mps[t] < 0 ? mps[t] - b : 0));
        return {
          first,
          short: -balance[first],
          // Date headers: the period is named by its date, said once.
          when: addDays("2026-11-30", 7 * first),
          quantityAtRisk: Math.max(0, ...balance.map((b) => -b), ...atRisk),
        };
      };
      const a = facts(45, rows[4].slice(1) as number[], rows[5].slice(1) as number[]);
      const b = facts(second.opening, second.orders, second.mps);

      const page = await openPage(zh ? "zh-CN" : "en-US", file);
      await openItem(page, zh);
      const region = await raiseAlert(page, zh);
      await region.getByLabel(t.addItem.label).selectOption({ label: "FG-2002" });
      await region.getByRole("button", { name: t.addItem.button }).click();
      await page
        .getByRole("region", { name: t.region("INC-2026-001", "FG-1001, FG-2002") })
        .waitFor();
      await shoot(page, `c1-two-items-${lang}`);

      await step(page, t.steps.draftInternal).click();
      const internal = page.getByRole("region", { name: t.draft.heading(t.stepNames.internal) });
      await internal.waitFor();
      await internal.getByLabel(t.draft.to).fill("boss@example.com");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        internal.getByRole("button", { name: t.draft.downloadEml }).click(),
      ]);
      const mail = await PostalMime.parse(fs.readFileSync((await download.path()) as string));
      expect(mail.subject).toContain(mw.groupName(["FG-1001", "FG-2002"]));
      const text = (mail.text ?? "").replace(/\r\n/g, "\n");
      expect(text).toContain(mw.alertLead("FG-1001", a.when, String(a.short)));
      expect(text).toContain(mw.alertLead("FG-2002", b.when, String(b.short)));
      fs.writeFileSync(
        path.join(artifactsDir, `incident-c2-two-items-internal-${lang}.eml`),
        fs.readFileSync((await download.path()) as string)
      );
      await internal.getByRole("button", { name: t.draft.markSent }).click();

      await step(page, t.steps.recordAssessment).click();
      const form = page.getByRole("region", { name: t.assessment.heading });
      await form.getByLabel(t.assessment.by).fill("Zhang Min");
      await form.getByLabel(t.assessment.no).check();
      await form.getByRole("button", { name: t.assessment.save }).click();
      await page.getByText(zh ? /Zhang Min 于 .* 评估/ : /Assessed by Zhang Min on/).waitFor();

      // The customer's orders, one per item, each saying its item and the customer's part number.
      const details = page.getByRole("region", { name: t.details.heading });
      await details
        .getByLabel(t.details.causeCustomer)
        .fill(zh ? "注塑线模具故障" : "a tooling failure on the moulding line");
      const orders = details.getByRole("group", { name: t.details.orders });
      for (const [i, o] of [
        {
          item: "FG-1001",
          part: "AC-778",
          po: "PO-4711",
          qty: "25",
          date: addDays("2026-11-30", 7 * a.first),
        },
        {
          item: "FG-2002",
          part: "AC-779",
          po: "PO-4720",
          qty: "15",
          date: addDays("2026-11-30", 7 * b.first),
        },
      ].entries()) {
        await orders.getByRole("button", { name: t.details.addOrder }).click();
        await orders.getByLabel(t.details.orderItem).nth(i).selectOption(o.item);
        await orders.getByLabel(t.details.partNumber).nth(i).fill(o.part);
        await orders.getByLabel(t.details.po, { exact: true }).nth(i).fill(o.po);
        await orders.getByLabel(t.details.quantity).nth(i).fill(o.qty);
        await orders.getByLabel(t.details.originalDate).nth(i).fill(o.date);
      }
      await details.getByRole("button", { name: t.details.save }).click();
      await details.getByText(t.details.saved).waitFor();

      await step(page, t.steps.draftCustomer).click();
      const notice = page.getByRole("region", {
        name: t.draft.heading(t.stepNames["customer-risk"]),
      });
      await notice.waitFor();
      await notice.getByLabel(t.draft.to).fill("buyer@example.com");
      const [customerEml] = await Promise.all([
        page.waitForEvent("download"),
        notice.getByRole("button", { name: t.draft.downloadEml }).click(),
      ]);
      const customerMail = await PostalMime.parse(
        fs.readFileSync((await customerEml.path()) as string)
      );
      const part = (p: string, item: string) => `${p}${mw.paren(item)}`;
      expect(customerMail.subject).toContain(
        mw.groupName([part("AC-778", "FG-1001"), part("AC-779", "FG-2002")])
      );
      const customerText = (customerMail.text ?? "").replace(/\r\n/g, "\n");
      // Each part's own first short date, under its own heading, in that order.
      const at = (x: string) => customerText.indexOf(x);
      const headA = at(mw.partHeading(part("AC-778", "FG-1001")));
      const headB = at(mw.partHeading(part("AC-779", "FG-2002")));
      const dateA = at(`${mw.needDate}${mw.colon}${a.when}`);
      const dateB = at(`${mw.needDate}${mw.colon}${b.when}`);
      expect([headA, dateA, headB, dateB].every((x) => x >= 0)).toBe(true);
      expect(headA < dateA && dateA < headB && headB < dateB).toBe(true);
      fs.writeFileSync(
        path.join(artifactsDir, `incident-c3-two-items-customer-${lang}.eml`),
        fs.readFileSync((await customerEml.path()) as string)
      );
      await notice.getByRole("button", { name: t.draft.markSent }).click();
      await shoot(page, `c3-two-items-customer-${lang}`);
      await step(page, t.steps.confirmDisruption).click();
      await page
        .getByRole("region", { name: t.draft.heading(t.stepNames["customer-confirmed"]) })
        .getByRole("button", { name: t.draft.markSent })
        .click();

      // FG-1001's supply is back (10 more in W8); FG-2002 is still short: the customer all-clear names it.
      await page.getByRole("button", { name: t.back, exact: true }).click();
      const backToRisks = page.getByRole("button", { name: zh ? "返回风险列表" : "Back to risks" });
      if (await backToRisks.count()) await backToRisks.click();
      await cell(page, "MPS!I6").dblclick();
      const editor = page.getByRole("textbox", { name: "Edit MPS!I6" });
      await editor.fill("10");
      await editor.press("Enter");
      await openItem(page, zh);
      await raiseAlert(page, zh);
      await step(page, t.steps.customerAllClear).click();
      await page
        .getByText(
          refusalText(
            { code: "still-short", item: "FG-2002", period: b.when, quantity: b.short },
            zh ? "zh-CN" : "en"
          )
        )
        .waitFor();
      await shoot(page, `c4-two-items-all-clear-refused-${lang}`);

      await page.getByRole("tab", { name: LOG_SHEET }).click();
      const logCell = (x: string) => cell(page, `'${LOG_SHEET}'!${x}`);
      await expect(logCell("B2").textContent()).resolves.toBe("FG-1001, FG-2002");
      const qtyColumn = String.fromCharCode(
        65 + LOG_COLUMNS.findIndex((c) => c.key === "quantityAtRisk")
      );
      await expect(logCell(`${qtyColumn}2`).textContent()).resolves.toMatch(
        new RegExp(`^${a.quantityAtRisk + b.quantityAtRisk}\\b`)
      );
      await page.close();
    }
  );

  test("contacts from a selected sheet range and from CSV; the plan re-checked after a change; the figures from the log", async () => {
    const dates = Array.from({ length: 8 }, (_x, i) => ({ date: addDays("2026-11-30", 7 * i) }));
    const rows = classicRows();
    rows[3] = [null, ...dates];
    const contacts = [
      ["Name", "Email", "Role", "Customer"],
      ["Wang Fang", "wang.fang@example.com", "Production", null],
      ["Ms Chen", "chen@acme.example", "Customer", "Acme Motors"],
      ["Bad Row", "not-an-address", "QA", null],
    ];
    const file = path.join(os.tmpdir(), `pab-incident-audit-${process.pid}.xlsx`);
    fs.writeFileSync(
      file,
      buildXlsx([
        { name: "MPS", rows },
        { name: "Contacts", rows: contacts },
      ])
    );
    /** The first period that is short or needs its receipt on time, from the cells. */
    const firstProblem = (orders: number[], mps: number[]) => {
      let pab = 45;
      const t = orders.findIndex((o, i) => {
        pab = pab - o + mps[i];
        return pab < 0 || (mps[i] > 0 && pab - mps[i] < 0);
      });
      return addDays("2026-11-30", 7 * t);
    };
    const orders = rows[4].slice(1) as number[];
    const mps = rows[5].slice(1) as number[];
    const before = firstProblem(orders, mps);

    const page = await openPage("en-US", file);
    await openItem(page);
    await raiseAlert(page);
    const box = page.getByRole("region", { name: /^Contacts/ });
    await box
      .getByLabel("CSV (name, email, role, customer)")
      .fill("name,email,role\nLi Na,li.na@example.com,quality");
    await box.getByRole("button", { name: "Import CSV" }).click();
    await box.getByText("1 contact imported").waitFor();
    // A range selected in the sheet: click its first cell, shift-click its last.
    await page.getByRole("tab", { name: "Contacts" }).click();
    await cell(page, "Contacts!A1").click();
    await cell(page, "Contacts!D4").click({ modifiers: ["Shift"] });
    await box.getByRole("button", { name: "Import selected cells" }).click();
    await box.getByText(/^2 contacts imported · .*not-an-address/).waitFor();
    for (const who of [
      "Li Na <li.na@example.com>",
      "Wang Fang <wang.fang@example.com>",
      "Ms Chen <chen@acme.example>",
    ])
      await box.getByText(who, { exact: false }).waitFor();
    await page.getByRole("tab", { name: "MPS" }).click();

    // The internal alert goes to colleagues, the customer notice to the customer's contacts.
    await step(page, "Draft internal alert").click();
    const internal = page.getByRole("region", { name: "Draft: Internal alert" });
    await expect(internal.getByLabel("To").inputValue()).resolves.toBe(
      "li.na@example.com, wang.fang@example.com"
    );
    await internal.getByRole("button", { name: "Mark as sent" }).click();
    const details = page.getByRole("region", { name: /What the notices need/ });
    await details.getByLabel("5M1E category").selectOption("machine");
    await details.getByRole("button", { name: "Save details" }).click();
    await details.getByText("Details saved").waitFor();

    // The figures from the log: one incident, its category, the detection lead time, the notice on time.
    const figures = page.getByRole("region", { name: "From the log" });
    const lead = Math.round(
      (Date.parse(`${before}T00:00:00Z`) -
        Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`)) /
        86_400_000
    );
    await figures.getByText("1 incident", { exact: true }).waitFor();
    await figures.getByText("By category: Machine (1)").waitFor();
    await figures.getByText(`Median detection lead time: ${lead} days`).waitFor();
    await figures.getByText("Sent within target: 1 of 1 (100%)").waitFor();
    await shoot(page, "d1-contacts-figures-en");

    // W2's orders 15 → 35 in the grid, scan again: the incident says what moved since the alert.
    await page.getByRole("button", { name: "Back", exact: true }).click();
    const backToRisks = page.getByRole("button", { name: "Back to risks" });
    if (await backToRisks.count()) await backToRisks.click();
    await cell(page, "MPS!C5").dblclick();
    const editor = page.getByRole("textbox", { name: "Edit MPS!C5" });
    await editor.fill("35");
    await editor.press("Enter");
    await openItem(page);
    await raiseAlert(page);
    const after = firstProblem([16, 35, ...orders.slice(2)], mps);
    expect(after).not.toBe(before);
    const changed = page.getByRole("list", { name: /^The plan changed since the alert/ });
    await changed.getByText(`FG-1001 first problem: ${before} → ${after}`).waitFor();
    await shoot(page, "d2-plan-changed-en");

    // The root-cause review types the category into the log row (in Chinese, full width spaces
    // around): the figures, read back from the table, count it as Method.
    await page.getByRole("tab", { name: LOG_SHEET }).click();
    const category = `${String.fromCharCode(65 + LOG_COLUMNS.findIndex((c) => c.key === "category"))}2`;
    await expect(cell(page, `'${LOG_SHEET}'!${category}`).textContent()).resolves.toBe("Machine");
    await cell(page, `'${LOG_SHEET}'!${category}`).dblclick();
    const categoryEditor = page.getByRole("textbox", { name: `Edit '${LOG_SHEET}'!${category}` });
    await categoryEditor.fill("\u3000法\u3000");
    await categoryEditor.press("Enter");
    await page.getByRole("tab", { name: "MPS" }).click();
    await page.getByRole("button", { name: "Back", exact: true }).click();
    if (await backToRisks.count()) await backToRisks.click();
    await openItem(page);
    await raiseAlert(page);
    const again = page.getByRole("region", { name: "From the log" });
    await again.getByText("1 incident", { exact: true }).waitFor();
    await again.getByText("By category: Method (1)").waitFor();
    await shoot(page, "d3-figures-from-table-en");
    await page.close();
  });
});
