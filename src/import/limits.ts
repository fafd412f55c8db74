/**
 * Bounds on what the importers parse (docs/import.md). Markup first: node-html-parser takes
 * quadratic time on unclosed or mismatched elements, and the tree walkers recurse: so a page is
 * read by ./markup first, in one linear pass that bounds depth, elements and time and hands the
 * parser balanced markup only. Table grids share one cell budget per page, so rowspan/colspan
 * cannot blow a 10 MB page up to gigabytes.
 */

/** Deepest element nesting accepted; real portal pages stay well under 100. */
export const MAX_DEPTH = 400;
/** Elements in one page; a saved portal page has a few thousand (each costs the parser ~1 KB). */
export const MAX_ELEMENTS = 200_000;
/**
 * Paragraphs and runs of a Word file, counted before mammoth builds them (~2 KB each). A report has
 * about a thousand paragraphs (every table cell holds one); 470 000 used to exhaust a 1 GB heap.
 */
export const MAX_WORD_PARAGRAPHS = 50_000;
export const MAX_WORD_RUNS = 200_000;
/** Time the markup pass may take; a 10 MB page takes well under a second. */
export const MAX_MARKUP_MS = 10_000;
/** HTML table model limits (WHATWG §4.9.11): colspan ≤ 1000, rowspan ≤ 65534. */
export const MAX_COLSPAN = 1000;
export const MAX_ROWSPAN = 65534;
/** One table's grid; the report's largest table (表三) is about 30 × 12. */
export const MAX_TABLE_ROWS = 2000;
export const MAX_TABLE_COLS = 200;
/** Grid cells of all tables of one page together (a report has about 600). */
export const MAX_PAGE_CELLS = 2_000_000;
/** Table rows of one document, all readers (a report has about 80); recognising rows is the slow part. */
export const MAX_DOCUMENT_ROWS = 10_000;

/** Cells still allowed for the tables of one page. */
export class CellBudget {
  used = 0;
  constructor(readonly limit: number = MAX_PAGE_CELLS) {}
  /** Reserve n cells; false when the page would go over its budget. */
  take(n: number): boolean {
    this.used += n;
    return this.used <= this.limit;
  }
}

/** Thrown when markup is beyond these bounds; the reader turns it into a finding. */
export class MarkupTooLarge extends Error {
  constructor(readonly what: "depth" | "elements" | "cells" | "time") {
    super(`markup too large: ${what}`);
    // ES5 builds (IE11): Error.call returns a new object; keep the subclass for instanceof.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** PDF: pages read (a report has 4–12), text items per page, and the whole read's time. */
export const MAX_PDF_PAGES = 60;
export const MAX_PDF_ITEMS_PER_PAGE = 20_000;
export const MAX_PDF_MS = 30_000;
/** Lines of laid-out text (PDF or pdftotext -layout) read by position; a report has a few hundred. */
export const MAX_LAYOUT_LINES = 20_000;
