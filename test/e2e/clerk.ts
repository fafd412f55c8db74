/**
 * What a clerk does in the workbench and what they must see, shared by the e2e files of every host
 * page (Excel profiles in workbench.test.ts, WPS in wps.test.ts): typing into the grid, and the
 * checks of issue 24 — a calm chip after the first number, the edited sheet's findings first, the
 * 台账 card after them, no browser-default buttons, a selected finding's cells in view, an invalid
 * cell drawn red.
 */
import type { Page } from "playwright-core";
import { FORMATS } from "../../src/report";
import { locate } from "../../src/template/layout";
import { SHEET_NAMES } from "../../src/template/messages";
import { CF_STYLES } from "../../src/template/styles";

/** The red of an invalid cell as the template's conditional format sets it, as CSS computes it. */
const INVALID_RGB = (() => {
  const argb = (CF_STYLES.invalid as { fill: { bgColor: { argb: string } } }).fill.bgColor.argb;
  const [r, g, b] = [2, 4, 6].map((i) => parseInt(argb.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
})();
/** 表三's first applicant column (自然人), named in its balance finding. */
const FIRST_APPLICANT = FORMATS["2021"].table3.columns[0]!.label;

/** Wait until the pane has no validation running or scheduled (the debounce included). */
export async function paneIdle(p: Page): Promise<void> {
  await p.evaluate(() => (window as unknown as { xxgk: { pane: { idle(): Promise<void> } } }).xxgk.pane.idle());
}

/** Click a cell of a sheet, scrolled to the middle first as a clerk would (Playwright's own scrolling
 * stops at the edge, under the grid's sticky row numbers and column letters). */
export async function clickCell(p: Page, sheet: string, address: string): Promise<void> {
  await p.click(`.sheet-tab[data-sheet="${sheet}"]`);
  const cell = p.locator(`td[data-address="${address}"]`);
  await cell.evaluate((el) => el.scrollIntoView({ block: "center", inline: "center" }));
  await cell.click();
}

/** Type into the cell at `address` of `sheet` once (no retry), then wait for the pane. */
export async function typeAt(p: Page, sheet: string, address: string, text: string): Promise<void> {
  await clickCell(p, sheet, address);
  await p.fill("#formula-input", text);
  await p.press("#formula-input", "Enter");
  await paneIdle(p);
}

/**
 * Type into a cell of the grid like a clerk: sheet tab, click the cell, type, Enter — then wait on
 * the state, not on time: the cell must show something else than before (a grid redrawn by a
 * validation between the click and the typing takes the keystrokes elsewhere on a loaded machine),
 * else the clerk's gesture is repeated.
 */
export async function typeInto(p: Page, key: string, text: string): Promise<void> {
  const loc = locate(key);
  if (!loc) throw new Error(`no location for ${key}`);
  const cell = p.locator(`td[data-address="${loc.address}"]`);
  for (let attempt = 1; ; attempt++) {
    await p.click(`.sheet-tab[data-sheet="${SHEET_NAMES[loc.role]}"]`);
    await paneIdle(p);
    const before = (await cell.innerText()).trim();
    await typeAt(p, SHEET_NAMES[loc.role], loc.address, text);
    const after = (await cell.innerText()).trim();
    if (after !== before || after === text.trim() || attempt === 3) return;
  }
}

/** The chip's numbers: 错误, 警告 and 待填 (absent parts are 0). */
export async function chipCounts(p: Page): Promise<{ text: string; error: number; warning: number; todo: number }> {
  const text = await p.locator("#summary .summary-text").innerText();
  const n = (label: string) => Number(new RegExp(`${label} (\\d+)`).exec(text)?.[1] ?? 0);
  return { text, error: n("错误"), warning: n("警告"), todo: n("待填") };
}

/** Visible buttons of the pane drawn as the browser's default grey button (no class of ours styles them). */
export function defaultLookingButtons(p: Page): Promise<string[]> {
  return p.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLButtonElement>("#app button"))
      .filter((b) => b.offsetParent !== null)
      .filter((b) => {
        const cs = getComputedStyle(b);
        // Chromium's user-agent button: ButtonFace grey with an outset border.
        return cs.backgroundColor === "rgb(239, 239, 239)" || cs.borderTopStyle === "outset";
      })
      .map((b) => b.textContent?.trim() || b.getAttribute("aria-label") || b.outerHTML.slice(0, 60)),
  );
}

/** Whether the cell of `key` is drawn inside the grid's visible area (below the column letters). */
export function cellInView(p: Page, key: string): Promise<boolean> {
  return p.evaluate(inViewIn, locate(key)!.address);
}

/** Whether the cell at address `a` is inside the grid's scrolled view (runs in the page). */
function inViewIn(a: string): boolean {
  const td = document.querySelector<HTMLElement>(`td[data-address="${a}"]`);
  const scroller = document.querySelector<HTMLElement>(".grid-scroller");
  if (!td || !scroller) return false;
  const view = scroller.getBoundingClientRect();
  const head = scroller.querySelector("thead")?.getBoundingClientRect().height ?? 0;
  const cell = td.getBoundingClientRect();
  return cell.top >= view.top + head - 1 && cell.bottom <= view.top + scroller.clientHeight + 1 && cell.left >= view.left - 1 && cell.right <= view.left + scroller.clientWidth + 1;
}

/**
 * Whether the cell comes into view within `ms`: the grid reveals a new selection on the next
 * animation frame (src/workbench/grid.ts), after the selected cells are drawn, so checking once
 * right after the selection raced it on a loaded machine.
 */
export async function cellComesIntoView(p: Page, key: string, ms = 5_000): Promise<boolean> {
  try {
    await p.waitForFunction(inViewIn, locate(key)!.address, { timeout: ms });
    return true;
  } catch {
    return false;
  }
}

/** Scroll the grid far from the top-left corner, as a clerk working at the bottom of 表三 would. */
export async function scrollGridAway(p: Page): Promise<void> {
  await p.evaluate(() => {
    const s = document.querySelector<HTMLElement>(".grid-scroller")!;
    s.scrollTop = s.scrollHeight;
    s.scrollLeft = s.scrollWidth;
  });
}

/** Addresses of the grid cells drawn as selected. */
export function selectedAddresses(p: Page): Promise<string[]> {
  return p.locator("td.selected").evaluateAll((tds) => tds.map((td) => td.getAttribute("data-address") ?? ""));
}

/** Widths (px) of the visible columns of a sheet as the grid draws them. */
export async function columnWidths(p: Page, sheet: string): Promise<number[]> {
  await p.click(`.sheet-tab[data-sheet="${sheet}"]`);
  return p.locator(".grid colgroup col:not(.rowhead-col)").evaluateAll((cols) => cols.map((c) => Math.round(c.getBoundingClientRect().width)));
}

/**
 * Issue 24 on one host page whose template is inserted and untouched: the first number, then a
 * finding clicked from far away. `multiArea`: the host selects several areas (RangeAreas.select
 * from ExcelApi 1.18, WPS's union address); otherwise the first named area only.
 */
export async function firstNumberAndFinding(p: Page, opts: { multiArea: boolean; picture?: () => Promise<unknown> }): Promise<void> {
  await typeInto(p, "T3.R01.C1", "5");
  // A calm chip: blank cells and empty parts are 待填, the warnings are few and real.
  const chip = await chipCounts(p);
  expect(chip.text).toMatch(/^错误 \d+ · 警告 \d+ · 待填 \d+$/);
  expect(chip.todo).toBeGreaterThan(100);
  expect(chip.warning).toBeLessThan(10);
  // The sheet being edited first; the stale 已插入 notice gone; the 台账 card after the findings.
  expect(await p.locator("#findings .group").first().getAttribute("data-group")).toBe("t3");
  expect(await p.locator("#app .message-bar").count()).toBe(0);
  const ledgerAfter = await p.evaluate(() => {
    const list = document.querySelector(".findings-region");
    const ledger = document.querySelector('[data-region="ledger"]');
    return !!list && !!ledger && (list.compareDocumentPosition(ledger) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  });
  expect(ledgerAfter).toBe(true);
  expect(await p.locator('[data-region="ledger"] .ledger-empty').count()).toBe(1);
  expect(await defaultLookingButtons(p)).toEqual([]);

  // A finding clicked while the grid shows its far corner: the named cells come into view.
  await p.click('.sheet-tab[data-sheet="表三"]');
  await scrollGridAway(p);
  expect(await cellInView(p, "T3.R01.C1")).toBe(false);
  await p.locator('[data-group="t3"] button.item[data-rule="T3.BALANCE"]').filter({ hasText: FIRST_APPLICANT }).first().click();
  await paneIdle(p);
  await p.waitForFunction(() => document.querySelectorAll("td.selected").length > 0);
  expect(await cellComesIntoView(p, "T3.R01.C1")).toBe(true);
  const selected = await selectedAddresses(p);
  expect(selected).toContain(locate("T3.R01.C1")!.address);
  // T3.BALANCE names R01, R02 (one area) and R24, R25 (another).
  if (opts.multiArea) expect(selected).toContain(locate("T3.R25.C1")!.address);
  else expect(selected).not.toContain(locate("T3.R25.C1")!.address);
  // The picture of this moment (README), before the balance is fixed.
  await opts.picture?.();
  await typeInto(p, "T3.R25.C1", "5");

  // As the sheet's own note says: a cell that is not a valid number is drawn red (conditional format).
  const bad = p.locator(`td[data-address="${locate("T3.R05.C2")!.address}"]`);
  await typeInto(p, "T3.R05.C2", "5件");
  expect(await bad.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(INVALID_RGB);
  await typeInto(p, "T3.R05.C2", "");
  expect(await bad.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(INVALID_RGB);
}
