/**
 * Bounds on what the importers parse (docs/import.md). Markup first: node-html-parser takes quadratic time on
 * thousands of unclosed nested elements, and the tree walkers recurse: so the nesting depth is
 * measured first, in one linear pass with a stack that never grows past the limit. Table grids
 * share one cell budget per page, so rowspan/colspan cannot blow a 10 MB page up to gigabytes.
 */

/** Deepest element nesting accepted; real portal pages stay well under 100. */
export const MAX_DEPTH = 400;
/** Elements in one page; a saved portal page has a few thousand (each costs the parser ~1 KB). */
export const MAX_ELEMENTS = 200_000;
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

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "command", "basefont", "frame", "isindex"]);
/** Elements a new sibling of the same kind closes implicitly (<p><p>, <li><li>, <td><td>). */
const SELF_CLOSING_SIBLING: Record<string, string[]> = {
  p: ["p"], li: ["li"], dt: ["dt", "dd"], dd: ["dt", "dd"], option: ["option"], tr: ["tr", "td", "th"],
  td: ["td", "th"], th: ["td", "th"], thead: ["tbody", "tfoot", "tr", "td", "th"], tbody: ["thead", "tbody", "tfoot", "tr", "td", "th"],
  tfoot: ["thead", "tbody", "tr", "td", "th"],
};
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "noscript"]);
// Attributes stop at the next "<" too, so an unterminated tag cannot make the scan quadratic.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)([^<>]*)>|<!--/g;

/**
 * Where markup goes past MAX_DEPTH or MAX_ELEMENTS, found before parsing in one pass; null when it
 * stays within both.
 */
export function markupOverLimits(html: string): "depth" | "elements" | null {
  const stack: string[] = [];
  let elements = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m[2] === undefined) {
      // A comment runs to the next "-->" (found once, by indexOf), or to the end.
      const end = html.indexOf("-->", TAG.lastIndex);
      if (end < 0) break;
      TAG.lastIndex = end + 3;
      continue;
    }
    const name = m[2].toLowerCase();
    if (m[1]) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    if (++elements > MAX_ELEMENTS) return "elements";
    if (VOID.has(name) || m[3]!.endsWith("/")) continue;
    const closes = SELF_CLOSING_SIBLING[name];
    while (closes && stack.length && closes.includes(stack[stack.length - 1]!)) stack.pop();
    stack.push(name);
    if (stack.length > MAX_DEPTH) return "depth";
    if (RAW_TEXT.has(name)) {
      // Skip to the end of a script/style: "<div>" inside a string there is not markup.
      const close = new RegExp(`</${name}`, "gi");
      close.lastIndex = TAG.lastIndex;
      if (!close.exec(html)) break;
      TAG.lastIndex = close.lastIndex - name.length - 2;
    }
  }
  return null;
}

/**
 * The page without comments, in one linear pass. The reader drops comments anyway, and the
 * parser's comment pattern rescans to the end for every "<!--" that is never closed (quadratic).
 * An unclosed comment runs to the end of the page, as in a browser.
 */
export function withoutComments(html: string): string {
  if (!html.includes("<!--")) return html;
  const parts: string[] = [];
  let at = 0;
  for (;;) {
    const start = html.indexOf("<!--", at);
    if (start < 0) break;
    parts.push(html.slice(at, start));
    const end = html.indexOf("-->", start + 4);
    if (end < 0) return parts.join("");
    at = end + 3;
  }
  parts.push(html.slice(at));
  return parts.join("");
}

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
  constructor(readonly what: "depth" | "elements" | "cells") {
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
