/**
 * pdfmake drawing each line's runs of like inlines with one pdfkit text() call
 * (src/document/renderRunsNode.ts) puts every glyph where plain pdfmake puts it: on the published
 * reports in test/fixtures and on a document made to be hard (justified lines with digits, Latin
 * words and character spacing, colours, links, decorations, superscripts, tables, footers), poppler
 * reads the same words at the same places and draws the same pixels — with far fewer text objects.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { TDocumentDefinitions } from "pdfmake/interfaces";
import { buildDocument } from "../../src/document/build";
import { loadFontsFromDir } from "../../src/document/fontsNode";
import { toPdf } from "../../src/document/pdf";
import { installRenderRuns } from "../../src/document/renderRunsNode";
import { importReport } from "../../src/import";
import type { Report } from "../../src/report";
import { FIXTURES } from "../helpers/paths";
import { countOperator, glyphsOf, lookDifferences, lookOf } from "./samePdf";
import { richReport, seedReport } from "./support";

type RenderLine = (...args: unknown[]) => unknown;
interface RendererClass {
  prototype: { renderLine: RenderLine };
}
/** The classes this test's pdfmake uses (jest's module registry): the ones toPdf below draws with. */
const Renderer = (require("pdfmake/js/Renderer") as { default: RendererClass }).default;
const pdfkitFragment = (require("pdfkit") as { prototype: { _fragment: unknown } }).prototype._fragment;
const originalRenderLine = Renderer.prototype.renderLine;

interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Uint8Array): void };
  setFonts(fonts: Record<string, { normal: string }>): void;
  createPdf(dd: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> };
}

async function fixture(name: string): Promise<Report> {
  return (await importReport({ name, data: new Uint8Array(readFileSync(path.join(FIXTURES, name))) })).report;
}

const CJK = "政府信息公开工作仍存在一些不足，主要是主动公开的深度和广度还需拓展，政策解读的形式较为单一。";
/** pdfmake directly, with the shipped fonts as they are (their kerning included): what the report builder never asks. */
async function hardDocument(): Promise<Uint8Array> {
  const pm = require("pdfmake") as PdfMake;
  const fonts = await loadFontsFromDir();
  pm.virtualfs.writeFileSync("runs-fang.otf", fonts.fang);
  pm.virtualfs.writeFileSync("runs-hei.otf", fonts.hei);
  pm.virtualfs.writeFileSync("runs-title.otf", fonts.title);
  pm.setFonts({ S: { normal: "runs-fang.otf" }, H: { normal: "runs-hei.otf" }, T: { normal: "runs-title.otf" } });
  const dd: TDocumentDefinitions = {
    pageSize: "A4",
    pageMargins: [60, 60, 60, 60],
    defaultStyle: { font: "S", fontSize: 12, alignment: "justify" },
    footer: (page: number, count: number) => ({ text: `— ${page} / ${count} —`, alignment: "center", fontSize: 10 }),
    content: [
      { text: "三门峡市湖滨区 2023 年政府信息公开工作年度报告", font: "T", fontSize: 20, alignment: "center" },
      { text: "一、总体情况", font: "H", fontSize: 16, id: "h1" },
      { text: `2023年以来，前进街道办事处共受理申请 1234 件，office hours 为 9:00–17:30（含 AVA kerning “quoted” text）。${CJK}${CJK}` },
      { text: `${CJK}Latin words in a justified paragraph: the quick brown fox jumps over the lazy dog, 2023-12-31. ${CJK}` },
      { text: `字间距：${CJK}${CJK}`, characterSpacing: 1.5 },
      { text: `字间距、左齐：${CJK}${CJK}`, characterSpacing: 1.5, alignment: "left" },
      { text: `右齐：${CJK}`, alignment: "right" },
      { text: `居中：${CJK}`, alignment: "center" },
      {
        text: [
          "各色文字：",
          { text: "红色文字红色文字", color: "red" },
          { text: "半透明文字", opacity: 0.5 },
          { text: "链接文字", link: "https://example.org/" },
          { text: "下划线文字", decoration: "underline" },
          "上标",
          { text: "2", sup: true },
          "下标",
          { text: "3", sub: true },
          { text: "背景文字", background: "yellow" },
          `${CJK}`,
        ],
      },
      { text: `  前导空格和末尾空格   ${CJK}   ` },
      {
        table: {
          widths: [80, "*", 60],
          body: [
            ["项目", "说明文字较长的一栏，会折行再折行，用来检查单元格里的两端对齐", "数量"],
            ["申请", { text: `依申请公开 ${CJK}`, alignment: "justify" }, { text: "1,234", alignment: "right" }],
            ["复议", { text: CJK, alignment: "center" }, { text: "0", alignment: "center" }],
          ],
        },
      },
      { ul: [`列表第一项：${CJK}`, "列表第二项"] },
      { text: `${CJK}${CJK}${CJK}`, pageBreak: "before", lineHeight: 1.5 },
    ],
  };
  return pm.createPdf(dd).getBuffer();
}

const REPORTS: Array<[string, () => Promise<Uint8Array>]> = [
  ...["2023-sanmenxia-hubin-qianjin.txt", "real/2020-shanghai-shi.html", "real/2022-pingtan-zonghe-shiyanqu.html", "real/2024-pingtan-zonghe-shiyanqu.html"].map(
    (name) => [name, async () => toPdf(buildDocument(await fixture(name)), { ...(await loadFontsFromDir()) })] as [string, () => Promise<Uint8Array>],
  ),
  ["every cell filled", async () => toPdf(buildDocument(richReport()), { ...(await loadFontsFromDir()) })],
  ["the seed report", async () => toPdf(buildDocument(seedReport()), { ...(await loadFontsFromDir()) })],
  ["a document made to be hard", hardDocument],
];

/** Counts of text objects (BT), character spacings (Tc) and links in a PDF. */
function operators(pdf: Uint8Array): { bt: number; tc: number; links: number } {
  const links = (Buffer.from(pdf).toString("latin1").match(/\/Subtype \/Link/g) ?? []).length;
  return { bt: countOperator(pdf, "BT"), tc: countOperator(pdf, "Tc"), links };
}

describe("before and after installing the runs", () => {
  const plain: Uint8Array[] = [];
  const runs: Uint8Array[] = [];

  beforeAll(async () => {
    for (const [, make] of REPORTS) plain.push(await make());
    installRenderRuns(Renderer as never, pdfkitFragment);
    installRenderRuns(Renderer as never, pdfkitFragment); // twice: installed once
    for (const [, make] of REPORTS) runs.push(await make());
  });

  test("it is installed, once", () => {
    expect(Renderer.prototype.renderLine).not.toBe(originalRenderLine);
    const installed = Renderer.prototype.renderLine;
    installRenderRuns(Renderer as never, pdfkitFragment);
    expect(Renderer.prototype.renderLine).toBe(installed);
  });

  test.each(REPORTS.map(([name], i) => [name, i] as const))("%s: every glyph at the same place", (_name, i) => {
    const [before, after] = [glyphsOf(plain[i]!), glyphsOf(runs[i]!)];
    expect(before.length).toBeGreaterThan(500);
    expect(after.length).toBe(before.length);
    let most = 0;
    before.forEach((g, k) => {
      const h = after[k]!;
      expect([k, h.page, h.font, h.gid, h.size]).toEqual([k, g.page, g.font, g.gid, g.size]);
      most = Math.max(most, Math.abs(h.x - g.x), Math.abs(h.y - g.y));
    });
    // pdfkit writes 6 decimals: a run's Tc is rounded once and added per glyph (measured: < 1e-5 pt).
    expect(most).toBeLessThan(1e-4);
  });

  test.each(REPORTS.map(([name], i) => [name, i] as const))("%s: the same words, text and pixels", (name, i) => {
    // The hard document's glyphs sit on the 1/4-pixel steps poppler places glyphs at (12 pt at
    // 100 dpi is 16⅔ px, and pdfmake's positions are rounded to 6 decimals), so a 1e-6 pt move may
    // turn a glyph's edge pixels by one step (≤ 64 levels): measured 570 bytes on a page, by ≤ 65.
    // A glyph moved half a pixel changes its edges by ~128 levels. The reports' pixels are identical.
    const tolerance = name === "a document made to be hard" ? { bytes: 1500, level: 72 } : { bytes: 0, level: 0 };
    expect(lookDifferences(plain[i]!, runs[i]!, { pixelTolerance: tolerance })).toEqual([]);
  });

  test.each(REPORTS.map(([name], i) => [name, i] as const))("%s: far fewer text objects, justified lines joined, links kept", (_name, i) => {
    const [before, after] = [operators(plain[i]!), operators(runs[i]!)];
    expect(before.bt).toBeGreaterThan(100);
    expect(after.bt).toBeLessThan(before.bt * 0.45);
    // Justified runs drawn with Tc = pdfmake's shift (the hard document's spaced inlines had their own).
    if (before.tc === 0) expect(after.tc).toBeGreaterThan(0);
    expect(after.links).toBe(before.links);
  });
});

test("glyphsOf reads the glyphs where poppler does: each word's box starts at a glyph", async () => {
  const pdf = await REPORTS[0]![1]();
  const glyphs = glyphsOf(pdf);
  const { words } = lookOf(pdf);
  expect(words.length).toBeGreaterThan(100);
  for (const w of words) expect([w.text, glyphs.some((g) => g.page === w.page && Math.abs(g.x - w.box[0]) < 0.01)]).toEqual([w.text, true]);
});

function withRenderLine(renderLine: RenderLine): new () => object {
  class Copy {}
  (Copy.prototype as { renderLine?: RenderLine }).renderLine = renderLine;
  return Copy;
}

describe("a pdfmake that looks different", () => {
  test.each([
    ["a Renderer without renderLine", class {}, pdfkitFragment],
    ["a renderLine that draws otherwise", class { renderLine(line: unknown) { return line; } }, pdfkitFragment],
    ["pdfkit drawing text otherwise", withRenderLine(originalRenderLine), function _fragment() {}],
  ] as Array<[string, new () => object, unknown]>)("%s: install refuses and patches nothing", (_name, cls, fragment) => {
    const before = (cls.prototype as { renderLine?: unknown }).renderLine;
    expect(() => installRenderRuns(cls as never, fragment)).toThrow(/not the version/);
    expect((cls.prototype as { renderLine?: unknown }).renderLine).toBe(before);
  });
});
