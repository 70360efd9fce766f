import * as path from "path";
import { Page } from "playwright-core";
import { artifactsDir, workbenchInChromium } from "../support/browser";

jest.setTimeout(180_000);

/**
 * The morning check end to end, in the workbench in Chromium: the real pane against the strict
 * fake. Screenshots of each state go to test-artifacts/pane-*.png.
 */
describe("the task pane's morning check in Chromium", () => {
  const wb = workbenchInChromium();
  const errors: string[] = [];

  async function openPage(query: string, locale = "en-US", width = 1280): Promise<Page> {
    const page = await wb.browser.newPage({ viewport: { width, height: 900 }, locale });
    page.on("pageerror", (e) => errors.push(`${query}: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/favicon/.test(m.location().url))
        errors.push(`${query}: ${m.text()}`);
    });
    await page.goto(`${wb.url}workbench.html${query}`);
    await page.locator('[data-address="Plan!B1"]').filter({ hasText: "PUMP-10" }).waitFor();
    return page;
  }

  const cell = (page: Page, address: string) => page.locator(`[data-address="${address}"]`);
  const pane = (page: Page) => page.locator("aside.pane");

  /** The whole pane, scrolled through: the aside is as tall as the window. */
  async function shoot(page: Page, name: string): Promise<void> {
    const el = pane(page);
    const height = await el.evaluate((e) => e.scrollHeight);
    const vp = page.viewportSize() as { width: number; height: number };
    await page.setViewportSize({ width: vp.width, height: Math.max(vp.height, height + 60) });
    await page.waitForTimeout(150);
    await el.screenshot({ path: path.join(artifactsDir, `pane-${name}.png`) });
    await page.setViewportSize(vp);
  }

  async function editCell(page: Page, address: string, text: string): Promise<void> {
    await cell(page, address).dblclick();
    const input = page.getByRole("textbox", { name: `Edit ${address}` });
    await input.fill(text);
    await input.press("Enter");
    await cell(page, address)
      .filter({ hasText: new RegExp(`^${text}`) })
      .waitFor();
  }

  async function scan(page: Page, name = "Scan sheet"): Promise<void> {
    const button = page.getByRole("button", { name, exact: true });
    await button.click();
    await page
      .getByRole("list", { name: name === "Scan sheet" ? "Risks" : "风险", exact: true })
      .waitFor();
    await page.waitForFunction((n) => {
      const b = [...document.querySelectorAll("button")].find((x) => x.textContent === n);
      return b && !b.disabled;
    }, name);
  }

  const entry = (page: Page, item: string) =>
    page
      .getByRole("list", { name: "Risks", exact: true })
      .getByRole("button", { name: new RegExp(`^${item} `) });

  test("scan → open an item → chart and Drivers show its PAB → what-if → promise check → edit orders, scan again: worse and new", async () => {
    const page = await openPage("?sample=multi-item-grid&today=2026-12-01");
    await shoot(page, "1-empty");
    await scan(page);
    await expect(page.getByRole("region", { name: "Summary" }).textContent()).resolves.toContain(
      "Items read3"
    );
    const names = await page
      .getByRole("list", { name: "Risks", exact: true })
      .locator(":scope > li > button")
      .allTextContents();
    expect(names.map((n) => n.split(" ")[0])).toEqual(["PUMP-10", "VALVE-7"]);
    expect(names.every((n) => / new /.test(n))).toBe(true);
    await shoot(page, "2-risks");

    await entry(page, "PUMP-10").click();
    const item = page.getByRole("region", { name: "PUMP-10", exact: true });
    await item.waitFor();
    // Choosing the risk selected the item's rows in the sheet.
    await expect(cell(page, "Plan!B5").getAttribute("aria-selected")).resolves.toBe("true");
    await expect(cell(page, "Plan!M7").getAttribute("aria-selected")).resolves.toBe("true");
    await expect(cell(page, "Plan!B12").getAttribute("aria-selected")).resolves.toBe("false");

    const chart = item.getByRole("img", { name: /^PAB chart of PUMP-10/ });
    await chart
      .locator('svg g[aria-label^="PAB, line"] path')
      .first()
      .waitFor({ state: "attached" });
    // The chart's PAB line runs through the item's PAB: each of its points says its period and value.
    const pab = [-2, 70, 70, 42, 5, 75, 66, 26, 14, 86, 56, 56];
    const points = await chart
      .locator('svg g[aria-label^="PAB, line"] path[aria-label]')
      .evaluateAll((ps) => ps.map((p) => p.getAttribute("aria-label")));
    expect(points).toEqual(pab.map((v, i) => `W${i + 1}. PAB, ${v}.`));
    // Shortage periods are shaded, safety stock and zero drawn as lines.
    await expect(chart.locator('svg g[aria-label^="Safety stock, line"]').count()).resolves.toBe(1);
    await expect(chart.locator('svg g[aria-label^="Zero, line"]').count()).resolves.toBe(1);
    // One image for the keyboard too: the chart's dots are not tab stops.
    await expect(chart.locator('[tabindex="0"]').count()).resolves.toBe(0);
    const rows = item.getByRole("table", { name: "Drivers" }).locator("tbody tr");
    await expect(rows.count()).resolves.toBe(12);
    const pabColumn = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelectorAll("td")[2].textContent?.replace(/ [▼▽◆]$/, ""))
    );
    expect(pabColumn).toEqual(pab.map(String));
    await shoot(page, "3-item");

    // A number in the table selects its cell.
    await rows.nth(0).locator("td").nth(2).getByRole("button").click();
    // The selection arrives after a round trip to the workbook, as in Excel.
    await page.locator('[data-address="Plan!C7"][aria-selected="false"]').waitFor();
    await expect(cell(page, "Plan!B7").getAttribute("aria-selected")).resolves.toBe("true");
    await expect(cell(page, "Plan!C7").getAttribute("aria-selected")).resolves.toBe("false");

    const whatIf = item.getByRole("group", { name: "What if" });
    await whatIf.getByLabel("Receipt").selectOption({ label: "W6: 80" });
    await whatIf.getByLabel("Periods").fill("2");
    await whatIf.getByRole("button", { name: "Try" }).click();
    await expect(whatIf.getByRole("status").textContent()).resolves.toContain(
      "W6: Needs its receipt on time → Projected short"
    );
    await shoot(page, "4-what-if");

    const promise = item.getByRole("group", { name: "Promise check" });
    await promise.getByLabel("Quantity").fill("30");
    await promise.getByLabel("Period").selectOption({ label: "W10" });
    await promise.getByRole("button", { name: "Check" }).click();
    await expect(promise.getByRole("status").textContent()).resolves.toBe(
      "Yes: 30 more fits in W10 (up to 56 can be promised then)."
    );
    await promise.getByLabel("Period").selectOption({ label: "W2" });
    await promise.getByRole("button", { name: "Check" }).click();
    await expect(promise.getByRole("status").textContent()).resolves.toBe(
      "No: at most 5 fits in W2. All 30 fit from W10."
    );
    await shoot(page, "5-promise");

    await item.getByRole("button", { name: "Back to risks" }).click();
    // PUMP-20's W3 orders 24 → 124 (short from W3: new); VALVE-7's W8 orders 36 → 60 (deeper: worse).
    await editCell(page, "Plan!D12", "124");
    await editCell(page, "Plan!I20", "60");
    await scan(page);
    await expect(entry(page, "PUMP-20").textContent()).resolves.toContain(" new ");
    await expect(entry(page, "VALVE-7").textContent()).resolves.toContain(" worse ");
    await expect(entry(page, "PUMP-10").textContent()).resolves.toContain(" unchanged ");
    await shoot(page, "6-rescanned");
    await page.close();
  });

  test("Acknowledge and Snooze on a risk entry, with the keyboard", async () => {
    const page = await openPage("?sample=multi-item-grid&today=2026-12-01");
    await scan(page);
    const first = page
      .getByRole("list", { name: "Risks", exact: true })
      .getByRole("listitem")
      .first();
    await first.getByRole("button", { name: "Acknowledge" }).focus();
    await page.keyboard.press("Enter");
    await expect(
      page
        .getByRole("list", { name: "Risks", exact: true })
        .locator(":scope > li > button")
        .last()
        .textContent()
    ).resolves.toMatch(/^PUMP-10.*acknowledged/);
    const top = page
      .getByRole("list", { name: "Risks", exact: true })
      .getByRole("listitem")
      .first();
    await top.getByRole("button", { name: "Snooze" }).click();
    await page.getByRole("button", { name: "Until it gets worse" }).click();
    await page.getByText("1 snoozed").waitFor();
    await shoot(page, "7-acknowledged-snoozed");
    await page.close();
  });

  test("Chinese: the same check in Chinese (Office display language), dates as 2026年11月30日（第49周）", async () => {
    const page = await openPage("?sample=multi-item-grid&today=2026-12-01", "zh-CN");
    await shoot(page, "zh-1-empty");
    await page.getByRole("button", { name: "扫描工作表", exact: true }).click();
    await page.getByRole("list", { name: "风险", exact: true }).waitFor();
    await expect(page.getByRole("region", { name: "摘要" }).textContent()).resolves.toContain(
      "已读取物料3"
    );
    await shoot(page, "zh-2-risks");
    // Confirm W1's date (the first scan asks for it) and scan again: the periods get dates.
    await page.getByRole("button", { name: "保存并重新扫描" }).click();
    await page
      .getByText(/2026年11月30日（第49周）/)
      .first()
      .waitFor();
    await page
      .getByRole("list", { name: "风险", exact: true })
      .getByRole("button", { name: /^PUMP-10 / })
      .click();
    const item = page.getByRole("region", { name: "PUMP-10", exact: true });
    await item
      .getByRole("img", { name: /^预计可用库存（PAB）图/ })
      .locator("svg")
      .first()
      .waitFor();
    await expect(
      item.getByRole("table", { name: "驱动因素" }).locator("tbody tr").first().textContent()
    ).resolves.toContain("2026年11月30日（第49周）");
    const whatIf = item.getByRole("group", { name: "假设分析" });
    await whatIf.getByRole("button", { name: "试算" }).click();
    await whatIf.getByRole("status").filter({ hasText: "→" }).waitFor();
    const promise = item.getByRole("group", { name: "承诺检查" });
    await promise.getByLabel("数量").fill("30");
    await promise.getByRole("button", { name: "检查" }).click();
    await promise.getByRole("status").filter({ hasText: "不行" }).waitFor();
    await shoot(page, "zh-3-item");
    await page.close();
  });

  test("the Language switch, and the mapping view", async () => {
    const page = await openPage("?sample=multi-item-grid&today=2026-12-01");
    await page.getByRole("switch", { name: "Language", exact: true }).click();
    await page.getByRole("button", { name: "扫描工作表", exact: true }).waitFor();
    await page.getByRole("switch", { name: "语言 (Language)" }).click();
    await scan(page);
    await page.getByRole("button", { name: "Mapping", exact: true }).click();
    const view = page.getByRole("region", { name: "What the reader saw" });
    await expect(view.getByRole("button", { name: "Use selection" }).count()).resolves.toBe(7);
    await expect(view.textContent()).resolves.toContain("Customer ordersPUMP-10: Plan!B5:M5");
    await shoot(page, "8-mapping");
    await page.close();
  });

  for (const [lang, locale] of [
    ["en", "en-US"],
    ["zh", "zh-CN"],
  ] as const) {
    test(`320 px wide (${lang}): no horizontal scrolling on home or in the item view`, async () => {
      const page = await openPage("?sample=multi-item-grid&today=2026-12-01&pane=320", locale);
      const scanName = lang === "en" ? "Scan sheet" : "扫描工作表";
      await page.getByRole("button", { name: scanName, exact: true }).click();
      await page
        .getByRole("list", { name: lang === "en" ? "Risks" : "风险", exact: true })
        .waitFor();
      const overflow = () =>
        pane(page).evaluate((el) => {
          const wide = [...el.querySelectorAll<HTMLElement>("*")].filter((e) => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.right > el.getBoundingClientRect().right + 1;
          });
          return {
            scroll: el.scrollWidth - el.clientWidth,
            wide: wide.slice(0, 3).map((e) => e.outerHTML.slice(0, 80)),
          };
        });
      await expect(overflow()).resolves.toEqual({ scroll: 0, wide: [] });
      await shoot(page, `320-${lang}-risks`);
      await page
        .getByRole("list", { name: lang === "en" ? "Risks" : "风险", exact: true })
        .getByRole("button", { name: /^PUMP-10 / })
        .click();
      await page
        .getByRole("region", { name: "PUMP-10", exact: true })
        .getByRole("img")
        .first()
        .locator("svg")
        .first()
        .waitFor();
      await page.waitForTimeout(300);
      await expect(overflow()).resolves.toEqual({ scroll: 0, wide: [] });
      await shoot(page, `320-${lang}-item`);
      await page.close();
    });
  }

  for (const theme of ["dark", "contrast"] as const) {
    test(`the ${theme} theme Office gives`, async () => {
      const page = await openPage(`?sample=multi-item-grid&today=2026-12-01&theme=${theme}`);
      await scan(page);
      const bg = await pane(page)
        .locator("> div")
        .evaluate((e) => getComputedStyle(e).backgroundColor);
      expect(bg).toBe(theme === "dark" ? "rgb(41, 41, 41)" : "rgb(0, 0, 0)");
      await shoot(page, `${theme}-risks`);
      await entry(page, "PUMP-10").click();
      await page
        .getByRole("region", { name: "PUMP-10", exact: true })
        .getByRole("img")
        .first()
        .locator("svg")
        .first()
        .waitFor();
      await shoot(page, `${theme}-item`);
      await page.close();
    });
  }

  test("keyboard: Tab reaches the scan buttons first, then the risks in order; focus is visible", async () => {
    const page = await openPage("?sample=multi-item-grid&today=2026-12-01");
    await scan(page);
    await page.getByRole("button", { name: "Scan sheet", exact: true }).focus();
    const order: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const label = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return a ? (a.getAttribute("aria-label") ?? a.textContent ?? "").slice(0, 20) : "";
      });
      order.push(label);
    }
    expect(order[0]).toBe("Scan all sheets");
    const firstRisk = order.findIndex((l) => l.startsWith("PUMP-10"));
    expect(firstRisk).toBeGreaterThan(0);
    expect(order.slice(firstRisk + 1, firstRisk + 3)).toEqual(["Acknowledge", "Snooze"]);
    expect(order[firstRisk + 3].startsWith("VALVE-7")).toBe(true);
    // Back to the first risk with the keyboard: its focus ring shows.
    await page.getByRole("button", { name: "Scan sheet", exact: true }).focus();
    for (let i = 0; i <= firstRisk; i++) await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement;
      const style = getComputedStyle(a);
      return {
        text: a.textContent?.slice(0, 7),
        outline: `${style.outlineStyle} ${style.outlineWidth}`,
      };
    });
    expect(focused).toEqual({ text: "PUMP-10", outline: "solid 2px" });
    await page.keyboard.press("Enter");
    await page.getByRole("region", { name: "PUMP-10", exact: true }).waitFor();
    await page.close();
  });

  test("no script errors on the way", () => {
    expect(errors).toEqual([]);
  });
});
