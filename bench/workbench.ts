/**
 * The workbench in Chromium (the production build the e2e drives, test/e2e/workbenchSite.ts):
 *   workbenchApiBuiltInsertMs       – Office 2019 volume-licensed (ExcelApi 1.7) on the modern page:
 *                                     click 插入年报模板 → the success notice, the template built
 *                                     step by step through the API with the grid redrawn (issue 18:
 *                                     under 10 s with progress shown)
 *   workbenchApiBuiltInsertLegacyMs – the same on the ES5 page (what IE11 runs)
 * The median of three runs each, every run on a fresh page.
 */
import { chromium } from "playwright-core";
import { serveStatic } from "../test/e2e/staticServer";
import { workbenchSite } from "../test/e2e/workbenchSite";

const RUNS = 3;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function bench(): Promise<Record<string, number>> {
  const server = await serveStatic(await workbenchSite());
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  const out: Record<string, number> = {};
  try {
    for (const [figure, page] of [
      ["workbenchApiBuiltInsertMs", "workbench.html?profile=office2019vl"],
      ["workbenchApiBuiltInsertLegacyMs", "workbench-legacy.html?profile=office2019vl"],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const p = await browser.newPage();
        await p.goto(`${server.url}/${page}`);
        await p.waitForSelector("#app .summary", { timeout: 120_000 });
        await p.fill("#agency-input", "某某区人民政府办公室");
        const t0 = Date.now();
        await p.click('[data-action="insert-form"]', { noWaitAfter: true });
        // The progress notice (步骤 k / n) must show before the result.
        await p.locator("#app .message-bar").filter({ hasText: "步骤" }).first().waitFor({ timeout: 120_000 });
        await p.waitForSelector("#app .message-bar.tone-success", { timeout: 300_000 });
        times.push(Date.now() - t0);
        await p.close();
      }
      out[figure] = median(times);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}
