/**
 * GB/T 9704-2012 page geometry and type sizes, in one place (spec §6; measured in
 * ../shared/notes/export.md §2). Renderers convert from here; no renderer holds its own numbers.
 */
import type { TextStyle } from "./model";
import type { FontRole } from "./fonts";

export const MM_PER_INCH = 25.4;
export const mmToPt = (mm: number): number => (mm * 72) / MM_PER_INCH;
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / MM_PER_INCH);

/** A4 portrait in millimetres. */
export const PAGE_MM = { width: 210, height: 297 } as const;
/** Margins in millimetres: text block 156 × 225 mm. */
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/** Exact twips Word expects (notes §2): derived values rounded as GB/T 9704 templates do. */
export const PAGE_TWIP = { width: 11906, height: 16838 } as const;
export const MARGIN_TWIP = { top: 2098, bottom: 1984, left: 1587, right: 1474 } as const;
/** Footer distance from the page edge: the page number sits 7 mm below the text block. */
export const FOOTER_TWIP = 1304;

/** Text width in mm for an orientation (landscape keeps the same margin values). */
export function textWidthMm(orientation: "portrait" | "landscape"): number {
  const w = orientation === "portrait" ? PAGE_MM.width : PAGE_MM.height;
  return w - MARGIN_MM.left - MARGIN_MM.right;
}

/** 22 lines in the 225 mm block: 637.8 / 22 = 28.99 pt, rounded down so 22 really fit. */
export const LINE_PITCH_PT = 28.95;
export const LINE_PITCH_TWIP = 579;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Chinese type sizes in points. */
export const SIZE_PT = { erhao: 22, sanhao: 16, sihao: 14, xiaosi: 12, wuhao: 10.5, xiaowu: 9 } as const;

export interface StyleSpec {
  font: FontRole;
  /** Nominal size in points (Word: size × 2 half-points). */
  sizePt: number;
  /** Line pitch in points for table and title text (body text uses LINE_PITCH_PT). */
  pitchPt: number;
}

export const STYLES: Record<TextStyle, StyleSpec> = {
  title: { font: "title", sizePt: SIZE_PT.erhao, pitchPt: LINE_PITCH_PT },
  heading1: { font: "hei", sizePt: SIZE_PT.sanhao, pitchPt: LINE_PITCH_PT },
  heading2: { font: "kai", sizePt: SIZE_PT.sanhao, pitchPt: LINE_PITCH_PT },
  heading3: { font: "fang", sizePt: SIZE_PT.sanhao, pitchPt: LINE_PITCH_PT },
  body: { font: "fang", sizePt: SIZE_PT.sanhao, pitchPt: LINE_PITCH_PT },
  // Cells get their own exact pitch: snapping them to 28.95 pt tripled table length (notes §3.2).
  tableWuhao: { font: "fang", sizePt: SIZE_PT.wuhao, pitchPt: 15 },
  tableXiaowu: { font: "fang", sizePt: SIZE_PT.xiaowu, pitchPt: 12 },
};

/** Page number: 4号 宋体 "— n —" (the text around the number in `before`/`after`). */
export const PAGE_NUMBER = { font: "song" as FontRole, sizePt: SIZE_PT.sihao, indentChars: 1, before: "— ", after: " —" };

/** The page number as printed on page `page`. */
export const pageNumberText = (page: number | string): string => `${PAGE_NUMBER.before}${page}${PAGE_NUMBER.after}`;

/** First-line indent of body paragraphs, in characters. */
export const FIRST_LINE_INDENT_CHARS = 2;

/**
 * Word: 28 characters per line need the 16 pt glyphs 0.25 pt closer (28 × 16 pt = 448 pt > 442.2 pt).
 * docx `characterSpacing` is in twips: −5 = −0.25 pt (measured in LibreOffice: 28 per line).
 */
export const DOCX_CHARACTER_SPACING_TWIP = -5;

/**
 * PDF: pdfmake measures CJK one character per inline and ignores negative letter spacing for line
 * fitting, so 16 pt gives 27 characters per line. 15.78 pt gives 28 (28 × 15.78 = 441.8 pt ≤ 442.2 pt);
 * the 1.4 % smaller glyphs are not visible, the 28 × 22 grid is. Applies to body-sized styles only.
 */
export const PDF_SANHAO_PT = 15.78;

/** Table cell padding (mm): small, so a 16 mm column of table 4 holds 结果维持 on one line. */
export const CELL_PADDING_MM = { x: 0.8, y: 0.6 } as const;
