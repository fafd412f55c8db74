/**
 * `xxgk-report rollup` as a 政务公开办 runs it in January: a folder made from real published
 * reports (one copied under another unit's name, one of last year, one unreadable), a roster with
 * a unit that sent nothing. Every total is checked against an independent sum: each file read on
 * its own by `check --json` and added up here.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { FIXTURES, PROJECT_ROOT } from "../helpers/paths";
import { templateLayout } from "../../src/template/layout";
import { SHEET_NAMES } from "../../src/template/messages";

const run = promisify(execFile);
const BIN = path.join(PROJECT_ROOT, "bin", "xxgk-report.js");

async function cli(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, ...args], { cwd, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

let dir: string;
const UNITS = path.join("units");

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-rollup-"));
  const units = path.join(dir, UNITS);
  mkdirSync(units);
  const pingtan = readFileSync(path.join(FIXTURES, "real", "2024-pingtan-zonghe-shiyanqu.html"), "utf8");
  writeFileSync(path.join(units, "平潭综合实验区.html"), pingtan);
  // The same report sent under another unit's name: its text is a copy.
  writeFileSync(path.join(units, "教育局.html"), pingtan.replaceAll("平潭综合实验区", "某某县教育局"));
  // A street office's report (real, 2023), carried to 2024 by its clerk with the year changed.
  const seed = readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8");
  writeFileSync(path.join(units, "前进街道.txt"), seed.replaceAll("2023", "2024"));
  // Last year's report in this year's folder, and a file that is not a report at all.
  const lastYear = readFileSync(path.join(FIXTURES, "real", "2022-pingtan-zonghe-shiyanqu.html"), "utf8");
  writeFileSync(path.join(units, "民政局.html"), lastYear.replaceAll("平潭综合实验区", "某某县民政局"));
  writeFileSync(path.join(units, "财政局.docx"), Buffer.from("PK\x03\x04 this is not a Word file"));
  writeFileSync(
    path.join(dir, "名单.csv"),
    ["序号,单位名称", "1,平潭综合实验区", "2,某某县教育局", "3,湖滨区前进街道办事处", "4,某某县民政局", "5,某某县财政局", "6,某某县卫生健康委员会"].join("\n"),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("JSON: units with verdicts, the missing unit, unreadable files, totals equal to an independent sum, the copy found", async () => {
  const r = await cli(dir, "rollup", UNITS, "--year", "2024", "--roster", "名单.csv", "--json");
  expect(r.code).toBe(1); // units to chase
  const j = JSON.parse(r.stdout);
  expect(Object.keys(j).sort()).toEqual(["missing", "similar", "totals", "units", "unreadable"]);

  const byName = new Map<string, { verdict: string; inTotals: boolean; note: string | null; file: string; year: number }>(j.units.map((u: { name: string }) => [u.name, u]));
  expect(byName.get("平潭综合实验区")).toMatchObject({ verdict: "通过", inTotals: true, year: 2024 });
  expect(byName.get("某某县教育局")).toMatchObject({ inTotals: true, file: "教育局.html" });
  expect(byName.get("湖滨区前进街道办事处")).toMatchObject({ inTotals: true, year: 2024 });
  // Last year's report is named, not summed.
  expect(byName.get("某某县民政局")).toMatchObject({ year: 2022, inTotals: false });
  expect(byName.get("某某县民政局")!.note).toContain("2022");
  // The unreadable file is the 财政局's (by its name): not missing, but unreadable.
  expect(byName.get("某某县财政局")).toMatchObject({ verdict: "无法读取", inTotals: false });
  expect(j.unreadable.map((x: { file: string }) => x.file)).toEqual(["财政局.docx"]);
  expect(j.missing).toEqual([{ name: "某某县卫生健康委员会", line: 7 }]);

  // Independent sum: each summed file read alone by `check --json`.
  const summed = ["平潭综合实验区.html", "教育局.html", "前进街道.txt"];
  const expected: Record<string, number> = {};
  for (const f of summed) {
    const c = JSON.parse((await cli(dir, "check", path.join(UNITS, f), "--json")).stdout).cells as Record<string, number | null>;
    for (const [k, v] of Object.entries(c)) expected[k] = Math.round(((expected[k] ?? 0) + (v ?? 0)) * 1e6) / 1e6;
  }
  expect(j.totals.units).toBe(3);
  expect(j.totals.cells).toEqual(expected);
  expect(expected["T3.R01.C7"]).toBeGreaterThan(400); // two copies of 218 and the street office's

  // The copied report, and only it.
  expect(j.similar).toHaveLength(1);
  expect(j.similar[0]).toMatchObject({ kind: "units", ratio: 1 });
  expect([j.similar[0].a, j.similar[0].b].sort()).toEqual(["平潭综合实验区", "某某县教育局"].sort());
});

test("plain Chinese: the units to chase first, then missing, passed, totals and the copy", async () => {
  const r = await cli(dir, "rollup", UNITS, "--year", "2024", "--roster", "名单.csv");
  expect(r.code).toBe(1);
  const out = r.stdout;
  expect(out).toContain("2024 年度汇总 · 名单 6 个单位 · 文件 5 份");
  expect(out.indexOf("需要跟进")).toBeLessThan(out.indexOf("未报送"));
  expect(out).toMatch(/\? 某某县财政局（财政局\.docx）：无法读取/);
  expect(out).toMatch(/! 某某县民政局（民政局\.html）：通过.*这是 2022 年度的报告（应为 2024 年度），未计入汇总。/);
  expect(out).toContain("未报送（1 个单位）：\n  某某县卫生健康委员会");
  expect(out).toMatch(/内容雷同（1 对，重合达 50% 以上）：\n {2}(平潭综合实验区 与 某某县教育局|某某县教育局 与 平潭综合实验区)：一、总体情况 \d+%，五、存在的主要问题及改进情况 100%/);
  expect(out).not.toMatch(/T3\.R\d|LEDGER\./); // internal keys stay in --json
});

test("--out: the 汇总 workbook reads back as the totals, with 单位一览 and 雷同; never over an existing file", async () => {
  const j = JSON.parse((await cli(dir, "rollup", UNITS, "--year", "2024", "--roster", "名单.csv", "--json")).stdout);
  const r = await cli(dir, "rollup", UNITS, "--year", "2024", "--roster", "名单.csv", "--out", "汇总.xlsx");
  expect(r.stdout).toContain("已写出汇总工作簿“汇总.xlsx”");
  const back = JSON.parse((await cli(dir, "check", "汇总.xlsx", "--json")).stdout);
  for (const [k, v] of Object.entries(j.totals.cells as Record<string, number>)) {
    if (templateLayout().cells.get(k)?.computed) continue; // the template's own formulas
    expect([k, back.cells[k]]).toEqual([k, v]);
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "汇总.xlsx"));
  const overview = wb.getWorksheet("单位一览")!;
  expect(overview.getRow(1).getCell(1).value).toBe("单位");
  expect(overview.getRow(2).getCell(2).value).toBe("无法读取"); // the ones to chase first
  const names = overview.getColumn(1).values.slice(2);
  expect(names).toEqual(expect.arrayContaining(["某某县卫生健康委员会", "某某县民政局", "平潭综合实验区"]));
  expect(wb.getWorksheet("雷同")!.rowCount).toBeGreaterThan(1);
  expect(wb.getWorksheet(SHEET_NAMES.t3)).toBeDefined();

  const again = await cli(dir, "rollup", UNITS, "--year", "2024", "--out", "汇总.xlsx");
  expect(again.code).toBe(2);
  expect(again.stderr).toContain("已存在，未覆盖");
  // A roster kept as a workbook is read as well; and never written over, not even with --force.
  const roster = new ExcelJS.Workbook();
  const sheet = roster.addWorksheet("名单");
  for (const line of readFileSync(path.join(dir, "名单.csv"), "utf8").split("\n")) sheet.addRow(line.split(","));
  await roster.xlsx.writeFile(path.join(dir, "名单.xlsx"));
  const fromXlsx = JSON.parse((await cli(dir, "rollup", UNITS, "--year", "2024", "--roster", "名单.xlsx", "--json")).stdout);
  expect(fromXlsx.missing).toEqual(j.missing);
  const before = readFileSync(path.join(dir, "名单.xlsx"));
  const over = await cli(dir, "rollup", UNITS, "--year", "2024", "--roster", "名单.xlsx", "--out", "名单.xlsx", "--force");
  expect(over).toMatchObject({ code: 2, stderr: expect.stringContaining("不能覆盖输入") });
  expect(readFileSync(path.join(dir, "名单.xlsx")).equals(before)).toBe(true);
});

test("--parent: the district's own report beside the sum, as differences to explain", async () => {
  // The county's own report (本级 only): 218 new applications, against 436 summed over the units.
  const own = readFileSync(path.join(FIXTURES, "real", "2024-pingtan-zonghe-shiyanqu.html"), "utf8").replaceAll("平潭综合实验区", "某某县人民政府");
  writeFileSync(path.join(dir, "本级.html"), own);
  const r = await cli(dir, "rollup", UNITS, "--year", "2024", "--roster", "名单.csv", "--parent", "本级.html", "--json");
  const j = JSON.parse(r.stdout);
  expect(j.parent.find((x: { key: string }) => x.key === "T3.R01.C7")).toEqual({ key: "T3.R01.C7", label: expect.stringContaining("总计"), parent: 218, sum: 436 });
  const plain = await cli(dir, "rollup", UNITS, "--year", "2024", "--roster", "名单.csv", "--parent", "本级.html");
  expect(plain.stdout).toMatch(/本级报告与各单位合计不一致（\d+ 项，供核对说明，不一定是错误）：/);
  expect(plain.stdout).toContain("本级 218，合计 436（差 -218）");
});

test("bad input: a missing year, a folder that is a file, an unreadable roster — exit 2 with a Chinese message", async () => {
  expect(await cli(dir, "rollup", UNITS)).toMatchObject({ code: 2, stderr: expect.stringContaining("--year") });
  expect(await cli(dir, "rollup", "名单.csv", "--year", "2024")).toMatchObject({ code: 2, stderr: expect.stringContaining("不是文件夹") });
  expect(await cli(dir, "rollup", UNITS, "--year", "24")).toMatchObject({ code: 2, stderr: expect.stringContaining("年度“24”无效") });
  expect(await cli(dir, "rollup", UNITS, "--year", "2024", "--roster", "没有这个名单.xlsx")).toMatchObject({ code: 2, stderr: expect.stringContaining("名单“没有这个名单.xlsx”无法读取") });
});
