import * as fs from "fs";
import * as path from "path";
import { Browser, Page } from "playwright-core";
import { artifactsDir, launchChromium, serveFolder } from "../support/browser";

const dist = path.resolve(__dirname, "../../dist");
jest.setTimeout(60_000);

describe("the task pane's first screen in Chromium (built dist/)", () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.join(dist, "taskpane.html")))
      throw new Error("dist/ is missing: run npm run build first");
    server = await serveFolder(dist);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 360, height: 720 }, locale: "en-US" });
    // No Office here: office.js from Microsoft's CDN is not reachable, as on a machine without Excel.
    await page.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().includes("net::ERR_FAILED")) problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${server.url}taskpane.html`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    fs.mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({
      path: path.join(artifactsDir, "taskpane-first-screen.png"),
      fullPage: true,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("renders under its content security policy with no script errors or violations", async () => {
    const csp = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute("content");
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(csp).not.toContain("unsafe-eval");
    expect(problems).toEqual([]);
  });

  test("names the product, the example formula and says it is not inside Excel", async () => {
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("PAB Watch");
    await expect(page.getByText("=PAB.BALANCE(B2, B5:I5, B6:I6)").count()).resolves.toBe(1);
    await expect(page.getByText(/Not running inside Excel/).count()).resolves.toBe(1);
    await expect(page.getByText("Needs its receipt on time").count()).resolves.toBe(1);
  });

  test("the help link leads to the function reference", async () => {
    const href = await page.getByRole("link", { name: "Function reference" }).getAttribute("href");
    expect(href).toMatch(/help\.html#pab-functions$/);
    const help = await browser.newPage();
    await help.goto(href as string);
    await expect(help.locator("#pab-balance").count()).resolves.toBe(1);
    await help.close();
  });

  test("Chinese Excel gets the Chinese screen", async () => {
    const zh = await browser.newPage({ locale: "zh-CN", viewport: { width: 360, height: 720 } });
    await zh.route("https://appsforoffice.microsoft.com/**", (route) => route.abort());
    await zh.goto(`${server.url}taskpane.html`);
    await expect(zh.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "PAB Watch 库存预警"
    );
    await zh.screenshot({
      path: path.join(artifactsDir, "taskpane-first-screen-zh.png"),
      fullPage: true,
    });
    await zh.close();
  });
});
