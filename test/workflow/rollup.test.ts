/**
 * The roll-up's parts on their own: roster names (简称, punctuation, ambiguity asked not guessed),
 * totals (blank as 0 and counted, a non-number makes the total unknown and silences the rules
 * over it, 万元 without float noise), 内容雷同 (real reports of different units stay apart), two
 * files for one unit summed neither; the pane's plan of writes (conflicts unticked, unknown totals
 * not written, a taken sheet name never reused) and the exact-content check before 撤销 removes a sheet.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { emptyReport, type Report } from "../../src/report";
import { importReport } from "../../src/import";
import { createRollup, rosterFromGrid } from "../../src/workflow/rollup";
import { indexRoster } from "../../src/workflow/rollup/names";
import { compareUnits, shinglesOf } from "../../src/workflow/rollup/similar";
import { createTotals } from "../../src/workflow/rollup/totals";
import { FIXTURES } from "../helpers/paths";
import { rollupWritePreview, rollupWrites, sheetLine } from "../../src/workflow/rollup/apply";
import { freeSheetName, holdsExactly, plainBlock } from "../../src/workbook/plainSheets";
import type { TemplateSheets } from "../../src/workbook/port";

const roster = (names: string[]) => names.map((name, i) => ({ name, line: i + 2 }));

describe("roster names", () => {
  const idx = indexRoster(roster(["三门峡市湖滨区财政局", "湖滨区教育局", "湖滨区人民政府办公室", "湖滨区政务服务中心（区大数据局）"]));

  test.each([
    ["三门峡市湖滨区财政局", "三门峡市湖滨区财政局", "exact"],
    ["三门峡市 湖滨区·财政局", "三门峡市湖滨区财政局", "exact"],
    ["区财政局", "三门峡市湖滨区财政局", "short"],
    ["三门峡市湖滨区教育局", "湖滨区教育局", "short"],
    ["湖滨区政务服务中心", "湖滨区政务服务中心（区大数据局）", "exact"],
  ])("%s → %s (%s)", (agency, unit, how) => {
    expect(idx.match(agency, "x.pdf")).toEqual({ kind: "matched", unit: expect.objectContaining({ name: unit }), how });
  });

  test("a name that fits two units is asked about, not guessed", () => {
    const two = indexRoster(roster(["湖滨区财政局", "湖滨区财政局（本级）", "城关镇财政所", "东城镇财政所"]));
    expect(two.match("财政所", "x.txt")).toMatchObject({ kind: "ambiguous" });
  });

  test("the file name when the report names no agency; nothing when nothing fits", () => {
    expect(idx.match(null, "湖滨区教育局2024年报.pdf")).toMatchObject({ kind: "matched", how: "file", unit: { name: "湖滨区教育局" } });
    expect(idx.match("某某县卫健委", "年报.pdf")).toEqual({ kind: "none" });
  });

  test("a roster sheet with a title row, 序号 and blank lines", () => {
    const units = rosterFromGrid([["2024年度政务公开年报报送名单"], ["序号", "单位名称", "联系人"], [1, "湖滨区财政局", "张三"], [], [2, " 湖滨区教育局 ", null], [3, "湖滨区财政局", null]]);
    expect(units).toEqual([
      { name: "湖滨区财政局", line: 3 },
      { name: "湖滨区教育局", line: 5 },
    ]);
  });
});

describe("totals", () => {
  const unit = (cells: Record<string, unknown>): Report["cells"] => ({ ...emptyReport("2021").cells, ...(cells as Report["cells"]) });

  test("blank as 0 and counted; 万元 summed exactly", () => {
    const t = createTotals();
    t.add("甲", unit({ "T3.R01.C1": 2, "T3.R01.C7": 2, "T2.R6.C1": 0.1 }));
    t.add("乙", unit({ "T3.R01.C1": 3, "T3.R01.C7": 3, "T2.R6.C1": 0.2 }));
    const r = t.result();
    expect(r.cells["T3.R01.C1"]).toBe(5);
    expect(r.cells["T2.R6.C1"]).toBe(0.3);
    expect(r.blanks["T3.R02.C1"]).toBe(2);
    expect(r.units).toBe(2);
  });

  test("a cell that is not a number makes its total unknown, named, and no rule judges a sum over it", () => {
    const t = createTotals();
    t.add("甲", unit({ "T3.R01.C1": 2, "T3.R01.C7": 2, "T3.R03.C1": 2, "T3.R03.C7": 2, "T3.R24.C1": 2, "T3.R24.C7": 2 }));
    t.add("乙", unit({ "T3.R01.C1": "三", "T3.R01.C7": 3, "T3.R03.C1": 3, "T3.R03.C7": 3, "T3.R24.C1": 3, "T3.R24.C7": 3 }));
    const r = t.result();
    expect(r.cells["T3.R01.C1"]).toBeNull();
    expect(r.incomplete["T3.R01.C1"]).toEqual(["乙"]);
    expect(r.findings.filter((f) => f.cells.includes("T3.R01.C1"))).toEqual([]);
  });

  test("a cell the reader could not read is unknown in the total, never 0", () => {
    const t = createTotals();
    t.add("甲", unit({ "T3.R01.C1": 2 }));
    t.add("乙", unit({ "T3.R01.C1": null }), ["T3.R01.C1"]);
    expect(t.result().cells["T3.R01.C1"]).toBeNull();
    expect(t.result().incomplete["T3.R01.C1"]).toEqual(["乙"]);
  });

  test("sums that do not add up are reported by the report's own rules", () => {
    const t = createTotals();
    t.add("甲", unit({ "T3.R01.C1": 2, "T3.R01.C7": 5 }));
    expect(t.result().findings.map((f) => f.rule)).toContain("T3.ROW_SUM");
  });
});

describe("内容雷同", () => {
  const read = async (file: string) => (await importReport({ name: file, data: new Uint8Array(readFileSync(path.join(FIXTURES, file))) })).report;

  test("two real reports of different units share no section over the threshold", async () => {
    const a = shinglesOf(await read("2023-sanmenxia-hubin-qianjin.txt"));
    const b = shinglesOf(await read("real/2024-pingtan-zonghe-shiyanqu.html"));
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(compareUnits(a, b, 0.2)).toEqual([]);
  });

  test("a unit's report and its copy under another name are found; a short \"无\" section is not compared", async () => {
    const base = await read("real/2024-pingtan-zonghe-shiyanqu.html");
    const copy: Report = { ...base, meta: { ...base.meta, agency: "某某县教育局" } };
    const other: Report = { ...emptyReport("2021", { agency: "某某县民政局", year: 2024 }), sections: { ...emptyReport("2021").sections, S6: { heading: "六、其他需要报告的事项", text: "无。" } } };
    const r = createRollup({ year: 2024 });
    for (const [i, rep] of [base, copy, other].entries()) r.add({ file: `${i}.html`, report: rep, findings: [] });
    const out = r.finish();
    expect(out.similar).toHaveLength(1);
    expect(out.similar[0]).toMatchObject({ kind: "units", ratio: 1 });
  });

  test("two files for one unit: both listed, neither summed, until the clerk says which", () => {
    const r = createRollup({ year: 2024, roster: roster(["湖滨区财政局"]) });
    const rep = emptyReport("2021", { agency: "湖滨区财政局", year: 2024 });
    r.add({ file: "a.txt", report: rep, findings: [] });
    r.add({ file: "b.txt", report: rep, findings: [] });
    const out = r.finish();
    expect(out.units.map((u) => [u.file, u.inTotals])).toEqual([
      ["a.txt", false],
      ["b.txt", false],
    ]);
    expect(out.units[0]!.note).toContain("b.txt");
    expect(out.totals.units).toBe(0);
  });
});

describe("into the open workbook (the pane's plan)", () => {
  const FULL_TEMPLATE: TemplateSheets = { sheets: { meta: "封面", text: "正文", t2: "表二", t3: "表三", t4: "表四" }, formatVersion: "2021", templateVersion: "1", missing: [] };
  const twoUnits = () => {
    const r = createRollup({ year: 2024 });
    for (const [agency, n] of [["甲局", 3], ["乙局", "约5件"]] as const) {
      const rep = emptyReport("2021", { agency, year: 2024 });
      rep.cells["T3.R02.C1"] = 2;
      rep.cells["T3.R03.C1"] = n;
      r.add({ file: `${agency}.txt`, report: rep, findings: [] });
    }
    return r.finish();
  };

  test("blank cells filled, a different non-empty cell a conflict, an unknown total not written; names never taken", () => {
    const result = twoUnits();
    const current = emptyReport("2021", { year: 2024 });
    current.cells["T3.R02.C1"] = 9;
    const p = rollupWritePreview(result, current, FULL_TEMPLATE, ["表三", "单位一览", "单位一览 (2)"]);
    expect(p.cells.plan.conflicts.map((c) => [c.key, c.current, c.incoming])).toEqual([["T3.R02.C1", 9, 4]]);
    expect(p.cells.plan.fills.find((c) => c.key === "T3.R03.C1")).toBeUndefined();
    expect(p.incomplete).toEqual([{ key: "T3.R03.C1", label: expect.any(String), units: ["乙局"] }]);
    expect(p.sheets.map((s) => s.name)).toEqual(["单位一览 (3)"]); // no 雷同: no pairs
    expect(sheetLine(p.sheets[0]!)).toBe("工作簿中已有工作表“单位一览”，原表不动，本次写入新工作表“单位一览 (3)”。");
    const unticked = rollupWrites(p, new Set());
    expect(unticked.write.cells!["T3.R02.C1"]).toBeUndefined();
    const ticked = rollupWrites(p, new Set(["T3.R02.C1"]));
    expect(ticked.write.cells!["T3.R02.C1"]).toBe(4);
    expect(ticked.write.expect!.cells!["T3.R02.C1"]).toBe(9);
    expect(ticked.applied.cells.undo.cells!["T3.R02.C1"]).toBe(9);
    expect(ticked.sheets[0]!.rows[0]![0]).toBe("单位");
  });

  test("another year's workbook is warned about; no template: inserted first with the 汇总 year", () => {
    const result = twoUnits();
    expect(rollupWritePreview(result, emptyReport("2021", { year: 2023 }), FULL_TEMPLATE, []).cells.warnings).toEqual([
      "打开的工作簿是 2023 年度的报告，汇总的是 2024 年度各单位的报告，请确认后再写入。",
    ]);
    expect(rollupWritePreview(result, null, null, []).cells.insertFirst).toEqual({ year: 2024, agency: "" });
  });

  test("a sheet is removed only while it holds exactly what was written", () => {
    const sheet = { name: "单位一览", rows: [["单位", "错误"], ["甲局", 3], ["0371-1234", null]] };
    expect(plainBlock(sheet)).toMatchObject({ address: "A1:B3", values: [["单位", "错误"], ["甲局", 3], ["'0371-1234", ""]] });
    expect(holdsExactly(sheet, [["单位", "错误"], ["甲局", 3], ["0371-1234", ""]])).toBe(true);
    expect(holdsExactly(sheet, [["单位", "错误", ""], ["甲局", 3, "已催报"], ["0371-1234", "", ""]])).toBe(false);
    expect(holdsExactly(sheet, [["单位", "错误"], ["甲局", 4], ["0371-1234", ""]])).toBe(false);
    expect(holdsExactly(sheet, [["单位", "错误"], ["甲局", 3]])).toBe(false);
    expect(holdsExactly({ name: "x", rows: [["a"]] }, "a")).toBe(true);
    expect(freeSheetName("雷同", ["雷同", "雷同 (2)"])).toBe("雷同 (3)");
  });
});
