/**
 * An HTML table as rows of cell texts: rowspan/colspan expanded into a grid, the cells a merge
 * covers left empty (as a copy from Word leaves them), line breaks inside a cell kept as "\n".
 */
import { NodeType, type HTMLElement, type Node } from "node-html-parser";
import { cleanText } from "./labels";

/** Limits against hostile markup (colspan="100000"). */
const MAX_COLS = 200;
const MAX_ROWS = 5000;

const CELL_BREAKS = new Set(["P", "DIV", "BR", "LI", "TR", "H1", "H2", "H3", "H4", "H5", "H6"]);

/** Text of a node with block boundaries as line breaks; entities decoded, spaces collapsed. */
export function cellText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === NodeType.TEXT_NODE) {
      parts.push(n.text);
      return;
    }
    if (n.nodeType !== NodeType.ELEMENT_NODE) return;
    const tag = (n as HTMLElement).tagName;
    if (tag === "SCRIPT" || tag === "STYLE") return;
    const brk = tag !== undefined && CELL_BREAKS.has(tag);
    if (brk) parts.push("\n");
    for (const c of n.childNodes) walk(c);
    if (brk) parts.push("\n");
  };
  walk(node);
  return parts
    .join("")
    .split("\n")
    .map((l) => cleanText(l.replace(/[\r\f\v]/g, " ")))
    .filter((l) => l !== "")
    .join("\n");
}

function span(el: HTMLElement, name: string, max: number): number {
  const n = Number.parseInt(el.getAttribute(name) ?? "1", 10);
  if (!Number.isFinite(n) || n < 0) return 1;
  if (n === 0) return max; // rowspan="0": to the end of the table
  return Math.min(n, max);
}

/** Rows of the table itself (through thead/tbody/tfoot), not of tables nested in it. */
function ownRows(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  const walk = (el: HTMLElement) => {
    for (const c of el.childNodes) {
      if (c.nodeType !== NodeType.ELEMENT_NODE) continue;
      const e = c as HTMLElement;
      if (e.tagName === "TR") rows.push(e);
      else if (e.tagName !== "TABLE") walk(e);
    }
  };
  walk(table);
  return rows;
}

export function tableGrid(table: HTMLElement): string[][] {
  const trs = ownRows(table).slice(0, MAX_ROWS);
  const grid: string[][] = trs.map(() => []);
  trs.forEach((tr, r) => {
    let c = 0;
    for (const node of tr.childNodes) {
      if (node.nodeType !== NodeType.ELEMENT_NODE) continue;
      const td = node as HTMLElement;
      if (td.tagName !== "TD" && td.tagName !== "TH") continue;
      const row = grid[r]!;
      while (row[c] !== undefined) c++;
      if (c >= MAX_COLS) break;
      const rs = span(td, "rowspan", trs.length - r);
      const cs = span(td, "colspan", MAX_COLS - c);
      const text = cellText(td);
      for (let i = 0; i < rs; i++) {
        const target = grid[r + i]!;
        for (let j = 0; j < cs; j++) target[c + j] = i === 0 && j === 0 ? text : "";
      }
      c += cs;
    }
  });
  // Fill holes left by ragged rows so every row is a plain array of strings.
  return grid.map((row) => Array.from(row, (cell) => cell ?? ""));
}
