/**
 * The PDF (pdfmake + embedded subset fonts), checked with poppler: A4 pages, every font embedded
 * as a Unicode subset, every label and number extractable, the GB/T 9704 grid (22 lines at
 * 28.95 pt, 28 characters a line), and a render without font errors. Page PNGs are kept in
 * test-output/export/ for a human look.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildDocument } from "../../src/document/build";
import { toPdf } from "../../src/document/pdf";
import { loadFontsFromDir } from "../../src/document/fontsNode";
import { LINE_PITCH_PT, LINES_PER_PAGE, CHARS_PER_LINE } from "../../src/document/layout";
import type { Doc, TableBlock } from "../../src/document/model";
import type { Report } from "../../src/report";
import { outputDir } from "../helpers/paths";
import {
  LONG_PARAGRAPH,
  formatLabels,
  numbersInOrder,
  pdfFonts,
  pdfInfo,
  pdfWords,
  renderPng,
  richReport,
  seedReport,
  table4SharesItsPage,
  textBlocks,
  textLines,
  type Word,
} from "./support";

const OUT = outputDir("export");

function valuesInOrder(doc: Doc): string[] {
  return doc.sections
    .flatMap((s) => s.blocks)
    .filter((b): b is TableBlock => b.kind === "table")
    .flatMap((t) => t.rows.flatMap((r) => r.cells.filter((c) => !c.header && c.text !== "").map((c) => c.text)));
}

const cases: Array<[string, () => Report]> = [
  ["seed", seedReport],
  ["rich", richReport],
];

describe.each(cases)("PDF of the %s report", (name, make) => {
  let doc: Doc;
  let file: string;
  let words: Word[];
  let pageHeights: number[];
  beforeAll(async () => {
    doc = buildDocument(make());
    const bytes = await toPdf(doc, await loadFontsFromDir());
    file = path.join(OUT, `pdf-${name}.pdf`);
    writeFileSync(file, bytes);
    ({ words, pageHeights } = pdfWords(file));
  });

  test("A4 portrait pages; table 4 shares its page with the text around it", () => {
    const info = pdfInfo(file);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    expect(info.sizes).toHaveLength(info.pages);
    expect(info.sizes.filter((s) => s.startsWith("595.28 x 841.89"))).toHaveLength(info.pages);
    expect(table4SharesItsPage(words)).toBe(true);
  });

  test("every font embedded, subset, with a Unicode map", () => {
    const fonts = pdfFonts(file);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual(
      ["FandolFang-Regular", "FandolHei-Regular", "FandolKai-Regular", "FandolSong-Regular", "NotoSerifCJKsc-Bold"].sort(),
    );
    for (const f of fonts) expect(f).toMatchObject({ emb: true, sub: true, uni: true });
  });

  test("text round-trips: title, every label, every number in table order", () => {
    const blocks = textBlocks(words);
    expect(formatLabels().filter((l) => !blocks.some((b) => b.includes(l)))).toEqual([]);
    expect(textLines(words).join("")).toContain(doc.title);
    const numbers = numbersInOrder(words, pageHeights);
    const values = valuesInOrder(doc);
    const at = numbers.findIndex((_, i) => values.every((v, j) => numbers[i + j] === v));
    expect(at).toBeGreaterThanOrEqual(0);
  });

  test("GB/T 9704 grid: body lines 28.95 pt apart, at most 22 a page, 28 characters a full line", () => {
    const lines = textLines(words);
    const start = lines.findIndex((l) => LONG_PARAGRAPH.startsWith(l));
    expect(start).toBeGreaterThan(0);
    const para: string[] = [];
    for (let i = start; para.join("").length < LONG_PARAGRAPH.length; i++) para.push(lines[i]!);
    expect(para.join("")).toBe(LONG_PARAGRAPH);
    expect(para[0]).toHaveLength(CHARS_PER_LINE - 2);
    // 28 a line; a line may give one character to the next so that no line starts with "，" (kinsoku).
    for (const l of para.slice(1, -1)) expect([...l].length).toBeGreaterThanOrEqual(CHARS_PER_LINE - 1);
    for (const l of para) expect([...l].length).toBeLessThanOrEqual(CHARS_PER_LINE);
    expect(para).toHaveLength(Math.ceil((LONG_PARAGRAPH.length + 2) / CHARS_PER_LINE));
    // Pitch: baselines of 三号 body lines on a page step by 28.95 pt.
    const body = words.filter((w) => w.yMax - w.yMin > 15 && w.yMax - w.yMin < 17);
    const byPage = new Map<number, number[]>();
    for (const w of body) byPage.set(w.page, [...new Set([...(byPage.get(w.page) ?? []), Math.round(w.yMax * 100) / 100])]);
    for (const ys of byPage.values()) {
      const sorted = ys.sort((a, b) => a - b);
      expect(sorted.length).toBeLessThanOrEqual(LINES_PER_PAGE);
      for (let i = 1; i < sorted.length; i++) {
        const steps = (sorted[i]! - sorted[i - 1]!) / LINE_PITCH_PT;
        // Headings, tables and the title's blank line keep whole lines between body lines.
        if (steps < 1.5) expect(Math.abs(sorted[i]! - sorted[i - 1]! - LINE_PITCH_PT)).toBeLessThan(0.05);
      }
    }
  });

  test("page numbers '— n —' on every page", () => {
    const info = pdfInfo(file);
    const lines = textLines(words);
    for (let n = 1; n <= info.pages; n++) expect(lines).toContain(`—${n}—`);
  });

  test("renders without font or syntax errors (PNGs kept)", () => {
    expect(renderPng(file, path.join(OUT, `pdf-${name}-page`))).not.toMatch(/Syntax Error|Couldn't create a font|Error/);
  });
});
