/**
 * Never a false accusation: cells the importer could not read are not judged by the arithmetic
 * rules; what could not be read is said instead, and real errors elsewhere are still named.
 * Built on the real 平潭综合实验区 2024 report (a report that adds up), copied as text.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkReport, emptyReport, t3Key, t4Key, type Finding } from "../../src/report";
import { planImport, planText } from "../../src/workflow/importPlan";
import { rollForward } from "../../src/workflow/rollForward";
import { readText } from "../../src/import";
import { readHtml } from "../../src/import/html";
import { FIXTURES } from "../helpers/paths";
import { reportAsText } from "../import/support/layout";

const page = readFileSync(path.join(FIXTURES, "real", "2024-pingtan-zonghe-shiyanqu.html"), "utf8");
const asText = reportAsText(readHtml(page).report);
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error");
const ARITHMETIC = ["T3.BALANCE", "T3.OUTCOME_SUM", "T3.ROW_SUM", "T4.GROUP_SUM"];

function edit(text: string, part: string, change: (line: string) => string | null): string {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.includes(part));
  if (i < 0) throw new Error(`no line ${part}`);
  const next = change(lines[i]!);
  if (next === null) lines.splice(i, 1);
  else lines[i] = next;
  return lines.join("\n");
}

function check(text: string) {
  const res = readText(text);
  return { res, found: checkReport(res.report) };
}

test("the unedited copy reads with no error at all", () => {
  const { res, found } = check(asText);
  expect(res.report.unread).toBeUndefined();
  expect(errors([...res.findings, ...found])).toEqual([]);
});

test("a lost row with non-zero numbers: no sum is judged over it, the row is named", () => {
  // “2.重复申请” holds 1 (自然人) and 1 (总计): summing without it would accuse 表三 of 差 1.
  const { res, found } = check(edit(asText, "重复申请", () => null));
  expect(res.report.unread).toEqual(expect.arrayContaining([t3Key("R17", "C1"), t3Key("R17", "C7")]));
  expect(found.filter((f) => ARITHMETIC.includes(f.rule))).toEqual([]);
  const said = found.find((f) => f.rule === "CHECK.UNREAD");
  expect(said?.message).toMatch(/^表三有 \d+ 项勾稽关系未校验：表三“（五）不予处理 2\.重复申请”行的“自然人”至“总计”各列未能从来源读出/);
  expect(said?.severity).toBe("warning");
  // Nor is an unread cell called blank.
  expect(found.filter((f) => f.rule === "CELL.BLANK" && f.cells.some((k) => k.startsWith("T3.R17")))).toEqual([]);
});

test("a row that lost one number (a blank cell vanished): its columns are a guess, nothing judged", () => {
  // 217 1 0 0 0 0 218 → 217 0 0 0 0 218: read left to right, 218 would land in 其他 and 总计 be blank.
  const { res, found } = check(edit(asText, "一、本年新收", (l) => l.replace(/\t1\t/, "\t")));
  expect(res.findings.some((f) => f.rule === "IMPORT.MISSING" && /只找到 6 个数值/.test(f.message))).toBe(true);
  expect(found.filter((f) => ARITHMETIC.includes(f.rule))).toEqual([]);
  expect(found.filter((f) => f.rule === "CELL.BLANK")).toEqual([]);
  expect(found.some((f) => f.rule === "CHECK.UNREAD" && f.cells.includes(t3Key("R01", "C7")))).toBe(true);
});

test("a real error elsewhere is still named exactly", () => {
  let text = edit(asText, "重复申请", () => null);
  // 4.保护第三方合法权益: 3 … 3 → 3 … 4 (its row no longer adds up).
  text = edit(text, "保护第三方合法权益", (l) => l.replace(/\t3$/, "\t4"));
  const { found } = check(text);
  const rowSum = found.filter((f) => f.rule === "T3.ROW_SUM");
  expect(rowSum).toHaveLength(1);
  expect(rowSum[0]!.cells).toContain(t3Key("R08", "C7"));
  expect(rowSum[0]!.message).toMatch(/总计为 4，但自然人至其他各列之和为 3，相差 1/);
});

test("表四 with a missing number: no group sum is judged", () => {
  const { res, found } = check(edit(asText, "\t13\t", (l) => l.replace(/\t13\t/, "\t")));
  expect(res.report.unread).toEqual(expect.arrayContaining([t4Key("C01"), t4Key("C15")]));
  expect(found.filter((f) => f.rule === "T4.GROUP_SUM")).toEqual([]);
  expect(found.some((f) => f.rule === "CHECK.UNREAD" && /^表四有 3 项勾稽关系未校验/.test(f.message))).toBe(true);
});

test("a table not found at all is said by the importer, not called empty", () => {
  const cut = asText.slice(0, asText.indexOf("四、政府信息公开行政复议"));
  const rest = asText.slice(asText.indexOf("五、"));
  const { res, found } = check(`${cut}四、政府信息公开行政复议、行政诉讼情况\n\n${rest}`);
  expect(res.findings.some((f) => f.rule === "IMPORT.MISSING" && /没有找到表四/.test(f.message))).toBe(true);
  expect(found.filter((f) => f.rule === "DOC.SECTIONS" || f.rule === "T4.GROUP_SUM")).toEqual([]);
});

describe("what was not read is not carried: 导入报告, 上年结转, --prior", () => {
  const lost = readText(edit(asText, "结转下年度继续办理", () => null)).report;

  test("the import plan skips unread cells and says so", () => {
    const plan = planImport(emptyReport("2021"), lost, () => true);
    expect(plan.fills.some((f) => f.key.startsWith("T3.R25"))).toBe(false);
    expect(plan.fills.some((f) => f.key === t3Key("R01", "C1"))).toBe(true);
    expect(plan.notes).toContain(planText.unread(7));
  });

  test("a roll-forward does not prefill 上年结转 from an unread 结转下年度", () => {
    const r = rollForward(lost, 2025);
    expect(r.prefilled).toEqual([]);
    expect(Object.keys(r.priorSnapshot).some((k) => k.startsWith("T3.R25"))).toBe(false);
  });

  test("PRIOR.CARRYOVER does not compare with last year's unread cells", () => {
    const now = readText(edit(asText, "二、上年结转", (l) => l.replace(/\t0\t/, "\t5\t").replace(/\t0$/, "\t5"))).report;
    expect(checkReport(now, { prior: lost }).filter((f) => f.rule === "PRIOR.CARRYOVER")).toEqual([]);
  });
});
