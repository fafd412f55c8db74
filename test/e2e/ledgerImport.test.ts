/**
 * 导入已有台账 in a real browser: the workbench (the real pane beside the Excel fake, production
 * build) served on 127.0.0.1 and driven with Chromium. A clerk's .xlsx (built with ExcelJS, headers
 * unlike the template's) and a GB18030 CSV are chosen through the file input, a column is mapped
 * in a <select>, the preview shows the rows and the target rows, 确认导入 writes them into the
 * 申请台账 (checked in the grid and the 台账 counts), 撤销导入台账 clears them; Escape cancels.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { templateLayout } from "../../src/template/layout";
import { outputDir } from "../helpers/paths";
import { encodeGb18030 } from "../import/support/layout";
import { serveStatic, type StaticServer } from "./staticServer";
import { workbenchSite } from "./workbenchSite";

const OUT = outputDir("e2e");
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const REG = templateLayout().registers.apps;

let server: StaticServer;
let browser: Browser;
let page: Page;
let year = 0;
const problems: string[] = [];

async function idle(p: Page = page): Promise<void> {
  await p.evaluate(() => (window as unknown as { xxgk: { pane: { idle(): Promise<void> } } }).xxgk.pane.idle());
}

/** Raw values of a 申请台账 row in the fake workbook (what Excel would hold). */
function rowValues(row: number): Promise<unknown[]> {
  return page.evaluate(
    ({ row, width }) => {
      const m = (window as unknown as { xxgk: { fake: { workbook: { sheet(n: string): unknown; value(s: unknown, r: number, c: number): unknown } } } }).xxgk.fake.workbook;
      const ws = m.sheet("申请台账");
      return Array.from({ length: width }, (_, j) => m.value(ws, row, 1 + j));
    },
    { row, width: REG.columns.length },
  );
}

const focusedId = () => page.evaluate(() => document.activeElement?.id ?? "");

async function clerkXlsx(y: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("依申请登记");
  ws.addRow(["某某局依申请公开登记表"]);
  ws.addRow(["登记号", "来件日", "申请人类别", "申请人姓名", "办结日期", "答复类型"]);
  ws.addRow(["A-01", new Date(Date.UTC(y, 2, 5)), "自然人", "张三", new Date(Date.UTC(y, 2, 20)), "予以公开"]);
  ws.addRow(["A-02", `${y}年4月1日`, "外籍人士", "李四", null, null]);
  for (const r of [3, 4]) ws.getCell(`B${r}`).numFmt = "yyyy-mm-dd";
  ws.getCell("E3").numFmt = "yyyy-mm-dd";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

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
  await idle();
  await page.fill("#agency-input", "某某县司法局");
  year = Number(await page.locator("#year-select").inputValue());
  await page.click('[data-action="insert-form"]');
  await page.waitForSelector("#app .message-bar.tone-success", { timeout: 120_000 });
  await idle();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("导入已有台账 (e2e)", () => {
  test("an .xlsx with other headers: map a column, preview, confirm; the rows are in the grid and the counts; 撤销", async () => {
    await page.locator('[data-action="ledger-import"]').click();
    await page.locator('[data-ledger-import="file"]').waitFor();
    expect(await focusedId()).toBe("ledger-import-title");
    await page.setInputFiles("[data-ledger-import-file]", { name: "旧台账.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: await clerkXlsx(year) });
    await page.locator('[data-ledger-import="map"]').waitFor({ timeout: 60_000 });
    expect(await focusedId()).toBe("ledger-import-title");

    // "来件日" is no title the add-in knows: 收到日期 is unmapped, marked, and the confirm disabled.
    const received = page.locator("#li-apps-received");
    expect(await received.inputValue()).toBe("");
    expect(await received.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator('label[for="li-apps-received"]').innerText()).toContain("*");
    expect(await page.locator('[data-action="ledger-import-confirm"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-ledger-import="missing"]').innerText()).toContain("“收到日期”");
    // The options show the header text and a sample value.
    const options = await received.locator("option").allInnerTexts();
    expect(options).toContain(`B 列：来件日（例：${year}-03-05）`);
    await received.focus();
    await received.selectOption({ label: `B 列：来件日（例：${year}-03-05）` });
    await page.locator('[data-action="ledger-import-confirm"]:not([disabled])').waitFor();
    // Focus stayed on the select the clerk used while the preview followed.
    expect(await focusedId()).toBe("li-apps-received");
    expect(await page.locator('[data-ledger-import="count-apps"]').innerText()).toBe(`将追加 2 行到申请台账第 ${REG.firstRow}–${REG.firstRow + 1} 行。`);
    const preview = await page.locator('[data-ledger-import="preview-apps"] tbody tr').first().innerText();
    expect(preview).toContain(`${year}-03-05`);
    expect(preview).toContain("（一）予以公开");
    // 外籍人士 is no applicant type: listed with its source line, written as it is.
    const issues = await page.locator('[data-ledger-import="issues"]').innerText();
    expect(issues).toContain("第 4 行");
    expect(issues).toContain("“外籍人士”");
    await page.screenshot({ path: path.join(OUT, "23-ledger-import-map.png"), fullPage: true });

    await page.locator('[data-action="ledger-import-confirm"]').click();
    const notice = page.locator("#app .message-bar.tone-success");
    await notice.filter({ hasText: "已导入 2 行到申请台账" }).waitFor({ timeout: 60_000 });
    await idle();
    // The source has no column for the layout-2 deadline columns (收到方式 …): they stay blank.
    const blankAfter = Array.from({ length: REG.columns.length - 10 }, () => "");
    expect(await rowValues(REG.firstRow)).toEqual(["A-01", expect.any(Number), "自然人", "张三", "", "", "", expect.any(Number), "（一）予以公开", "", ...blankAfter]);
    expect((await rowValues(REG.firstRow + 1)).slice(0, 4)).toEqual(["A-02", expect.any(Number), "外籍人士", "李四"]);
    // In the grid, as the clerk sees it: the date cell formatted as a date.
    await page.click('.sheet-tab[data-sheet="申请台账"]');
    expect(await page.locator(`td[data-address="B${REG.firstRow}"]`).innerText()).toMatch(new RegExp(`^${year}[-/]0?3[-/]0?5$`));
    expect(await page.locator(`td[data-address="I${REG.firstRow}"]`).innerText()).toBe("（一）予以公开");
    // The 台账 section counts the imported rows (the 外籍人士 row cannot be counted).
    expect(await page.locator(".ledger-counts").innerText()).toContain("本年收到申请 1 件，本年已答复 1 件");
    await page.screenshot({ path: path.join(OUT, "24-ledger-imported.png"), fullPage: true });

    await page.locator('[data-notice-action="ledger-undo"]').click();
    await page.locator("#app .message-bar.tone-success").filter({ hasText: "已撤销导入台账" }).waitFor({ timeout: 60_000 });
    await idle();
    expect((await rowValues(REG.firstRow)).every((v) => v === "" || v === null)).toBe(true);
    expect((await rowValues(REG.firstRow + 1)).every((v) => v === "" || v === null)).toBe(true);
    // An empty register is one line, not zero counts and two empty lists.
    expect(await page.locator(".ledger-empty").innerText()).toContain("还没有记录");
    expect(problems).toEqual([]);
  }, 300_000);

  test("a GB18030 CSV (as Excel saves it) is read; Escape cancels and focus returns to the button", async () => {
    const csv = ["序号,受理日期,申请人类型,申请人,答复日期,办理结果", `1,${year}-05-06,商业企业,某公司,${year}-05-20,不予公开：属于国家秘密`].join("\r\n");
    await page.locator('[data-action="ledger-import"]').click();
    await page.locator('[data-ledger-import="file"]').waitFor();
    await page.setInputFiles("[data-ledger-import-file]", { name: "登记表.csv", mimeType: "text/csv", buffer: Buffer.from(encodeGb18030(csv)) });
    await page.locator('[data-ledger-import="map"]').waitFor({ timeout: 60_000 });
    expect(await page.locator("#li-apps-applicantType").inputValue()).toBe("2");
    const row = await page.locator('[data-ledger-import="preview-apps"] tbody tr').first().innerText();
    expect(row).toContain("商业企业");
    expect(row).toContain("（三）不予公开 1.属于国家秘密");
    expect(await page.locator('[data-action="ledger-import-confirm"]').isDisabled()).toBe(false);
    await page.locator("#li-apps-applicantType").focus();
    await page.keyboard.press("Escape");
    await page.locator("[data-ledger-import]").first().waitFor({ state: "detached" });
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-action"))).toBe("ledger-import");
    // Nothing was written.
    expect((await rowValues(REG.firstRow)).every((v) => v === "" || v === null)).toBe(true);
    expect(problems).toEqual([]);
  }, 300_000);
});
