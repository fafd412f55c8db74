/**
 * Glyph coverage: our cmap reader agrees with fontkit; a character the fonts lack is an
 * EXPORT.GLYPH error naming the character, its code point and its place, and the PDF is refused;
 * a character only the fuller 仿宋 has falls back to it for that run (warning), never an empty box.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FONT_ROLES, PDF_FONT_FILES } from "../../src/document/fonts";
import { fontFacts } from "../../src/document/cmap";
import { buildDocument } from "../../src/document/build";
import { checkGlyphs, segments } from "../../src/document/glyphs";
import { coverageOf, toPdf, MissingGlyphError } from "../../src/document/pdf";
import { fontSourceFromDir, loadFontsFromDir, readFontFacts } from "../../src/document/fontsNode";
import { exportReport } from "../../src/document/exportReport";
import { FONTS_DIR, seedReport } from "./support";

/** The bits of fontkit (no type declarations shipped) the cross-check uses. */
interface FontkitFont {
  hasGlyphForCodePoint(cp: number): boolean;
  characterSet: number[];
  unitsPerEm: number;
  ascent: number;
  descent: number;
}
const fontkit = require("fontkit") as { create(b: Buffer): FontkitFont };

/** Probe characters: the GB2312 rows decoded with Node's GBK decoder (a superset, fine for probing). */
function gb2312(): string[] {
  const dec = new TextDecoder("gbk");
  const out: string[] = [];
  for (let hi = 0xa1; hi <= 0xf7; hi++) {
    if (hi >= 0xaa && hi <= 0xaf) continue; // unassigned rows
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = dec.decode(new Uint8Array([hi, lo]));
      // GBK fills GB2312's holes with private-use and extra symbols: fine as probes here.
      if (ch !== "\ufffd" && ch.length === 1) out.push(ch);
    }
  }
  return out;
}

describe("font coverage", () => {
  test.each(FONT_ROLES)("cmap reader agrees with fontkit for %s", (role) => {
    const bytes = readFileSync(path.join(FONTS_DIR, PDF_FONT_FILES[role]));
    const ours = fontFacts(new Uint8Array(bytes));
    const theirs = fontkit.create(bytes);
    const probe = [...gb2312(), ..."ABCxyz0129 —…·“”《》𠀀赟堃喆"].map((c) => c.codePointAt(0)!);
    for (const cp of probe) expect([cp, ours.has(cp)]).toEqual([cp, theirs.hasGlyphForCodePoint(cp)]);
    // fontkit's characterSet also lists format 4's closing 0xFFFF segment, which maps to no glyph.
    expect(ours.size).toBe(theirs.characterSet.filter((cp) => theirs.hasGlyphForCodePoint(cp)).length);
    expect(ours.unitsPerEm).toBe(theirs.unitsPerEm);
    expect(ours.ascent).toBe(theirs.ascent);
    expect(ours.descent).toBe(theirs.descent);
  });

  test.each(FONT_ROLES)("%s: looked up by binary search, every code point answers as fontkit's list, and the same from the cmap alone", (role) => {
    const file = path.join(FONTS_DIR, PDF_FONT_FILES[role]);
    const bytes = readFileSync(file);
    const theirs = fontkit.create(bytes);
    const mapped = new Set(theirs.characterSet.filter((cp) => theirs.hasGlyphForCodePoint(cp)));
    const whole = fontFacts(new Uint8Array(bytes));
    // Read from the file's table directory and cmap/head/hhea only (the CLI's thread).
    const tablesOnly = readFontFacts(file);
    const wrong: number[] = [];
    // The BMP and plane 2 (rare hanzi), every code point; then each plane's edges.
    const probes = [...Array(0x30000).keys(), 0x10fffd, 0x10ffff, 0xe0100];
    for (const cp of probes) if (whole.has(cp) !== mapped.has(cp) || tablesOnly.has(cp) !== mapped.has(cp)) wrong.push(cp);
    expect(wrong).toEqual([]);
    expect([tablesOnly.size, tablesOnly.unitsPerEm, tablesOnly.ascent, tablesOnly.descent]).toEqual([mapped.size, whole.unitsPerEm, whole.ascent, whole.descent]);
  });

  test("a font file cut short: the cmap reader says where it ends, and the PDF export is refused with that", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-shortfont-"));
    try {
      for (const role of FONT_ROLES) writeFileSync(path.join(dir, PDF_FONT_FILES[role]), readFileSync(path.join(FONTS_DIR, PDF_FONT_FILES[role])));
      const fang = path.join(dir, PDF_FONT_FILES.fang);
      writeFileSync(fang, readFileSync(fang).subarray(0, 300));
      expect(() => readFontFacts(fang)).toThrow("FandolFang-Regular.gb2312.otf 只有 300 字节，cmap 表应到第");
      const res = await exportReport(seedReport(), "pdf", { fontSource: async () => fontSourceFromDir(dir), confirmErrors: true });
      expect(res.status).toBe("refused");
      if (res.status === "refused") expect(res.message).toMatch(/^无法读取本程序自带的 PDF 字体：FandolFang-Regular\.gb2312\.otf 只有 300 字节，cmap 表应到第 \d+ 字节：文件不完整。请重新安装本程序/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("each subset holds its committed character list (GB2312 for 仿宋 and the title, level 1 for 黑体/楷体)", async () => {
    const cov = coverageOf(await loadFontsFromDir());
    const list = (name: string) => [...readFileSync(path.join(FONTS_DIR, "charsets", `${name}.txt`), "utf8")];
    // Fandol has no U+2015 (GB2312 A1AA as Python decodes it; the fonts map U+2014) nor U+2027.
    const absentFromFandol = ["\u2015", "\u2027"];
    const missing = (role: "fang" | "title" | "hei" | "kai" | "song", name: string) =>
      list(name).filter((c) => !cov[role].has(c.codePointAt(0)!) && !(role !== "title" && absentFromFandol.includes(c)));
    expect(list("full")).toHaveLength(7547);
    expect(list("l1")).toHaveLength(4539);
    expect(missing("fang", "full")).toEqual([]);
    expect(missing("title", "full")).toEqual([]);
    expect(missing("hei", "l1")).toEqual([]);
    expect(missing("kai", "l1")).toEqual([]);
    expect(missing("song", "pagenum")).toEqual([]);
    expect(cov.hei.has("亍".codePointAt(0)!)).toBe(false); // first level-2 hanzi (D8A1)
    expect(cov.fang.has("亍".codePointAt(0)!)).toBe(true);
  });
});

describe("EXPORT.GLYPH", () => {
  test("a rare character in a cell and in the text is named with its code point and place", async () => {
    const r = seedReport();
    r.sections.S1!.text += "\n联系人：王赟，电话 12345。";
    r.cells["T3.R01.C1"] = "𠀀";
    const cov = coverageOf(await loadFontsFromDir());
    const findings = checkGlyphs(buildDocument(r), cov);
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors).toHaveLength(2);
    const yun = errors.find((f) => f.message.includes("赟"))!;
    expect(yun).toMatchObject({ rule: "EXPORT.GLYPH", cells: ["S1"] });
    expect(yun.message).toContain("U+8D5F");
    expect(yun.message).toContain("一、总体情况 第 6 段");
    const ext = errors.find((f) => f.message.includes("𠀀"))!;
    expect(ext).toMatchObject({ cells: ["T3.R01.C1"] });
    expect(ext.message).toContain("U+20000");
    expect(ext.message).toContain("表三“一、本年新收政府信息公开申请数量”·自然人");
  });

  test("exportReport refuses the PDF with the findings, but still exports Word", async () => {
    const r = seedReport();
    r.meta.title = "某某县赟山镇2023年政府信息公开工作年度报告";
    const loadFonts = () => loadFontsFromDir();
    const pdf = await exportReport(r, "pdf", { loadFonts, confirmErrors: true });
    expect(pdf.status).toBe("refused");
    expect(pdf.findings[0]).toMatchObject({ rule: "EXPORT.GLYPH", severity: "error", cells: ["META.TITLE"] });
    expect(pdf.findings[0]!.message).toMatch(/“赟”（U\+8D5F）出现在标题/);
    const docx = await exportReport(r, "docx", { confirmErrors: true });
    expect(docx.status).toBe("ok");
  });

  test("the renderer itself never draws a missing glyph", async () => {
    const r = seedReport();
    r.sections.S6!.text = "𠀀";
    await expect(toPdf(buildDocument(r), await loadFontsFromDir())).rejects.toBeInstanceOf(MissingGlyphError);
  });

  test("a level-2 hanzi in a 黑体/楷体 heading falls back to 仿宋 for that run (warning), and the PDF is made", async () => {
    const r = seedReport();
    // 亍 and 邗 are GB2312 level 2: in 仿宋 but not in the level-1 黑体 and 楷体 subsets.
    r.sections.S1!.text = "（一）邗江区亍村\n正文。";
    r.sections.S5!.heading = "五、存在的主要问题及改进情况（邗）";
    const fonts = await loadFontsFromDir();
    const cov = coverageOf(fonts);
    expect(segments("（一）邗江区", "kai", cov)).toEqual([
      { text: "（一）", font: "kai" },
      { text: "邗", font: "fang" },
      { text: "江区", font: "kai" },
    ]);
    const res = await exportReport(r, "pdf", { loadFonts: async () => fonts, confirmErrors: true });
    expect(res.status).toBe("ok");
    const warnings = res.findings.filter((f) => f.rule === "EXPORT.GLYPH");
    expect(warnings.map((f) => f.severity)).toEqual(["warning", "warning", "warning"]);
    expect(warnings.map((f) => f.cells[0])).toEqual(["S1", "S1", "S5"]);
    expect(warnings[0]!.message).toContain("二级标题（楷体）");
  });
});
