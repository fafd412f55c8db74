import fc from "fast-check";
import { checkReport, FORMATS, t3Key, textSimilarity, type Report } from "../../src/report";
import { consistentReport, sampleReport, seedsArb } from "../support/reports";

/** This year's report rolled forward from `prior`: 上年结转 = last year's 结转下年度, column by column. */
function successorOf(prior: Report, seed: number): Report {
  const r = sampleReport(seed);
  for (const col of FORMATS["2021"].table3.columns) {
    const carried = prior.cells[t3Key("R25", col.code)] as number;
    const delta = carried - (r.cells[t3Key("R02", col.code)] as number);
    r.cells[t3Key("R02", col.code)] = carried;
    // keep the balance: 本年新收 absorbs the change only if it stays ≥ 0, else add to outcomes
    const r01 = r.cells[t3Key("R01", col.code)] as number;
    if (r01 - delta >= 0) r.cells[t3Key("R01", col.code)] = r01 - delta;
    else {
      r.cells[t3Key("R03", col.code)] = (r.cells[t3Key("R03", col.code)] as number) + delta;
      r.cells[t3Key("R24", col.code)] = (r.cells[t3Key("R24", col.code)] as number) + delta;
    }
  }
  for (const row of FORMATS["2021"].table3.rows) {
    r.cells[t3Key(row.code, "C7")] = ["C1", "C2", "C3", "C4", "C5", "C6"].reduce((s, c) => s + (r.cells[t3Key(row.code, c)] as number), 0);
  }
  for (const n of ["R1", "R2"]) {
    r.cells[`T2.${n}.C3`] = (prior.cells[`T2.${n}.C3`] as number) + (r.cells[`T2.${n}.C1`] as number) - (r.cells[`T2.${n}.C2`] as number);
  }
  return r;
}

describe("cross-year rules", () => {
  test("a consistent successor passes; changing one carried value fails naming that column", () => {
    fc.assert(
      fc.property(seedsArb, fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 6 }), (seeds, seed, ci) => {
        const prior = consistentReport(seeds, 2022);
        for (const n of ["R1", "R2"]) prior.cells[`T2.${n}.C3`] = 1000; // plenty of valid documents
        const now = successorOf(prior, seed);
        expect(checkReport(now, { prior }).filter((f) => f.severity !== "info")).toEqual([]);
        const col = FORMATS["2021"].table3.columns[ci]!.code;
        const key = t3Key("R02", col);
        now.cells[key] = (now.cells[key] as number) + 1;
        const hit = checkReport(now, { prior }).filter((f) => f.rule === "PRIOR.CARRYOVER");
        expect(hit).toHaveLength(1);
        expect(hit[0]!.cells).toEqual([key]);
        expect(hit[0]!.message).toContain(FORMATS["2021"].table3.columns[ci]!.label);
      }),
      { numRuns: 100 },
    );
  });

  test("valid documents must follow last year's count", () => {
    const prior = sampleReport(1);
    prior.cells["T2.R2.C3"] = 100;
    const now = sampleReport(2);
    now.cells["T2.R2.C1"] = 10;
    now.cells["T2.R2.C2"] = 3;
    now.cells["T2.R2.C3"] = 110;
    now.cells["T2.R1.C3"] = (prior.cells["T2.R1.C3"] as number) + (now.cells["T2.R1.C1"] as number) - (now.cells["T2.R1.C2"] as number);
    const f = checkReport(now, { prior }).filter((x) => x.rule === "PRIOR.VALID_DOCS");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", expected: 107, actual: 110, cells: ["T2.R2.C1", "T2.R2.C2", "T2.R2.C3"] });
  });

  test("text sections nearly identical to last year's are flagged", () => {
    const prior = sampleReport(1);
    const text =
      "2022年，本机关坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实政府信息公开条例，持续深化政务公开，主动公开政府信息，规范依申请公开办理，加强平台建设和监督保障。";
    prior.sections.S1 = { heading: "一、总体情况", text };
    const now = sampleReport(1);
    now.sections.S1 = { heading: "一、总体情况", text: text.replace("2022", "2023") };
    const f = checkReport(now, { prior }).filter((x) => x.rule === "TEXT.SIMILAR");
    expect(f).toHaveLength(1);
    expect(f[0]!.cells).toEqual(["S1"]);
    expect(textSimilarity("完全不同的两段文字内容", "政府信息公开年度报告")).toBeLessThan(0.2);
  });
});

describe("text-against-table rules", () => {
  test("a number quoted in the text that differs from 表三 is a warning naming the cell", () => {
    const r = sampleReport(3);
    const total = r.cells["T3.R01.C7"] as number;
    r.sections.S1 = { heading: "一、总体情况", text: `全年共收到政府信息公开申请${total}件，均按时答复。` };
    expect(checkReport(r).filter((f) => f.rule === "TEXT.NUMBERS")).toEqual([]);
    r.sections.S1.text = `全年共收到政府信息公开申请${total + 1}件，均按时答复。`;
    const f = checkReport(r).filter((x) => x.rule === "TEXT.NUMBERS");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cells: ["T3.R01.C7"], expected: total, actual: total + 1 });
    expect(f[0]!.message).toContain(`收到政府信息公开申请${total + 1}件`);
  });

  test("行政复议 and 行政诉讼 counts are compared with 表四", () => {
    const r = sampleReport(4);
    const review = r.cells["T4.C05"] as number;
    const suits = (r.cells["T4.C10"] as number) + (r.cells["T4.C15"] as number);
    r.sections.S1 = { heading: "一、总体情况", text: `发生行政复议${review}件，行政诉讼${suits + 2}件。` };
    const f = checkReport(r).filter((x) => x.rule === "TEXT.NUMBERS");
    expect(f.map((x) => x.cells)).toEqual([["T4.C10", "T4.C15"]]);
  });

  test("予以公开及部分公开 quoted together, and first-instance judgments, are not mismatches", () => {
    const r = sampleReport(5);
    const both = (r.cells["T3.R03.C7"] as number) + (r.cells["T3.R04.C7"] as number);
    const suits = (r.cells["T4.C10"] as number) + (r.cells["T4.C15"] as number);
    r.sections.S1 = { heading: "一、总体情况", text: `予以公开及部分公开${both}件。行政诉讼${suits}件，一审行政诉讼案件${suits + 7}件。` };
    expect(checkReport(r).filter((f) => f.rule === "TEXT.NUMBERS")).toEqual([]);
    r.sections.S1.text = `予以公开及部分公开${both + 1}件。`;
    expect(checkReport(r).filter((f) => f.rule === "TEXT.NUMBERS").map((f) => f.actual)).toEqual([both + 1]);
  });

  test("fee notices need a fee statement in section 六", () => {
    const r = sampleReport(6);
    r.cells["T3.R22.C1"] = (r.cells["T3.R22.C1"] as number) + 1;
    r.cells["T3.R22.C7"] = (r.cells["T3.R22.C7"] as number) + 1;
    r.cells["T3.R24.C1"] = (r.cells["T3.R24.C1"] as number) + 1;
    r.cells["T3.R24.C7"] = (r.cells["T3.R24.C7"] as number) + 1;
    r.cells["T3.R01.C1"] = (r.cells["T3.R01.C1"] as number) + 1;
    r.cells["T3.R01.C7"] = (r.cells["T3.R01.C7"] as number) + 1;
    r.sections.S6 = { heading: "六、其他需要报告的事项", text: "无。" };
    expect(checkReport(r).filter((f) => f.severity === "error")).toEqual([]);
    expect(checkReport(r).map((f) => f.rule)).toContain("TEXT.FEE");
    r.sections.S6.text = "本年度共收取信息处理费0.01万元。";
    expect(checkReport(r).map((f) => f.rule)).not.toContain("TEXT.FEE");
  });
});
