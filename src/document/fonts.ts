/**
 * Font roles. Word only NAMES the fonts a government PC has (方正小标宋简体, 仿宋_GB2312 …, never
 * shipped, notes §6); the PDF embeds free substitutes built by scripts/build-fonts.sh.
 */
export type FontRole = "title" | "hei" | "kai" | "fang" | "song";

export const FONT_ROLES: readonly FontRole[] = ["title", "hei", "kai", "fang", "song"];

/** East-Asian font names written into the .docx (spec §6). */
export const DOCX_EAST_ASIA: Record<FontRole, string> = {
  title: "方正小标宋简体",
  hei: "黑体",
  kai: "楷体_GB2312",
  fang: "仿宋_GB2312",
  song: "宋体",
};

/** Latin letters and digits in Word: Times New Roman, as official templates do. */
export const DOCX_LATIN = "Times New Roman";

/** Files under assets/fonts (served as /fonts/ by the add-in), one per role. */
export const PDF_FONT_FILES: Record<FontRole, string> = {
  title: "NotoSerifCJKsc-Bold.gb2312.otf",
  hei: "FandolHei-Regular.gb2312-l1.otf",
  kai: "FandolKai-Regular.gb2312-l1.otf",
  fang: "FandolFang-Regular.gb2312.otf",
  song: "FandolSong-Regular.pagenum.otf",
};

/**
 * Which embedded font draws a character of a role, in order. 仿宋 carries all of GB2312 and is the
 * fallback of every role whose subset is smaller (see build-fonts.sh); nothing falls back further:
 * a character missing from 仿宋 is refused with an EXPORT.GLYPH finding, never drawn as a box.
 */
export const FALLBACK: Record<FontRole, readonly FontRole[]> = {
  title: ["title", "fang"],
  hei: ["hei", "fang"],
  kai: ["kai", "fang"],
  fang: ["fang"],
  song: ["song", "fang"],
};

/** The font files' bytes by role, as loaded in Node (fontsNode.ts) or the add-in (fontLoader.ts). */
export type FontBytes = Record<FontRole, Uint8Array>;

/** The characters each font draws in a document (pdf.ts usedChars). */
export type UsedChars = Record<FontRole, Set<number>>;

/** No characters yet, for every font. */
export const noChars = (): UsedChars => Object.fromEntries(FONT_ROLES.map((r) => [r, new Set<number>()])) as UsedChars;

/**
 * Fonts cut to what a document draws (Node: fontSubsetNode.ts fitFonts). It may throw: the PDF is
 * then drawn with the whole faces.
 */
export type FitFonts = (fonts: FontBytes, used: UsedChars) => FontBytes | Promise<FontBytes>;

/** Bump when assets/fonts changes: names the add-in's font cache, so clients refetch. */
export const FONTS_VERSION = "fandol0.3-noto2.001-gb2312.1";
