/**
 * Cross-year checks with the real published reports of test/fixtures/real as last year's
 * report: a consistent successor rolled forward from them passes PRIOR.CARRYOVER; altering one
 * carried value fails naming that column.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { importReport } from "../../src/import";
import { checkReport, FORMATS, t3Key, type Report } from "../../src/report";
import { rollForward } from "../../src/workflow/rollForward";
import { FIXTURES } from "../helpers/paths";
import { sampleReport } from "../support/reports";

async function real(name: string): Promise<Report> {
  const file = path.join(FIXTURES, "real", name);
  const r = await importReport({ name, data: new Uint8Array(readFileSync(file)) });
  expect(r.recognised).toBe(true);
  return r.report;
}

/** Fill a rolled-forward report with consistent numbers around its prefilled 上年结转. */
function fillConsistently(start: Report, seed: number): Report {
  const filled = sampleReport(seed);
  const r = structuredClone(start);
  for (const [k, v] of Object.entries(filled.cells)) if (r.cells[k] === null) r.cells[k] = v;
  // 本年新收 absorbs the difference between the prefilled and the sample's carried-over counts.
  for (const col of FORMATS["2021"].table3.columns) {
    const carried = r.cells[t3Key("R02", col.code)] as number;
    const balance = (r.cells[t3Key("R24", col.code)] as number) + (r.cells[t3Key("R25", col.code)] as number);
    r.cells[t3Key("R01", col.code)] = balance - carried;
  }
  const c3 = (n: string) => (start.priorFigures?.cells[`T2.${n}.C3`] ?? 0) + (r.cells[`T2.${n}.C1`] as number) - (r.cells[`T2.${n}.C2`] as number);
  r.cells["T2.R1.C3"] = c3("R1");
  r.cells["T2.R2.C3"] = c3("R2");
  r.sections.S1 = { heading: "一、总体情况", text: "本年度重新撰写的总体情况。" };
  r.sections.S5 = { heading: "五、存在的主要问题及改进情况", text: "本年度的问题和改进。" };
  r.sections.S6 = { heading: "六、其他需要报告的事项", text: "本年度未收取信息处理费。" };
  return r;
}

describe.each(["2022-pingtan-zonghe-shiyanqu.html", "2024-pingtan-zonghe-shiyanqu.html"])("last year = %s", (name) => {
  test("a consistent successor passes; one altered carried value fails naming its column", async () => {
    const prior = await real(name);
    const { report } = rollForward(prior);
    expect(report.meta.year).toBe(prior.meta.year! + 1);
    const next = fillConsistently(report, 11);
    expect(checkReport(next, { prior }).filter((f) => f.severity === "error")).toEqual([]);
    expect(checkReport(next, { prior }).filter((f) => f.rule.startsWith("PRIOR."))).toEqual([]);

    for (const col of FORMATS["2021"].table3.columns.filter((c) => !c.total)) {
      const bad = structuredClone(next);
      const key = t3Key("R02", col.code);
      bad.cells[key] = (bad.cells[key] as number) + 1;
      const f = checkReport(bad, { prior }).filter((x) => x.rule === "PRIOR.CARRYOVER");
      expect(f.map((x) => x.cells[0])).toEqual([key]);
      expect(f[0]!.message).toContain(`${col.label}列`);
    }
  });

  test("text carried over unchanged is flagged as 雷同", async () => {
    const prior = await real(name);
    const { report } = rollForward(prior);
    const f = checkReport(report, { prior }).filter((x) => x.rule === "TEXT.SIMILAR");
    expect(f.map((x) => x.cells[0])).toContain("S1");
  });
});
