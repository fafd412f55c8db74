/**
 * The Trident (IE11) fallback: legacy.js must be ES5 syntax (Office 2016/2019 volume-licensed run
 * add-ins in IE11, which skips type="module" and runs only this), and it must say plainly that this
 * Office cannot run the pane and link the template file. Rendered here in Chromium as a classic script.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "acorn";
import { chromium } from "playwright-core";
import webpack, { type Configuration, type Stats } from "webpack";
import { outputDir, PROJECT_ROOT } from "../helpers/paths";
import { serveStatic } from "./staticServer";

const OUT = outputDir("e2e");
const SITE = path.join(OUT, "legacy-site");

test("legacy.js is ES5 and shows the message with the template link", async () => {
  const makeConfig = require(path.join(PROJECT_ROOT, "webpack.config.js")) as (env: object, argv: object) => Configuration[];
  const legacy = makeConfig({ outDir: SITE, quiet: true }, { mode: "production" }).find((c) => c.name === "legacy")!;
  await new Promise<Stats>((resolve, reject) =>
    webpack(legacy, (err, s) => (err ? reject(err) : s?.hasErrors() ? reject(new Error(s.toString("errors-only"))) : resolve(s!))),
  );
  const code = readFileSync(path.join(SITE, "legacy.js"), "utf8");
  expect(() => parse(code, { ecmaVersion: 5 })).not.toThrow();

  writeFileSync(path.join(SITE, "legacy.html"), '<!doctype html><html lang="zh-CN"><body><div id="app"></div><script src="legacy.js"></script></body></html>');
  const server = await serveStatic(SITE);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
  try {
    const page = await browser.newPage({ viewport: { width: 320, height: 480 } });
    await page.goto(`${server.url}/legacy.html`);
    await page.waitForSelector(".legacy");
    expect(await page.locator(".legacy h1").innerText()).toBe("此版本 Office 无法运行年报助手");
    expect(await page.locator(".legacy a").getAttribute("href")).toBe("template/xxgk-template.xlsx");
  } finally {
    await browser.close();
    await server.close();
  }
}, 120_000);
