/**
 * A blank 总计 is one omission: it is reported once as 未填写 with what it should be, the sums
 * through it are not repeated as "总计为 0，相差 N", and every other check runs as usual
 * (the 2019 上海市政府办公厅 report: the （七）总计 row left empty gave 12 errors).
 */
import fc from "fast-check";
import { checkReport, sumRules, t3Key, type Report } from "../../src/report";
import { consistentReport, sampleReport, seedsArb } from "../support/reports";

const errors = (r: Report) => checkReport(r).filter((f) => f.severity === "error");
const SOLE_TOTALS = [...new Set(sumRules("2021").filter((r) => r.total.length === 1).map((r) => r.total[0]!.key))];

test("the （七）总计 row left blank: one error naming the row and each column's expected total", () => {
  const r = sampleReport(5);
  const expected = [1, 2, 7].map((c) => r.cells[t3Key("R24", `C${c}`)] as number);
  for (let c = 1; c <= 7; c++) r.cells[t3Key("R24", `C${c}`)] = null;
  const found = errors(r);
  expect(found).toHaveLength(1);
  const f = found[0]!;
  expect(f.rule).toBe("T3.OUTCOME_SUM");
  expect(f.message).toMatch(/^表三“（七）总计”行未填写：自然人列应为 \d+/);
  expect(f.message).toContain(`自然人列应为 ${expected[0]}`);
  expect(f.message).toContain(`商业企业列应为 ${expected[1]}`);
  expect(f.total).toEqual([1, 2, 3, 4, 5, 6, 7].map((c) => t3Key("R24", `C${c}`)).filter((k) => f.cells.includes(k)));
  expect(f.message).not.toMatch(/相差/);
  // Reported once: no CELL.BLANK warnings for the same cells.
  expect(checkReport(r).filter((x) => x.rule === "CELL.BLANK" && x.cells.some((k) => f.cells.includes(k)))).toEqual([]);
  expect(expected[2]).toBeGreaterThan(0);
});

test("a placeholder (/) in a total counts as blank too", () => {
  const r = sampleReport(5);
  r.cells["T3.R01.C7"] = "/";
  const found = errors(r);
  expect(found.map((f) => [f.rule, f.cells])).toEqual([["T3.ROW_SUM", ["T3.R01.C7"]]]);
  expect(found[0]!.message).toMatch(/^表三“总计”列未填写：“一、本年新收政府信息公开申请数量”行应为 \d+/);
});

test("the rest is checked as usual beside a blank total", () => {
  const r = sampleReport(5);
  r.cells["T3.R24.C1"] = null;
  r.cells["T3.R03.C2"] = (r.cells["T3.R03.C2"] as number) + 2; // an unrelated real mistake
  expect(errors(r).filter((f) => f.message.includes("未填写"))).toHaveLength(1);
  expect(errors(r).some((f) => f.rule === "T3.ROW_SUM" && f.cells.includes("T3.R03.C2"))).toBe(true);
  expect(errors(r).some((f) => f.rule === "T3.OUTCOME_SUM" && f.cells.includes("T3.R03.C2") && /相差 2/.test(f.message))).toBe(true);
});

test("a blank total whose items are all zero is only a blank cell, as before", () => {
  const r = sampleReport(5);
  for (const k of ["T4.C01", "T4.C02", "T4.C03", "T4.C04"]) r.cells[k] = 0;
  r.cells["T4.C05"] = null;
  expect(errors(r)).toEqual([]);
  expect(checkReport(r).filter((f) => f.rule === "CELL.BLANK").map((f) => f.cells)).toEqual([["T4.C05"]]);
});

test("property: blanking any one total with non-zero items gives exactly one error, and it says 未填写", () => {
  fc.assert(
    fc.property(seedsArb, fc.constantFrom(...SOLE_TOTALS), (seeds, key) => {
      const r = consistentReport(seeds);
      fc.pre((r.cells[key] as number) > 0);
      r.cells[key] = null;
      const found = errors(r);
      expect(found).toHaveLength(1);
      expect(found[0]!.cells).toEqual([key]);
      expect(found[0]!.message).toContain("未填写");
    }),
    { numRuns: 300 },
  );
});
