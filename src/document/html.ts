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
/**
 * The narrowest column holds a four-character label ("商业企业", "结果维持") on one line: 4em of
 * text plus the padding and rules (4.6em measured too tight in Chromium). The table never gets narrower than that (it scrolls sideways in its
 * wrapper on a phone instead of squeezing figures and labels into two-character lines).
 */
const MIN_COLUMN_EM = 5;

function cell(tag: "th" | "td", text: string, colSpan: number, rowSpan: number, align: "left" | "center"): string {
  const span = `${colSpan > 1 ? ` colspan="${colSpan}"` : ""}${rowSpan > 1 ? ` rowspan="${rowSpan}"` : ""}`;
  // A figure never wraps.
  const nowrap = tag === "td" ? "white-space:nowrap;" : "";
  return `<${tag}${span} style="${CELL_STYLE}text-align:${align};${nowrap}">${escapeHtml(text)}</${tag}>`;
}

function table(t: TableBlock): string {
  const rows = t.rows.map((row) => `<tr>${row.cells.map((c) => cell(c.header ? "th" : "td", c.text, c.colSpan, c.rowSpan, c.align)).join("")}</tr>`);
  const head = t.headerRows > 0 ? `<thead>${rows.slice(0, t.headerRows).join("\n")}</thead>\n` : "";
  // Column proportions as in Word and PDF; a minimum width so the narrowest column keeps MIN_COLUMN_EM.
  const sum = t.columnWidths.reduce((a, b) => a + b, 0);
  const cols = t.columnWidths.map((w) => `<col style="width:${((100 * w) / sum).toFixed(2)}%;">`).join("");
  const minEm = Math.ceil((MIN_COLUMN_EM * sum) / Math.min(...t.columnWidths));
  return (
    `<div style="overflow-x:auto;">\n<table border="1" cellspacing="0" cellpadding="4" style="${TABLE_STYLE}min-width:${minEm}em;">\n` +
    `<colgroup>${cols}</colgroup>\n${head}<tbody>\n${rows.slice(t.headerRows).join("\n")}\n</tbody>\n</table>\n</div>`
  );
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
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    "</head>",
    '<body style="max-width:62em;margin:0 auto;padding:0 0.5em;font-family:FangSong,STFangsong,serif;">',
    toHtmlFragment(doc),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
