/**
 * LibreOffice (headless, private profile) opens the template and filled copies: converts them to
 * PDF (pdftotext shows every label and the values, computed totals and check results), and to a
 * recalculated .xlsx that readWorkbook reads back into the same report. Nothing is skipped: a
 * missing soffice or pdftotext fails with a clear message.
 */
import { formatLabels } from "../../src/report";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { checkReport, sumRules } from "../../src/report";
import { templateDesign, templateLayout } from "../../src/template/layout";
import { readWorkbook } from "../../src/template/read";
import { outputDir } from "../helpers/paths";
import { sampleReport } from "../support/reports";
import { cellsOfReport, dropResults, fillTemplate, loadXlsx, saveXlsx, templateBytes, withComputedTotals } from "./support";

const OUT = outputDir("template-libreoffice");
const PROFILE = mkdtempSync(path.join(tmpdir(), "xxgk-lo-template-"));

function need(tool: string): void {
  const r = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" });
  if (r.status !== 0) {
    throw new Error(`${tool} 未安装：本测试需要 LibreOffice（soffice）和 poppler-utils（pdftotext），例如 apt-get install libreoffice-calc poppler-utils。`);
  }
}

function convert(file: string, to: string, outDir: string): string {
  const r = spawnSync(
    "soffice",
    [`-env:UserInstallation=file://${PROFILE}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", to, "--outdir", outDir, file],
    { encoding: "utf8", timeout: 180_000 },
  );
  const ext = to.split(":")[0]!;
  const out = path.join(outDir, `${path.basename(file, path.extname(file))}.${ext}`);
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  readFileSync(out); // throws if LibreOffice wrote nothing
  return out;
}

function pdfText(pdf: string): string {
  const r = spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, "");

beforeAll(() => {
  need("soffice");
  need("pdftotext");
});

afterAll(() => rmSync(PROFILE, { recursive: true, force: true }));


test("the blank template opens in LibreOffice; the PDF shows every label of the format and ✓ checks", () => {
  return (async () => {
    const file = path.join(OUT, "template.xlsx");
    // Without cached results LibreOffice must evaluate every formula itself.
    const wb = await loadXlsx(await templateBytes());
    dropResults(wb);
    writeFileSync(file, await saveXlsx(wb));
    const text = squeeze(pdfText(convert(file, "pdf", OUT)));
    const missing = formatLabels().filter((l) => !text.includes(squeeze(l)));
    expect(missing).toEqual([]);
    expect(text).toContain("✓全部相符");
    expect(text).not.toContain("#NAME");
    expect(text).not.toContain("Err:");
  })();
});

test("a filled copy: PDF shows agency, values, LibreOffice-computed totals; recalculated .xlsx reads back to the same report", async () => {
  const report = sampleReport(7);
  report.meta.agency = "某某县人民政府办公室";
  report.meta.year = 2023;
  report.meta.contact = "0000-1234567";
  const bytes = await fillTemplate(await templateBytes(), report);
  const file = path.join(OUT, "filled.xlsx");
  writeFileSync(file, bytes);

  const text = squeeze(pdfText(convert(file, "pdf", OUT)));
  expect(text).toContain("某某县人民政府办公室");
  expect(text).toContain("某某县人民政府办公室2023年政府信息公开工作年度报告");
  expect(text).toContain(squeeze(report.sections.S5!.text));
  const grand = String(report.cells["T3.R24.C7"]);
  expect(text).toContain(grand);
  expect(text).toContain("✓全部相符");
  expect(text).not.toContain("✗差");
  expect(text).not.toContain("处勾稽关系不符");
  expect(text).not.toContain("个单元格不是有效数字");

  const recalcDir = mkdtempSync(path.join(OUT, "recalc-"));
  const again = convert(file, "xlsx:Calc MS Excel 2007 XML", recalcDir);
  const back = await readWorkbook(new Uint8Array(readFileSync(again)));
  expect(back.report).not.toBeNull();
  expect(back.findings.filter((f) => f.severity !== "info")).toEqual([]);
  expect(cellsOfReport(back.report!)).toEqual(cellsOfReport(report));
  expect(back.report!.meta).toEqual({ ...report.meta, title: "某某县人民政府办公室2023年政府信息公开工作年度报告" });
  for (const k of ["S1", "S5", "S6"] as const) expect(back.report!.sections[k]!.text).toBe(report.sections[k]!.text);
  expect(back.report!.opening).toBe(report.opening);
});

test("LibreOffice evaluates the check formulas as checkReport judges: ✗ 差 n where totals were typed wrong", async () => {
  const report = withComputedTotals(sampleReport(3));
  // A clerk typed over two totals and put text into an input.
  report.cells["T3.R24.C2"] = (report.cells["T3.R24.C2"] as number) + 2;
  report.cells["T4.C05"] = (report.cells["T4.C05"] as number) + 1;
  report.cells["T3.R10.C4"] = "无";
  report.cells["T3.R12.C3"] = "5件";
  const bytes = await fillTemplate(await templateBytes(), report, { overrideTotals: true });
  const file = path.join(OUT, "inconsistent.xlsx");
  writeFileSync(file, bytes);
  const recalcDir = mkdtempSync(path.join(OUT, "recalc-"));
  const recalculated = new Uint8Array(readFileSync(convert(file, "xlsx:Calc MS Excel 2007 XML", recalcDir)));
  const back = await readWorkbook(recalculated);
  const findings = checkReport(back.report!);

  const wb: ExcelJS.Workbook = await loadXlsx(recalculated);
  const design = templateDesign();
  const rules = sumRules("2021");
  let fails = 0;
  for (const check of [...design.t3.checks, ...design.t4.checks]) {
    const rule = rules[check.ruleIndex]!;
    const ws = wb.getWorksheet(rule.table === 3 ? "表三" : "表四")!;
    const v = ws.getCell(check.rect.top, check.rect.left).value as { result?: unknown };
    const shown = String(v.result ?? "");
    const terms = [...rule.parts, ...rule.total].map((t) => t.key);
    const f = findings.find((x) => x.rule === rule.id && terms.every((k) => x.cells.includes(k)) && x.cells.length === terms.length);
    if (f) {
      fails++;
      expect(shown).toBe(`✗ 差 ${Math.abs(f.expected! - f.actual!)}`);
    } else {
      expect(["✓", "？"]).toContain(shown.charAt(0));
    }
  }
  expect(fails).toBeGreaterThanOrEqual(3);
  const summary = wb.getWorksheet("表三")!.getCell(design.t3.summary!.rect.top, design.t3.summary!.rect.left).value as { result?: unknown };
  expect(String(summary.result)).toMatch(/^✗ 有 \d+ 处勾稽关系不符$/);
  expect(templateLayout().cells.get("T3.R12.C3")).toBeDefined();
  expect(findings.some((f) => f.rule === "CELL.TYPE" && f.cells[0] === "T3.R12.C3")).toBe(true);
});
