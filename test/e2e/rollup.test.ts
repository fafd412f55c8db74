/**
 * 汇总多个单位… in a real browser: the workbench (the real pane beside the Excel fake, production
 * build) driven with Chromium. Three files picked at once — a published report, a street office's
 * text, a broken .docx — give the list (two units, one file that cannot be read, with its reason);
 * 写入 puts the totals into 表三 and adds 单位一览; 撤销汇总 takes both away again.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { importReport } from "../../src/import";
import { locate } from "../../src/template/layout";
import { FIXTURES, outputDir } from "../helpers/paths";
import { paneIdle } from "./clerk";
import { serveStatic, type StaticServer } from "./staticServer";
import { workbenchSite } from "./workbenchSite";

const OUT = outputDir("e2e");
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const PINGTAN = readFileSync(path.join(FIXTURES, "real", "2024-pingtan-zonghe-shiyanqu.html"), "utf8");
const STREET = readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8").replaceAll("2023", "2024");
const FILES = [
  { name: "平潭综合实验区.html", mimeType: "text/html", buffer: Buffer.from(PINGTAN) },
  { name: "前进街道.txt", mimeType: "text/plain", buffer: Buffer.from(STREET) },
  { name: "财政局.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.from("PK\x03\x04 not a Word file") },
];

let server: StaticServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

function cellValue(key: string): Promise<unknown> {
  const loc = locate(key)!;
  return page.evaluate(
    ({ row, col }) => {
      const m = (window as unknown as { xxgk: { fake: { workbook: { sheet(n: string): unknown; value(s: unknown, r: number, c: number): unknown } } } }).xxgk.fake.workbook;
      return m.value(m.sheet("表三"), row, col);
    },
    { row: loc.rect.top, col: loc.rect.left },
  );
}

const sheetNames = () => page.evaluate(() => (window as unknown as { xxgk: { fake: { workbook: { sheetNames(): string[] } } } }).xxgk.fake.workbook.sheetNames());

beforeAll(async () => {
  const site = await workbenchSite();
  server = await serveStatic(site);
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("console", (m) => {
    if (m.type() === "error" || /Content Security Policy|Refused to/.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${server.url}/workbench.html`);
  await page.waitForSelector("#app .summary");
  await paneIdle(page);
  await page.fill("#agency-input", "某某县人民政府办公室");
  await page.selectOption("#year-select", "2024");
  await page.click('[data-action="insert-form"]');
  await page.waitForSelector("#app .message-bar.tone-success", { timeout: 120_000 });
  await paneIdle(page);
}, 1_500_000); // the production build, on a shared machine

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("three files, one unreadable: the list, the totals written into 表三 with 单位一览, 撤销", async () => {
  await page.locator('[data-action="rollup"]').click();
  await page.locator('[data-rollup-step="choose"]').waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("rollup-title");
  // Chromium can pick a folder: the second button is there.
  expect(await page.locator('[data-action="rollup-folder"]').count()).toBe(1);
  expect(await page.locator('[data-rollup="year"]').inputValue()).toBe("2024");
  await page.setInputFiles('[data-rollup="files"]', FILES);
  await page.locator('[data-rollup-step="list"]').waitFor({ timeout: 120_000 });

  const rows = page.locator('[data-rollup="units"] tbody tr');
  expect(await rows.count()).toBe(2);
  expect(await page.locator('[data-rollup="units"] tbody tr[data-unit="平潭综合实验区"]').getAttribute("data-verdict")).toMatch(/通过|有错误/);
  expect(await page.locator('[data-rollup="units"] tbody th').allInnerTexts()).toEqual(expect.arrayContaining(["平潭综合实验区", "三门峡市湖滨区前进街道办事处"]));
  const unreadable = await page.locator('[data-rollup="unreadable"]').innerText();
  expect(unreadable).toContain("财政局.docx：");
  expect(await page.locator('[data-rollup="head"]').innerText()).toBe("2024 年度 · 未用名单 · 文件 3 份");
  expect(await page.locator('[data-rollup="sheets"]').innerText()).toContain("新建工作表“单位一览”。");
  await page.screenshot({ path: path.join(OUT, "30-rollup-list.png"), fullPage: true });

  await page.locator('[data-action="rollup-confirm"]').click();
  await page.locator("#app .message-bar.tone-success").filter({ hasText: "已写入" }).waitFor({ timeout: 120_000 });
  await paneIdle(page);
  // 表三's first input cell: the independent sum of the two readable reports.
  let expected = 0;
  for (const f of FILES.slice(0, 2)) expected += Number((await importReport({ name: f.name, data: f.buffer.toString("utf8") })).report.cells["T3.R01.C1"] ?? 0);
  expect(await cellValue("T3.R01.C1")).toBe(expected);
  expect(await sheetNames()).toContain("单位一览");
  expect(await page.locator('.sheet-tab[data-sheet="单位一览"]').count()).toBe(1);

  await page.locator('[data-notice-action="rollup-undo"]').click();
  await page.locator("#app .message-bar.tone-success").filter({ hasText: "已撤销汇总" }).waitFor({ timeout: 60_000 });
  await paneIdle(page);
  expect(await cellValue("T3.R01.C1")).toBe("");
  expect(await sheetNames()).not.toContain("单位一览");
  expect(problems).toEqual([]);
}, 300_000);
