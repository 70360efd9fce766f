import * as path from "path";
import { launchChromium, serveFolder } from "./test/support/browser";
(async () => {
  const server = await serveFolder(path.resolve("dist-workbench"));
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 2400 }, locale: "en-US" });
  page.on("console", (m) => m.type() === "error" && console.log("CONSOLE", m.text(), JSON.stringify(m.location())));
  await page.goto(`${server.url}workbench.html?sample=multi-item-grid&today=2026-12-01&pane=320`);
  await page.getByRole("button", { name: "Scan sheet" }).click();
  await page.getByRole("button", { name: /^PUMP-10/ }).click();
  await page.getByRole("table", { name: "Drivers" }).waitFor();
  await page.waitForTimeout(1000);
  console.log(await page.evaluate(() => {
    const t = document.querySelector('table[aria-label="Drivers"]') as HTMLElement;
    const out: string[] = [`table ${t.scrollWidth} parent ${t.parentElement!.clientWidth}`];
    t.querySelectorAll("thead th").forEach((th) => out.push(`${th.textContent} ${(th as HTMLElement).offsetWidth}`));
    const pane = document.querySelector("aside.pane") as HTMLElement;
    out.push(`pane scroll ${pane.scrollWidth} client ${pane.clientWidth}`);
    return out.join("\n");
  }));
  await browser.close(); await server.close();
})().catch((e) => { console.error(e); process.exit(1); });
