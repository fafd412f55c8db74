/** The document model: built once from a report, tables derived from src/report/format.ts. */
import { FORMATS, emptyReport, t3Key, t4Key } from "../../src/report";
import { buildDocument } from "../../src/document/build";
import { gridOf } from "../../src/document/grid";
import { cellText, distribute } from "../../src/document/tables";
import { textBlocks } from "../../src/document/text";
import { safeFileBaseName, documentTitle } from "../../src/document/fileName";
import type { Doc, TableBlock, TableCell } from "../../src/document/model";
import { formatLabels, richReport, seedReport } from "./support";

const tables = (doc: Doc): TableBlock[] =>
  doc.sections.flatMap((s) => s.blocks).filter((b): b is TableBlock => b.kind === "table");
const table = (doc: Doc, id: 2 | 3 | 4): TableBlock => tables(doc).find((t) => t.id === id)!;
const find = (t: TableBlock, text: string): TableCell => {
  const c = t.rows.flatMap((r) => r.cells).find((x) => x.text === text);
  if (!c) throw new Error(`no cell ${text}`);
  return c;
};
const texts = (doc: Doc): string[] =>
  doc.sections.flatMap((s) =>
    s.blocks.flatMap((b) =>
      b.kind === "table" ? b.rows.flatMap((r) => r.cells.map((c) => c.text)) : b.kind === "paragraph" ? [b.runs.map((r) => r.text).join("")] : [b.text],
    ),
  );

describe("buildDocument", () => {
  const doc = buildDocument(richReport());

  test("title, opening, six headings in order, table 4 in the portrait flow", () => {
    const blocks = doc.sections.flatMap((s) => s.blocks);
    expect(blocks[0]).toMatchObject({ kind: "title", text: "测试机关2023年政府信息公开工作年度报告" });
    expect(blocks[1]!.kind).toBe("paragraph");
    const headings = blocks.filter((b) => b.kind === "heading" && b.level === 1).map((b) => (b as { text: string }).text);
    expect(headings).toEqual(FORMATS["2021"].sections.map((s) => s.heading));
    // Not alone on a landscape page, two-thirds empty: 五 follows it on the same portrait pages.
    expect(doc.sections.map((s) => s.orientation)).toEqual(["portrait"]);
    const t4 = blocks.findIndex((b) => b.kind === "table" && b.id === 4);
    expect(blocks[t4 + 1]).toMatchObject({ kind: "heading", level: 1, text: FORMATS["2021"].sections[4]!.heading });
  });

  test("every label of the format appears in the document, each from the format definition", () => {
    const all = texts(doc);
    for (const label of formatLabels()) expect(all).toContain(label);
  });

  test("every value cell shows exactly what the report holds", () => {
    const r = richReport();
    const shown = new Map(tables(doc).flatMap((t) => t.rows.flatMap((row) => row.cells.filter((c) => !c.header).map((c) => [c.source.cells[0]!, c.text]))));
    for (const [key, raw] of Object.entries(r.cells)) expect(shown.get(key)).toBe(cellText(raw));
    expect(shown.get("T2.R6.C1")).toBe("12.345678");
    expect(shown.size).toBe(Object.keys(r.cells).length);
  });

  test("every table tiles its grid exactly (no gaps, no overlaps)", () => {
    for (const t of tables(doc)) {
      const g = gridOf(t);
      expect(g.every((row) => row.length === t.columnWidths.length)).toBe(true);
    }
  });

  test("table 3 merges as spec §2", () => {
    const t = table(doc, 3);
    const f = FORMATS["2021"].table3;
    expect(t.headerRows).toBe(3);
    expect(find(t, f.corner)).toMatchObject({ colSpan: 3, rowSpan: 3 });
    expect(find(t, "申请人情况")).toMatchObject({ colSpan: 7, rowSpan: 1 });
    expect(find(t, "自然人")).toMatchObject({ rowSpan: 2, colSpan: 1 });
    expect(find(t, "总计")).toMatchObject({ rowSpan: 2, colSpan: 1 });
    expect(find(t, "法人或其他组织")).toMatchObject({ colSpan: 5, rowSpan: 1 });
    for (const l of ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) expect(find(t, l)).toMatchObject({ colSpan: 1, rowSpan: 1 });
    // 三、本年度办理结果 spans R03–R24; level-2 labels span their sub-rows; one-level rows span 3 columns.
    const results = f.rows.filter((r) => r.path[0] === "三、本年度办理结果").length;
    expect(find(t, "三、本年度办理结果")).toMatchObject({ rowSpan: results, colSpan: 1 });
    expect(results).toBe(22);
    expect(find(t, "（三）不予公开")).toMatchObject({ rowSpan: 8 });
    expect(find(t, "（四）无法提供")).toMatchObject({ rowSpan: 3 });
    expect(find(t, "（五）不予处理")).toMatchObject({ rowSpan: 5 });
    expect(find(t, "（六）其他处理")).toMatchObject({ rowSpan: 3 });
    expect(find(t, "（一）予以公开")).toMatchObject({ rowSpan: 1, colSpan: 2 });
    expect(find(t, "（七）总计")).toMatchObject({ rowSpan: 1, colSpan: 2 });
    expect(find(t, "一、本年新收政府信息公开申请数量")).toMatchObject({ colSpan: 3 });
    expect(find(t, "四、结转下年度继续办理")).toMatchObject({ colSpan: 3 });
    expect(t.rows).toHaveLength(3 + f.rows.length);
  });

  test("table 4 merges as spec §2", () => {
    const t = table(doc, 4);
    expect(t.headerRows).toBe(3);
    expect(t.columnWidths).toHaveLength(15);
    expect(find(t, "行政复议")).toMatchObject({ colSpan: 5, rowSpan: 1 });
    expect(find(t, "行政诉讼")).toMatchObject({ colSpan: 10, rowSpan: 1 });
    expect(find(t, "未经复议直接起诉")).toMatchObject({ colSpan: 5 });
    expect(find(t, "复议后起诉")).toMatchObject({ colSpan: 5 });
    // Under 行政复议 the five labels are 2 rows high; under each litigation group, 1 row.
    expect(t.rows[1]!.cells.slice(0, 5).map((c) => [c.text, c.rowSpan])).toEqual(
      ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"].map((l) => [l, 2]),
    );
    expect(t.rows[2]!.cells.map((c) => c.rowSpan)).toEqual(Array(10).fill(1));
    expect(t.rows[3]!.cells.map((c) => c.source.cells[0])).toEqual(Array.from({ length: 15 }, (_, i) => t4Key(`C${String(i + 1).padStart(2, "0")}`)));
  });

  test("table 2: block headers span the table, single value columns span the three value columns", () => {
    const t = table(doc, 2);
    expect(t.headerRows).toBe(0);
    expect(find(t, "第二十条第（一）项")).toMatchObject({ colSpan: 4 });
    expect(find(t, "本年收费金额（单位：万元）")).toMatchObject({ colSpan: 3 });
    expect(t.rows.filter((r) => r.cells[0]!.text === "信息内容")).toHaveLength(4);
    // A block never splits across pages: only its last row lets go.
    expect(t.rows.filter((r) => !r.keepWithNext)).toHaveLength(4);
  });
});

describe("values as written", () => {
  test("blank renders empty, placeholders and text as written, numbers unchanged", () => {
    const r = seedReport();
    r.cells[t3Key("R01", "C1")] = null;
    r.cells[t3Key("R01", "C2")] = "/";
    r.cells[t3Key("R01", "C3")] = " 无 ";
    r.cells[t3Key("R01", "C4")] = "#REF!";
    r.cells[t3Key("R01", "C5")] = 1e-7;
    r.cells[t3Key("R01", "C6")] = true;
    const t = table(buildDocument(r), 3);
    const row = t.rows[3]!.cells.filter((c) => !c.header).map((c) => c.text);
    expect(row.slice(0, 6)).toEqual(["", "/", "无", "#REF!", "0.0000001", "TRUE"]);
  });

  test("cellText keeps integers and decimals in their shortest form", () => {
    expect(cellText(0)).toBe("0");
    expect(cellText(1234567)).toBe("1234567");
    expect(cellText(0.000001)).toBe("0.000001");
    expect(cellText(25.1)).toBe("25.1");
  });

  test("distribute splits grid columns", () => {
    expect(distribute(3, 1)).toEqual([3]);
    expect(distribute(3, 2)).toEqual([1, 2]);
    expect(distribute(3, 3)).toEqual([1, 1, 1]);
  });
});

describe("section text", () => {
  test("（一） lines become headings or run-in headings; text is kept as written", () => {
    const blocks = textBlocks("　　（一）主动公开\n（二）依申请公开。本年度收到申请 5 件。\n1.规范办理。严格执行制度。\n(三) 平台建设\n普通段落。", "一、总体情况", ["S1"]);
    expect(blocks[0]).toMatchObject({ kind: "heading", level: 2, text: "（一）主动公开" });
    expect(blocks[1]).toMatchObject({
      kind: "paragraph",
      runs: [
        { text: "（二）依申请公开。", style: "heading2" },
        { text: "本年度收到申请 5 件。", style: "body" },
      ],
    });
    expect(blocks[2]).toMatchObject({ kind: "paragraph", runs: [{ style: "heading3" }, { style: "body" }] });
    expect(blocks[3]).toMatchObject({ kind: "heading", level: 2, text: "(三) 平台建设" });
    expect(blocks[4]).toMatchObject({ kind: "paragraph", runs: [{ text: "普通段落。", style: "body" }] });
    expect(blocks[4]!.source).toEqual({ where: "一、总体情况 第 5 段", cells: ["S1"] });
  });

  test("a missing section keeps its heading; a 2019-format report builds with its own labels", () => {
    const r = emptyReport("2019", { year: 2020, agency: "某局" });
    const doc = buildDocument(r);
    const all = texts(doc);
    for (const label of formatLabels("2019")) expect(all).toContain(label);
    expect(doc.title).toBe("某局2020年政府信息公开工作年度报告");
    for (const t of tables(doc)) expect(() => gridOf(t)).not.toThrow();
  });
});

describe("file names", () => {
  test("titles become safe file names", () => {
    expect(safeFileBaseName('某局/2023:年度<报告>?. ')).toBe("某局2023年度报告");
    expect(safeFileBaseName("   ")).toBe("政府信息公开工作年度报告");
    expect(documentTitle(emptyReport("2021"))).toBe("政府信息公开工作年度报告");
  });
});
