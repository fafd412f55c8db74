/**
 * The add-in's own pages (taskpane.html, commands.html, notice.html) from a real build, served
 * over HTTP and opened in Chromium outside Office: built with a self-hosted office.js mirror
 * (XXGK_OFFICE_JS=<folder>; this machine is offline, so the folder holds the npm package's copy,
 * which only tests may use), office.js comes from our origin, the CSP has no 'unsafe-eval' and
 * blocks nothing of ours, the pane says it belongs in Excel, and the command's result dialog shows
 * its text literally.
 */
import { cpSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import webpack, { type Configuration, type Stats } from "webpack";
import { outputDir, PROJECT_ROOT } from "../helpers/paths";
import { serveStatic, type StaticServer } from "./staticServer";

const OUT = outputDir("e2e");
const SITE = path.join(OUT, "addin-site");
const MIRROR = path.join(OUT, "office-js-mirror");
const NPM_OFFICE_JS = path.join(PROJECT_ROOT, "node_modules/@microsoft/office-js/dist");
const XSS = "<img src=x onerror=alert(1)>";

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const makeConfig = require(path.join(PROJECT_ROOT, "webpack.config.js")) as (env: object, argv: object) => Configuration[];
  // A mirror folder laid out as scripts/mirror-office-js.mjs writes it (Excel's files and strings).
  rmSync(MIRROR, { recursive: true, force: true });
  cpSync(NPM_OFFICE_JS, MIRROR, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(NPM_OFFICE_JS, src);
      return rel === "" || /^(office|o15apptofilemappingtable|excel[-\w.]*)\.js$|^(zh-cn|en-us|telemetry)(\/|$)/.test(rel.replace(/\\/g, "/")) && !rel.includes(".debug.");
    },
  });
  const configs = makeConfig({ outDir: SITE, quiet: true, officeJs: MIRROR }, { mode: "development" });
  await new Promise<Stats>((resolve, reject) =>
    webpack(configs, (err, s) => (err ? reject(err) : s?.hasErrors() ? reject(new Error(s.toString("errors-only"))) : resolve(s as unknown as Stats))),
  );
  server = await serveStatic(SITE);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Visit {
  page: Page;
  requests: string[];
  problems: string[];
  blockedFrames: string[];
  dialogs: string[];
}

async function visit(file: string, width = 320): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width, height: 640 } });
  const v: Visit = { page, requests: [], problems: [], blockedFrames: [], dialogs: [] };
  page.on("request", (r) => v.requests.push(r.url()));
  page.on("pageerror", (e) => v.problems.push(e.message));
  page.on("dialog", (d) => {
    v.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // Outside Office, office.js tries to frame Microsoft's telemetry service: our CSP blocks it
    // (the add-in sends nothing out of the intranet). Anything else is a problem.
    if (/^Framing 'https:\/\/[^']*microsoft[^']*|^Framing 'https:\/\/telemetryservice\./.test(m.text())) v.blockedFrames.push(m.text());
    else v.problems.push(m.text());
  });
  await page.goto(`${server.url}/${file}`);
  return v;
}

test("taskpane.html: office.js from the mirror on our origin, strict CSP, and a plain message outside Excel", async () => {
  const v = await visit("taskpane.html");
  await v.page.waitForSelector('[data-banner="not-excel"]', { timeout: 30_000 });
  expect(await v.page.locator('[data-banner="not-excel"] h1').innerText()).toBe("请在 Excel 中打开年报助手");
  const csp = await v.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain("appsforoffice");
  expect(csp).not.toContain("unsafe-eval");
  expect(v.requests).toContain(`${server.url}/office-js/office.js`);
  expect(v.requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("data:"))).toEqual([]);
  // The pane's own JS is a module script (IE11 skips it and runs legacy.js instead).
  expect(await v.page.locator('script[type="module"][src*="taskpane"]').count()).toBe(1);
  expect(await v.page.locator("script[nomodule][src='legacy.js']").count()).toBe(1);
  // The gate runs first; Chromium passes it and never fetches EdgeHTML's polyfills.
  expect(await v.page.evaluate(() => [...document.scripts].map((s) => s.getAttribute("src") ?? "").findIndex((s) => s === "webview-gate.js"))).toBeLessThan(
    await v.page.evaluate(() => [...document.scripts].findIndex((s) => s.type === "module")),
  );
  expect(v.requests).toContain(`${server.url}/webview-gate.js`);
  expect(v.requests.filter((u) => u.includes("edge-runtime"))).toEqual([]);
  expect(v.problems).toEqual([]);
  await v.page.screenshot({ path: path.join(OUT, "11-taskpane-outside-excel.png") });
  await v.page.close();
});

test("commands.html loads its function file without errors", async () => {
  const v = await visit("commands.html");
  await v.page.waitForLoadState("networkidle");
  expect(v.requests.some((u) => /\/commands\.js$/.test(u))).toBe(true);
  expect(v.problems).toEqual([]);
  await v.page.close();
});

test("notice.html shows the command's message literally and refuses foreign links", async () => {
  const q = new URLSearchParams({ tone: "warning", text: `插入模板失败：${XSS}`, link: "javascript:alert(2)", linkLabel: "x" });
  const v = await visit(`notice.html?${q}`, 420);
  await v.page.waitForSelector("#notice .card");
  expect(await v.page.locator("#notice .card-body").innerText()).toBe(`插入模板失败：${XSS}`);
  expect(await v.page.locator("#notice a").count()).toBe(0);
  expect(await v.page.locator("#notice img").count()).toBe(0);
  expect(v.dialogs).toEqual([]);
  expect(v.problems).toEqual([]);
  await v.page.screenshot({ path: path.join(OUT, "12-command-notice.png") });
  await v.page.close();
});

test("every add-in bundle parses at its level: legacy*.js (IE11) as ES5, the rest (EdgeHTML 18 and newer) as ES2017", () => {
  const { readdirSync, readFileSync } = require("node:fs") as typeof import("node:fs");
  const { parse } = require("acorn") as typeof import("acorn");
  const files = readdirSync(SITE).filter((f) => f.endsWith(".js"));
  for (const entry of ["legacy.js", "legacy-commands.js", "legacy-notice.js"]) expect(files).toContain(entry);
  for (const f of files) {
    // The gate runs in every engine, IE11 included.
    const ecmaVersion = f.startsWith("legacy") || f === "webview-gate.js" ? 5 : 2017;
    expect(() => parse(readFileSync(path.join(SITE, f), "utf8"), { ecmaVersion, sourceType: "script" })).not.toThrow();
  }
});

test("commands.html and notice.html have the same IE11 fallback as the pane", async () => {
  const { readFileSync } = require("node:fs") as typeof import("node:fs");
  expect(readFileSync(path.join(SITE, "commands.html"), "utf8")).toMatch(/<script nomodule defer src="legacy-commands\.js"><\/script>/);
  expect(readFileSync(path.join(SITE, "notice.html"), "utf8")).toMatch(/<script nomodule defer src="legacy-notice\.js"><\/script>/);
  expect(readFileSync(path.join(SITE, "taskpane.html"), "utf8")).toMatch(/<script nomodule defer src="legacy\.js"><\/script>/);
});
