/**
 * Fonts cut to what a report draws (src/document/fontSubsetNode.ts, fontFitWorkerNode.ts): the
 * PDF looks exactly as with the whole faces (glyph boxes, text, pixels), on published reports; a
 * cut that would lose a character, a face HarfBuzz refuses, or a worker that cannot read the fonts
 * leaves the whole faces in use.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildDocument } from "../../src/document/build";
import { FONT_ROLES, type FontBytes, type UsedChars } from "../../src/document/fonts";
import { fontSourceFromDir, loadFontsFromDir } from "../../src/document/fontsNode";
import { fitFonts, subsetFace } from "../../src/document/fontSubsetNode";
import { fontFitterFor, startEarly, startFontFitter } from "../../src/document/fontFitWorkerNode";
import { defaultFontsDir } from "../../src/document/fontsNode";
import { fontFacts } from "../../src/document/cmap";
import { coverageOf, drawPdf, pdfDefinition, toPdf, usedChars } from "../../src/document/pdf";
import { charsByFont, drawnText } from "../../src/document/glyphs";
import { loadReportFile } from "../../src/cli/load";
import type { Report } from "../../src/report";
import { FIXTURES } from "../helpers/paths";
import { lookDifferences } from "./samePdf";
import { FONTS_DIR, richReport } from "./support";

jest.setTimeout(120_000);

const PUBLISHED = [
  path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"),
  ...readdirSync(path.join(FIXTURES, "real"))
    .filter((f) => f.endsWith(".html"))
    .map((f) => path.join(FIXTURES, "real", f)),
];

async function report(file: string): Promise<Report> {
  const loaded = await loadReportFile(file);
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.report;
}

const usedOf = (r: Report, fonts: FontBytes): UsedChars => usedChars(pdfDefinition(buildDocument(r), coverageOf(fonts)));

test.each(PUBLISHED.map((f) => [path.basename(f), f]))("%s: drawn with faces cut to its characters, the PDF looks the same", async (_name, file) => {
  const fonts = await loadFontsFromDir();
  const r = await report(file);
  const doc = buildDocument(r);
  const seen: FontBytes[] = [];
  const cut = await toPdf(doc, fonts, { fitFonts: (f, used) => seen[seen.push(fitFonts(f, used)) - 1]! });
  const whole = await toPdf(doc, fonts);
  // The cut really happened: the text faces are a small part of what they were.
  expect(seen).toHaveLength(1);
  for (const role of ["fang", "title"] as const) expect(seen[0]![role].byteLength).toBeLessThan(fonts[role].byteLength / 10);
  expect(lookDifferences(whole, cut)).toEqual([]);
});

test("a report with every cell filled looks the same with cut faces (tables, landscape table 4, page numbers)", async () => {
  const fonts = await loadFontsFromDir();
  const doc = buildDocument(richReport());
  const cut = await toPdf(doc, fonts, { fitFonts });
  expect(lookDifferences(await toPdf(doc, fonts), cut)).toEqual([]);
});

test("the characters drawn include every page number's digits, each under the font that draws it", async () => {
  const fonts = await loadFontsFromDir();
  const used = usedOf(richReport(), fonts);
  for (const ch of "— 0123456789") expect([ch, used.song.has(ch.codePointAt(0)!)]).toEqual([ch, true]);
  // A title character is drawn by the title face, not by 仿宋 (unless the title face lacks it).
  expect(used.title.has("报".codePointAt(0)!)).toBe(true);
  expect(used.fang.has("\n".codePointAt(0)!)).toBe(false);
});

test("every cut face maps each character it must draw, keeps the vertical metrics fontkit needs, and drops only an inert GPOS", async () => {
  const fonts = await loadFontsFromDir();
  const used = usedOf(await report(PUBLISHED[0]!), fonts);
  const fitted = fitFonts(fonts, used);
  for (const role of FONT_ROLES) {
    if (fitted[role] === fonts[role]) continue;
    const facts = fontFacts(fitted[role]);
    for (const cp of used[role]) expect([role, cp, facts.has(cp)]).toEqual([role, cp, true]);
    expect(fontFacts(fonts[role])).toMatchObject({ unitsPerEm: facts.unitsPerEm, ascent: facts.ascent, descent: facts.descent });
    const tags = tableTags(fitted[role]);
    // Without vmtx fontkit would read every glyph's outline to work out its vertical metrics.
    expect(tags).toContain("vmtx");
    expect([role, tags.includes("GPOS")]).toEqual([role, role === "title"]);
  }
  // The page-number face (3 KB) is used as it is; the caller's bytes are never changed.
  expect(fitted.song).toBe(fonts.song);
});

function tableTags(b: Uint8Array): string[] {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return Array.from({ length: v.getUint16(4) }, (_, i) => String.fromCharCode(...b.subarray(12 + i * 16, 16 + i * 16)));
}

test("a cut that would lose a character throws, and the PDF is then drawn with the whole faces", async () => {
  const fonts = await loadFontsFromDir();
  const used = usedOf(richReport(), fonts);
  const lacking = { ...used, fang: new Set([...used.fang, 0x8d5f]) }; // 赟: not in the GB2312 face
  expect(() => fitFonts(fonts, lacking)).toThrow(/U\+8D5F/);
  const doc = buildDocument(richReport());
  const refused = await toPdf(doc, fonts, { fitFonts: () => fitFonts(fonts, lacking) });
  expect(lookDifferences(await toPdf(doc, fonts), refused)).toEqual([]);
});

test("bytes that are not a font: HarfBuzz refuses them with an error, not a crash", () => {
  expect(() => subsetFace(new Uint8Array(200).fill(7), [0x4e00])).toThrow();
  expect(() => subsetFace(new Uint8Array(0), [0x4e00])).toThrow();
});

const sameFaces = (a: FontBytes, b: FontBytes) => FONT_ROLES.map((r) => [r, Buffer.from(a[r]).equals(Buffer.from(b[r]))]);
const allSame = FONT_ROLES.map((r) => [r, true]);

test("the worker cuts the same faces as this thread, asked with or without a hint", async () => {
  const fonts = await loadFontsFromDir();
  const r = await report(PUBLISHED[0]!);
  const used = usedOf(r, fonts);
  const here = fitFonts(fonts, used);
  expect(sameFaces(await startFontFitter(FONTS_DIR).faces(used), here)).toEqual(allSame);
  // The hint (the model's text, before layout) names exactly what the laid-out PDF draws.
  expect(charsByFont(drawnText(buildDocument(r)), coverageOf(fonts))).toEqual(used);
  const hinted = startFontFitter(FONTS_DIR);
  hinted.hint(buildDocument(r));
  expect(sameFaces(await hinted.faces(used), here)).toEqual(allSame);
});

test("the CLI's source draws what whole faces draw, reading only the cmaps here and the faces in the worker", async () => {
  const fonts = await loadFontsFromDir();
  const doc = buildDocument(await report(PUBLISHED[0]!));
  const fitter = startFontFitter(FONTS_DIR);
  fitter.hint(doc);
  const asked: UsedChars[] = [];
  const source = fontSourceFromDir(FONTS_DIR, (used) => (asked.push(used), fitter.faces(used)));
  const drawn = await drawPdf(doc, source);
  expect(asked).toHaveLength(1);
  expect(asked[0]).toEqual(usedChars(pdfDefinition(doc, coverageOf(fonts))));
  expect(lookDifferences(await toPdf(doc, fonts), drawn)).toEqual([]);
});

test("a hint for other text: the faces it does not cover are cut again for what the PDF draws", async () => {
  const fonts = await loadFontsFromDir();
  const used = usedOf(await report(PUBLISHED[0]!), fonts);
  const fitter = startFontFitter(FONTS_DIR);
  fitter.hint(buildDocument(richReport()));
  const fitted = await fitter.faces(used);
  for (const role of FONT_ROLES) {
    const facts = fontFacts(fitted[role]);
    for (const cp of used[role]) expect([role, cp, facts.has(cp)]).toEqual([role, cp, true]);
  }
});

test("a worker that cannot read the fonts rejects, and the PDF is drawn with the whole faces", async () => {
  const fonts = await loadFontsFromDir();
  const missing = mkdtempSync(path.join(os.tmpdir(), "xxgk-nofonts-"));
  try {
    writeFileSync(path.join(missing, "README"), "no fonts here");
    const fitter = startFontFitter(missing);
    fitter.hint(buildDocument(richReport()));
    await expect(fitter.faces(usedOf(richReport(), fonts))).rejects.toThrow();
    // The CLI's source: coverage from the faces' cmaps, faces from the worker, else read whole.
    const doc = buildDocument(richReport());
    const failing = startFontFitter(missing);
    const drawn = await drawPdf(
      doc,
      fontSourceFromDir(FONTS_DIR, (used) => failing.faces(used)),
    );
    expect(lookDifferences(await toPdf(doc, fonts), drawn)).toEqual([]);
  } finally {
    rmSync(missing, { recursive: true, force: true });
  }
});

test("a worker that dies before it is asked: the fit is refused at once, never left waiting", async () => {
  const fonts = await loadFontsFromDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-badworker-"));
  try {
    const file = path.join(dir, "worker.js");
    writeFileSync(file, "throw new Error('broken worker');\n");
    const fitter = startFontFitter(FONTS_DIR, { entry: { file, execArgv: [] } });
    fitter.hint(buildDocument(richReport()));
    await new Promise((r) => setTimeout(r, 500));
    await expect(fitter.faces(usedOf(richReport(), fonts))).rejects.toThrow(/broken worker|exited/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the worker bin starts early is taken over once by an export of the same fonts, and cuts", async () => {
  const fonts = await loadFontsFromDir();
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "xxgk-cutcache-"));
  process.env.XXGK_FONT_CACHE_DIR = cacheDir;
  try {
    startEarly();
    const early = fontFitterFor(defaultFontsDir(), cacheDir);
    // Taken once: the next export starts its own; another folder never gets it.
    expect(fontFitterFor(defaultFontsDir(), cacheDir)).not.toBe(early);
    startEarly();
    expect(fontFitterFor(path.join(os.tmpdir(), "elsewhere"), cacheDir)).not.toBe(fontFitterFor(defaultFontsDir(), cacheDir));
    startEarly();
    expect(fontFitterFor(defaultFontsDir(), path.join(os.tmpdir(), "another-cache"))).not.toBe(fontFitterFor(defaultFontsDir(), cacheDir));
    const r = await report(PUBLISHED[0]!);
    early.hint(buildDocument(r));
    const used = usedOf(r, fonts);
    expect(sameFaces(await early.faces(used), fitFonts(fonts, used))).toEqual(allSame);
  } finally {
    delete process.env.XXGK_FONT_CACHE_DIR;
    rmSync(cacheDir, { recursive: true, force: true });
  }
});
