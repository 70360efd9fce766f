import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Page } from "playwright-core";
import { artifactsDir, workbenchInChromium } from "../support/browser";
import { TestCell, buildXlsx } from "../support/xlsxBuilder";

jest.setTimeout(240_000);

const ITEMS = 1000;
const WEEKS = 52;
const HORIZON = 8; // the pane's default
const SAFETY = 15;

interface Item {
  name: string;
  onHand: number;
  orders: number[];
  mps: number[];
}

/** The plan the workbook holds: made here, so every answer below is worked out from these cells. */
function items(): Item[] {
  return Array.from({ length: ITEMS }, (_x, i) => ({
    name: `FG-${1001 + i}`,
    onHand: (i * 37) % 90,
    orders: Array.from({ length: WEEKS }, (_y, t) => (i * 13 + t * 7) % 30),
    mps: Array.from({ length: WEEKS }, (_y, t) => (t % 5 === i % 5 ? 50 + (i % 3) * 20 : 0)),
  }));
}

/** PAB_t = PAB_(t-1) − orders_t + MPS_t from the on-hand figure. */
function pabOf(it: Item): number[] {
  let pab = it.onHand;
  return it.orders.map((o, t) => (pab = pab - o + it.mps[t]));
}

/**
 * Whether the item is a risk within the horizon: projected short, a receipt with no slack (its
 * period short without it), or below safety stock.
 */
function isRisk(it: Item): boolean {
  const pab = pabOf(it);
  for (let t = 0; t < HORIZON; t++) {
    if (pab[t] < 0 || pab[t] < SAFETY) return true;
    if (it.mps[t] > 0 && pab[t] - it.mps[t] < 0) return true;
  }
  return false;
}

function workbook(plan: Item[]): string {
  const rows: TestCell[][] = [];
  const weeks = Array.from({ length: WEEKS }, (_x, t) => `W${t + 1}`);
  for (const it of plan)
    rows.push(
      ["Item", it.name],
      ["On hand", it.onHand],
      ["Safety stock", SAFETY],
      [null, ...weeks],
      ["Customer orders", ...it.orders],
      ["MPS", ...it.mps],
      []
    );
  const file = path.join(os.tmpdir(), `pab-scale-${ITEMS}x${WEEKS}.xlsx`);
  fs.writeFileSync(file, buildXlsx([{ name: "MPS", rows }]));
  return file;
}

const number = (text: string | null) =>
  Number(
    (text ?? "")
      .replace(/ [▼▽◆]$/, "")
      .replace(/,/g, "")
      .replace("−", "-")
  );

describe(`the workbench in Chromium at ${ITEMS.toLocaleString("en-US")} items × ${WEEKS} weeks: open, Scan sheet, the Risks list`, () => {
  const wb = workbenchInChromium();

  test("opens as Open workbook… does, scans, lists the risks worked out from the cells; an item's PAB matches them in the pane and in the grid", async () => {
    const plan = items();
    const risks = plan.filter(isRisk);
    // The data is made to show both sides of the list.
    expect(risks.length).toBeGreaterThan(100);
    expect(risks.length).toBeLessThan(ITEMS);

    const page: Page = await wb.browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: "en-US",
    });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("crash", () => errors.push("the page crashed"));
    await page.goto(`${wb.url}workbench.html?today=2026-12-01`);
    await page.locator('input[type="file"]').setInputFiles(workbook(plan));
    await page.locator('[data-address="MPS!B1"]').filter({ hasText: "FG-1001" }).waitFor();
    // Only the rows on screen are in the page, not 7,000 rows × 53 columns.
    await expect(page.locator("td[data-address]").count()).resolves.toBeLessThan(4000);
    await page.screenshot({ path: path.join(artifactsDir, "scale-1-opened.png") });

    await page.getByRole("button", { name: "Scan sheet", exact: true }).click();
    const list = page.getByRole("list", { name: "Risks", exact: true });
    await list.locator(":scope > li > button").first().waitFor({ timeout: 180_000 });
    await expect(page.getByRole("region", { name: "Summary" }).textContent()).resolves.toContain(
      `Items read${ITEMS}`
    );
    // The first page of the list, most urgent first, and how many there are in all.
    await expect(list.locator(":scope > li").count()).resolves.toBe(100);
    await expect(page.getByRole("button", { name: /^Show 100 more/ }).textContent()).resolves.toBe(
      `Show 100 more (100 of ${risks.length.toLocaleString("en-US")} shown)`
    );
    const texts = await list.locator(":scope > li > button").allTextContents();
    const names = texts.map((t) => t.split(" ")[0]);
    expect(new Set(names).size).toBe(100);
    const riskNames = new Set(risks.map((r) => r.name));
    expect(names.every((n) => riskNames.has(n))).toBe(true);
    expect(texts.every((t) => / new /.test(t))).toBe(true);
    await page.screenshot({ path: path.join(artifactsDir, "scale-2-scanned.png") });

    // One item deep in the sheet: its PAB in the Drivers table and in the grid, against the cells.
    const last = names[names.length - 1];
    const it = plan.find((p) => p.name === last)!;
    const pab = pabOf(it);
    await list.locator(":scope > li > button").last().click();
    const view = page.getByRole("region", { name: last, exact: true });
    await view.waitFor();
    const rows = view.getByRole("table", { name: "Drivers" }).locator("tbody tr");
    await expect(rows.count()).resolves.toBe(WEEKS);
    const shown = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelectorAll("td")[2].textContent)
    );
    expect(shown.map(number)).toEqual(pab);
    // Choosing the entry selected the item's cells: the grid scrolled there, its PAB row evaluated.
    const top = plan.indexOf(it) * 7;
    const pabRow = top + 7; // 1-based: the empty row under the block takes the PAB
    await expect(page.locator(`[data-address="MPS!B${top + 1}"]`).textContent()).resolves.toBe(
      last
    );
    const grid = await Promise.all(
      ["B", "C", "D", "E", "F", "G", "H", "I"].map((c) =>
        page.locator(`[data-address="MPS!${c}${pabRow}"]`).textContent()
      )
    );
    expect(grid.map(number)).toEqual(pab.slice(0, 8));
    await page.screenshot({ path: path.join(artifactsDir, "scale-3-item.png") });

    const heapMb = await page.evaluate(
      () =>
        ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
          ?.usedJSHeapSize ?? 0) /
        2 ** 20
    );
    expect(heapMb).toBeLessThan(500);
    expect(errors).toEqual([]);
    await page.close();
  });
});
