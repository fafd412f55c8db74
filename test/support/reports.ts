/** Builders of consistent reports for tests and benches, derived from the format definition. */
import fc from "fast-check";
import { cellsOf, emptyReport, sumRules, FORMATS, t3Key, t4Key, type Report } from "../../src/report";

export const TEXT_SECTIONS = {
  S1: { heading: "一、总体情况", text: "（一）主动公开。本年度依法主动公开政府信息。" },
  S2: { heading: "二、主动公开政府信息情况", text: "" },
  S3: { heading: "三、收到和处理政府信息公开申请情况", text: "" },
  S4: { heading: "四、政府信息公开行政复议、行政诉讼情况", text: "" },
  S5: { heading: "五、存在的主要问题及改进情况", text: "信息公开的及时性有待提高。" },
  S6: { heading: "六、其他需要报告的事项", text: "无。" },
};

/** Free counts from which a consistent report is computed. */
export interface Seeds {
  /** 表三 outcome rows R03..R23 and carryover R25, per applicant column C1..C6. */
  t3: number[][];
  /** 表三 carried-over row R02 per column C1..C6. */
  carried: number[];
  /** 表四 four result counts per group. */
  t4: number[][];
  /** 表二 values in cell order. */
  t2: number[];
}

/** Make a report whose every sum rule holds, from free seeds. */
export function consistentReport(seeds: Seeds, year = 2023): Report {
  const r = emptyReport("2021", { year, agency: "测试机关", title: `测试机关${year}年政府信息公开工作年度报告` });
  r.sections = structuredClone(TEXT_SECTIONS);
  r.opening = `本报告所列数据统计期限为${year}年1月1日至12月31日。`;
  const t3 = FORMATS["2021"].table3;
  const outcomeRows = t3.rows.filter((x) => x.role === "outcome");
  const valueCols = t3.columns.filter((c) => !c.total);
  valueCols.forEach((col, ci) => {
    let outcomes = 0;
    outcomeRows.forEach((row, ri) => {
      const v = seeds.t3[ci]![ri]!;
      r.cells[t3Key(row.code, col.code)] = v;
      outcomes += v;
    });
    const carryover = seeds.t3[ci]![outcomeRows.length]!;
    const carried = Math.min(seeds.carried[ci]!, outcomes + carryover);
    r.cells[t3Key("R24", col.code)] = outcomes;
    r.cells[t3Key("R25", col.code)] = carryover;
    r.cells[t3Key("R02", col.code)] = carried;
    r.cells[t3Key("R01", col.code)] = outcomes + carryover - carried;
  });
  for (const row of t3.rows) {
    r.cells[t3Key(row.code, "C7")] = valueCols.reduce((s, c) => s + (r.cells[t3Key(row.code, c.code)] as number), 0);
  }
  FORMATS["2021"].table4.groups.forEach((g, gi) => {
    let sum = 0;
    g.columns.forEach((c, ci) => {
      if (c.total) r.cells[t4Key(c.code)] = sum;
      else {
        r.cells[t4Key(c.code)] = seeds.t4[gi]![ci]!;
        sum += seeds.t4[gi]![ci]!;
      }
    });
  });
  // Fee notices issued (R22) are reported in section 六, as TEXT.FEE expects.
  if ((r.cells[t3Key("R22", "C7")] as number) > 0) r.sections.S6 = { heading: "六、其他需要报告的事项", text: "本年度未收取信息处理费。" };
  cellsOf("2021")
    .filter((c) => c.table === 2)
    .forEach((c, i) => (r.cells[c.key] = seeds.t2[i]!));
  return r;
}

const count = fc.integer({ min: 0, max: 300 });
export const seedsArb: fc.Arbitrary<Seeds> = fc.record({
  t3: fc.array(fc.array(count, { minLength: 22, maxLength: 22 }), { minLength: 6, maxLength: 6 }),
  carried: fc.array(count, { minLength: 6, maxLength: 6 }),
  t4: fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
  t2: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 10, maxLength: 10 }),
});

/** Keys that take part in some sum rule. */
export const ARITHMETIC_KEYS = [...new Set(sumRules("2021").flatMap((r) => [...r.parts, ...r.total].map((t) => t.key)))];

/** A deterministic non-trivial report (for benches and examples). */
export function sampleReport(seed = 1): Report {
  let x = seed;
  const rnd = (max: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % (max + 1);
  };
  return consistentReport({
    t3: Array.from({ length: 6 }, () => Array.from({ length: 22 }, () => rnd(9))),
    carried: Array.from({ length: 6 }, () => rnd(5)),
    t4: Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => rnd(3))),
    t2: Array.from({ length: 10 }, () => rnd(200)),
  });
}
