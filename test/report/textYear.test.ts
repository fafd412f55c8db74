/**
 * TEXT.YEAR: a statement about an earlier year written as this year's ("2023年，本机关…" in a 2024
 * report, last year's text carried over) is a warning; comparisons, references, dates, ranges and
 * plans for later years stay quiet.
 */
import fc from "fast-check";
import { checkReport, type Report } from "../../src/report";
import { rollForward } from "../../src/workflow/rollForward";
import { sampleReport } from "../support/reports";

function withS1(text: string, year = 2024, key: "S1" | "S5" = "S1"): Report {
  const r = sampleReport(2);
  r.meta.year = year;
  r.meta.title = `测试机关${year}年政府信息公开工作年度报告`;
  r.opening = null;
  r.sections[key] = { heading: key === "S1" ? "一、总体情况" : "五、存在的主要问题及改进情况", text };
  return r;
}
const yearFindings = (r: Report) => checkReport(r).filter((f) => f.rule === "TEXT.YEAR");

test.each([
  "2023年，本机关坚持以习近平新时代中国特色社会主义思想为指导。",
  "一、总体情况\n2023年，区政府办公室认真贯彻落实《条例》。",
  "2023年本机关共主动公开政府信息1200条。",
  "2023年度，我局全面推进政务公开。",
  "在2023年，我区主动公开各类信息。",
  "（一）主动公开情况。2023年共发布政府信息356条。",
  "２０２３年，本机关……",
])("flagged: %s", (text) => {
  const f = yearFindings(withS1(text));
  expect(f).toHaveLength(1);
  expect(f[0]!.severity).toBe("warning");
  expect(f[0]!.cells).toEqual(["S1"]);
  expect(f[0]!.message).toMatch(/(2023|２０２３)年/);
  expect(f[0]!.message).toContain("2024 年度");
  expect(f[0]!.actual).toBe(2023);
});

test.each([
  "2024年，本机关坚持以习近平新时代中国特色社会主义思想为指导。",
  "全年主动公开信息1200条，较2023年增长12%。",
  "与2023年相比，依申请公开数量有所下降。",
  "2023年，本机关收到申请50件；2024年收到60件。",
  "2023年共收到申请50件，同比下降。",
  "详见《某某区2023年政府信息公开工作年度报告》。",
  "2023年度报告发布后，我们逐项整改。",
  "根据2023年5月印发的《实施方案》，我局完善制度。",
  "依据2019年修订的《中华人民共和国政府信息公开条例》。",
  "落实《2021—2025年法治政府建设实施纲要》。",
  "自2008年《条例》施行以来，本机关持续推进公开。",
  "2023年以来的遗留问题已全部整改。",
])("quiet: %s", (text) => {
  expect(yearFindings(withS1(text))).toEqual([]);
});

test("plans for a later year are not flagged (五、改进情况: 2025年，本机关将…)", () => {
  expect(yearFindings(withS1("2025年，本机关将进一步加强政务公开。", 2024, "S5"))).toEqual([]);
});

test("several stale statements in one section: one finding counting them", () => {
  const f = yearFindings(withS1("2023年，本机关推进公开。\n2023年全年主动公开信息100条。"));
  expect(f).toHaveLength(1);
  expect(f[0]!.message).toContain("等 2 处");
});

test("roll forward: last year's '2025年，本机关…' in the 2026 draft is flagged", () => {
  const prior = withS1("2025年，本机关坚持依法公开。", 2025);
  const { report } = rollForward(prior, 2026);
  const f = yearFindings(report);
  expect(f.map((x) => x.cells)).toEqual([["S1"]]);
  expect(f[0]!.message).toContain("2025年，本机关");
});

test("property: any earlier year opening a statement is flagged; the same year as a comparison is quiet", () => {
  const openers = ["本机关", "我局", "全年", "共", "，本机关"];
  const comparisons = (y: number) => [`较${y}年增长`, `与${y}年相比有所增加`, `比${y}年减少`, `${y}年度报告`, `${y}年3月印发的《办法》`];
  fc.assert(
    fc.property(fc.integer({ min: 2010, max: 2040 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 4 }), (year, back, i) => {
      const y = year - back;
      expect(yearFindings(withS1(`${y}年${openers[i]}推进政务公开工作。`, year))).toHaveLength(1);
      expect(yearFindings(withS1(`全年主动公开信息，${comparisons(y)[i]}。`, year))).toEqual([]);
      expect(yearFindings(withS1(`${year}年${openers[i]}推进政务公开工作。`, year))).toEqual([]);
    }),
    { numRuns: 200 },
  );
});
