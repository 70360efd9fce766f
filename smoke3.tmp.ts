import * as path from "path";
import { launchChromium, serveFolder } from "./test/support/browser";
(async () => {
  const server = await serveFolder(path.resolve("dist-workbench"));
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  page.on("console", (m) => m.type() === "error" && console.log("CONSOLE", m.text()));
  await page.goto(`${server.url}workbench.html?sample=multi-item-grid&today=2026-12-01`);
  await page.getByRole("button", { name: "Scan sheet" }).click();
  await page.getByRole("button", { name: /^PUMP-10/ }).click();
  await page.getByRole("table", { name: "Drivers" }).waitFor();
  await page.waitForTimeout(1500);
  console.log(await page.evaluate(() => {
    const img = document.querySelector('[role="img"][aria-label^="PAB chart"]')!;
    const out: string[] = [];
    img.querySelectorAll("*").forEach((e) => {
      const attrs = [...e.attributes].filter((a) => /aria|role|data-|height|^d$|tabindex/.test(a.name)).map((a) => `${a.name}=${a.value.slice(0, 60)}`);
      if (attrs.length) out.push(`${e.tagName} ${attrs.join(" ")}`);
    });
    return out.slice(0, 80).join("\n");
  }));
  const order: string[] = [];
  await page.getByRole("button", { name: "Back to risks" }).click();
  await page.getByRole("button", { name: "Scan sheet", exact: true }).focus();
  for (let i = 0; i < 14; i++) { await page.keyboard.press("Tab"); order.push(await page.evaluate(() => { const a = document.activeElement as HTMLElement; return a.tagName + ":" + (a.getAttribute("aria-label") ?? a.textContent ?? "").slice(0, 25); })); }
  console.log(order.join("\n"));
  await browser.close(); await server.close();
})().catch((e) => { console.error(e); process.exit(1); });
