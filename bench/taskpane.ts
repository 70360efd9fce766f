import * as fs from "fs";
import * as path from "path";
import { launchChromium, serveFolder } from "../test/support/browser";

const dist = path.resolve(__dirname, "..", "dist-workbench");

export interface TaskpaneScanFigures {
  /** Median, from the click on Scan sheet to the first paint with the Risks list's entries. */
  scanMs: number;
  /** The longest main-thread long task (PerformanceObserver 'longtask') during any measured scan. */
  longestTaskMs: number;
}

/** In the page, before the click: when the click lands, when Risks has entries painted, the long tasks. */
function watchScan(): void {
  const w = window as unknown as {
    __bench: {
      clickAt: number | null;
      risksAt: number | null;
      longTasks: { start: number; ms: number }[];
    };
  };
  const bench = {
    clickAt: null as number | null,
    risksAt: null as number | null,
    longTasks: [] as { start: number; ms: number }[],
  };
  w.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: "longtask", buffered: false });
  const scan = [...document.querySelectorAll("button")].find(
    (b) => b.textContent?.trim() === "Scan sheet"
  );
  scan?.addEventListener("click", (e) => (bench.clickAt = e.timeStamp), {
    capture: true,
    once: true,
  });
  const found = () => !!document.querySelector('ul[aria-label="Risks"] li button');
  const observer = new MutationObserver(() => {
    if (bench.clickAt === null || bench.risksAt !== null || !found()) return;
    observer.disconnect();
    // The frame after the one that rendered the entries: they are on screen.
    requestAnimationFrame(() => requestAnimationFrame(() => (bench.risksAt = performance.now())));
  });
  observer.observe(document.body, { childList: true, subtree: true });
}

/**
 * The task pane in the workbench in Chromium, against the strict fake: the 5,000-item workbook
 * opened as "Open workbook…" opens it, then a first scan of the sheet, `runs` times in fresh pages.
 * Null when dist-workbench/ has not been built (npm run build).
 */
export async function taskpaneScanFigures(
  workbook: string,
  runs = 3
): Promise<TaskpaneScanFigures | null> {
  if (!fs.existsSync(path.join(dist, "workbench.html"))) return null;
  const server = await serveFolder(dist);
  const browser = await launchChromium();
  const times: number[] = [];
  let longest = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: "en-US",
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("crash", () => errors.push("the page crashed"));
      const t0 = Date.now();
      await page.goto(`${server.url}workbench.html?today=2026-12-01`);
      await page.locator('input[type="file"]').setInputFiles(workbook);
      await page
        .locator('[data-address="MPS!B1"]')
        .filter({ hasText: "FG-1" })
        .waitFor({ timeout: 300_000 });
      const scan = page.getByRole("button", { name: "Scan sheet", exact: true });
      await scan.waitFor();
      await page.waitForTimeout(500); // let the load's own work settle
      const heapMb = await page.evaluate(
        () =>
          ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
            ?.usedJSHeapSize ?? 0) /
          2 ** 20
      );
      process.stderr.write(
        `taskpane bench: workbook open after ${Date.now() - t0} ms, JS heap ${heapMb.toFixed(0)} MB\n`
      );
      await page.evaluate(watchScan);
      await scan.click();
      await page
        .waitForFunction(
          () =>
            (window as unknown as { __bench: { risksAt: number | null } }).__bench.risksAt !== null,
          null,
          {
            timeout: 600_000,
            polling: 100,
          }
        )
        .catch((e: Error) => {
          throw new Error(
            `the scan did not reach the Risks list: ${errors.join("; ") || e.message}`
          );
        });
      const bench = await page.evaluate(
        () =>
          (
            window as unknown as {
              __bench: {
                clickAt: number;
                risksAt: number;
                longTasks: { start: number; ms: number }[];
              };
            }
          ).__bench
      );
      if (errors.length) throw new Error(`the workbench failed: ${errors.join("; ")}`);
      times.push(bench.risksAt - bench.clickAt);
      for (const t of bench.longTasks)
        if (t.start + t.ms >= bench.clickAt && t.start <= bench.risksAt)
          longest = Math.max(longest, t.ms);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const s = times.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return { scanMs: s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2, longestTaskMs: longest };
}

if (require.main === module) {
  // `node -r ts-node/register/transpile-only bench/taskpane.ts`: just these two figures.
  void (async () => {
    const { gridWorkbook } = await import("./scan");
    const f = await taskpaneScanFigures(gridWorkbook(5000, 52)).catch((e: Error) => {
      console.error(`taskpane_scan_5000_ms is null: ${e.message}`);
      return null;
    });
    console.log(
      JSON.stringify(
        f && {
          taskpane_scan_5000_ms: Math.round(f.scanMs),
          taskpane_scan_5000_longest_task_ms: Math.round(f.longestTaskMs),
        }
      )
    );
  })();
}
