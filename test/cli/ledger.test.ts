/**
 * `xxgk-report ledger`: the real bin on a register written by the test — a clerk's own CSV with
 * different headers, and an .xlsx register sheet.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { PROJECT_ROOT, outputDir } from "../helpers/paths";
import { cellsOf } from "../../src/report";

const run = promisify(execFile);
const BIN = path.join(PROJECT_ROOT, "bin", "xxgk-report.js");
const OUT = outputDir("cli-ledger");

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

const CSV = [
  "序号,受理时间,申请人类别,申请人姓名,所需信息,答复时间,答复类型,是否延期",
  "1,2025/3/1,自然人,张三,\"某路段, 规划\",2025-03-10,予以公开,否",
  "2,2024-12-20,商业企业,某公司,x,2025-01-10,（四）无法提供 1.本机关不掌握相关政府信息,否",
  "3,2025-09-29,自然人,李四,x,,,否",
  "4,2025-08-01,法律服务机构,某律所,x,2025-09-15,部分公开,是",
].join("\r\n");

describe("xxgk-report ledger", () => {
  test("a CSV with its own headers: the matrices with check's cell keys, deadlines, exit 0", async () => {
    const file = path.join(OUT, "登记表.csv");
    writeFileSync(file, CSV);
    const r = await cli("ledger", file, "--year", "2025", "--today", "2025-10-29", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    const keys = cellsOf("2021").filter((c) => c.table !== 2).map((c) => c.key);
    expect(Object.keys(j.cells).sort()).toEqual(keys.sort());
    expect(j.cells["T3.R01.C1"]).toBe(2);
    expect(j.cells["T3.R02.C2"]).toBe(1);
    expect(j.cells["T3.R13.C2"]).toBe(1);
    expect(j.cells["T3.R04.C5"]).toBe(1);
    expect(j.cells["T3.R25.C7"]).toBe(1);
    expect(j.cells["T3.R24.C7"]).toBe(3);
    const deadline = j.findings.filter((f: { rule: string }) => f.rule === "LEDGER.DEADLINE");
    expect(deadline).toHaveLength(1);
    expect(deadline[0].message).toContain("答复期限为 2025-11-03，还剩 3 个工作日");
  });

  test("an unknown applicant type is an error naming the row: exit 1", async () => {
    const file = path.join(OUT, "bad.csv");
    writeFileSync(file, CSV.replace("商业企业", "外资"));
    const r = await cli("ledger", file, "--year", "2025", "--today", "2026-01-05");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("“bad.csv”第 3 行（编号 2）：申请人类型“外资”");
    expect(r.stdout).toContain("已逾期");
    // Plain output speaks the clerk's words: each row's label before its numbers, no internal keys.
    expect(r.stdout).toMatch(/^ {2}本年新收 +\d+ +\d+/m);
    expect(r.stdout).toMatch(/^ {2}行政复议 +结果维持 \d+/m);
    expect(r.stdout).not.toMatch(/\bR\d\d\b|LEDGER\.(APP|CASE)\.\d|T[234]\.[RC]\d/);
  });

  test("--columns maps headers the tool does not know; without --year a CSV is refused (exit 2)", async () => {
    const file = path.join(OUT, "odd.csv");
    writeFileSync(file, CSV.replace("受理时间", "来件日").replace("答复类型", "结论"));
    const noMap = await cli("ledger", file, "--year", "2025", "--json");
    expect(noMap.code).toBe(1);
    expect(JSON.parse(noMap.stdout).findings.map((f: { message: string }) => f.message)).toEqual(
      expect.arrayContaining([expect.stringContaining("缺少“收到日期”列"), expect.stringContaining("缺少“办理结果”列")]),
    );
    const mapped = await cli("ledger", file, "--year", "2025", "--columns", "收到日期=来件日,办理结果=结论", "--json");
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.stdout).cells["T3.R01.C7"]).toBe(3);
    const noYear = await cli("ledger", file);
    expect(noYear.code).toBe(2);
    expect(noYear.stderr).toContain("--year");
  });

  test("an .xlsx register sheet with real dates", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("申请台账");
    ws.addRow(["编号", "收到日期", "申请人类型", "申请人", "申请内容", "补正后收到日期", "是否延期", "答复日期", "办理结果", "备注"]);
    ws.addRow(["A1", new Date(Date.UTC(2025, 2, 1)), "科研机构", "某所", "x", null, "否", new Date(Date.UTC(2025, 2, 5)), "（三）不予公开 1.属于国家秘密", null]);
    ws.getColumn(2).numFmt = "yyyy-mm-dd";
    ws.getColumn(8).numFmt = "yyyy-mm-dd";
    const cases = wb.addWorksheet("复议诉讼台账");
    cases.addRow(["编号", "类型", "收到日期", "结果", "备注"]);
    cases.addRow(["F1", "行政诉讼（复议后起诉）", "2025-04-01", null, null]);
    const file = path.join(OUT, "台账.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli("ledger", file, "--year", "2025", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.cells["T3.R05.C3"]).toBe(1);
    expect(j.cells["T4.C14"]).toBe(1);
    expect(j.cells["T4.C15"]).toBe(1);
  });
});
