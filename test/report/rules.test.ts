import fc from "fast-check";
import {
  cellsOf,
  checkReport,
  emptyReport,
  sumRules,
  t3Key,
  type Report,
} from "../../src/report";
import { findingSchema, reportSchema } from "../../src/report/schema";
import { ARITHMETIC_KEYS, consistentReport, sampleReport, seedsArb } from "../support/reports";

const errors = (r: Report) => checkReport(r).filter((f) => f.severity === "error");

describe("rules engine", () => {
  test("a consistent random report raises no error and no warning", () => {
    fc.assert(
      fc.property(seedsArb, (seeds) => {
        const r = consistentReport(seeds);
        expect(reportSchema.parse(r)).toBeTruthy();
        expect(checkReport(r)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  test("every single-cell change of a consistent report is caught by each rule that involves the cell", () => {
    fc.assert(
      fc.property(
        seedsArb,
        fc.constantFrom(...ARITHMETIC_KEYS),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        (seeds, key, delta, up) => {
          const r = consistentReport(seeds);
          const old = r.cells[key] as number;
          const next = up || old - delta < 0 ? old + delta : old - delta;
          r.cells[key] = next;
          const found = errors(r);
          const involved = sumRules().filter((rule) => [...rule.parts, ...rule.total].some((t) => t.key === key));
          expect(involved.length).toBeGreaterThan(0);
          for (const rule of involved) {
            const hit = found.find((f) => f.rule === rule.id && f.cells.includes(key) && f.message.includes(rule.scope));
            expect(hit).toBeDefined();
            expect(Math.abs(hit!.expected! - hit!.actual!)).toBe(delta);
            expect(hit!.message).toContain(`相差 ${delta}`);
          }
          // nothing else fails
          for (const f of found) expect(f.cells).toContain(key);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("bad content in any checked cell is a CELL.TYPE error naming that cell", () => {
    const bad = fc.oneof(
      fc.constantFrom<unknown>("abc", "#REF!", "#VALUE!", "１２", " 12 ", "3件", true, false, -1, 2.5, 1e15, Number.NaN),
      fc.string({ minLength: 1 }).filter((s) => !/^[\s/／\-－—–无空\\]*$/.test(s) && !/^\s*[+]?\d+\s*$/.test(s)),
    );
    fc.assert(
      fc.property(seedsArb, fc.constantFrom(...cellsOf().map((c) => c.key)), bad, (seeds, key, value) => {
        const r = consistentReport(seeds);
        // The fee cell accepts fractions; give it something it cannot accept instead.
        r.cells[key] = key === "T2.R6.C1" && value === 2.5 ? 0.1234567 : (value as Report["cells"][string]);
        const f = errors(r).find((x) => x.rule === "CELL.TYPE");
        expect(f).toBeDefined();
        expect(f!.cells).toEqual([key]);
        expect(findingSchema.parse(f)).toBeTruthy();
      }),
      { numRuns: 300 },
    );
  });

  test("blanks and placeholders are warnings counted as zero", () => {
    const zeros = (n: number) => Array.from({ length: n }, () => 0);
    const r = consistentReport({ t3: Array.from({ length: 6 }, () => zeros(22)), carried: zeros(6), t4: [zeros(4), zeros(4), zeros(4)], t2: zeros(10) });
    const key = t3Key("R05", "C3");
    const base = checkReport(r);
    expect(base).toEqual([]);
    for (const p of [null, "", "/", "—", "无", " - "]) {
      r.cells[key] = p;
      const fs = checkReport(r);
      expect(fs).toHaveLength(1);
      expect(fs[0]).toMatchObject({ rule: "CELL.BLANK", severity: "warning", cells: [key] });
    }
  });

  test("the balance message states both sides and the difference (spec example)", () => {
    const r = sampleReport(5);
    const set = (row: string, v: number) => (r.cells[t3Key(row, "C1")] = v);
    set("R01", 58);
    set("R02", 2);
    set("R24", 57);
    set("R25", 2);
    const f = checkReport(r).find((x) => x.rule === "T3.BALANCE" && x.cells.includes("T3.R01.C1"));
    expect(f?.message).toBe(
      "表三 自然人列：本年新收(58) + 上年结转(2) = 60，但办理结果总计(57) + 结转下年度(2) = 59，相差 1。",
    );
    expect(f).toMatchObject({ expected: 60, actual: 59, cells: ["T3.R01.C1", "T3.R02.C1", "T3.R24.C1", "T3.R25.C1"] });
  });

  test("T4 group sums name the group's five cells", () => {
    const r = sampleReport(7);
    r.cells["T4.C10"] = (r.cells["T4.C10"] as number) + 1;
    const f = errors(r);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "T4.GROUP_SUM", cells: ["T4.C06", "T4.C07", "T4.C08", "T4.C09", "T4.C10"] });
    expect(f[0]!.message).toContain("未经复议直接起诉");
  });

  test("fee typed in 元 is flagged", () => {
    const r = sampleReport(2);
    r.cells["T2.R6.C1"] = "251000元";
    const rules = checkReport(r).map((f) => f.rule);
    expect(rules).toContain("T2.FEE_UNIT");
    expect(rules).toContain("CELL.TYPE");
    r.cells["T2.R6.C1"] = 3000;
    const prior = sampleReport(2);
    prior.cells["T2.R6.C1"] = 2.5;
    expect(checkReport(r, { prior }).map((f) => f.rule)).toContain("T2.FEE_UNIT");
    expect(checkReport(r).map((f) => f.rule)).not.toContain("T2.FEE_UNIT");
  });

  test("document rules: sections, year, format", () => {
    const r = sampleReport(4);
    r.sections.S5 = null;
    r.sections.S6 = { heading: "六、其他需要报告的事项", text: "  " };
    const doc = checkReport(r).filter((f) => f.rule === "DOC.SECTIONS");
    expect(doc.map((f) => f.cells[0])).toEqual(["S5", "S6"]);
    expect(doc[0]!.message).toContain("五、存在的主要问题及改进情况");

    const y = sampleReport(4);
    y.opening = "本报告所列数据统计期限为2022年1月1日至12月31日。";
    const fy = checkReport(y).find((f) => f.rule === "DOC.YEAR");
    expect(fy?.message).toContain("2022");
    expect(fy?.message).toContain("2023");

    const old = emptyReport("2019", { year: 2022 });
    expect(checkReport(old).map((f) => f.rule)).toContain("DOC.FORMAT");
    const old2018 = emptyReport("2019", { year: 2020 });
    expect(checkReport(old2018).map((f) => f.rule)).not.toContain("DOC.FORMAT");
  });

  test("2019-format table 3 reads the same keys for R24/R25 and has no R22/R23", () => {
    const keys = cellsOf("2019").map((c) => c.key);
    expect(keys).toContain("T3.R21.C1");
    expect(keys).not.toContain("T3.R22.C1");
    expect(keys).toContain("T3.R25.C7");
    expect(cellsOf("2021")).toHaveLength(10 + 25 * 7 + 15);
  });
});
