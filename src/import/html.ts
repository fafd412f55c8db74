/**
 * A saved government portal page: the report sits among navigation, scripts and footers. The
 * page is flattened into paragraphs and tables; the article is the smallest element holding the
 * report's headings and tables; the title comes from the article or, failing that, from the
 * page's meta tags, <h1> or <title>. Runs in Node and in the browser (no DOM needed).
 */
import { NodeType, parse, type HTMLElement, type Node } from "node-html-parser";
import type { Block } from "./blocks";
import { readDocument, type DocumentResult } from "./document";
import { tableGrid, cellText } from "./htmlGrid";
import { CellBudget, MarkupTooLarge, MAX_DEPTH, MAX_ELEMENTS, MAX_MARKUP_MS, MAX_PAGE_CELLS } from "./limits";
import { boundMarkup } from "./markup";
import { cleanText } from "./labels";
import { importText, type MarkupSource } from "./messages";
import { emptyReport } from "../report";
import { isTitleLike, titleFromPageTitle } from "./meta";
import { classifyGrid } from "./recognise";
import { matchHeading } from "./sections";

const SKIP = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "IFRAME", "SVG", "OBJECT", "SELECT", "BUTTON",
  "NAV", "FOOTER", "ASIDE", "CANVAS", "MAP", "TEXTAREA", "INPUT",
]);
const BLOCK = new Set([
  "P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "UL", "OL", "SECTION", "ARTICLE", "HEADER", "MAIN",
  "BLOCKQUOTE", "PRE", "TR", "TD", "TH", "TBODY", "THEAD", "TFOOT", "CAPTION", "DL", "DT", "DD", "FORM",
  "CENTER", "ADDRESS", "FIGURE", "FIGCAPTION", "HR", "BODY", "HTML", "TABLE", "FIELDSET", "LEGEND",
]);
/** A "table" with a cell this long is page layout, not a report table. */
const LAYOUT_CELL = 300;
const CJK = "\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f";
/** Source line breaks between two CJK characters are not spaces in Chinese text. */
const CJK_WRAP = new RegExp(`([${CJK}])[ \\t]*[\\r\\n]+[ \\t\\r\\n]*(?=[${CJK}])`, "g");

interface Flat {
  block: Block;
  node: HTMLElement;
}

function hasNestedTable(table: HTMLElement): boolean {
  return table.querySelector("table") !== null;
}

function flatten(root: HTMLElement, budget: CellBudget): Flat[] {
  const out: Flat[] = [];
  let buffer: string[] = [];
  let owner: HTMLElement | null = null;
  const flush = () => {
    if (buffer.length && owner) {
      const text = cleanText(buffer.join("").replace(CJK_WRAP, "$1").replace(/[\r\n\f\v]+/g, " "));
      if (text) out.push({ block: { kind: "para", text }, node: owner });
    }
    buffer = [];
    owner = null;
  };
  const walk = (node: Node, parent: HTMLElement) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      const t = node.text;
      if (t.trim() === "" && buffer.length === 0) return;
      if (!owner) owner = parent;
      buffer.push(t);
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    const tag = el.tagName ?? "";
    if (SKIP.has(tag)) return;
    if (tag === "BR") {
      flush();
      return;
    }
    if (tag === "TABLE" && !hasNestedTable(el)) {
      const rows = tableGrid(el, budget);
      if (!rows.some((r) => r.some((c) => c.length > LAYOUT_CELL))) {
        flush();
        if (rows.length) out.push({ block: { kind: "table", rows }, node: el });
        return;
      }
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const c of el.childNodes) walk(c, el);
    if (block) flush();
  };
  walk(root, root);
  flush();
  return out;
}

function ancestors(node: HTMLElement): HTMLElement[] {
  const chain: HTMLElement[] = [];
  for (let n: HTMLElement | null = node; n; n = n.parentNode) chain.push(n);
  return chain;
}

/** Smallest element containing all anchors (the report's headings and tables). */
function commonAncestor(nodes: HTMLElement[]): HTMLElement | null {
  if (nodes.length === 0) return null;
  let chain = ancestors(nodes[0]!);
  for (const n of nodes.slice(1)) {
    const set = new Set(ancestors(n));
    chain = chain.filter((a) => set.has(a));
  }
  return chain[0] ?? null;
}

function within(node: HTMLElement, container: HTMLElement): boolean {
  for (let n: HTMLElement | null = node; n; n = n.parentNode) if (n === container) return true;
  return false;
}

/** Title candidates from the page around the article, best first. */
function titleHints(root: HTMLElement): string[] {
  const out: string[] = [];
  for (const meta of root.querySelectorAll("meta")) {
    const name = (meta.getAttribute("name") ?? meta.getAttribute("property") ?? "").toLowerCase();
    if (["articletitle", "og:title", "title", "dc.title"].includes(name)) out.push(meta.getAttribute("content") ?? "");
  }
  // The page title names this page; headings may also belong to sidebars listing other reports.
  const title = root.querySelector("title");
  if (title) {
    const t = titleFromPageTitle(cleanText(title.text));
    if (t) out.push(t);
  }
  for (const h of root.querySelectorAll("h1, h2, h3")) out.push(cellText(h).replace(/\n/g, ""));
  return out.map(cleanText).filter(isTitleLike);
}

/** Blocks and title hints of a page; throws MarkupTooLarge past the bounds of ./limits. */
export function htmlToBlocks(page: string): { blocks: Block[]; titles: string[] } {
  // Balanced, bounded markup only (./markup): no scripts, styles or comments left to skip.
  const root = parse(boundMarkup(page).html, { comment: false, lowerCaseTagName: false, blockTextElements: {} });
  const titles = titleHints(root);
  const flat = flatten(root, new CellBudget());
  const anchors = flat
    .filter((f) => (f.block.kind === "para" ? matchHeading(f.block.text) !== null : classifyGrid(f.block.rows) !== null))
    .map((f) => f.node);
  // One heading alone may be a link in the navigation; the article needs two anchors.
  const container = anchors.length >= 2 ? commonAncestor(anchors) : null;
  const blocks = (container ? flat.filter((f) => within(f.node, container)) : flat).map((f) => f.block);
  return { blocks, titles };
}

/** Read a report from an HTML page (or the HTML mammoth made of a Word file: `source` names it in messages). */
export function readHtml(html: string, source: MarkupSource = "page"): DocumentResult {
  let page: { blocks: Block[]; titles: string[] };
  try {
    page = htmlToBlocks(html);
  } catch (e) {
    if (!(e instanceof MarkupTooLarge)) throw e;
    const message = {
      depth: () => importText.tooDeep(MAX_DEPTH, source),
      elements: () => importText.tooManyElements(MAX_ELEMENTS, source),
      cells: () => importText.tooManyCells(MAX_PAGE_CELLS, source),
      time: () => importText.tooSlow(MAX_MARKUP_MS / 1000, source),
    }[e.what]();
    return { report: emptyReport("2021"), findings: [{ rule: "IMPORT.MISSING", severity: "error", cells: [], message }], recognised: false };
  }
  return readDocument(page.blocks, { titles: page.titles });
}
