import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { AddressInfo } from "net";
import { Browser, Page, chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const artifactsDir = path.resolve(__dirname, "../../test-artifacts");

/** Debian's chromium, headless, as root; .ci/run installs it. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (bash .ci/run does) or set CHROMIUM_PATH`
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** Serves a built folder on a free loopback port. */
export async function serveFolder(
  folder: string
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = path.join(folder, path.normalize(pathname).replace(/^([/\\])+/, ""));
    if (!file.startsWith(folder) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The built workbench served on a free port and Chromium launched, for the tests of one describe
 * block (registers its beforeAll / afterAll); fails clearly when `npm run build` has not run.
 */
export function workbenchInChromium(): { readonly browser: Browser; readonly url: string } {
  const dist = path.resolve(__dirname, "../../dist-workbench");
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(dist, "workbench.html")))
      throw new Error("dist-workbench/ is missing: run npm run build first");
    server = await serveFolder(dist);
    browser = await launchChromium();
    fs.mkdirSync(artifactsDir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error("Chromium is not running (beforeAll failed)");
      return browser;
    },
    get url() {
      if (!server) throw new Error("the workbench is not served (beforeAll failed)");
      return server.url;
    },
  };
}

/**
 * What sticks out sideways in the pane: the pane scrolling horizontally, and any element whose
 * content is wider than its box (scrollWidth > clientWidth: cut off or spilling) or that ends
 * right of the pane. Empty when nothing does; each entry names the element and by how much.
 */
export function paneOverflow(page: Page, selector = "aside.pane"): Promise<string[]> {
  return page.locator(selector).evaluate((pane) => {
    const out: string[] = [];
    const name = (e: Element) =>
      `<${e.tagName.toLowerCase()} class="${(e.getAttribute("class") ?? "").slice(0, 40)}">${(e.textContent ?? "").trim().slice(0, 50)}`;
    if (pane.scrollWidth > pane.clientWidth)
      out.push(`the pane scrolls sideways by ${pane.scrollWidth - pane.clientWidth} px`);
    const right = pane.getBoundingClientRect().right;
    for (const e of pane.querySelectorAll("*")) {
      // Inside a chart, the SVG's own box is what counts (its parts have no scroll box).
      if (!(e instanceof HTMLElement) && e.closest("svg") !== e) continue;
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === "hidden") continue;
      if (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
        out.push(`${name(e)}: ${e.scrollWidth} px of content in ${e.clientWidth} px`);
      else if (r.right > right + 1)
        out.push(`${name(e)}: ends ${Math.round(r.right - right)} px right of the pane`);
    }
    return out.slice(0, 8);
  });
}
