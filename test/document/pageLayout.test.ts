/**
 * Export layout a reader notices, checked on what is rendered: a heading never sits alone at a
 * page foot (pdfmake's PDF, and LibreOffice's rendering of the .docx), tables repeat their header
 * rows and keep them with their first rows, titles break between phrases, and 表三's column
 * labels break into even lines. The HTML export fits phones without squeezing labels.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { chromium } from "playwright-core";
import { importReport } from "../../src/import";
import { buildDocument } from "../../src/document/build";
import { balancedLines, emWidth, titleLines, TITLE_CAPACITY_EM } from "../../src/document/breaks";
import { toDocx } from "../../src/document/docx";
import { toHtml } from "../../src/document/html";
import { toPdf } from "../../src/document/pdf";
import { loadFontsFromDir } from "../../src/document/fontsNode";
import type { Doc, TableBlock } from "../../src/document/model";
import type { Report } from "../../src/report";
import { FIXTURES, outputDir } from "../helpers/paths";
import { count, docxPart, libreOfficeToPdf, pdfInfo, seedReport } from "./support";

const OUT = outputDir("export-layout");

/** Text lines of each page (pdftotext -layout), page numbers left out. */
function pageLines(pdf: string): string[][] {
  const pages = pdfInfo(pdf).pages;
  const out: string[][] = [];
  for (let p = 1; p <= pages; p++) {
    const text = execFileSync("pdftotext", ["-layout", "-f", String(p), "-l", String(p), pdf, "-"], { encoding: "utf8" });
    out.push(
      text
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "" && !/^—\s*\d+\s*—$/.test(l)),
    );
  }
  return out;
}

const squash = (s: string) => s.replace(/\s+/g, "");
const headingsOf = (doc: Doc) => doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === "heading" ? [squash(b.text)] : []));

/** Every page that shows a heading also shows what follows it. */
function orphanHeadings(pages: string[][], headings: string[]): string[] {
  const orphans: string[] = [];
  pages.forEach((lines, i) => {
    const last = squash(lines[lines.length - 1] ?? "");
    if (i < pages.length - 1 && headings.includes(last)) orphans.push(`page ${i + 1}: ${last}`);
  });
  return orphans;
}

async function fixture(name: string): Promise<Report> {
  const file = path.join(FIXTURES, name);
  return (await importReport({ name, data: new Uint8Array(readFileSync(file)) })).report;
}

/** The seed report with its section 一 lengthened step by step, so headings land at every height of a page. */
function shifted(lines: number): Report {
  const r = seedReport();
  const filler = "本机关持续推进政务公开标准化规范化建设，及时发布政策文件和工作动态。";
  r.sections.S1!.text += "\n" + Array.from({ length: lines }, () => filler).join("\n");
  return r;
}

const REPORTS: Array<[string, () => Promise<Report>]> = [
  ["pingtan-2022", () => fixture("real/2022-pingtan-zonghe-shiyanqu.html")],
  ["pingtan-2024", () => fixture("real/2024-pingtan-zonghe-shiyanqu.html")],
  ...Array.from({ length: 13 }, (_, i) => i + (i > 6 ? i - 6 : 0)).map((n): [string, () => Promise<Report>] => [`shifted-${n}`, async () => shifted(n)]),
];

describe("line breaks decided in the model", () => {
  test("titles break between phrases and keep a bracketed part whole", () => {
    expect(titleLines("某某区人民政府办公室2020年政府信息公开工作年度报告")).toEqual(["某某区人民政府办公室2020年", "政府信息公开工作年度报告"]);
    expect(titleLines("某某区人民政府办公室2020年政府信息公开工作年度报告（汇总全区）")).toEqual([
      "某某区人民政府办公室2020年",
      "政府信息公开工作年度报告（汇总全区）",
    ]);
    expect(titleLines("某局2023年政府信息公开工作年度报告")).toEqual(["某局2023年政府信息公开工作年度报告"]);
  });

  test("property: title lines fit, rejoin to the title, and never split 政府信息公开工作年度报告 or a bracket", () => {
    const agency = fc.stringMatching(/^[省市区县镇街道局委办公室人民政府发展改革财政教育卫生健康交通运输某甲乙丙丁]{2,24}$/);
    const bracket = fc.constantFrom("", "（汇总全区）", "（区本级）", "（含下属单位）");
    fc.assert(
      fc.property(agency, fc.integer({ min: 2019, max: 2030 }), bracket, (a, y, b) => {
        const title = `${a}${y}年政府信息公开工作年度报告${b}`;
        const lines = titleLines(title);
        expect(lines.join("")).toBe(title);
        for (const l of lines) expect(emWidth(l)).toBeLessThanOrEqual(TITLE_CAPACITY_EM);
        expect(lines.some((l) => l.includes("政府信息公开工作年度报告"))).toBe(true);
        if (b) expect(lines.some((l) => l.includes(b))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test("short labels break into even lines, an enumerator stays whole", () => {
    expect(balancedLines("商业企业", 3)).toEqual(["商业", "企业"]);
    expect(balancedLines("社会公益组织", 3)).toEqual(["社会公", "益组织"]);
    expect(balancedLines("法律服务机构", 5)).toEqual(["法律服", "务机构"]);
    expect(balancedLines("（三）不予公开", 5)).toEqual(["（三）", "不予公开"]);
    expect(balancedLines("自然人", 3)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 6 }), (len, cap) => {
        const lines = balancedLines("字".repeat(len), cap);
        if (len <= cap) return expect(lines).toBeNull();
        const lengths = lines!.map((l) => l.length);
        expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
        expect(Math.max(...lengths)).toBeLessThanOrEqual(cap);
      }),
    );
  });
});

describe("PDF (pdfmake), read page by page", () => {
  test.each(REPORTS)("%s: no heading ends a page; the title breaks between phrases; 表三 labels in even lines", async (name, make) => {
    const doc = buildDocument(await make());
    const file = path.join(OUT, `${name}.pdf`);
    writeFileSync(file, await toPdf(doc, await loadFontsFromDir()));
    const pages = pageLines(file);
    expect(orphanHeadings(pages, headingsOf(doc))).toEqual([]);
    const title = doc.sections[0]!.blocks[0]!;
    expect(title.kind === "title" && title.lines.length).toBeGreaterThan(0);
    if (title.kind === "title") expect(pages[0]!.slice(0, title.lines.length).map(squash)).toEqual(title.lines.map(squash));
    const all = pages.flat().join("\n");
    expect(all).not.toMatch(/商业企\s*$|^\s*业\s/m);
    expect(all).toMatch(/商业\s+科研/);
  });
});

describe(".docx", () => {
  let doc: Doc;
  let xml: string;
  beforeAll(async () => {
    doc = buildDocument(await fixture("real/2022-pingtan-zonghe-shiyanqu.html"));
    const bytes = await toDocx(doc);
    writeFileSync(path.join(OUT, "pingtan-2022.docx"), bytes);
    xml = docxPart(bytes, "word/document.xml");
  });

  test("XML: header rows repeat (tblHeader), rows never split (cantSplit), headings and table starts keep with next", () => {
    const tables = doc.sections.flatMap((s) => s.blocks).filter((b): b is TableBlock => b.kind === "table");
    const withHeader = tables.filter((t) => t.headerRows > 0);
    expect(count(xml, /<w:tblHeader\/>/)).toBe(withHeader.reduce((s, t) => s + t.headerRows, 0));
    expect(count(xml, /<w:cantSplit\/>/)).toBe(tables.reduce((s, t) => s + t.rows.length, 0));
    // Each heading paragraph keeps with the next; 表三's header rows keep with its first body rows.
    const t3 = tables.find((t) => t.id === 3)!;
    expect(t3.rows.slice(0, t3.headerRows + 2).every((r) => r.keepWithNext)).toBe(true);
    const headings = headingsOf(doc).length;
    expect(count(xml, /<w:keepNext\/>/)).toBeGreaterThanOrEqual(headings + t3.rows.filter((r) => r.keepWithNext).length);
    // The title's lines are set apart by breaks.
    const title = doc.sections[0]!.blocks[0]!;
    if (title.kind !== "title") throw new Error("no title");
    expect(title.lines).toEqual(["平潭综合实验区2022年度", "政府信息公开工作年度报告"]);
    const titlePara = /<w:p>(?:(?!<\/w:p>).)*平潭综合实验区2022年度(?:(?!<\/w:p>).)*<\/w:p>/s.exec(xml)![0];
    expect(count(titlePara, /<w:br\/>/)).toBe(1);
  });

  test.each(REPORTS.filter(([n]) => n === "pingtan-2022" || n === "shifted-9" || n === "shifted-15"))(
    "LibreOffice renders %s: no heading ends a page; 表三 starts with its header and at least three rows",
    async (name, make) => {
      const d = buildDocument(await make());
      const file = path.join(OUT, `lo-${name}.docx`);
      writeFileSync(file, await toDocx(d));
      const pdf = libreOfficeToPdf(file, path.join(OUT, `lo-${name}`));
      const pages = pageLines(pdf);
      expect(orphanHeadings(pages, headingsOf(d))).toEqual([]);
      const start = pages.findIndex((lines) => lines.some((l) => l.includes("申请人情况")));
      const firstPage = pages[start]!.join("\n");
      for (const row of ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开"]) expect(firstPage).toContain(row);
      // Where 表三 runs onto a second page, its header is there again.
      if (!pages[start]!.some((l) => l.includes("四、结转下年度继续办理"))) expect(pages[start + 1]!.join("\n")).toContain("申请人情况");
    },
  );
});

describe("HTML in Chromium", () => {
  test.each([375, 1280])("at %i px: a viewport meta, figures on one line, no four-character label squeezed", async (width) => {
    const html = toHtml(buildDocument(await fixture("real/2024-pingtan-zonghe-shiyanqu.html")));
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    const file = path.join(OUT, `html-${width}.html`);
    writeFileSync(file, html);
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
    try {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`file://${file}`);
      const report = await page.evaluate(() => {
        /** Lines a cell's text takes, from the boxes of its characters. */
        const linesOf = (el: Element): string[] => {
          const node = el.firstChild;
          if (!node || node.nodeType !== 3) return [];
          const text = node.textContent ?? "";
          const tops = new Map<number, string>();
          for (let i = 0; i < text.length; i++) {
            const r = document.createRange();
            r.setStart(node, i);
            r.setEnd(node, i + 1);
            const top = Math.round(r.getBoundingClientRect().top);
            tops.set(top, (tops.get(top) ?? "") + text[i]);
          }
          return [...tops.values()];
        };
        const labels = ["自然人", "商业企业", "科研机构", "其他", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结"];
        const th = [...document.querySelectorAll("th")].filter((e) => labels.includes(e.textContent ?? ""));
        const td = [...document.querySelectorAll("td")];
        return {
          squeezed: th.map((e) => [e.textContent, linesOf(e)] as const).filter(([, l]) => l.length > 1),
          wrappedFigures: td.filter((e) => linesOf(e).length > 1).map((e) => e.textContent),
          labels: th.length,
        };
      });
      expect(report.labels).toBeGreaterThanOrEqual(9);
      expect(report.squeezed).toEqual([]);
      expect(report.wrappedFigures).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
