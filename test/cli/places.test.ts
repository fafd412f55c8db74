/**
 * Findings name their place as the clerk sees it: sheet and address (表三!E5) for a filled
 * workbook, the printed row and column labels for text, HTML and Word; never a cell key
 * ("T3.R01.C2") in the text output, while --json keeps the keys and adds total/addends.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { run } from "../../src/cli/commands/check";
import type { CliIO } from "../../src/cli/io";
import { labelPlaces, type Finding } from "../../src/report";
import { sheetPlaces } from "../../src/template/places";
import { FIXTURES, outputDir } from "../helpers/paths";
import { sampleReport } from "../support/reports";
import { fillTemplate, templateBytes } from "../template/support";

const dir = outputDir("cli-places");
function io(): CliIO & { outText: string; errText: string } {
  const o = { outText: "", errText: "", cwd: dir, out: (t: string) => void (o.outText += t + "\n"), err: (t: string) => void (o.errText += t + "\n") };
  return o;
}
const KEY = /T[234]\.(R\d+\.)?C\d+/;

async function workbookWithWrongTotal(name: string, sheetNames?: Record<string, string>): Promise<string> {
  const report = sampleReport(3);
  // 商业企业 new applications one higher than its outcomes allow; totals typed over as numbers.
  report.cells["T3.R01.C2"] = (report.cells["T3.R01.C2"] as number) + 1;
  const file = path.join(dir, name);
  writeFileSync(file, await fillTemplate(await templateBytes(), report, { overrideTotals: true, sheetNames }));
  return file;
}

test("a workbook's findings name sheet and address, total and addends apart, and no cell key", async () => {
  const file = await workbookWithWrongTotal("wrong.xlsx");
  const i = io();
  expect(await run([file], i)).toBe(1);
  expect(i.outText).not.toMatch(KEY);
  // 商业企业 is column E; rows 5/6 new and carried, 28/29 total and carry-over; row 5 sums into J5.
  expect(i.outText).toContain("[T3.BALANCE]");
  expect(i.outText).toContain("一、二项 表三!E5:E6；总计与第四项 表三!E28:E29");
  expect(i.outText).toContain("总计 表三!J5；加数 表三!D5:I5");
});

test("a renamed sheet is named as the workbook names it", async () => {
  const file = await workbookWithWrongTotal("renamed.xlsx", { 表三: "申请情况" });
  const i = io();
  expect(await run([file], i)).toBe(1);
  expect(i.outText).toContain("申请情况!E5:E6");
  expect(i.outText).not.toContain("表三!E5");
});

test("--json keeps the keys and carries the total and its addends apart", async () => {
  const file = await workbookWithWrongTotal("json.xlsx");
  const i = io();
  expect(await run([file, "--json"], i)).toBe(1);
  const findings = JSON.parse(i.outText).findings as Finding[];
  const row = findings.find((f) => f.rule === "T3.ROW_SUM")!;
  expect(row.total).toEqual(["T3.R01.C7"]);
  expect(row.addends).toEqual(["T3.R01.C1", "T3.R01.C2", "T3.R01.C3", "T3.R01.C4", "T3.R01.C5", "T3.R01.C6"]);
  expect(row.cells).toEqual([...row.addends!, ...row.total!]);
  const bal = findings.find((f) => f.rule === "T3.BALANCE")!;
  expect(bal.addends).toEqual(["T3.R01.C2", "T3.R02.C2"]);
  expect(bal.total).toEqual(["T3.R24.C2", "T3.R25.C2"]);
});

test("text input: the findings name the printed row and column labels", async () => {
  const broken = readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8").replace(
    "一、本年新收政府信息公开申请数量\t\t0\t0",
    "一、本年新收政府信息公开申请数量\t\t0\t3",
  );
  const file = path.join(dir, "broken.txt");
  writeFileSync(file, broken);
  const i = io();
  expect(await run([file], i)).toBe(1);
  expect(i.outText).not.toMatch(KEY);
  expect(i.outText).toContain("总计 表三“一、本年新收政府信息公开申请数量”行“总计”列；加数 表三“一、本年新收政府信息公开申请数量”行的“自然人”至“其他”各列");
  expect(i.outText).toContain("表三“商业企业”列的“一、本年新收政府信息公开申请数量”、“二、上年结转政府信息公开申请数量”行");
});

test("places group a row or a column, and list what shares neither", () => {
  expect(labelPlaces(["T3.R05.C1"])).toBe("表三“（三）不予公开 1.属于国家秘密”行“自然人”列");
  expect(labelPlaces(["T4.C01", "T4.C02", "T4.C03", "T4.C04"])).toBe("表四“行政复议”下“结果维持”至“尚未审结”各列");
  expect(labelPlaces(["T2.R1.C1", "T3.R01.C1"])).toBe("表二“规章”行“本年制发件数”列；表三“一、本年新收政府信息公开申请数量”行“自然人”列");
  expect(sheetPlaces(["T3.R01.C1", "T3.R02.C1", "T3.R24.C1", "T3.R25.C1"])).toBe("表三!D5、D6、D28、D29");
  const rows = ["R21", "R22", "R23"].flatMap((r) => [1, 2, 3, 4, 5, 6, 7].map((c) => `T3.${r}.C${c}`));
  expect(labelPlaces(rows)).toBe(
    "表三“（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”、“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”、“（六）其他处理 3.其他”行",
  );
  expect(labelPlaces(["T2.R1.C1", "T3.R01.C1", "T4.C01", "T4.C06"])).toBe("表二“规章”行“本年制发件数”列；表三“一、本年新收政府信息公开申请数量”行“自然人”列等 4 处");
  expect(sheetPlaces(["T4.C01", "T4.C02"])).toBe("表四!A5:B5");
});

test("folder mode: --details (-v) prints each file's findings under its line, without --json", async () => {
  const folder = path.join(dir, "folder");
  const { mkdirSync, copyFileSync } = await import("node:fs");
  mkdirSync(folder, { recursive: true });
  copyFileSync(await workbookWithWrongTotal("wrong-in-folder.xlsx"), path.join(folder, "a.xlsx"));
  copyFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), path.join(folder, "b.txt"));
  const plain = io();
  expect(await run([folder], plain)).toBe(1);
  expect(plain.outText).not.toContain("[T3.BALANCE]");
  for (const flag of ["--details", "-v"]) {
    const i = io();
    expect(await run([folder, flag], i)).toBe(1);
    const lines = i.outText.trim().split("\n");
    const a = lines.findIndex((l) => l.startsWith("✗ a.xlsx"));
    const b = lines.findIndex((l) => l.startsWith("✓ b.txt"));
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeGreaterThan(a);
    const underA = lines.slice(a + 1, b).join("\n");
    expect(underA).toContain("[T3.BALANCE]");
    expect(underA).toContain("表三!E5:E6");
    expect(lines[lines.length - 1]).toContain("共 2 个文件");
  }
});
