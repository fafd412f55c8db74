/** Label normalisation, heading matching and title parsing: the small pieces the readers rely on. */
import { coreKey, looseKey } from "../../src/import/labels";
import { isTitleLike, parseTitle } from "../../src/import/meta";
import { matchHeading } from "../../src/import/sections";
import { vocabulary } from "../../src/import/vocabulary";
import { FORMATS, SECTIONS } from "../../src/report";

describe("label keys", () => {
  test.each([
    ["(一) 予以公开", "（一）予以公开"],
    ["( 一 )予以\n公开", "（一）予以公开"],
    ["1. 属于国家秘密", "1.属于国家秘密"],
    ["1、属于国家秘密", "1.属于国家秘密"],
    ["1．属于国家秘密", "1.属于国家秘密"],
    ['3. 危及"三安全一稳定"', "3.危及“三安全一稳定”"],
    ["结果 维持", "结果维持"],
    ["商业\n企业", "商业企业"],
    ["本年收费金额(单位:万元)", "本年收费金额（单位：万元）"],
  ])("%j reads as %j", (variant, label) => {
    expect(looseKey(variant)).toBe(looseKey(label));
  });

  test("the enumerator is dropped only where it is one", () => {
    expect(coreKey("（三）不予公开")).toBe(looseKey("不予公开"));
    expect(coreKey("3.危及“三安全一稳定”")).toBe(looseKey("危及三安全一稳定"));
    expect(coreKey("三安全一稳定")).toBe(looseKey("三安全一稳定"));
    expect(coreKey("2023年以来")).toBe(looseKey("2023年以来"));
  });

  test("every 表三 row label of both formats finds its own row", () => {
    for (const id of ["2021", "2019"] as const) {
      const v = vocabulary(id);
      for (const row of FORMATS[id].table3.rows) {
        expect(v.t3Leaves.find(row.path[row.path.length - 1]!)?.target.code).toBe(row.code);
      }
    }
  });

  test("a slightly different wording is matched only as a reported approximation", () => {
    const m = vocabulary("2021").t3Leaves.find("5.要求行政机关确认或者重新出具已获取的信息");
    expect(m).toMatchObject({ how: "fuzzy", target: { code: "R20" } });
    expect(vocabulary("2021").t3Leaves.find("9.其他原因")).toBeNull();
  });
});

describe("section headings", () => {
  test("every heading and alias of SECTIONS", () => {
    for (const s of SECTIONS) for (const h of [s.heading, ...s.aliases]) expect(matchHeading(h)?.def.key).toBe(s.key);
  });

  test.each([
    ["一 、总体情况", "S1", false],
    ["一.总体情况", "S1", false],
    ["总体情况", "S1", false],
    ["四、政府信息公开行政法复议、行政诉讼情况", "S4", true],
  ])("%s → %s (approx: %s)", (text, key, approx) => {
    expect(matchHeading(text)).toMatchObject({ def: { key }, approx });
  });

  test.each(["（一）总体情况", "三、强化政府信息公开内容审核", "四、优化政府信息公开渠道方式", "一、总体情况。2023年以来，本机关……"])("%s is not a section heading", (text) => {
    expect(matchHeading(text)).toBeNull();
  });
});

describe("title line", () => {
  test.each([
    ["三门峡市湖滨区前进街道办事处 2023 年政府信息公开工作年度报告", "三门峡市湖滨区前进街道办事处", 2023],
    ["平潭综合实验区2022年度政府信息公开工作年度报告", "平潭综合实验区", 2022],
    ["二〇二三年度某某县人民政府政府信息公开工作年度报告", "某某县人民政府", 2023],
    ["2021年度XX市生态环境局政府信息公开工作年度报告", "XX市生态环境局", 2021],
    ["关于印发《某局２０２３年政府信息公开工作年度报告》的通知", "某局", 2023],
    ["某街道关于2022年政府信息公开工作年度报告", "某街道", 2022],
  ])("%s", (title, agency, year) => {
    expect(isTitleLike(title)).toBe(true);
    expect(parseTitle(title)).toMatchObject({ agency, year });
  });

  test("prose is not a title", () => {
    expect(isTitleLike("本报告所列数据统计期限为2023年1月1日至12月31日。")).toBe(false);
  });
});
