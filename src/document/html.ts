/**
 * Document model → clean HTML: what a portal clerk pastes into the CMS. Semantic tags, real
 * rowspan/colspan tables with <thead>, a few inline styles a CMS keeps, every text escaped.
 */
import type { Block, Doc, TableBlock } from "./model";

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!);
}

const TABLE_STYLE = "border-collapse:collapse;width:100%;font-size:14px;";
const CELL_STYLE = "border:1px solid #000;padding:4px;";

function cell(tag: "th" | "td", text: string, colSpan: number, rowSpan: number, align: "left" | "center"): string {
  const span = `${colSpan > 1 ? ` colspan="${colSpan}"` : ""}${rowSpan > 1 ? ` rowspan="${rowSpan}"` : ""}`;
  return `<${tag}${span} style="${CELL_STYLE}text-align:${align};">${escapeHtml(text)}</${tag}>`;
}

function table(t: TableBlock): string {
  const rows = t.rows.map((row) => `<tr>${row.cells.map((c) => cell(c.header ? "th" : "td", c.text, c.colSpan, c.rowSpan, c.align)).join("")}</tr>`);
  const head = t.headerRows > 0 ? `<thead>${rows.slice(0, t.headerRows).join("\n")}</thead>\n` : "";
  return `<table border="1" cellspacing="0" cellpadding="4" style="${TABLE_STYLE}">\n${head}<tbody>\n${rows.slice(t.headerRows).join("\n")}\n</tbody>\n</table>`;
}

const P_STYLE = "text-indent:2em;line-height:1.8;";

function block(b: Block): string {
  switch (b.kind) {
    case "title":
      return `<h1 style="text-align:center;">${escapeHtml(b.text)}</h1>`;
    case "heading":
      return `<h${b.level + 1} style="${P_STYLE}">${escapeHtml(b.text)}</h${b.level + 1}>`;
    case "paragraph":
      return `<p style="${P_STYLE}">${b.runs
        .map((r) => (r.style === "heading2" || r.style === "heading3" ? `<strong>${escapeHtml(r.text)}</strong>` : escapeHtml(r.text)))
        .join("")}</p>`;
    case "table":
      return table(b);
  }
}

/** The body content alone (for pasting) … */
export function toHtmlFragment(doc: Doc): string {
  return doc.sections.flatMap((s) => s.blocks.map(block)).join("\n");
}

/** … or a complete UTF-8 page (for saving as a file). */
export function toHtml(doc: Doc): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="zh-CN">',
    "<head>",
    '<meta charset="utf-8">',
    `<title>${escapeHtml(doc.title)}</title>`,
    "</head>",
    '<body style="max-width:56em;margin:0 auto;font-family:FangSong,STFangsong,serif;">',
    toHtmlFragment(doc),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
