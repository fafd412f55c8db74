/**
 * The in-sheet 台账汇总 against the CLI: a template with filled registers (random rows around the
 * year, some of other years, some unreadable) is recalculated by LibreOffice headless; its
 * summary block must hold the matrices `xxgk-report ledger` prints for the same file, its checks
 * must name the one 表三 cell typed wrong, and the deadline column must follow the calendar.
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { buildTemplate } from "../../src/template";
import { templateDesign, templateLayout } from "../../src/template/layout";
import { readWorkbook } from "../../src/template/read";
import { checkReport } from "../../src/report";
import { APPLICANT_TYPES, CASE_KINDS, CASE_RESULTS, OUTCOMES, ledgerRule, dayOfIso } from "../../src/ledger";
import { REGISTER_LABELS } from "../../src/template/messages";
import { PROJECT_ROOT, outputDir } from "../helpers/paths";
import { HAND_CASES, handCaseRow } from "./deadlineCases";
import { arbApplication } from "./support";

const run = promisify(execFile);
const OUT = outputDir("ledger-libreoffice");
const PROFILE = mkdtempSync(path.join(tmpdir(), "xxgk-lo-ledger-"));
const Y = 2025;
/** A profile whose LibreOffice recalculates every .xlsx on load (Tools › Options › Formula › Always recalculate). */
const HARD_PROFILE = mkdtempSync(path.join(tmpdir(), "xxgk-lo-hard-"));
mkdirSync(path.join(HARD_PROFILE, "user"), { recursive: true });
writeFileSync(
  path.join(HARD_PROFILE, "user", "registrymodifications.xcu"),
  `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
);
afterAll(() => {
  rmSync(PROFILE, { recursive: true, force: true });
  rmSync(HARD_PROFILE, { recursive: true, force: true });
});

function convert(file: string, outDir: string, profile = PROFILE): string {
  const r = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--nolockcheck", "--convert-to", "xlsx", "--outdir", outDir, file], {
    encoding: "utf8",
    timeout: 300_000,
  });
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  return path.join(outDir, path.basename(file));
}

const date = (day: number) => new Date(day * 86400000);
/** A formula's cached result; ExcelJS leaves out a cached 0 (see src/template/assemble.ts). */
const result = (c: ExcelJS.Cell): unknown => {
  const v = c.value as unknown;
  if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) return (v as { result?: unknown }).result ?? 0;
  return v;
};

test("LibreOffice recalculates the 台账汇总 to the matrices the CLI prints; the checks name the wrong cell", async () => {
  const rows = fc.sample(arbApplication(Y), { numRuns: 80, seed: 11 });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildTemplate({ year: Y, agency: "测试局" })).buffer as ArrayBuffer);
  const apps = wb.getWorksheet("申请台账")!;
  const reg = templateLayout().registers.apps;
  rows.forEach((a, i) => {
    const r = reg.firstRow + i;
    apps.getCell(r, 1).value = `2025-${i + 1}`;
    apps.getCell(r, 2).value = date(a.received!);
    apps.getCell(r, 3).value = APPLICANT_TYPES.find((t) => t.code === a.applicantType)!.label;
    apps.getCell(r, 4).value = `申请人甲${i}`;
    apps.getCell(r, 7).value = a.extended ? "是" : "否";
    if (a.answered !== null) {
      apps.getCell(r, 8).value = date(a.answered);
      apps.getCell(r, 9).value = OUTCOMES.find((o) => o.code === a.outcome)!.label;
    }
  });
  // One unreadable row (not counted by either) and the example of the issue (due 2025-11-03).
  const bad = reg.firstRow + rows.length;
  apps.getCell(bad, 2).value = date(dayOfIso("2025-05-01"));
  apps.getCell(bad, 3).value = "外籍人士";
  const example = bad + 1;
  apps.getCell(example, 2).value = date(dayOfIso("2025-09-29"));
  apps.getCell(example, 3).value = "自然人";
  // The hand-worked deadlines (deadlineCases.ts), written by column title.
  const colOf = (title: string) => reg.columns.findIndex((c) => c.title === title) + reg.firstCol;
  const hand = example + 1;
  HAND_CASES.forEach((c, i) => {
    for (const [title, v] of handCaseRow(c, i)) apps.getCell(hand + i, colOf(title)).value = v !== null && typeof v === "object" ? date(v.day) : v;
  });
  const cases = wb.getWorksheet("复议诉讼台账")!;
  const caseRows = fc.sample(fc.record({ kind: fc.nat(2), result: fc.option(fc.nat(3), { nil: null }), day: fc.integer({ min: dayOfIso("2024-10-01"), max: dayOfIso("2026-02-01") }) }), { numRuns: 25, seed: 5 });
  caseRows.forEach((c, i) => {
    const r = templateLayout().registers.cases.firstRow + i;
    cases.getCell(r, 1).value = `F${i}`;
    cases.getCell(r, 2).value = CASE_KINDS[c.kind]!.label;
    cases.getCell(r, 3).value = date(c.day);
    if (c.result !== null) cases.getCell(r, 4).value = CASE_RESULTS[c.result]!.label;
  });
  // Drop the cached results so that LibreOffice must compute every formula.
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((cell) => {
    const v = cell.value as { formula?: string; sharedFormula?: string } | null;
    if (v && typeof v === "object" && typeof v.formula === "string") cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
    else if (v && typeof v === "object" && typeof v.sharedFormula === "string") cell.value = { sharedFormula: v.sharedFormula } as ExcelJS.CellSharedFormulaValue;
  }));
  const file = path.join(OUT, "filled.xlsx");
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));

  const cli = await run(process.execPath, [path.join(PROJECT_ROOT, "bin", "xxgk-report.js"), "ledger", file, "--year", String(Y), "--json"], { cwd: PROJECT_ROOT, maxBuffer: 64 << 20 }).catch((e: { stdout: string }) => e);
  const printed = JSON.parse(cli.stdout) as { cells: Record<string, number> };

  // Fill 表三 and 表四 with the CLI's numbers, one 表三 cell off by one, and recalculate.
  const t3 = wb.getWorksheet("表三")!;
  const t4 = wb.getWorksheet("表四")!;
  const layout = templateLayout();
  for (const [key, n] of Object.entries(printed.cells)) {
    const loc = layout.cells.get(key)!;
    if (loc.computed) continue;
    (key.startsWith("T3.") ? t3 : t4).getCell(loc.row, loc.col).value = key === "T3.R03.C1" ? n + 1 : n;
  }
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const outDir = mkdtempSync(path.join(OUT, "lo-"));
  const recalculated = convert(file, outDir);

  const back = new ExcelJS.Workbook();
  await back.xlsx.load(readFileSync(recalculated).buffer as ArrayBuffer);
  const tally = { ...templateDesign().apps.tally, ...templateDesign().cases.tally };
  const inSheet: Record<string, unknown> = {};
  for (const [key, at] of Object.entries(tally)) inSheet[key] = result(back.getWorksheet(key.startsWith("T3.") ? "申请台账" : "复议诉讼台账")!.getCell(at.row, at.col));
  expect(inSheet).toEqual(printed.cells);
  expect(Object.values(printed.cells).some((n) => n > 0)).toBe(true);

  // The checks: exactly the cell typed wrong, and the summary says so.
  const appsBack = back.getWorksheet("申请台账")!;
  const checkTexts = templateDesign().apps.computed.filter((c) => c.style === "check").map((c) => String(result(appsBack.getCell(c.row, c.col))));
  // 表三 R03 自然人 is one too many; the totals over it (formulas: R03 总计, （七）总计) follow.
  expect(checkTexts.filter((t) => t.startsWith("✗")).sort()).toEqual(["✗ 差 1", "✗ 差 1", "✗ 差 1", "✗ 差 1", "✗ 有 4 处与台账不一致"]);
  const casesBack = back.getWorksheet("复议诉讼台账")!;
  expect(templateDesign().cases.computed.filter((c) => c.style === "check").map((c) => String(result(casesBack.getCell(c.row, c.col))))).toContain("✓ 与台账一致");

  // The deadline column: 2025-09-29 → 2025-11-03, and every hand-worked case.
  const design = templateDesign().apps;
  const dueCol = design.computed.find((c) => c.style === "date")!.col;
  const statusCol = design.computed.find((c) => c.style === "status")!.col;
  const dueAt = (row: number) => {
    const v = result(appsBack.getCell(row, dueCol));
    // A blank result reads back as 0 (see `result`): no date.
    return v instanceof Date ? v.toISOString().slice(0, 10) : v === "" || v === 0 ? null : v;
  };
  expect(dueAt(example)).toBe("2025-11-03");
  expect(HAND_CASES.map((c, i) => [c.name, dueAt(hand + i)])).toEqual(HAND_CASES.map((c) => [c.name, c.due]));
  const awaited = HAND_CASES.findIndex((c) => c.on?.kind === "awaitingCorrection");
  expect(result(appsBack.getCell(hand + awaited, statusCol))).toBe(REGISTER_LABELS.statusText.awaitingCorrection);

  // The add-in's reading of the recalculated file: one LEDGER.MATCH for 表三, on the cells the sheet marks ✗.
  const read = await readWorkbook(new Uint8Array(readFileSync(recalculated)));
  const findings = checkReport(read.report!, { extraRules: [ledgerRule({ today: dayOfIso("2026-03-01") })] });
  const match = findings.filter((f) => f.rule === "LEDGER.MATCH");
  expect(match).toHaveLength(1);
  expect([...match[0]!.cells].sort()).toEqual(["T3.R03.C1", "T3.R03.C7", "T3.R24.C1", "T3.R24.C7"]);
  const counted = printed.cells["T3.R03.C1"]!;
  expect(match[0]!.message.startsWith(`表三有 4 处与申请台账的统计不一致：“（一）予以公开”·自然人为 ${counted + 1}，按申请台账应为 ${counted}（第 `)).toBe(true);
  expect(findings.filter((f) => f.rule === "LEDGER.ROW" && f.severity === "error").map((f) => f.cells)).toEqual([[`LEDGER.APP.${bad}`]]);
}, 600_000);

test("the template opens right in LibreOffice: every cached value is what a hard recalculation gives (统计年度 is the year)", async () => {
  const file = path.join(OUT, "blank.xlsx");
  writeFileSync(file, await buildTemplate({ year: Y, agency: "测试局" }));
  const values = async (profile: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(convert(file, mkdtempSync(path.join(OUT, "open-")), profile)).buffer as ArrayBuffer);
    const out: Record<string, unknown> = {};
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as { formula?: string; sharedFormula?: string } | null;
          if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) out[`${ws.name}!${cell.address}`] = result(cell);
        }),
      );
    }
    return out;
  };
  const opened = await values(PROFILE);
  const recalculated = await values(HARD_PROFILE);
  expect(Object.keys(opened).length).toBeGreaterThan(1000);
  const differ = Object.keys(recalculated).filter((k) => opened[k] !== recalculated[k]).map((k) => `${k}: ${String(opened[k])} ≠ ${String(recalculated[k])}`);
  expect(differ).toEqual([]);
  const yearCell = templateDesign().apps.computed.find((c) => c.blank === "year")!;
  expect(opened[`申请台账!${String.fromCharCode(64 + yearCell.col)}${yearCell.row}`]).toBe(Y);
}, 300_000);
