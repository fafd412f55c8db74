/**
 * A 2021-format report that still prints the 2019 single row “（六）其他处理”: the row is read
 * (into “3.其他”) and one plain warning says the 2021 format wants three sub-rows, instead of an
 * unplaced row plus three missing rows.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { importReport } from "../../src/import";
import { checkReport } from "../../src/report";
import { FIXTURES } from "../helpers/paths";

const SEED = readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8");

function withSingleOtherRow(row: string): string {
  const lines = SEED.split("\n");
  const first = lines.findIndex((l) => l.includes("(六) 其他处理"));
  expect(lines[first + 2]).toMatch(/^3\. 其他/);
  lines.splice(first, 3, row);
  return lines
    .join("\n")
    .replace("一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0", "一、本年新收政府信息公开申请数量\t\t2\t0\t0\t0\t0\t0\t2")
    .replace("(七) 总计\t\t0\t0\t0\t0\t0\t0\t0", "(七) 总计\t\t2\t0\t0\t0\t0\t0\t2");
}

const load = (text: string) => importReport({ name: "report.txt", data: new TextEncoder().encode(text) });

test("the single row is read into 3.其他 with one warning naming the three rows the 2021 format wants", async () => {
  const text = withSingleOtherRow("\t(六) 其他处理\t\t2\t0\t0\t0\t0\t0\t2");
  expect(text).toContain("本年新收政府信息公开申请数量\t\t2");
  const res = await load(text);
  expect(res.recognised).toBe(true);
  expect(res.report.format).toBe("2021");
  expect(res.report.cells["T3.R23.C1"]).toBe(2);
  expect(res.report.cells["T3.R23.C7"]).toBe(2);
  const t3 = res.findings.filter((f) => f.rule.startsWith("IMPORT.") && f.message.includes("表三"));
  expect(t3).toHaveLength(1);
  expect(t3[0]!.severity).toBe("warning");
  expect(t3[0]!.message).toContain("2021 年格式要求分为 3 行");
  expect(t3[0]!.message).toContain("“3.其他”");
  expect(t3[0]!.message).not.toMatch(/对应不到|没有找到/);
  // The arithmetic holds with the row read: no table error.
  expect(checkReport(res.report).filter((f) => f.severity === "error")).toEqual([]);
});

test("the label in its own cell after the level-1 label is recognised too", async () => {
  const res = await load(withSingleOtherRow("三、本年度办理结果\t（六）其他处理\t\t2\t0\t0\t0\t0\t0\t2"));
  expect(res.report.cells["T3.R23.C1"]).toBe(2);
  expect(res.findings.filter((f) => f.message.includes("2021 年格式要求分为 3 行"))).toHaveLength(1);
});

test("a 2021 table with its three sub-rows is read as before, with no such warning", async () => {
  const res = await load(SEED);
  expect(res.findings.filter((f) => f.message.includes("2019 年旧格式的写法"))).toEqual([]);
});
