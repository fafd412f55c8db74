/**
 * Word round trip: a .docx with the report's tables in their merged layout (built here with the
 * `docx` package from the seed text), converted by mammoth and read by the HTML reader.
 */
import { checkReport, cellsOf, type Finding } from "../../src/report";
import { importReport, readText } from "../../src/import";
import { docxToHtml } from "../../src/import/docx";
import { readSeed, reportAsDocx } from "./support/layout";

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error");

describe("docx round trip", () => {
  const seed = readText(readSeed()).report;
  // Distinct numbers in every cell so a cell in the wrong place cannot go unnoticed.
  const varied = structuredClone(seed);
  cellsOf("2021").forEach((c, i) => (varied.cells[c.key] = i + 1));
  let seedDocx: Uint8Array;
  let variedDocx: Uint8Array;

  beforeAll(async () => {
    seedDocx = await reportAsDocx(seed);
    variedDocx = await reportAsDocx(varied);
  });

  test("mammoth keeps rowspan and colspan of merged cells", async () => {
    const html = await docxToHtml(seedDocx);
    // 表三 corner: 3 rows × 3 columns; 申请人情况 over 7; 三、本年度办理结果 down 22 rows.
    expect(html).toMatch(/<td colspan="3" rowspan="3">/);
    expect(html).toMatch(/<td colspan="7">/);
    expect(html).toMatch(/<td rowspan="22">/);
    // 表四: 行政诉讼 over 10 columns.
    expect(html).toMatch(/<td colspan="10">/);
  });

  test("the seed report comes back with the same cells, sections and metadata", async () => {
    const res = await importReport({ name: "报告.docx", data: seedDocx });
    expect(res.input).toBe("docx");
    expect(res.recognised).toBe(true);
    expect(res.report.cells).toEqual(seed.cells);
    expect(res.report.meta).toEqual(seed.meta);
    expect(res.report.sections).toEqual(seed.sections);
    expect(res.findings).toEqual([]);
    expect(errors(checkReport(res.report))).toEqual([]);
  });

  test("every cell lands in its own place", async () => {
    const res = await importReport({ name: "报告.DOCX", data: variedDocx });
    expect(res.report.cells).toEqual(varied.cells);
  });

  test("a zip that is not a Word file is refused with a finding, not an exception", async () => {
    const broken = seedDocx.slice(0, 200);
    const res = await importReport({ name: "坏文件.docx", data: broken });
    expect(res.recognised).toBe(false);
    expect(res.findings[0]!.message).toContain("Word");
  });
});
