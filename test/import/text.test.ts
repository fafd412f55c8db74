/** Importing the seed text report and synthetic variants of it built here from the seed. */
import { checkReport, cellsOf, emptyReport, FEE_CELL, FORMATS, t2Key, t3Key, type Finding, type Report } from "../../src/report";
import { reportSchema } from "../../src/report/schema";
import { importReport, readText } from "../../src/import";
import { readSeed, reportAsText } from "./support/layout";

const seed = readSeed();
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error");
const seedLines = () => seed.split("\n");
/** Replace the first line that contains `part`. */
function editLine(text: string, part: string, edit: (line: string) => string): string {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.includes(part));
  if (i < 0) throw new Error(`no line ${part}`);
  lines[i] = edit(lines[i]!);
  return lines.join("\n");
}

describe("the seed fixture (三门峡市湖滨区前进街道办事处 2023)", () => {
  const res = readText(seed);
  const r = res.report;

  test("parses to exactly its published values", () => {
    expect(res.recognised).toBe(true);
    expect(r.format).toBe("2021");
    for (const c of cellsOf("2021")) {
      const expected = c.key === "T4.C06" || c.key === "T4.C10" ? 1 : 0;
      expect([c.key, r.cells[c.key]]).toEqual([c.key, expected]);
    }
    expect(Object.keys(r.cells).sort()).toEqual(cellsOf("2021").map((c) => c.key).sort());
  });

  test("metadata from the title line", () => {
    expect(r.meta.year).toBe(2023);
    expect(r.meta.agency).toBe("三门峡市湖滨区前进街道办事处");
    expect(r.meta.title).toBe("三门峡市湖滨区前进街道办事处 2023 年政府信息公开工作年度报告");
  });

  test("all six sections, headings as found, sub-headings kept one per line", () => {
    for (const k of ["S1", "S2", "S3", "S4", "S5", "S6"] as const) expect(r.sections[k]).not.toBeNull();
    expect(r.sections.S1!.heading).toBe("一、总体情况");
    const s1 = r.sections.S1!.text.split("\n");
    expect(s1).toHaveLength(5);
    expect(s1[1]).toMatch(/^\(一\) 健全政府信息公开工作机制/);
    expect(r.sections.S5!.text.split("\n")).toHaveLength(2);
    expect(r.sections.S6!.text).toBe("无");
    expect(r.opening).toBeNull();
  });

  test("no importer findings and no error from the rules", () => {
    expect(res.findings).toEqual([]);
    expect(errors(checkReport(r))).toEqual([]);
    expect(() => reportSchema.parse(r)).not.toThrow();
  });
});

describe("synthetic variants of the seed", () => {
  test("a report in the 2019 format is recognised by its labels", () => {
    const base = readText(seed).report;
    const r2019: Report = { ...emptyReport("2019"), meta: base.meta, sections: base.sections, opening: base.opening };
    const keys2019 = cellsOf("2019").map((c) => c.key);
    keys2019.forEach((k, i) => (r2019.cells[k] = i % 5));
    const text = reportAsText(r2019);
    expect(text).toContain(FORMATS["2019"].table2.blocks[0]!.columns[0]!.label); // 本年新制作数量
    const res = readText(text);
    expect(res.report.format).toBe("2019");
    for (const k of keys2019) expect([k, res.report.cells[k]]).toEqual([k, r2019.cells[k]]);
    expect(res.findings.filter((f) => f.rule.startsWith("IMPORT."))).toEqual([]);
    // The rules then name the old format for a 2023 report.
    expect(checkReport(res.report).map((f) => f.rule)).toContain("DOC.FORMAT");
  });

  test("the 2019 format is recognised from 表三 alone (single （六）其他处理 row)", () => {
    const r2019 = emptyReport("2019", { title: "某局2020年政府信息公开工作年度报告" });
    for (const c of cellsOf("2019")) r2019.cells[c.key] = 0;
    r2019.sections.S3 = { heading: FORMATS["2019"].sections[2]!.heading, text: "" };
    const res = readText(reportAsText(r2019));
    expect(res.report.format).toBe("2019");
    expect(res.report.cells["T3.R21.C7"]).toBe(0);
  });

  test("the standard layout written by the tests reads back (2021, all distinct numbers)", () => {
    const r = readText(seed).report;
    cellsOf("2021").forEach((c, i) => (r.cells[c.key] = i));
    const back = readText(reportAsText(r));
    expect(back.report.cells).toEqual(r.cells);
  });

  test("a row shifted right by an extra cell still lands in its row", () => {
    const text = editLine(seed, "一、本年新收", (l) => `\t${l.replace(/\t0\t0\t/, "\t5\t0\t").replace(/\t0\t$/, "\t5\t")}`);
    const res = readText(text);
    expect(res.report.cells[t3Key("R01", "C1")]).toBe(5);
    expect(res.report.cells[t3Key("R01", "C2")]).toBe(0);
    expect(res.report.cells[t3Key("R01", "C7")]).toBe(5);
    expect(res.findings).toEqual([]);
  });

  test("a row with a missing cell is not guessed: marked unread, its numbers quoted", () => {
    const text = editLine(seed, "(一) 予以公开", () => "三、本年度办理结果\t(一) 予以公开\t1\t0\t0\t0\t0\t1");
    const res = readText(text);
    for (const c of ["C1", "C6", "C7"]) expect(res.report.cells[t3Key("R03", c)]).toBeNull();
    expect(res.report.unread).toEqual(expect.arrayContaining([t3Key("R03", "C1"), t3Key("R03", "C7")]));
    const f = res.findings.find((x) => x.rule === "IMPORT.MISSING" && x.cells.includes(t3Key("R03", "C7")));
    expect(f?.message).toMatch(/表三 第 \d+ 行“\(一\) 予以公开”只找到 6 个数值（应为 7 个）.*本行未导入.*数值为 “1”、“0”、“0”、“0”、“0”、“1”/);
  });

  test("\"/\" and \"无\" are kept as written and reported by the rules as blank", () => {
    let text = editLine(seed, "二、上年结转", (l) => l.replace(/\t0\t/, "\t/\t"));
    text = editLine(text, "2. 重复申请", (l) => l.replace(/\t0$/, "\t无"));
    const r = readText(text).report;
    expect(r.cells[t3Key("R02", "C1")]).toBe("/");
    expect(r.cells[t3Key("R17", "C7")]).toBe("无");
    const found = checkReport(r);
    expect(errors(found)).toEqual([]);
    expect(found.filter((f) => f.rule === "CELL.BLANK").map((f) => f.cells[0])).toEqual([t3Key("R02", "C1"), t3Key("R17", "C7")]);
  });

  test("full-width digits and a fee in 元", () => {
    let text = editLine(seed, "行政规范性文件", () => "行政规范性文件\t１２\t1,024\t0");
    text = editLine(text, "行政事业性收费", () => "行政事业性收费\t251000元");
    const res = readText(text);
    expect(res.report.cells[t2Key("R2", "C1")]).toBe(12);
    expect(res.report.cells[t2Key("R2", "C2")]).toBe(1024);
    expect(res.report.cells[FEE_CELL]).toBe(251000);
    const fee = res.findings.filter((f) => f.rule === "T2.FEE_UNIT");
    expect(fee).toHaveLength(1);
    expect(fee[0]!.severity).toBe("warning");
    expect(fee[0]!.cells).toEqual([FEE_CELL]);
    expect(fee[0]!.message).toContain("251000元");
    expect(fee[0]!.message).toContain("万元");
    expect(fee[0]!.message).toContain("25.1");
  });

  test("a fee in 万元 is taken as it is", () => {
    const res = readText(editLine(seed, "行政事业性收费", () => "行政事业性收费\t2.5万元"));
    expect(res.report.cells[FEE_CELL]).toBe(2.5);
    expect(res.findings.filter((f) => f.rule === "T2.FEE_UNIT")).toEqual([]);
  });

  test("a missing section becomes a finding", () => {
    const lines = seedLines();
    const start = lines.findIndex((l) => l.includes("五、存在的主要问题及改进情况"));
    const end = lines.findIndex((l) => l.includes("六、其他需要报告的事项"));
    const res = readText([...lines.slice(0, start), ...lines.slice(end)].join("\n"));
    expect(res.report.sections.S5).toBeNull();
    const f = res.findings.find((x) => x.cells.includes("S5"));
    expect(f).toMatchObject({ rule: "IMPORT.MISSING", severity: "warning" });
    expect(f!.message).toContain("五、存在的主要问题及改进情况");
    expect(checkReport(res.report).some((x) => x.rule === "DOC.SECTIONS" && x.cells.includes("S5"))).toBe(true);
  });

  test("a missing table is an error finding", () => {
    const lines = seedLines();
    const start = lines.findIndex((l) => l.startsWith("行政复议\t"));
    const res = readText(lines.filter((_, i) => i < start || i > start + 3).join("\n"));
    const f = res.findings.find((x) => x.rule === "IMPORT.MISSING" && x.cells.includes("S4"));
    expect(f?.severity).toBe("error");
    expect(f?.message).toContain("表四");
  });

  test("an unknown row is reported by name and not guessed", () => {
    const text = editLine(seed, "(七) 总计", (l) => `\t(八) 其他情形\t\t2\t0\t0\t0\t0\t0\t2\n${l}`);
    const res = readText(text);
    const f = res.findings.find((x) => x.rule === "IMPORT.UNPLACED");
    expect(f?.severity).toBe("warning");
    expect(f?.message).toMatch(/表三 第 \d+ 行“\(八\) 其他情形”对应不到标准格式中的任何一行，其中的数值 “2”、“0”/);
    // Nothing else moved.
    expect(res.report.cells[t3Key("R24", "C1")]).toBe(0);
    expect(res.report.cells[t3Key("R23", "C1")]).toBe(0);
  });

  test("renamed headings from SECTIONS aliases and punctuation variants", () => {
    let text = seed.replace("#### 四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况");
    text = text.replace("#### 五、存在的主要问题及改进情况", "五．存在问题及改进情况");
    text = text.replace("## 一、总体情况", "**一 、 总体情况**");
    const res = readText(text);
    expect(res.report.sections.S4!.heading).toBe("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况");
    expect(res.report.sections.S5!.heading).toBe("五．存在问题及改进情况");
    expect(res.report.sections.S1!.heading).toBe("一 、 总体情况");
    expect(res.findings).toEqual([]);
  });

  test("labels with mixed punctuation, spaces and numbering styles", () => {
    let text = editLine(seed, "(一) 予以公开", (l) => l.replace("(一) 予以公开", "（ 一 ）予以 公开"));
    text = editLine(text, "1. 属于国家秘密", (l) => l.replace("1. 属于国家秘密", "1、属于国家秘密"));
    text = editLine(text, "3. 危及", (l) => l.replace("3. 危及“三安全一稳定”", '3．危及"三安全一稳定"').replace(/\t0$/, "\t3"));
    const res = readText(text);
    expect(res.report.cells[t3Key("R07", "C7")]).toBe(3);
    expect(res.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  test("pasted text with Windows line ends and no file name", async () => {
    const res = await importReport({ name: "", data: seed.replace(/\n/g, "\r\n") });
    expect(res.input).toBe("text");
    expect(res.recognised).toBe(true);
    expect(res.report.cells["T4.C06"]).toBe(1);
  });

  test("a table that lost its tabs (spaces between numbers) is still read", () => {
    const text = editLine(seed, "0\t0\t0\t0\t0\t1", (l) => l.replace(/\t/g, " "));
    const res = readText(text);
    expect(res.report.cells["T4.C06"]).toBe(1);
    expect(res.report.cells["T4.C10"]).toBe(1);
  });

  test("a copy that lost every tab (one space between cells, Markdown headings): read as the tabbed copy", () => {
    const tabbed = readText(seed).report;
    const res = readText(seed.replace(/\t+/g, " "));
    expect(Object.keys(tabbed.cells).filter((k) => res.report.cells[k] !== tabbed.cells[k])).toEqual([]);
    expect(res.report.unread).toBeUndefined();
    expect(res.findings).toEqual([]);
  });

  test("tables run together when the headings between them are lost", () => {
    const lines = seedLines().filter((l) => !/^#+ (三|四)、/.test(l));
    // Drop the blank lines too, so 表二, 表三 and 表四 are one block of tab lines.
    const start = lines.findIndex((l) => l.startsWith("第二十条第（一）项"));
    const end = lines.findIndex((l) => l.includes("五、存在的主要问题"));
    const merged = [...lines.slice(0, start), ...lines.slice(start, end).filter((l) => l.trim() !== ""), "", ...lines.slice(end)];
    const res = readText(merged.join("\n"));
    expect(res.report.cells["T4.C06"]).toBe(1);
    expect(res.report.cells["T3.R25.C7"]).toBe(0);
    expect(res.report.sections.S3).toEqual({ heading: "三、收到和处理政府信息公开申请情况", text: "" });
    expect(res.report.sections.S4).toEqual({ heading: "四、政府信息公开行政复议、行政诉讼情况", text: "" });
    expect(res.findings).toEqual([]);
    expect(errors(checkReport(res.report))).toEqual([]);
  });

  test("two label levels written in one cell", () => {
    let text = editLine(seed, "1. 属于国家秘密", (l) => l.replace("\t(三) 不予公开\t1. 属于国家秘密", "\t(三) 不予公开 1. 属于国家秘密").replace(/\t0$/, "\t4"));
    text = editLine(text, "(一) 予以公开", (l) => l.replace("三、本年度办理结果\t(一) 予以公开", "三、本年度办理结果（一）予以公开").replace(/\t0\t$/, "\t2\t"));
    const res = readText(text);
    expect(res.report.cells[t3Key("R05", "C7")]).toBe(4);
    expect(res.report.cells[t3Key("R03", "C7")]).toBe(2);
    expect(res.findings).toEqual([]);
  });

  test("a title set on two lines", () => {
    const text = seed.replace("# 三门峡市湖滨区前进街道办事处 2023 年政府信息公开工作年度报告", "三门峡市湖滨区前进街道办事处\n2023年政府信息公开工作年度报告");
    const r = readText(text).report;
    expect(r.meta.agency).toBe("三门峡市湖滨区前进街道办事处");
    expect(r.meta.year).toBe(2023);
    expect(r.opening).toBeNull();
  });
});
