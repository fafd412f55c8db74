/**
 * 表三 prints legibly: landscape, one page wide, and LibreOffice's PDF of the template shows its
 * 10 pt text at ≥ 8 pt (portrait printed it at about 6 pt). Read back by ExcelJS, rendered by
 * LibreOffice, measured by poppler.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FORMATS } from "../../src/report";
import { SHEET_NAMES } from "../../src/template/messages";
import { fontconfigFile, pdfInfo, pdfWords } from "../document/support";
import { outputDir } from "../helpers/paths";
import { loadXlsx, sheetOf, templateBytes } from "./support";

const OUT = outputDir("template-print");

test("表三's page setup: A4 landscape, fit to one page wide, header rows repeated", async () => {
  const ws = sheetOf(await loadXlsx(await templateBytes()), SHEET_NAMES.t3);
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  expect(ws.pageSetup.printTitlesRow).toBe("2:4");
});

test("LibreOffice prints 表三 on landscape pages with its labels at 8 pt or more", async () => {
  const file = path.join(OUT, "template.xlsx");
  writeFileSync(file, await templateBytes());
  const profile = mkdtempSync(path.join(tmpdir(), "xxgk-lo-print-"));
  const r = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", OUT, file], {
    encoding: "utf8",
    timeout: 180_000,
    env: { ...process.env, HOME: OUT, FONTCONFIG_FILE: fontconfigFile(OUT) },
  });
  expect(r.status).toBe(0);
  const pdf = path.join(OUT, "template.pdf");
  const info = pdfInfo(pdf);
  // The pages of 表三: its repeated header (申请人情况) is on each of them and nowhere else.
  const header = FORMATS["2021"].table3.applicantHeader;
  const pages: number[] = [];
  for (let p = 1; p <= info.pages; p++) {
    const text = execFileSync("pdftotext", ["-layout", "-f", String(p), "-l", String(p), pdf, "-"], { encoding: "utf8" });
    if (text.includes(header)) pages.push(p);
  }
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pages.length).toBeLessThanOrEqual(2);
  for (const p of pages) expect(info.sizes[p - 1]).toMatch(/^841\.\d+ x 595\.\d+/);
  // Glyph boxes of the 10 pt labels: their height is the printed size.
  const { words } = pdfWords(pdf);
  const label = words.find((w) => pages.includes(w.page) && w.text.startsWith("一、本年新收"))!;
  expect(label).toBeDefined();
  expect(label.yMax - label.yMin).toBeGreaterThanOrEqual(8);
});
