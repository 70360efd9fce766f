import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Page } from "playwright-core";
import { artifactsDir, paneOverflow, workbenchInChromium } from "../support/browser";
import { buildXlsx } from "../support/xlsxBuilder";

jest.setTimeout(240_000);

/**
 * The pane at 320 px, the narrowest Office lets a planner drag it, in English and Chinese: every
 * view, with its longest texts on screen (results, refusals), fits without anything cut off or
 * scrolling sideways. Screenshots: test-artifacts/narrow-320-<lang>-<view>.png.
 */
describe("every view at 320 px, in English and Chinese", () => {
  const wb = workbenchInChromium();
  const errors: string[] = [];
  afterAll(() => expect(errors).toEqual([]));

  const WORDS = {
    en: {
      scan: "Scan sheet",
      risks: "Risks",
      firstDay: "First day of W1",
      saveScan: "Save and scan again",
      mapping: "Mapping",
      mappingView: "What the reader saw",
      back: "Back to risks",
      whatIf: "What if",
      tryIt: "Try",
      promise: "Promise check",
      quantity: "Quantity",
      check: "Check",
      raise: "Raise alert",
      incident: /^Incident INC-/,
      customerNotice: "Draft customer notice",
      roles: {
        item: "Item",
        periods: "Periods",
        orders: "Customer orders",
        supply: "Supply \\(MPS, receipts\\)",
        onHand: "On hand",
      },
      yourMapping: "Your mapping",
      scanMapped: "Scan with this mapping",
      firstShort: /Projected short · Wochenplan KW50.*short 5, peak 10 in KW51/,
    },
    zh: {
      scan: "扫描工作表",
      risks: "风险",
      firstDay: "第1周的第一天",
      saveScan: "保存并重新扫描",
      mapping: "映射",
      mappingView: "读取到的内容",
      back: "返回风险列表",
      whatIf: "假设分析",
      tryIt: "试算",
      promise: "承诺检查",
      quantity: "数量",
      check: "检查",
      raise: "发出预警",
      incident: /^事件 INC-/,
      customerNotice: "起草客户通知",
      roles: {
        item: "物料",
        periods: "期次",
        orders: "客户订单",
        supply: "供应（MPS、到货）",
        onHand: "现有库存",
      },
      yourMapping: "您的映射",
      scanMapped: "按此映射扫描",
      firstShort: /预计缺货 · Wochenplan\s*KW50：缺 5，KW51 最多缺 10/,
    },
  } as const;

  async function open(lang: "en" | "zh", query: string, file?: string): Promise<Page> {
    const page = await wb.browser.newPage({
      viewport: { width: 1000, height: 900 },
      locale: lang === "en" ? "en-US" : "zh-CN",
    });
    page.on("pageerror", (e) => errors.push(`${lang} ${query}: ${e.message}`));
    await page.goto(`${wb.url}workbench.html${query}&pane=320`);
    if (file) await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole("button", { name: WORDS[lang].scan, exact: true }).waitFor();
    return page;
  }

  /** Nothing sticks out, then the whole pane as a picture. */
  async function fits(page: Page, name: string): Promise<void> {
    await page.waitForTimeout(200);
    await expect(paneOverflow(page)).resolves.toEqual([]);
    const pane = page.locator("aside.pane");
    const width = await pane.evaluate((e) => e.getBoundingClientRect().width);
    expect(Math.abs(width - 320)).toBeLessThanOrEqual(1); // 320 and its border
    const height = await pane.evaluate((e) => e.scrollHeight);
    const vp = page.viewportSize() as { width: number; height: number };
    await page.setViewportSize({ width: vp.width, height: Math.max(vp.height, height + 60) });
    await page.waitForTimeout(150);
    await pane.screenshot({ path: path.join(artifactsDir, `narrow-320-${name}.png`) });
    await page.setViewportSize(vp);
  }

  for (const lang of ["en", "zh"] as const) {
    const w = WORDS[lang];

    test(`${lang}: home, first scan, risks, item view with results, mapping, incident with a refusal`, async () => {
      const page = await open(lang, "?sample=classic-example&today=2026-12-01");
      await fits(page, `${lang}-home`);
      await page.getByRole("button", { name: w.scan, exact: true }).click();
      await page.getByRole("list", { name: w.risks, exact: true }).waitFor();
      const start = page.getByLabel(w.firstDay);
      await start.waitFor();
      await fits(page, `${lang}-first-scan`);
      await start.fill("2026-11-30");
      await page.getByRole("button", { name: w.saveScan }).click();
      await start.waitFor({ state: "detached" });
      await fits(page, `${lang}-risks`);

      await page.getByRole("button", { name: w.mapping, exact: true }).click();
      await page.getByRole("region", { name: w.mappingView }).waitFor();
      await fits(page, `${lang}-mapping`);
      await page.getByRole("button", { name: w.back }).click();

      await page
        .getByRole("list", { name: w.risks, exact: true })
        .getByRole("button", { name: /^FG-1001/ })
        .first()
        .click();
      const item = page.getByRole("region", { name: "FG-1001", exact: true });
      await item.getByRole("img").first().locator("svg").first().waitFor();
      const whatIf = item.getByRole("group", { name: w.whatIf });
      await whatIf.getByRole("button", { name: w.tryIt }).click();
      await whatIf.getByRole("status").filter({ hasText: /\S/ }).waitFor();
      const promise = item.getByRole("group", { name: w.promise });
      await promise.getByLabel(w.quantity).fill("300");
      await promise.getByRole("button", { name: w.check }).click();
      await promise.getByRole("status").filter({ hasText: /\S/ }).waitFor();
      await fits(page, `${lang}-item`);

      await page.getByRole("button", { name: w.raise }).first().click();
      await page.getByRole("region", { name: w.incident }).waitFor();
      await fits(page, `${lang}-incident`);
      // Before the assessment, the customer notice is refused: the reason is long, in Chinese too.
      await page.getByRole("button", { name: w.customerNotice, exact: true }).click();
      await page.getByRole("status").filter({ hasText: /.{20}/ }).first().waitFor();
      await fits(page, `${lang}-incident-refused`);
      await page.close();
    });

    test(`${lang}: a scan that read nothing writes nothing and opens the mapping view; Use selection per role (Shift-click ranges), then the scan reads the plan`, async () => {
      const file = path.join(os.tmpdir(), `pab-narrow-${process.pid}-${lang}.xlsx`);
      fs.writeFileSync(
        file,
        buildXlsx([
          {
            name: "Wochenplan",
            rows: [
              ["Artikel", "KW-PUMPE-2000-EDELSTAHL-DN50-PN16"],
              ["Bestand", 20],
              [null, "KW49", "KW50", "KW51", "KW52", "KW53", "KW01", "KW02", "KW03"],
              ["Bedarf", 5, 30, 5, 10, 5, 5, 5, 5],
              ["Zugang", 0, 10, 0, 40, 0, 0, 0, 0],
            ],
          },
        ])
      );
      const page = await open(lang, "?today=2026-12-01", file);
      await page.locator('[data-address="Wochenplan!B1"]').waitFor();
      await page.getByRole("button", { name: w.scan, exact: true }).click();
      const view = page.getByRole("region", { name: w.mappingView });
      await view.waitFor();
      // A selection that is no period header: the message says what to do, and wraps.
      await page.locator('[data-address="Wochenplan!B3"]').click();
      await page.locator('[data-address="Wochenplan!I4"]').click({ modifiers: ["Shift"] });
      const useSelection = async (role: string, from: string, to?: string) => {
        await page.locator(`[data-address="Wochenplan!${from}"]`).click();
        if (to)
          await page.locator(`[data-address="Wochenplan!${to}"]`).click({ modifiers: ["Shift"] });
        await view
          .getByRole("listitem")
          .filter({ has: page.locator("strong", { hasText: new RegExp(`^${role}$`) }) })
          .getByRole("button")
          .click();
      };
      // Nothing was written: no PAB Watch sheet, no cell of ours, no write-mode question.
      await expect(page.getByRole("tab").allTextContents()).resolves.toEqual(["Wochenplan"]);
      await expect(page.locator("td.owned").count()).resolves.toBe(0);
      await expect(page.getByRole("radiogroup").count()).resolves.toBe(0);
      await useSelection(w.roles.periods, "B3", "I4");
      await view.getByText(/B3:I4/).first().waitFor();
      await fits(page, `${lang}-nothing-read`);

      await useSelection(w.roles.periods, "B3", "I3");
      await useSelection(w.roles.orders, "B4", "I4");
      await useSelection(w.roles.supply, "B5", "I5");
      await useSelection(w.roles.onHand, "B2");
      await useSelection(w.roles.item, "B1");
      await view.getByRole("list", { name: w.yourMapping }).waitFor();
      await expect(
        view.getByRole("list", { name: w.yourMapping }).textContent()
      ).resolves.toContain(`Wochenplan!B3:I3 → ${w.roles.periods}`);
      await fits(page, `${lang}-mapped`);
      await view.getByRole("button", { name: w.scanMapped }).click();
      const risks = page.getByRole("list", { name: w.risks, exact: true });
      await risks.waitFor();
      // 20 − 5 = 15, 15 − 30 + 10 = −5, −5 − 5 = −10: short 5 in KW50, peak 10 in KW51.
      const entry = risks.getByRole("button", { name: /^KW-PUMPE-2000-EDELSTAHL-DN50-PN16/ });
      await expect(entry.textContent()).resolves.toMatch(w.firstShort);
      await fits(page, `${lang}-mapped-risks`);
      await page.close();
      fs.rmSync(file, { force: true });
    });
  }
});
