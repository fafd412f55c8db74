/**
 * Registers as clerks keep them (test/fixtures/registers: a GB18030 CSV without an applicant-type
 * column and an .xlsx with a title row, their own headers, everyday words, text dates and a 合计
 * line), through the real bin (`ledger`, `check`) and the import plan:
 *  - an answered application is never "至今未答复", whatever words its 办理结果 is written in;
 *  - everyday words count to the same 表三 as the template's own wording;
 *  - a missing 申请人类型 column is guessed from the names and said once;
 *  - rows not counted are said once, with how many;
 *  - `check` on the workbook the import wrote gives the same deadlines and counts as `ledger`.
 */
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { FIXTURES, PROJECT_ROOT, outputDir } from "../helpers/paths";
import { APP_COLUMNS, REGISTER_SHEETS, findHeader, pickRegisterGrids, planRegisterImport, xlsxGrids, type AppField, type ColumnMapping } from "../../src/ledger";
import { buildTemplate } from "../../src/template";

const run = promisify(execFile);
const BIN = path.join(PROJECT_ROOT, "bin", "xxgk-report.js");
const OUT = outputDir("cli-clerk-register");
const CSV = path.join(FIXTURES, "registers", "clerk-2025.csv");
const XLSX = path.join(FIXTURES, "registers", "clerk-2025.xlsx");

interface Finding {
  rule: string;
  severity: string;
  cells: string[];
  message: string;
}

async function cli(...args: string[]): Promise<{ code: number; json: { cells: Record<string, number>; findings: Finding[] } }> {
  const r = await run(process.execPath, [BIN, ...args, "--json"], { cwd: PROJECT_ROOT, maxBuffer: 64 << 20 }).then(
    (x) => ({ code: 0, stdout: x.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
  return { code: r.code, json: JSON.parse(r.stdout) };
}

/** The CSV fixture's rows in the template's own wording, types as the names say. */
const CANONICAL = [
  APP_COLUMNS.map((c) => c.title).join(","),
  "1,2025-01-06,自然人,张三,x,,否,2025-01-20,（一）予以公开,",
  "2,2025-02-10,商业企业,北京某某科技有限公司,x,,否,2025-03-03,（一）予以公开,",
  "3,2025-03-03,法律服务机构,某某律师事务所,x,,否,2025-03-28,（四）无法提供 1.本机关不掌握相关政府信息,",
  "4,2025-04-07,自然人,李四,x,,否,2025-04-30,（三）不予公开 1.属于国家秘密,",
  "5,2025-05-12,自然人,王五,x,,否,2025-05-20,（五）不予处理 1.信访举报投诉类申请,",
  "6,2025-06-03,科研机构,中国科学院某某研究所,x,,否,2025-07-15,（二）部分公开（区分处理的，只计这一情形，不计其他情形）,",
  "7,2025-07-01,社会公益组织,某某公益基金会,x,,否,2025-07-25,（一）予以公开,",
  "8,2025-08-04,自然人,赵六,x,,否,2025-08-20,已电话答复,",
  "9,2025-11-03,自然人,钱七,x,,否,,,",
  "10,2025-12-22,自然人,孙八,x,,否,,,",
  "11,2024-12-16,自然人,周九,x,,否,2025-01-08,（五）不予处理 2.重复申请,",
].join("\n");

const deadlines = (fs: Finding[]) => fs.filter((f) => f.rule === "LEDGER.DEADLINE").map((f) => `${f.cells.join()} ${f.message.replace(/^[^：]*：/, "")}`);

describe("a clerk's CSV (GB18030, no 申请人类型 column, everyday words)", () => {
  test("counts to the same 表三 as the same rows in the template's wording; the guess and the uncounted row are said once", async () => {
    const canonical = path.join(OUT, "canonical.csv");
    writeFileSync(canonical, CANONICAL);
    const clerk = await cli("ledger", CSV, "--year", "2025", "--today", "2026-01-12");
    const canon = await cli("ledger", canonical, "--year", "2025", "--today", "2026-01-12");
    expect(clerk.json.cells).toEqual(canon.json.cells);
    expect(clerk.json.cells["T3.R01.C7"]).toBe(9);
    expect(clerk.json.cells["T3.R02.C1"]).toBe(1);
    expect(clerk.json.cells["T3.R24.C7"]).toBe(8);
    expect(deadlines(clerk.json.findings)).toEqual(deadlines(canon.json.findings));
    const notes = clerk.json.findings.filter((f) => f.rule === "LEDGER.NOTE").map((f) => f.message);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain("没有“申请人类型”列，已按申请人名称推断");
    expect(notes[0]).toContain("商业企业 1 行（第 3 行，按名称推断）");
    expect(notes[0]).toContain("法律服务机构 1 行（第 4 行");
    expect(notes[1]).toContain("共 11 行，其中 1 行（第 9 行）因上述问题未计入统计");
    const rowErrors = clerk.json.findings.filter((f) => f.rule === "LEDGER.ROW");
    expect(rowErrors.map((f) => f.message)).toEqual([expect.stringContaining("办理结果“已电话答复”无法对应")]);
    expect(clerk.code).toBe(1);
  });

  test("no answered application is called overdue, whatever its 办理结果 says", async () => {
    const r = await cli("ledger", CSV, "--year", "2025", "--today", "2026-06-30");
    const overdue = r.json.findings.filter((f) => f.message.includes("至今未答复"));
    // Only the two applications without an answer date (lines 10 and 11 of the file).
    expect(overdue.map((f) => f.cells)).toEqual([["LEDGER.APP.10"], ["LEDGER.APP.11"]]);
  });
});

describe("a clerk's .xlsx (title row, own headers, text dates, a 合计 line)", () => {
  test("everyday words are read; the 合计 line is no application", async () => {
    const r = await cli("ledger", XLSX, "--year", "2025", "--today", "2026-01-12");
    expect(r.json.cells["T3.R01.C1"]).toBe(5);
    expect(r.json.cells["T3.R01.C2"]).toBe(1);
    expect(r.json.cells["T3.R01.C3"]).toBe(1);
    expect(r.json.cells["T3.R01.C4"]).toBe(1);
    expect(r.json.cells["T3.R01.C5"]).toBe(1);
    expect(r.json.cells["T3.R05.C1"]).toBe(1);
    expect(r.json.cells["T3.R16.C1"]).toBe(1);
    expect(r.json.cells["T3.R25.C1"]).toBe(2);
    expect(r.json.findings.filter((f) => f.severity === "error").map((f) => f.message)).toEqual([expect.stringContaining("“已电话答复”")]);
    expect(r.json.findings.some((f) => f.message.includes("合计"))).toBe(false);
  });

  test("imported into the template, `check` and `ledger` give the same deadlines and counts", async () => {
    const sheets = await xlsxGrids(new Uint8Array(readFileSync(XLSX)));
    if ("error" in sheets) throw new Error(sheets.error);
    const grids = pickRegisterGrids(sheets);
    const g = grids.applications!;
    const found = findHeader(APP_COLUMNS, g)!;
    const current = { firstLine: REGISTER_SHEETS.apps.headerRow, rows: [APP_COLUMNS.map((c) => c.title)] };
    const plan = planRegisterImport({
      apps: { name: g.name, rows: g.rows, headerIndex: found.index, firstLine: 1, mapping: found.mapping as ColumnMapping<AppField> },
      current: { applications: current, cases: null },
    });
    expect(plan.refused).toEqual([]);
    expect(plan.apps!.rows).toHaveLength(10);
    // Only the outcome no vocabulary knows is written as it was.
    expect(plan.issues.map((i) => i.original)).toEqual(["已电话答复"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildTemplate({ year: 2025, agency: "某区住房和城乡建设局" })).buffer as ArrayBuffer);
    const ws = wb.getWorksheet(REGISTER_SHEETS.apps.name)!;
    for (const row of plan.apps!.rows) row.cells.forEach((v, i) => (ws.getCell(row.sheetRow, i + 1).value = v as ExcelJS.CellValue));
    const file = path.join(OUT, "imported.xlsx");
    await wb.xlsx.writeFile(file);

    const check = await cli("check", file);
    const ledger = await cli("ledger", file);
    const source = await cli("ledger", XLSX, "--year", "2025");
    expect(deadlines(check.json.findings)).toEqual(deadlines(ledger.json.findings));
    expect(deadlines(ledger.json.findings).map((d) => d.replace(/LEDGER\.APP\.\d+ /, ""))).toEqual(deadlines(source.json.findings).map((d) => d.replace(/LEDGER\.APP\.\d+ /, "")));
    expect(ledger.json.cells).toEqual(source.json.cells);
    // The template's blank 表三 against its register: the same one finding per table as `check` (and the pane).
    const match = (fs: { rule: string; cells: string[]; message: string }[]) => fs.filter((f) => f.rule === "LEDGER.MATCH").map((f) => [f.cells, f.message]);
    expect(match(ledger.json.findings)).toHaveLength(1);
    expect(match(ledger.json.findings)).toEqual(match(check.json.findings));
    expect(match(source.json.findings)).toEqual([]);
    expect(check.json.findings.some((f) => f.message.includes("至今未答复") && f.cells.includes(`LEDGER.APP.${REGISTER_SHEETS.apps.firstRow + 7}`))).toBe(false);
  });
});
