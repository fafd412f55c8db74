/**
 * The 台账 section end to end in Chromium (the workbench build shared through workbenchSite.ts):
 * rows typed into 申请台账 (the first one and the last one, reached by scrolling the grid) show up
 * in the counts and the 已逾期 list, a click or Enter selects the register row, "按台账填写表三/表四"
 * fills 表三 through the import preview with its own wording (and 撤销 puts it back), and axe stays
 * clean with the section shown. Issue 21: with only the register typed the chip and banner say so,
 * the one LEDGER.MATCH finding counts what the sheet's 台账汇总 counts and opens 按台账填写 by keyboard,
 * the preview shows the numbers, and after the fill the finding is gone and the sheet says ✓.
 */
import { copyFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { buildTemplate } from "../../src/template";
import { appRowKey } from "../../src/ledger";
import { colLetters } from "../../src/template/address";
import { locate, templateDesign, templateLayout } from "../../src/template/layout";
import { SHEET_NAMES } from "../../src/template/messages";
import { PROJECT_ROOT } from "../helpers/paths";
import { serveStatic, type StaticServer } from "./staticServer";
import { workbenchSite } from "./workbenchSite";
import { typeAt as typeCellAt } from "./clerk";

const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
let server: StaticServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const idle = () => page.evaluate(() => (window as unknown as { xxgk: { pane: { idle(): Promise<void> } } }).xxgk.pane.idle());

const typeAt = (sheet: string, address: string, text: string): Promise<void> => typeCellAt(page, sheet, address, text);

/** Scroll the grid until the cell is drawn (the workbench draws long sheets as they scroll). */
async function reveal(address: string): Promise<void> {
  for (let i = 0; i < 20 && !(await page.locator(`td[data-address="${address}"]`).count()); i++) {
    await page.evaluate(() => {
      const s = document.querySelector<HTMLElement>(".grid-scroller")!;
      s.scrollTop = s.scrollHeight;
      s.dispatchEvent(new Event("scroll"));
    });
  }
}

/** Type one 申请台账 row (sheet row `row`), column by column as the template lays them out. */
async function typeRow(row: number, values: (string | null)[]): Promise<void> {
  const g = templateLayout().registers.apps;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const address = `${colLetters(g.firstCol + i)}${row}`;
    await page.click(`.sheet-tab[data-sheet="${SHEET_NAMES.apps}"]`);
    await reveal(address);
    await typeAt(SHEET_NAMES.apps, address, v);
  }
}

/** axe's serious and critical violations in the pane (axe.min.js added to the page first). */
const seriousViolations = () =>
  page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: string, o: object): Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run("#app", { resultTypes: ["violations"] });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
  });

const selection = () =>
  page.evaluate(() => {
    const m = (window as unknown as { xxgk: { fake: { workbook: { selection: { sheetId: string; rect: { top: number; bottom: number } } | null; sheet(id: string): { name: string } | undefined } } } }).xxgk.fake.workbook;
    return m.selection ? { sheet: m.sheet(m.selection.sheetId)?.name, top: m.selection.rect.top, bottom: m.selection.rect.bottom } : null;
  });

beforeAll(async () => {
  const site = await workbenchSite();
  copyFileSync(path.join(PROJECT_ROOT, "node_modules/axe-core/axe.min.js"), path.join(site, "axe.min.js"));
  server = await serveStatic(site);
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  page.setDefaultTimeout(20_000);
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${server.url}/workbench.html`);
  await page.waitForSelector("#app .summary");
  await idle();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("台账 in the pane", () => {
  test("typed register rows: counts, a 已逾期 row that selects its sheet row, and 表三 filled through the preview", async () => {
    await page.fill("#agency-input", "某某区人民政府办公室");
    const year = Number(await page.locator("#year-select").inputValue());
    await page.click('[data-action="insert-form"]');
    await page.waitForSelector("#app .message-bar.tone-success");
    await idle();
    // The template has the register sheets: the section is there, empty.
    await page.locator(".ledger").waitFor();
    const { firstRow: first, lastRow: last } = templateLayout().registers.apps;
    // An answered application in the first row, and in the last row one received early in the year
    // and never answered (overdue on any day of the year after mid-February).
    await typeRow(first, ["1", `${year}-01-05`, "自然人", "张三", "某项信息", null, "否", `${year}-01-10`, "（一）予以公开"]);
    await typeRow(last, ["2", `${year}-01-06`, "商业企业", "某公司", "另一项信息", null, "否"]);
    const counts = await page.locator(".ledger-counts").innerText();
    expect(counts).toContain("本年收到申请 2 件");
    expect(counts).toContain("本年已答复 1 件");
    expect(counts).toContain("尚未答复 1 件");
    const overdue = page.locator(`.ledger-overdue[data-key="${appRowKey(last)}"]`);
    expect(await overdue.innerText()).toMatch(/已超过 \d+ 个工作日/);

    // Click: the register row is selected (the same select as LEDGER findings).
    await overdue.click();
    const sel = await selection();
    expect(sel).toEqual({ sheet: SHEET_NAMES.apps, top: locate(appRowKey(last))!.rect.top, bottom: locate(appRowKey(last))!.rect.bottom });
    // The grid shows the selected row even when it was never scrolled to.
    await page.click(`.sheet-tab[data-sheet="${SHEET_NAMES.t3}"]`);
    await overdue.click();
    await page.locator(`td[data-address="A${last}"].selected`).waitFor();

    // Keyboard: the list item is the Tab stop; Enter selects too.
    await overdue.focus();
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-key"))).toBe(appRowKey(last));

    // Only the register typed: not 未开始填写, and the banner offers 按台账填写 (issue 21).
    const chip = await page.locator("#summary .summary-text").innerText();
    expect(chip).toMatch(/^台账已登记 2 件，表三尚未按台账填写/);
    expect(chip).not.toContain("未开始填写");
    expect(chip).not.toMatch(/错误 [1-9]/);
    await page.locator('[data-banner="ledgerOnly"] [data-action="banner-ledger-fill"]').waitFor();
    // One finding for 表三, the sheet's 台账汇总 counting the same cells ("✗ 有 N 处").
    const match = page.locator('.findings [data-rule="LEDGER.MATCH"]');
    expect(await match.count()).toBe(1);
    const n = (await match.getAttribute("data-cells"))!.split(" ").length;
    expect(await match.innerText()).toContain(`表三有 ${n} 处与申请台账的统计不一致`);
    expect(await match.innerText()).toContain("·自然人空白，按申请台账应为 1");
    const summaryCell = templateDesign().apps.computed.filter((c) => c.style === "check").find((c) => c.col === templateDesign().apps.tally!["T3.R01.C1"]!.col)!;
    const tally = async () => {
      await page.click(`.sheet-tab[data-sheet="${SHEET_NAMES.apps}"]`);
      return page.locator(`td[data-address="${colLetters(summaryCell.col)}${summaryCell.row}"]`).innerText();
    };
    expect(await tally()).toBe(`✗ 有 ${n} 处与台账不一致`);

    // The finding's own fix, by keyboard: the next stop after the finding, Enter opens the preview.
    await match.focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-action"))).toBe("finding-ledger-fill");
    await page.keyboard.press("Enter");
    await page.locator('[data-transfer-step="preview"]').waitFor();
    expect(await page.locator("#transfer-title").innerText()).toContain("按台账填写预览");
    const t3Cell = async (key: string) => {
      const l = locate(key)!;
      await page.click(`.sheet-tab[data-sheet="${SHEET_NAMES[l.role]}"]`);
      return page.locator(`td[data-address="${l.address}"]`).innerText();
    };
    expect(await t3Cell("T3.R01.C1")).toBe("");
    expect(await page.locator('[data-transfer="summary"]').innerText()).toMatch(/^将填入 \d+ 个空白单元格/);
    // The numbers, not a count: 表三 as it will be, each change now → after, within the 320 px pane.
    const numbers = page.locator('[data-transfer="ledger-numbers"][data-table="3"]');
    const row = (key: string) => numbers.locator(`tr[data-key="${key}"]`);
    expect(await row("T3.R01.C1").locator("th").innerText()).toBe("本年新收·自然人");
    expect(await row("T3.R01.C1").locator(".ln-before").innerText()).toBe("空白");
    expect(await row("T3.R01.C1").locator(".ln-after mark").innerText()).toBe("1");
    expect(await row("T3.R25.C2").locator(".ln-after mark").innerText()).toBe("1");
    expect(await row("T3.R01.C7").locator(".ln-after").innerText()).toContain("2");
    expect(await page.locator('[data-transfer="zero-fills"]').innerText()).toMatch(/^其余 \d+ 个空白单元格填 0/);
    expect(await numbers.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    expect(await numbers.getAttribute("tabindex")).toBe("0");
    // axe with the numbers shown (a scrollable region that takes focus, a captioned table).
    await page.addScriptTag({ url: `${server.url}/axe.min.js` });
    expect(await seriousViolations()).toEqual([]);
    expect(await page.locator('[data-action="transfer-confirm"]').innerText()).toBe("确认填写");
    await page.click('[data-action="transfer-confirm"]');
    await page.locator('#app .message-bar.tone-success [data-notice-action="undo"]').filter({ hasText: "撤销填写" }).waitFor();
    expect(await page.locator("#app .message-bar.tone-success").innerText()).toMatch(/已按台账填写 \d+ 个单元格/);
    await idle();
    // Findings clear, and the sheet agrees.
    expect(await page.locator('.findings [data-rule="LEDGER.MATCH"]').count()).toBe(0);
    expect(await tally()).toBe("✓ 与台账一致");
    expect(await t3Cell("T3.R01.C1")).toBe("1");
    expect(await t3Cell("T3.R01.C2")).toBe("1");
    expect(await t3Cell("T3.R03.C1")).toBe("1");
    // The open one is carried into next year (四、结转下年度继续办理), under 商业企业.
    expect(await t3Cell("T3.R25.C2")).toBe("1");

    // axe: the section with its lists is clean.
    expect(await seriousViolations()).toEqual([]);

    // 撤销 puts 表三 back.
    await page.click('[data-notice-action="undo"]');
    await page.locator("#app .message-bar.tone-success").filter({ hasText: "恢复为按台账填写前的内容" }).waitFor();
    await idle();
    expect(await t3Cell("T3.R01.C1")).toBe("");
    expect(problems).toEqual([]);
  }, 180_000);

  test("从上年报告结转 from last year's workbook carries its open applications into this year's 申请台账", async () => {
    await page.goto(`${server.url}/workbench.html`);
    await page.waitForSelector("#app .summary");
    await idle();
    await page.fill("#agency-input", "某某区人民政府办公室");
    const year = Number(await page.locator("#year-select").inputValue());
    await page.click('[data-action="insert-form"]');
    await page.waitForSelector("#app .message-bar.tone-success");
    await idle();

    // Last year's workbook: one application answered in its year, two still open at its end.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildTemplate({ year: year - 1, agency: "某某区人民政府办公室" })).buffer as ArrayBuffer);
    const apps = wb.getWorksheet(SHEET_NAMES.apps)!;
    const { firstRow: first } = templateLayout().registers.apps;
    const day = (m: number, d: number) => new Date(Date.UTC(year - 1, m - 1, d));
    const rows: (string | Date | null)[][] = [
      ["1", day(3, 1), "自然人", "张三", "某信息", null, "否", day(3, 8), "（一）予以公开"],
      ["2", day(12, 20), "商业企业", "某公司", "另一信息", null, "否", null, null],
      ["3", day(12, 27), "其他", "某协会", "第三项", null, "是", null, null],
    ];
    rows.forEach((r, i) => r.forEach((v, j) => v !== null && (apps.getCell(first + i, j + 1).value = v)));
    for (const [key, v] of [["T3.R25.C2", 1], ["T3.R25.C6", 1]] as const) wb.getWorksheet(SHEET_NAMES.t3)!.getCell(locate(key)!.address).value = v;
    const file = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);

    await page.click('[data-action="roll-forward"]');
    await page.locator('[data-transfer-step="choose"]').waitFor();
    await page.setInputFiles('[data-transfer="file"]', { name: `${year - 1}年度.xlsx`, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: file });
    await page.locator('[data-transfer-step="preview"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-transfer="register-carry"]').innerText()).toBe(
      `2 件在上年年底尚未办结，将转入本年申请台账第 ${first}–${first + 1} 行（计入表三“上年结转”，并继续计算答复期限）。`,
    );
    await page.click('[data-action="transfer-confirm"]');
    await page.locator("#app .message-bar.tone-success").filter({ hasText: "上年未办结的 2 件申请已转入申请台账" }).waitFor();
    await idle();
    // In the sheet, as dates and list values; counted as 上年结转 with no mismatch.
    await page.click(`.sheet-tab[data-sheet="${SHEET_NAMES.apps}"]`);
    expect(await page.locator(`td[data-address="A${first}"]`).innerText()).toBe("2");
    expect(await page.locator(`td[data-address="B${first + 1}"]`).innerText()).toBe(`${year - 1}/12/27`);
    expect(await page.locator(`td[data-address="C${first + 1}"]`).innerText()).toBe("其他");
    // 二、上年结转 agrees with the register; what is left to fill is this year's 四、结转下年度 (2 open).
    const match = await page.locator('.findings [data-rule="LEDGER.MATCH"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-cells")));
    expect(match).toEqual(["T3.R25.C2 T3.R25.C6 T3.R25.C7"]);
    expect(await page.locator(".ledger-counts").innerText()).toContain("尚未答复 2 件");
    expect(problems).toEqual([]);
  }, 180_000);
});
