/** Importing saved portal pages: the two real 平潭 pages, and synthetic pages built from the seed. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkReport, FORMATS, t3Key, type Finding, type RawCell } from "../../src/report";
import { importReport, readText } from "../../src/import";
import { readHtml } from "../../src/import/html";
import { FIXTURES } from "../helpers/paths";
import { encodeGb18030, htmlTable, readSeed, table3Layout, tableLayouts } from "./support/layout";

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error");

interface Expected {
  agency: string;
  year: number;
  format: "2021" | "2019";
  cells: Record<string, RawCell>;
}

describe.each(["2022", "2024"])("real page: 平潭综合实验区 %s", (year) => {
  const base = path.join(FIXTURES, "real", `${year}-pingtan-zonghe-shiyanqu`);
  const bytes = new Uint8Array(readFileSync(`${base}.html`));
  const expected = JSON.parse(readFileSync(`${base}.expected.json`, "utf8")) as Expected;

  test("every cell equals the published value; metadata and format match", async () => {
    const res = await importReport({ name: `${year}.html`, data: bytes });
    expect(res.input).toBe("html");
    expect(res.recognised).toBe(true);
    expect(res.format).toBe(expected.format);
    expect(res.report.meta.agency).toBe(expected.agency);
    expect(res.report.meta.year).toBe(expected.year);
    for (const [key, value] of Object.entries(expected.cells)) expect([key, res.report.cells[key]]).toEqual([key, value]);
  });

  test("no error findings from the importer or the rules; text sections read from the article only", async () => {
    const res = await importReport({ name: `${year}.html`, data: bytes });
    expect(errors(res.findings)).toEqual([]);
    expect(errors(checkReport(res.report))).toEqual([]);
    expect(res.findings.filter((f) => f.severity === "warning")).toEqual([]);
    const r = res.report;
    expect(r.opening).toContain("统计");
    expect(r.sections.S1!.text).toContain("（一）主动公开方面");
    expect(r.sections.S6!.text).toBe(`${year}年，无收取信息处理费情况。`);
    // Navigation and footer stay out.
    for (const s of Object.values(r.sections)) expect(s!.text).not.toMatch(/网站地图|版权所有|ICP备|网站标识码/);
  });
});

test("a mistyped heading on a real page is matched by its numeral and wording, and said so", () => {
  const html = readFileSync(path.join(FIXTURES, "real", "2022-pingtan-zonghe-shiyanqu.html"), "utf8");
  const res = readHtml(html);
  expect(res.report.sections.S4!.heading).toBe("四、政府信息公开行政法复议、行政诉讼情况");
  expect(res.findings).toEqual([expect.objectContaining({ rule: "IMPORT.UNPLACED", severity: "info", cells: ["S4"] })]);
});

describe("synthetic pages built from the seed", () => {
  const seedReport = readText(readSeed()).report;
  const report = structuredClone(seedReport);
  const t3 = FORMATS["2021"].table3;
  const valueCols = t3.columns.filter((c) => !c.total);
  t3.rows.forEach((row, i) => {
    if (row.role === "outcome") {
      report.cells[t3Key(row.code, "C1")] = i % 3;
      report.cells[t3Key(row.code, "C2")] = i % 2;
    }
  });
  // Keep 表三 consistent: totals and balance follow from the outcomes (R02 = R25 = 0 in the seed).
  for (const col of valueCols) {
    const sum = t3.rows.filter((r) => r.role === "outcome").reduce((s, r) => s + (report.cells[t3Key(r.code, col.code)] as number), 0);
    report.cells[t3Key("R24", col.code)] = sum;
    report.cells[t3Key("R01", col.code)] = sum;
  }
  for (const row of t3.rows) {
    report.cells[t3Key(row.code, "C7")] = valueCols.reduce((s, c) => s + (report.cells[t3Key(row.code, c.code)] as number), 0);
  }

  function page(opts: { tables?: string[]; charset?: string; title?: string } = {}): string {
    const layouts = tableLayouts(report);
    const tables = opts.tables ?? [htmlTable(layouts.S2!), htmlTable(layouts.S3!), htmlTable(layouts.S4!)];
    const sec = (k: "S1" | "S2" | "S3" | "S4" | "S5" | "S6") => report.sections[k]!;
    const paras = (t: string) => t.split("\n").map((l) => `<p style="text-indent:2em">${l.replace(/ /g, "&nbsp;")}</p>`).join("\n");
    return `<!DOCTYPE html><html><head>${opts.charset ? `<meta http-equiv="Content-Type" content="text/html; charset=${opts.charset}">` : ""}
<title>${opts.title ?? report.meta.title}_政府信息公开年报_某某区人民政府</title>
<script>var nav = "<table><tr><td>一、总体情况</td></tr></table>";</script><style>td{border:1px solid}</style></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a>政务公开</a> &gt; <a>年报</a></div>
<ul class="menu"><li>网站地图</li><li>联系我们</li></ul>
<div class="article"><div class="info">发布时间：2024-01-20 来源：街道办</div>
<div class="content">
<p>${sec("S1").heading}</p>${paras(sec("S1").text)}
<p><strong>${sec("S2").heading}</strong></p>${tables[0]}
<p>${sec("S3").heading}</p>${tables[1]}
<p>${sec("S4").heading}</p>${tables[2]}
<p>${sec("S5").heading}</p>${paras(sec("S5").text)}
<p>${sec("S6").heading}</p>${paras(sec("S6").text)}
</div></div>
<div class="footer"><p>版权所有：某某区人民政府 网站标识码 4112020001</p></div></body></html>`;
  }

  test("tables with rowspan/colspan, <p>/<span> in cells, &nbsp;, nav, scripts and footer", () => {
    const res = readHtml(page());
    expect(res.report.cells).toEqual(report.cells);
    expect(res.report.meta.agency).toBe("三门峡市湖滨区前进街道办事处");
    expect(res.report.meta.year).toBe(2023);
    expect(res.report.sections.S1!.text).toBe(report.sections.S1!.text);
    expect(res.report.sections.S6!.text).toBe("无");
    expect(res.findings).toEqual([]);
    expect(errors(checkReport(res.report))).toEqual([]);
  });

  test("<br> inside header labels, full-width punctuation, 表三 columns in another order", () => {
    let plain = htmlTable(table3Layout("2021", report.cells));
    plain = plain.replace("商业企业", "商业<br/>企业").replace("（一）予以公开", "(一)<br>予以公开").replace("1.属于国家秘密", "1．属于<br/>国家秘密");
    // Swap 自然人 and 总计 (header and every row): the header labels decide the columns.
    const grid = table3Layout("2021", report.cells);
    for (const row of grid.slice(3)) {
      const n = row.length;
      [row[n - 7], row[n - 1]] = [row[n - 1]!, row[n - 7]!];
    }
    grid[1] = [grid[1]![2]!, grid[1]![1]!, grid[1]![0]!];
    const swapped = htmlTable(grid).replace("商业企业", "商业<br/>企业");
    const layouts = tableLayouts(report);
    expect(report.cells[t3Key("R04", "C1")]).not.toBe(report.cells[t3Key("R04", "C7")]);
    for (const t of [plain, swapped]) {
      const res = readHtml(page({ tables: [htmlTable(layouts.S2!), t, htmlTable(layouts.S4!)] }));
      expect(res.report.cells).toEqual(report.cells);
      expect(res.findings.filter((f) => f.severity !== "info")).toEqual([]);
    }
    const res = readHtml(page({ tables: [htmlTable(layouts.S2!), swapped, htmlTable(layouts.S4!)] }));
    expect(res.findings).toEqual([expect.objectContaining({ severity: "info", message: expect.stringContaining("列顺序") })]);
  });

  test("a GB2312 page, declared in <meta>", async () => {
    const bytes = encodeGb18030(page({ charset: "gb2312" }));
    const res = await importReport({ name: "nb.htm", data: bytes });
    expect(res.report.cells).toEqual(report.cells);
    expect(res.report.meta.agency).toBe("三门峡市湖滨区前进街道办事处");
  });

  test("a GBK page without a charset declaration (invalid UTF-8 → GB18030)", async () => {
    const bytes = encodeGb18030(page());
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const res = await importReport({ name: "nb", data: bytes });
    expect(res.input).toBe("html");
    expect(res.report.cells).toEqual(report.cells);
    expect(res.report.sections.S5!.text).toBe(report.sections.S5!.text);
  });

  test("a GBK text file", async () => {
    const res = await importReport({ name: "nb.txt", data: encodeGb18030(readSeed()) });
    expect(res.input).toBe("text");
    expect(res.report.meta.agency).toBe("三门峡市湖滨区前进街道办事处");
    expect(res.report.cells["T4.C10"]).toBe(1);
  });

  test("the whole article inside a layout table (old portals)", () => {
    const html = page().replace('<div class="article">', '<table width="100%"><tr><td class="left">导航</td><td>').replace('</div></div>\n<div class="footer">', "</div></td></tr></table>\n<div class=\"footer\">");
    const res = readHtml(html);
    expect(res.report.cells).toEqual(report.cells);
    expect(res.report.sections.S6!.text).toBe("无");
  });

  test("title only in <title> and a meta tag; opening paragraph before 一、", () => {
    const html = page().replace('<div class="content">', '<div class="content"><p>本报告所列数据统计期限为2023年1月1日至12月31日。</p>');
    const res = readHtml(html);
    expect(res.report.meta.title).toBe(report.meta.title);
    expect(res.report.opening).toBe("本报告所列数据统计期限为2023年1月1日至12月31日。");
    expect(errors(checkReport(res.report))).toEqual([]);
  });
});
