/**
 * The pane where the old Office webviews lack today's APIs: the production workbench (one build
 * for both, test/e2e/workbenchSite.ts) in Chromium, with everything EdgeHTML 18 or IE11 lacks taken
 * away before any page script runs (test/e2e/webviews.ts) and the page's own CSP on.
 *   EdgeHTML 18: workbench.html (the ES2017 build) as Office 2019 retail (ExcelApi 1.8);
 *   IE11:        workbench-legacy.html (the ES5 build) as Office 2019 volume-licensed (ExcelApi 1.7).
 * Through these: insert the template, type, the findings, a register row counted, 导入报告 from
 * .txt and .xlsx files (a GBK file refused in words; a PDF refused with the forms to use instead, pdf.js never
 * fetched: neither engine has module workers), 导出 Word and PDF, with no script error and no CSP violation.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { colLetters } from "../../src/template/address";
import { locate, templateLayout } from "../../src/template/layout";
import { SHEET_NAMES } from "../../src/template/messages";
import { TEMPLATE_ROLES } from "../../src/template/roles";
import { FIXTURES, outputDir } from "../helpers/paths";
import { encodeGb18030, readSeed } from "../import/support/layout";
import { sampleReport } from "../support/reports";
import { fillTemplate, templateBytes } from "../template/support";
import { serveStatic, type StaticServer } from "./staticServer";
import { kept, simulate, WEBVIEWS } from "./webviews";
import { workbenchSite } from "./workbenchSite";
import { typeAt as typeCellAt } from "./clerk";
import { TRANSFER_STRINGS } from "../../src/pane/transferStrings";

const OUT = outputDir("e2e");
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
/** The machine is small and shared, and the fake recalculates the template on the page's thread. */
const SLOW = 300_000;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(await workbenchSite());
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}, 1_200_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(WEBVIEWS.map((w) => [w.id, w] as const))("%s", (id, webview) => {
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];
  const idle = () => page.evaluate(() => (window as unknown as { xxgk: { pane: { idle(): Promise<void> } } }).xxgk.pane.idle());

  const typeAt = (sheet: string, address: string, text: string): Promise<void> => typeCellAt(page, sheet, address, text);

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
    page.setDefaultTimeout(120_000);
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" || /Content Security Policy|Refused to/.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on("request", (r) => requests.push(r.url()));
    await simulate(page, webview);
    await page.goto(`${server.url}/${webview.page}`);
    await page.waitForSelector("#app .summary", { timeout: 120_000 });
    await idle();
  }, SLOW);

  afterAll(() => page?.close());

  test("loads with every missing API taken away, from its own bundle, without errors", async () => {
    expect(await kept(page)).toEqual([]);
    const scripts = requests.filter((u) => u.endsWith(".js")).map((u) => u.slice(server.url.length + 1));
    expect(scripts.every((s) => s.startsWith("legacy"))).toBe(id === "ie11");
    // EdgeHTML fails the gate (webview-gate.js) and gets the polyfills before the pane's bundle.
    if (id === "edgehtml18") expect(scripts).toEqual(expect.arrayContaining(["webview-gate.js", "edge-runtime.js"]));
    // The page's CSP is on (a meta element: the static server sends no header).
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toContain("script-src 'self'");
    expect(await page.locator("#summary .summary-text").innerText()).toBe("尚未插入年报模板");
    expect(problems).toEqual([]);
  });

  test("inserts the template, and typing brings and clears a finding", async () => {
    await page.fill("#agency-input", "某某区人民政府办公室");
    await page.click('[data-action="insert-form"]', { timeout: SLOW, noWaitAfter: true });
    await page.waitForSelector("#app .message-bar.tone-success", { timeout: SLOW });
    await idle();
    const template = TEMPLATE_ROLES.map((r) => SHEET_NAMES[r]);
    expect(await page.locator("#app .message-bar .mb-text").innerText()).toMatch(new RegExp(`^已插入年报模板：${template.join("、")}。`));
    const t3 = locate("T3.R01.C1")!;
    await typeAt(SHEET_NAMES.t3, t3.address, "5");
    await page.locator('[data-rule="T3.BALANCE"]').first().waitFor();
    await typeAt(SHEET_NAMES.t3, locate("T3.R25.C1")!.address, "5");
    expect(await page.locator('[data-rule="T3.BALANCE"]').count()).toBe(0);
    await page.screenshot({ path: path.join(OUT, `30-${id}-typed.png`) });
    expect(problems).toEqual([]);
  }, SLOW * 2);

  test("a typed 申请台账 row is counted (dates read through NFKC)", async () => {
    const year = Number(await page.locator("#report-title").innerText().then((t) => /(\d{4})\s年度/.exec(t)?.[1]));
    expect(Number.isInteger(year)).toBe(true);
    const g = templateLayout().registers.apps;
    // Full-width digits in the date: NFKC (String.prototype.normalize, a table on IE11) folds them.
    const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const row = ["1", fullWidth(`${year}-01-05`), "自然人", "张三", "某项信息", null, "否", `${year}-01-10`, "（一）予以公开"];
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (v === null || v === undefined) continue;
      await typeAt(SHEET_NAMES.apps, `${colLetters(g.firstCol + i)}${g.firstRow}`, v);
    }
    const counts = await page.locator(".ledger-counts").innerText();
    expect(counts).toContain("本年收到申请 1 件");
    expect(counts).toContain("本年已答复 1 件");
    expect(problems).toEqual([]);
  }, SLOW);

  test("导入报告 reads a UTF-8 .txt and a filled .xlsx into a preview", async () => {
    await page.click('[data-action="import"]');
    await page.locator('[data-transfer-step="choose"]').waitFor();
    const txt = readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"));
    await page.setInputFiles('[data-transfer="file"]', { name: "上年年报.txt", mimeType: "text/plain", buffer: txt });
    await page.locator('[data-transfer-step="preview"], [data-transfer="error"]').first().waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-transfer="error"]').count()).toBe(0);
    expect(await page.locator('[data-transfer="summary"]').innerText()).toMatch(/将填入 \d+ 个空白单元格/);
    await page.click('[data-action="transfer-back"]');
    await page.locator('[data-transfer-step="choose"]').waitFor();

    const report = sampleReport(5);
    const xlsx = await fillTemplate(await templateBytes(), report);
    await page.setInputFiles('[data-transfer="file"]', { name: "填好的年报.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(xlsx) });
    await page.locator('[data-transfer-step="preview"], [data-transfer="error"]').first().waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-transfer="error"]').count()).toBe(0);
    expect(await page.locator(".transfer").innerText()).toContain("填好的年报.xlsx");

    // Without a native TextDecoder only UTF-8 can be decoded: GBK is refused in plain words.
    await page.click('[data-action="transfer-back"]');
    await page.setInputFiles('[data-transfer="file"]', { name: "年报.txt", mimeType: "text/plain", buffer: Buffer.from(encodeGb18030(readSeed())) });
    await page.locator('[data-transfer="error"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-transfer="error"]').innerText()).toContain("不能识别 GBK/GB18030 编码的文件");
    await page.click('[data-action="transfer-close"]');
    expect(problems).toEqual([]);
  }, SLOW);

  test("导入报告 of a PDF says which form to import instead: pdf.js (module workers) is never fetched", async () => {
    await page.click('[data-action="import"]');
    await page.locator('[data-transfer-step="choose"]').waitFor();
    expect(await page.locator('[data-transfer="file"]').getAttribute("accept")).toContain(".pdf");
    const pdf = readFileSync(path.join(FIXTURES, "pdf", "2024-pingtan.export-libreoffice.pdf"));
    await page.setInputFiles('[data-transfer="file"]', { name: "年报.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.locator('[data-transfer="error"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-transfer="error"] .error-text').innerText()).toBe(TRANSFER_STRINGS.pdfUnavailable);
    expect(requests.filter((u) => /\/(legacy\.)?pdfjs[./]/.test(u))).toEqual([]);
    // The paste box the message points to is still there.
    expect(await page.locator("#transfer-paste").count()).toBe(1);
    await page.click('[data-action="transfer-close"]');
    expect(problems).toEqual([]);
  }, SLOW);

  for (const [action, ext] of [["export-docx", "docx"], ["export-pdf", "pdf"]] as const) {
    // Both failed here until IE11's URL.createObjectURL was kept and fontkit's "ascii", UTF-16 and
    // Mac Roman decoders were given to both webviews (src/pane/legacyText.ts, legacyDecoders.ts).
    test(`导出 ${ext === "docx" ? "Word" : "PDF"} downloads a .${ext}`, async () => {
      await page.click(`[data-action="${action}"]`);
      // The report has errors (empty sections): the pane asks first.
      const confirm = page.locator("#app .message-bar.tone-warning .btn-link");
      await confirm.waitFor();
      // A failed export says why in the pane's notice, not the console: fail with that text at once.
      const failed = page
        .locator("#app .message-bar.tone-error .mb-text")
        .waitFor({ timeout: 180_000 })
        .then(async () => Promise.reject(new Error(`导出失败：${await page.locator("#app .message-bar.tone-error .mb-text").innerText()}`)));
      failed.catch(() => undefined);
      const [download] = await Promise.all([Promise.race([page.waitForEvent("download", { timeout: 180_000 }), failed]), confirm.click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${ext}$`));
      const file = path.join(OUT, `${id}-${download.suggestedFilename()}`);
      await download.saveAs(file);
      const head = readFileSync(file).subarray(0, 4).toString("latin1");
      expect(head).toBe(ext === "docx" ? "PK\u0003\u0004" : "%PDF");
      // Lazy chunks and fonts come from the page's own folder (publicPath is never "auto").
      expect(requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual([]);
      expect(problems).toEqual([]);
    }, SLOW);
  }
});
