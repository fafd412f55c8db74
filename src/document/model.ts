/**
 * The document model: what a report looks like as a document, independent of Word, PDF or HTML.
 * Built once from a Report (build.ts); each renderer only translates it. Tables keep the HTML
 * convention (a spanning cell is written once, covered positions are omitted) because that is
 * what both HTML and docx want; pdfmake's placeholders are derived in grid.ts.
 */

/** Text styles, each mapped to a font role and size in layout.ts. */
export type TextStyle = "title" | "heading1" | "heading2" | "heading3" | "body" | "tableWuhao" | "tableXiaowu";

/** Where a piece of text comes from, so a finding (e.g. a missing glyph) can name it. */
export interface Source {
  /** Chinese description: "标题", "一、总体情况 第 2 段", "表三“本年新收”·自然人". */
  where: string;
  /** Report keys: a section (S1…S6), a cell key (T3.R01.C1) or META.TITLE / META.OPENING. */
  cells: string[];
}

/** A run of text in one style (a paragraph may open with a run-in 楷体 heading). */
export interface Run {
  text: string;
  style: TextStyle;
}

export interface TitleBlock {
  kind: "title";
  text: string;
  /** The title's lines, broken between phrases (breaks.ts); Word and PDF set exactly these. */
  lines: string[];
  source: Source;
}

export interface HeadingBlock {
  kind: "heading";
  /** 1: 一、(黑体) · 2: （一）(楷体) · 3: 1. / （1）(仿宋). */
  level: 1 | 2 | 3;
  text: string;
  source: Source;
}

export interface ParagraphBlock {
  kind: "paragraph";
  runs: Run[];
  source: Source;
}

export interface TableCell {
  /** Exactly what is shown; "" for an empty value cell. */
  text: string;
  colSpan: number;
  rowSpan: number;
  /** A label cell (header or row label) rather than a value. */
  header: boolean;
  align: "left" | "center";
  /** A short header label broken into even lines where it does not fit its column (breaks.ts). */
  lines?: string[];
  source: Source;
}

export interface TableRow {
  cells: TableCell[];
  /**
   * Keep this row on the same page as the next: a block of table 2 never splits; a table's header
   * rows stay with its first body rows and its last rows with the ones before (no lone row).
   */
  keepWithNext?: boolean;
}

export interface TableBlock {
  kind: "table";
  /** 2, 3 or 4: the report table this is. */
  id: 2 | 3 | 4;
  /** Relative column widths (millimetres at full text width); renderers scale them. */
  columnWidths: number[];
  /** Rows repeated at the top of every page the table runs onto. */
  headerRows: number;
  style: "tableWuhao" | "tableXiaowu";
  rows: TableRow[];
  source: Source;
}

export type Block = TitleBlock | HeadingBlock | ParagraphBlock | TableBlock;

export interface DocSection {
  orientation: "portrait" | "landscape";
  blocks: Block[];
}

export interface Doc {
  title: string;
  /** File name without extension, safe on Windows and macOS. */
  fileBaseName: string;
  sections: DocSection[];
}
