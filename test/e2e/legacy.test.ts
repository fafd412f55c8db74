/**
 * The ES5 build for Trident (IE11: Office 2016/2019 volume-licensed) and the ES2017 build for
 * EdgeHTML 18 (Office 2019 retail, older Microsoft 365 on Windows 10), from a real production
 * build of the workbench: every bundle parses with acorn at its level, and the whole pane runs
 * from the ES5 bundle (core-js, whatwg-fetch, the var()-free stylesheet) in Chromium against the
 * office2019vl profile of the fake (ExcelApi 1.7). Chromium is not IE11: this proves the bundle's
 * syntax level, its polyfill wiring and the pane's behaviour on a 1.7 host, not Trident's quirks.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "acorn";
import { chromium, type Browser, type Page } from "playwright-core";
import webpack, { type Configuration, type Stats } from "webpack";
import { SHEET_NAMES } from "../../src/template/messages";
import { TEMPLATE_ROLES } from "../../src/template/roles";
import { outputDir, PROJECT_ROOT } from "../helpers/paths";
import { encodeGb18030, readSeed } from "../import/support/layout";
import { sampleReport } from "../support/reports";
import { fillTemplate, templateBytes } from "../template/support";
import { serveStatic, type StaticServer } from "./staticServer";

const OUT = outputDir("e2e");
const SITE = path.join(OUT, "legacy-site");

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const makeConfig = require(path.join(PROJECT_ROOT, "webpack.config.js")) as (env: object, argv: object) => Configuration[];
  const configs = makeConfig({ workbench: true, legacy: true, outDir: SITE, quiet: true }, { mode: "production" });
  await new Promise<Stats>((resolve, reject) =>
    webpack(configs, (err, s) => (err ? reject(err) : s?.hasErrors() ? reject(new Error(s.toString("errors-only"))) : resolve(s as unknown as Stats))),
  );
  server = await serveStatic(SITE);
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
}, 1_800_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("every bundle parses at its level: legacy*.js as ES5, the rest as ES2017", () => {
  const files = readdirSync(SITE).filter((f) => f.endsWith(".js"));
  const legacy = files.filter((f) => f.startsWith("legacy"));
  expect(legacy.length).toBeGreaterThan(1); // the entry and its lazy chunks
  expect(files.length - legacy.length).toBeGreaterThan(1);
  for (const f of files) {
    const ecmaVersion = f.startsWith("legacy") ? 5 : 2017;
    const code = readFileSync(path.join(SITE, f), "utf8");
    expect(() => parse(code, { ecmaVersion, sourceType: "script" })).not.toThrow();
  }
});

test("the generated IE11 stylesheets have no custom properties and keep the light theme's colours", () => {
  for (const f of ["taskpane-legacy.css", "workbench-legacy.css"]) {
    const css = readFileSync(path.join(SITE, f), "utf8");
    expect(css).not.toMatch(/var\(|--[\w-]+\s*:/);
  }
  expect(readFileSync(path.join(SITE, "taskpane-legacy.css"), "utf8")).toMatch(/\.btn-primary\s*\{[^}]*background:\s*#0f6cbd/);
});

describe("the ES5 pane on Office 2019 volume-licensed (office2019vl)", () => {
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("request", (r) => requests.push(r.url()));
    // Take away what IE11 lacks, so the bundle must bring its own: core-js for the language,
    // whatwg-fetch, legacyDom.ts for the DOM.
    await page.addInitScript(() => {
      const gone: Array<[object, string]> = [
        [Element.prototype, "append"],
        [Element.prototype, "replaceChildren"],
        [Element.prototype, "remove"],
        [Element.prototype, "closest"],
        [Document.prototype, "append"],
        [window, "fetch"],
        [Array.prototype, "includes"],
        [Array.prototype, "flatMap"],
        [Object, "entries"],
        [Object, "fromEntries"],
        [String.prototype, "padStart"],
        [String.prototype, "replaceAll"],
        [Promise.prototype, "finally"],
        [Blob.prototype, "arrayBuffer"],
        [window, "TextDecoder"],
        [window, "TextEncoder"],
      ];
      for (const [o, k] of gone) delete (o as Record<string, unknown>)[k];
      (window as unknown as { removedForIe11: number }).removedForIe11 = gone.filter(([o, k]) => k in o).length;
    });
    await page.goto(`${server.url}/workbench-legacy.html?profile=office2019vl`);
    await page.waitForSelector("#app .summary", { timeout: 60_000 });
    await page.evaluate(() => (window as unknown as { xxgk: { pane: { idle(): Promise<void> } } }).xxgk.pane.idle());
  }, 120_000);

  afterAll(() => page?.close());

  test("runs from the ES5 bundle with the var()-free stylesheets, without script errors", async () => {
    const scripts = requests.filter((u) => u.endsWith(".js")).map((u) => u.slice(server.url.length + 1));
    expect(scripts[0]).toBe("legacy-workbench.js");
    expect(scripts.every((s) => s.startsWith("legacy"))).toBe(true);
    const sheets = await page.evaluate(() => Array.from(document.querySelectorAll('link[rel="stylesheet"]')).map((l) => l.getAttribute("href")));
    expect(sheets).toEqual(["taskpane-legacy.css", "workbench-legacy.css"]);
    expect(await page.evaluate(() => (window as unknown as { xxgk: { fake: { profile: { id: string } } } }).xxgk.fake.profile.id)).toBe("office2019vl");
    expect(await page.evaluate(() => (window as unknown as { removedForIe11: number }).removedForIe11)).toBe(0);
    // Put back by the bundle's polyfills.
    expect(await page.evaluate(() => typeof Element.prototype.append === "function" && typeof window.fetch === "function" && typeof Object.fromEntries === "function")).toBe(true);
    expect(await page.evaluate(() => typeof Blob.prototype.arrayBuffer === "function" && typeof TextDecoder === "function")).toBe(true);
    expect(await page.locator("#summary .summary-text").innerText()).toBe("尚未插入年报模板");
    await page.screenshot({ path: path.join(OUT, "20-legacy-office2019vl.png") });
    expect(problems).toEqual([]);
  });

  test("inserts the template (built through ExcelApi 1.7) and lists the findings", async () => {
    await page.fill("#agency-input", "某某区人民政府办公室");
    // The fake recalculates the whole template (registers included) on the page's one thread, and
    // the ES5 build is slower still: give the click and the insertion room on a loaded machine.
    await page.click('[data-action="insert-form"]', { timeout: 240_000, noWaitAfter: true });
    await page.waitForSelector(".message-bar.tone-success", { timeout: 240_000 });
    await page.evaluate(() => (window as unknown as { xxgk: { pane: { idle(): Promise<void> } } }).xxgk.pane.idle());
    const template = TEMPLATE_ROLES.map((r) => SHEET_NAMES[r]);
    expect(await page.locator(".message-bar .mb-text").innerText()).toMatch(new RegExp(`^已插入年报模板：${template.join("、")}。`));
    const names = await page.evaluate(() => (window as unknown as { xxgk: { fake: { workbook: { sheetNames(): string[] } } } }).xxgk.fake.workbook.sheetNames());
    expect(names).toEqual(expect.arrayContaining(template));
    expect(await page.locator("#summary .summary-text").innerText()).not.toBe("尚未插入年报模板");
    await page.screenshot({ path: path.join(OUT, "21-legacy-office2019vl-inserted.png") });
    expect(problems).toEqual([]);
  }, 600_000);

  test("导入报告 reads a filled .xlsx (FileReader, the UTF-8 TextDecoder polyfill) and refuses a GBK text file in plain words", async () => {
    const report = sampleReport(5);
    report.meta.year = 2024;
    const xlsx = await fillTemplate(await templateBytes(), report);
    await page.click('[data-action="import"]');
    await page.locator('[data-transfer-step="choose"]').waitFor();
    await page.setInputFiles('[data-transfer="file"]', { name: "填好的年报.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(xlsx) });
    await page.locator('[data-transfer-step="preview"], [data-transfer="error"]').first().waitFor({ timeout: 120_000 });
    expect(await page.locator(".transfer").innerText()).toContain("填好的年报.xlsx");
    expect(await page.locator('[data-transfer-step="preview"]').count()).toBe(1);
    await page.click('[data-action="transfer-back"]');
    await page.locator('[data-transfer-step="choose"]').waitFor();
    await page.setInputFiles('[data-transfer="file"]', { name: "年报.txt", mimeType: "text/plain", buffer: Buffer.from(encodeGb18030(readSeed())) });
    await page.locator('[data-transfer="error"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-transfer="error"]').innerText()).toContain("不能识别 GBK/GB18030 编码的文件");
    expect(problems).toEqual([]);
  }, 300_000);
});
