/**
 * pdfmake reusing a text leaf's first measuring in later layout passes (src/document/measureOnceNode.ts)
 * gives plain pdfmake's PDFs: on the published reports, the richest report, and a document made to
 * be laid out three times (headings at page ends, justified text with digits, rich text, a table),
 * every glyph is at the same place and the bytes are the same — with far less measuring in the
 * later passes. A leaf changed between passes is measured again.
 */
import path from "node:path";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { loadReportFile } from "../../src/cli/load";
import { buildDocument } from "../../src/document/build";
import { loadFontsFromDir } from "../../src/document/fontsNode";
import { installMeasureOnce } from "../../src/document/measureOnceNode";
import { toPdf } from "../../src/document/pdf";
import type { Report } from "../../src/report";
import { FIXTURES } from "../helpers/paths";
import { glyphsOf, lookDifferences, lookOf } from "./samePdf";
import { richReport } from "./support";

type Fn = (...args: unknown[]) => unknown;
/** The classes this test's pdfmake uses (jest's module registry): the ones toPdf below draws with. */
const cls = <T>(name: string) => (require(`pdfmake/js/${name}`) as { default: T }).default;
const DocMeasure = cls<{ prototype: { measureLeaf: Fn } }>("DocMeasure");
const TextInlines = cls<{ prototype: { buildInlines: Fn; measure: Fn } }>("TextInlines");
const TextBreaker = cls<{ prototype: { getBreaks: Fn } }>("TextBreaker");
const LayoutBuilder = cls<{ prototype: { tryLayoutDocument: Fn } }>("LayoutBuilder");
const originalMeasureLeaf = DocMeasure.prototype.measureLeaf;
const pristine = Object.fromEntries(
  ["measureLeaf", "measureDocument", "measureBlock", "measureTable"].map((k) => [k, (DocMeasure.prototype as unknown as Record<string, unknown>)[k]]),
);
const sources = [TextInlines.prototype.buildInlines, TextInlines.prototype.measure, TextBreaker.prototype.getBreaks];
const classes = () => ({ docMeasure: DocMeasure, sources }) as never;

/**
 * Layout passes of the last document: text leaves measured (buildInlines calls), and of them the
 * leaves an earlier pass had measured already (the node is the top of the stack measureLeaf passes).
 */
let passes: Array<{ measured: number; again: number }> = [];
let seen = new Set<unknown>();
const tryLayout = LayoutBuilder.prototype.tryLayoutDocument;
LayoutBuilder.prototype.tryLayoutDocument = function (this: unknown, ...args: unknown[]) {
  passes.push({ measured: 0, again: 0 });
  return tryLayout.apply(this, args);
};
const buildInlines = TextInlines.prototype.buildInlines;
TextInlines.prototype.buildInlines = function (this: unknown, ...args: unknown[]) {
  const pass = passes[passes.length - 1];
  const node = (args[1] as { styleOverrides?: unknown[] } | undefined)?.styleOverrides?.at(-1);
  if (pass) {
    pass.measured++;
    if (seen.has(node) && passes.length > 1) pass.again++;
    seen.add(node);
  }
  return buildInlines.apply(this, args);
};

interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Uint8Array): void };
  setFonts(fonts: Record<string, { normal: string }>): void;
  createPdf(dd: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> };
}

async function loaded(name: string): Promise<Report> {
  const r = await loadReportFile(path.join(FIXTURES, name));
  if (!r.ok) throw new Error(r.error);
  return r.report;
}

const CJK = "政府信息公开工作仍存在一些不足，主要是主动公开的深度和广度还需拓展，政策解读的形式较为单一。";
/**
 * Twelve headed sections on A5 whose lengths leave two headings alone at a page's end: pdfmake
 * lays it out three times. `change` runs at the first "move this heading" (between passes 1 and 2).
 */
async function threePasses(change?: (content: Array<Record<string, unknown>>, styles: Record<string, Record<string, unknown>>) => void): Promise<Uint8Array> {
  const pm = require("pdfmake") as PdfMake;
  const fonts = await loadFontsFromDir();
  pm.virtualfs.writeFileSync("once-fang.otf", fonts.fang);
  pm.virtualfs.writeFileSync("once-hei.otf", fonts.hei);
  pm.setFonts({ S: { normal: "once-fang.otf" }, H: { normal: "once-hei.otf" } });
  const content: Array<Record<string, unknown>> = [];
  for (let i = 0; i < 12; i++) {
    content.push({ text: `第${i + 1}节 标题`, font: "H", fontSize: 16, headlineLevel: 1, margin: [0, 8, 0, 4] });
    content.push({ text: `2023年第${i}段，受理 ${1000 + i * 37} 件。${CJK.repeat(1 + ((i * 7 + 7) % 9))}` });
  }
  content.push({
    text: ["各色文字：", { text: "红色文字", color: "red" }, { text: "粗体 2024", font: "H" }, { text: "2", sup: true }, `${CJK}`],
    characterSpacing: 0.5,
    style: "note",
  });
  content.push({
    table: {
      widths: [60, "*", 50],
      body: [
        ["项目", "说明文字较长的一栏，会折行再折行，用来检查单元格里的两端对齐", "数量"],
        ["申请", { text: `依申请公开 ${CJK}` }, { text: "1,234", alignment: "right" }],
        ["复议", { text: CJK, alignment: "center" }, { text: "0", alignment: "center" }],
      ],
    },
  });
  let changed = false;
  const dd: TDocumentDefinitions = {
    pageSize: "A5",
    defaultStyle: { font: "S", fontSize: 11, alignment: "justify" },
    styles: { note: { color: "blue" } },
    footer: (page: number) => ({ text: `— ${page} —`, alignment: "center", fontSize: 9, style: "pageNumber" }),
    content: content as unknown as Content[],
    pageBreakBefore: (node, q) => {
      const text = (n: { style?: unknown }) => n.style !== "pageNumber";
      const move = node.headlineLevel !== undefined && !q.getFollowingNodesOnPage().some(text) && q.getNodesOnNextPage().some(text);
      if (move && change && !changed) {
        change(content, dd.styles as Record<string, Record<string, unknown>>);
        changed = true;
      }
      return move;
    },
  };
  return pm.createPdf(dd).getBuffer();
}

const DOCS: Array<[string, () => Promise<Uint8Array>]> = [
  ...[
    "2023-sanmenxia-hubin-qianjin.txt",
    "real/2020-shanghai-shi.html",
    "real/2022-pingtan-zonghe-shiyanqu.html",
    "real/2024-pingtan-zonghe-shiyanqu.html",
  ].map((name) => [name, async () => toPdf(buildDocument(await loaded(name)), { ...(await loadFontsFromDir()) })] as [string, () => Promise<Uint8Array>]),
  ["every cell filled", async () => toPdf(buildDocument(richReport()), { ...(await loadFontsFromDir()) })],
  ["three passes", () => threePasses()],
];

const withoutTime = (pdf: Uint8Array) =>
  Buffer.from(pdf)
    .toString("latin1")
    .replace(/\(D:\d+Z\)/, "")
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, "");

type Made = { pdf: Uint8Array; passes: typeof passes };
async function made(make: () => Promise<Uint8Array>): Promise<Made> {
  passes = [];
  seen = new Set();
  const pdf = await make();
  return { pdf, passes };
}

/** Edits between passes: a paragraph's text, another's size, a piece of rich text, a named style, a table (an ancestor of its cells). */
const edits = (content: Array<Record<string, unknown>>, styles: Record<string, Record<string, unknown>>) => {
  styles.note!.fontSize = 12.5;
  content[25]!.fontSize = 9;
  content[1]!.text = `改过的段落：${CJK}${CJK}`;
  content[3]!.fontSize = 13;
  const rich = content[24]!.text as Array<Record<string, unknown> | string>;
  (rich[1] as Record<string, unknown>).text = "改过的红字";
  (rich[2] as Record<string, unknown>).font = "S";
};

describe("before and after installing measure-once", () => {
  const plain: Made[] = [];
  const once: Made[] = [];
  let plainEdited: Made;
  let onceEdited: Made;

  beforeAll(async () => {
    for (const [, make] of DOCS) plain.push(await made(make));
    plainEdited = await made(() => threePasses(edits));
    installMeasureOnce(classes());
    installMeasureOnce(classes()); // twice: installed once
    for (const [, make] of DOCS) once.push(await made(make));
    onceEdited = await made(() => threePasses(edits));
  });

  test("it is installed, once", () => {
    expect(DocMeasure.prototype.measureLeaf).not.toBe(originalMeasureLeaf);
    const installed = DocMeasure.prototype.measureLeaf;
    installMeasureOnce(classes());
    expect(DocMeasure.prototype.measureLeaf).toBe(installed);
  });

  test("the documents are laid out more than once (else nothing is tested)", () => {
    expect(plain.map((p) => p.passes.length)).toEqual([2, 1, 3, 2, 1, 3]);
  });

  test.each(DOCS.map(([name], i) => [name, i] as const))("%s: every glyph at the same place, the same bytes", (_name, i) => {
    const [before, after] = [glyphsOf(plain[i]!.pdf), glyphsOf(once[i]!.pdf)];
    expect(before.length).toBeGreaterThan(500);
    expect(after).toEqual(before);
    expect(withoutTime(once[i]!.pdf)).toBe(withoutTime(plain[i]!.pdf));
  });

  test.each(DOCS.map(([name], i) => [name, i] as const))("%s: the same words, text and pixels", (_name, i) => {
    expect(lookDifferences(plain[i]!.pdf, once[i]!.pdf)).toEqual([]);
  });

  test.each(DOCS.map(([name], i) => [name, i] as const))("%s: the same passes, far less measuring after the first", (_name, i) => {
    const [before, after] = [plain[i]!.passes, once[i]!.passes];
    expect(after.length).toBe(before.length);
    expect(after[0]).toEqual(before[0]);
    expect(before[0]!.measured).toBeGreaterThan(30);
    for (let k = 1; k < before.length; k++) {
      // Plain pdfmake measures every leaf again; what is left is the page footers (new nodes each pass).
      expect(before[k]!.measured).toBe(before[0]!.measured);
      expect(before[k]!.again).toBeGreaterThan(before[k]!.measured * 0.85);
      expect(after[k]!.again).toBe(0);
      expect(after[k]!.measured).toBe(before[k]!.measured - before[k]!.again);
    }
  });

  test("a leaf changed between passes is measured again", () => {
    expect(plainEdited.passes.length).toBeGreaterThanOrEqual(3);
    expect(onceEdited.passes.length).toBe(plainEdited.passes.length);
    const text = lookOf(onceEdited.pdf).layout;
    expect(text).toContain("改过的段落");
    expect(text).toContain("改过的红字");
    // The paragraph made bigger, the named style's and the table's sizes.
    for (const size of [13, 12.5, 9]) expect([size, glyphsOf(onceEdited.pdf).some((g) => g.size === size)]).toEqual([size, true]);
    expect(glyphsOf(onceEdited.pdf)).toEqual(glyphsOf(plainEdited.pdf));
    expect(withoutTime(onceEdited.pdf)).toBe(withoutTime(plainEdited.pdf));
    // The edits changed the layout: the unchanged document would not do.
    expect(glyphsOf(onceEdited.pdf)).not.toEqual(glyphsOf(once[DOCS.length - 1]!.pdf));
  });
});

describe("a pdfmake that looks different", () => {
  /** pdfmake's own DocMeasure methods (as this file found them), on a class of their own. */
  const copy = (changes: Record<string, unknown> = {}) => ({ prototype: { ...pristine, ...changes } });
  test.each([
    ["the DocMeasure it was written for (the control)", () => copy(), sources, true],
    ["a DocMeasure without measureLeaf", () => copy({ measureLeaf: undefined }), sources, false],
    ["a measureLeaf that measures otherwise", () => copy({ measureLeaf: (node: unknown) => node }), sources, false],
    [
      "a table measured before its layout functions run",
      () => copy({ measureTable: new Function("node", "this.styleStack.auto(data, f); node._offsets = getOffsets(node._layout);") }),
      sources,
      false,
    ],
    [
      "a measuring that asks a style property this patch does not compare",
      () => copy(),
      [...sources.slice(0, 2), "function getBreaks() { getStyleProperty(item, styleContextStack, 'textDirection', 'ltr') }"],
      false,
    ],
  ] as Array<[string, () => { prototype: Record<string, unknown> }, unknown[], boolean]>)(
    "%s: install refuses and patches nothing",
    (_name, make, src, fits) => {
      const docMeasure = make();
      const before = { ...docMeasure.prototype };
      if (fits) {
        installMeasureOnce({ docMeasure, sources: src } as never);
        expect(docMeasure.prototype.measureLeaf).not.toBe(before.measureLeaf);
        return;
      }
      expect(() => installMeasureOnce({ docMeasure, sources: src } as never)).toThrow(/not the version/);
      expect(docMeasure.prototype).toEqual(before);
    },
  );
});
