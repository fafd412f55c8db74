/**
 * The .docx: page geometry, spacing, fonts, merges and footers read from the XML; then LibreOffice
 * renders it (deterministic fonts, notes §8) and poppler reads back every label and number.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildDocument } from "../../src/document/build";
import { toDocx } from "../../src/document/docx";
import { DOCX_EAST_ASIA } from "../../src/document/fonts";
import { CHARS_PER_LINE, MARGIN_TWIP, PAGE_TWIP } from "../../src/document/layout";
import type { Doc, TableBlock } from "../../src/document/model";
import type { Report } from "../../src/report";
import { outputDir } from "../helpers/paths";
import {
  LONG_PARAGRAPH,
  count,
  docxPart,
  docxParts,
  formatLabels,
  libreOfficeToPdf,
  numbersInOrder,
  pdfInfo,
  pdfWords,
  renderPng,
  richReport,
  seedReport,
  table4SharesItsPage,
  textBlocks,
  textLines,
} from "./support";

const OUT = outputDir("export");
const tablesOf = (doc: Doc) => doc.sections.flatMap((s) => s.blocks).filter((b): b is TableBlock => b.kind === "table");

/** Values in document order (table 2, 3, 4, row by row), blanks skipped. */
function valuesInOrder(doc: Doc): string[] {
  return tablesOf(doc).flatMap((t) => t.rows.flatMap((r) => r.cells.filter((c) => !c.header && c.text !== "").map((c) => c.text)));
}

function containsRun(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

describe("docx XML", () => {
  let doc: Doc;
  let bytes: Uint8Array;
  let xml: string;
  beforeAll(async () => {
    doc = buildDocument(richReport());
    bytes = await toDocx(doc);
    xml = docxPart(bytes, "word/document.xml");
  });

  test("A4 portrait with GB/T 9704 margins, table 4 included", () => {
    const sizes = [...xml.matchAll(/<w:pgSz [^>]*\/>/g)].map((m) => m[0]);
    expect(sizes).toHaveLength(doc.sections.length);
    expect(xml).not.toContain('w:orient="landscape"');
    doc.sections.forEach((s, i) => {
      if (s.orientation === "portrait") expect(sizes[i]).toContain(`w:w="${PAGE_TWIP.width}" w:h="${PAGE_TWIP.height}"`);
      else expect(sizes[i]).toMatch(new RegExp(`w:w="${PAGE_TWIP.height}" w:h="${PAGE_TWIP.width}" w:orient="landscape"`));
    });
    const margins = [...xml.matchAll(/<w:pgMar [^>]*\/>/g)].map((m) => m[0]);
    expect(margins).toHaveLength(doc.sections.length);
    for (const m of margins) {
      for (const [k, v] of Object.entries(MARGIN_TWIP)) expect(m).toContain(`w:${k}="${v}"`);
    }
  });

  test("body paragraphs: exact 28.95 pt lines (579), 2-character first-line indent, 28 characters per line", () => {
    const bodyParas = doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind !== "table").length;
    expect(count(xml, /<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"\/>/)).toBeGreaterThanOrEqual(bodyParas);
    expect(count(xml, /w:lineRule="exactly"/)).toBe(0);
    expect(count(xml, /<w:ind w:firstLine="640"\/>/)).toBeGreaterThanOrEqual(bodyParas - 1);
    expect(count(xml, /<w:spacing w:val="-5"\/>/)).toBeGreaterThan(0);
  });

  test("every run names an East-Asian font; the five GB/T 9704 faces are used", () => {
    const fonts = [...xml.matchAll(/<w:rFonts [^>]*\/>/g)].map((m) => m[0]);
    expect(fonts.length).toBeGreaterThan(100);
    for (const f of fonts) expect(f).toMatch(/w:eastAsia="[^"]+"/);
    const used = new Set(fonts.map((f) => /w:eastAsia="([^"]+)"/.exec(f)![1]));
    for (const role of ["title", "hei", "kai", "fang"] as const) expect(used).toContain(DOCX_EAST_ASIA[role]);
    expect(count(xml, /<w:r>/)).toBe(count(xml, /<w:rFonts /));
    expect(xml).toContain('w:eastAsia="zh-CN"');
    // Page numbers in 宋体 live in the footers.
    const footer = docxPart(bytes, "word/footer1.xml");
    expect(footer).toContain(`w:eastAsia="${DOCX_EAST_ASIA.song}"`);
  });

  test("merges: gridSpan and vMerge counts equal the model's spans; header rows repeat; rows never split", () => {
    const tables = tablesOf(doc);
    // docx writes a spanning cell once, plus a vMerge continuation (with the same gridSpan) per covered row.
    const gridSpans = tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).filter((c) => c.colSpan > 1).reduce((s, c) => s + c.rowSpan, 0);
    const restarts = tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).filter((c) => c.rowSpan > 1).length;
    const continues = tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).reduce((s, c) => s + c.rowSpan - 1, 0);
    expect(count(xml, /<w:gridSpan w:val="\d+"\/>/)).toBe(gridSpans);
    expect(count(xml, /<w:vMerge w:val="restart"\/>/)).toBe(restarts);
    expect(count(xml, /<w:vMerge w:val="continue"\/>|<w:vMerge\/>/)).toBe(continues);
    // Spec: corner 3×3 over 3 label columns, 申请人情况 over 7, 法人或其他组织 over 5, 行政诉讼 over 10.
    for (const v of [3, 7, 5, 10]) expect(xml).toContain(`<w:gridSpan w:val="${v}"/>`);
    const rows = tables.reduce((s, t) => s + t.rows.length, 0);
    expect(count(xml, /<w:tblHeader\/>/)).toBe(tables.reduce((s, t) => s + t.headerRows, 0));
    expect(count(xml, /<w:cantSplit\/>/)).toBe(rows);
    expect(count(xml, /<w:tblLayout w:type="fixed"\/>/)).toBe(tables.length);
  });

  test("page numbers '— n —': odd right, even left, evenAndOddHeaders on", () => {
    const settings = docxPart(bytes, "word/settings.xml");
    expect(settings).toContain("<w:evenAndOddHeaders/>");
    expect(count(xml, /<w:footerReference w:type="default"/)).toBe(doc.sections.length);
    expect(count(xml, /<w:footerReference w:type="even"/)).toBe(doc.sections.length);
    const footers = docxParts(bytes).filter((p) => /^word\/footer\d+\.xml$/.test(p));
    expect(footers).toHaveLength(2 * doc.sections.length);
    const rels = docxPart(bytes, "word/_rels/document.xml.rels");
    const target = (type: "default" | "even") => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`).exec(xml)![1];
      return docxPart(bytes, `word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]}`);
    };
    const odd = target("default");
    const even = target("even");
    for (const f of [odd, even]) {
      expect(f).toMatch(/PAGE/);
      expect(f).toContain("— ");
      expect(f).toContain(" —");
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
  });
});

describe("docx rendered by LibreOffice", () => {
  const cases: Array<[string, () => Report]> = [
    ["seed", seedReport],
    ["rich", richReport],
  ];
  test.each(cases)("%s report: A4 pages, every label and every number in the text", async (name, make) => {
    const doc = buildDocument(make());
    const file = path.join(OUT, `docx-${name}.docx`);
    writeFileSync(file, await toDocx(doc));
    const pdf = libreOfficeToPdf(file, path.join(OUT, `lo-${name}`));
    const info = pdfInfo(pdf);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    // Portrait A4 throughout (LibreOffice rounds to 595.304); table 4 shares its page.
    for (const s of info.sizes) expect(s).toMatch(/^595\.\d+ x 841\.89 pts/);
    const { words, pageHeights } = pdfWords(pdf);
    expect(table4SharesItsPage(words)).toBe(true);
    const blocks = textBlocks(words);
    const missing = formatLabels().filter((l) => !blocks.some((b) => b.includes(l)));
    expect(missing).toEqual([]);
    expect(textLines(words).join("")).toContain(doc.title);
    // 28 characters a line: the long paragraph takes exactly the lines a 28-character grid gives it.
    const lines = textLines(words);
    const start = lines.findIndex((l) => LONG_PARAGRAPH.startsWith(l));
    expect(lines[start]).toHaveLength(CHARS_PER_LINE - 2);
    const grid = Math.ceil((LONG_PARAGRAPH.length + 2) / CHARS_PER_LINE);
    expect(lines.slice(start, start + grid).join("").replace(/[，。、]/g, "")).toBe(LONG_PARAGRAPH.replace(/[，。、]/g, ""));
    expect(containsRun(numbersInOrder(words, pageHeights), valuesInOrder(doc))).toBe(true);
    expect(renderPng(pdf, path.join(OUT, `lo-${name}`, "page"))).not.toMatch(/Syntax Error|Couldn't create a font/);
  });
});
