import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";
import { Page } from "playwright-core";
import { artifactsDir, workbenchInChromium } from "../support/browser";
import { buildXlsx } from "../support/xlsxBuilder";

jest.setTimeout(90_000);

describe("the workbench in Chromium: the real task pane against the strict fake", () => {
  const wb = workbenchInChromium();
  const errors: string[] = [];

  async function openPage(query: string): Promise<Page> {
    const page = await wb.browser.newPage({
      viewport: { width: 1280, height: 800 },
      locale: "en-US",
      acceptDownloads: true,
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${wb.url}workbench.html${query}`);
    return page;
  }

  const cell = (page: Page, address: string) => page.locator(`[data-address="${address}"]`);

  test("classic example: Scan sheet, FG-1001 in the Risks list, PAB 49 and the colours in the grid; again, nothing duplicated", async () => {
    const page = await openPage("?sample=classic-example");
    await cell(page, "MPS!B1").filter({ hasText: "FG-1001" }).waitFor();
    await page.screenshot({ path: path.join(artifactsDir, "workbench-1-opened.png") });

    await page.getByRole("button", { name: "Scan sheet" }).click();
    const risks = page.getByRole("list", { name: "Risks", exact: true });
    await risks.waitFor();
    const items = risks.getByRole("listitem");
    await expect(items.count()).resolves.toBe(1);
    await expect(risks.locator(":scope > li > button").first().textContent()).resolves.toMatch(
      /^FG-1001 ● new ▼ Projected short · MPS W8: short 6, peak 6 in W8 receipt W3 \(50\) must land on time first seen /
    );
    await expect(cell(page, "MPS!D7").textContent()).resolves.toBe("49");
    await expect(cell(page, "MPS!I7").textContent()).resolves.toBe("-6 ▼");
    await expect(
      cell(page, "MPS!I7").evaluate((e) => getComputedStyle(e).backgroundColor)
    ).resolves.toBe("rgb(255, 199, 206)");
    await expect(
      cell(page, "MPS!D6").evaluate((e) => getComputedStyle(e).outlineColor)
    ).resolves.toBe("rgb(255, 140, 0)");
    await expect(cell(page, "MPS!A7").getAttribute("title")).resolves.toBe(
      "Written by PAB Watch (_PABWatch.1)"
    );
    await page.screenshot({ path: path.join(artifactsDir, "workbench-2-scanned.png") });

    await page.getByRole("button", { name: "Scan sheet" }).click();
    await page
      .getByRole("list", { name: "Risks", exact: true })
      .getByText(/unchanged/)
      .waitFor();
    await expect(cell(page, "MPS!A8").textContent()).resolves.toBe("");
    await expect(cell(page, "MPS!D7").textContent()).resolves.toBe("49");
    await expect(page.getByRole("tab").allTextContents()).resolves.toEqual(["MPS", "PAB Watch"]);
    await page.screenshot({ path: path.join(artifactsDir, "workbench-3-scanned-again.png") });
    await page.close();
  });

  test("a workbook with a bad cell: the message names the cell", async () => {
    const file = path.join(os.tmpdir(), "bad-cell.xlsx");
    fs.writeFileSync(
      file,
      buildXlsx([
        {
          name: "MPS",
          rows: [
            ["Item", "FG-1001"],
            ["On hand", 45],
            [null, "W1", "W2", "W3"],
            ["Customer orders", 16, 15, "abc"],
            ["MPS", 0, 0, 50],
          ],
        },
      ])
    );
    const page = await openPage("");
    await page.locator('input[type="file"]').setInputFiles(file);
    await cell(page, "MPS!D4").filter({ hasText: "abc" }).waitFor();
    await page.getByRole("button", { name: "Scan sheet" }).click();
    const problems = page.getByRole("list", { name: "Check these cells" });
    await problems.waitFor();
    await expect(problems.textContent()).resolves.toContain('MPS!D4: "abc" is not a quantity');
    await page.screenshot({ path: path.join(artifactsDir, "workbench-4-bad-cell.png") });
    await page.close();
  });

  test("with-chart.xlsx saved back still has its chart and comment", async () => {
    const page = await openPage("?sample=with-chart");
    await cell(page, "MPS!B1").filter({ hasText: "CHT-1" }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Save annotated copy" }).click(),
    ]);
    const saved = path.join(os.tmpdir(), "with-chart-saved.xlsx");
    await download.saveAs(saved);
    const parts = Object.keys(unzipSync(fs.readFileSync(saved)));
    expect(parts.some((p) => p.startsWith("xl/charts/chart"))).toBe(true);
    expect(parts.some((p) => p.startsWith("xl/comments"))).toBe(true);
    expect(download.suggestedFilename()).toBe("with-chart-pab-watch.xlsx");
    await page.close();
  });

  test("no script errors on the way", () => {
    expect(errors).toEqual([]);
  });
});
