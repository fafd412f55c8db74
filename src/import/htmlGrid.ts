/**
 * An HTML table as rows of cell texts: rowspan/colspan expanded into a grid, the cells a merge
 * covers left empty (as a copy from Word leaves them), line breaks inside a cell kept as "\n".
 */
import { NodeType, type HTMLElement, type Node } from "node-html-parser";
import { CellBudget, MarkupTooLarge, MAX_COLSPAN, MAX_ROWSPAN, MAX_TABLE_COLS, MAX_TABLE_ROWS } from "./limits";
import { cleanText } from "./labels";

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

/** A span attribute as the HTML table model reads it: not a number → 1; clamped to [min, max]. */
function span(el: HTMLElement, name: string, min: number, max: number): number {
  const n = Number.parseInt(el.getAttribute(name) ?? "1", 10);
  if (!Number.isFinite(n) || n < min) return 1;
  return Math.min(n, max);
}

interface OwnRow {
  tr: HTMLElement;
  /** Index after the last row of this row's group (thead/tbody/tfoot, or the table's own rows). */
  groupEnd: number;
}

/** Rows of the table itself (through thead/tbody/tfoot), not of tables nested in it. */
function ownRows(table: HTMLElement): OwnRow[] {
  const rows: OwnRow[] = [];
  const walk = (el: HTMLElement, group: OwnRow[]) => {
    for (const c of el.childNodes) {
      if (c.nodeType !== NodeType.ELEMENT_NODE) continue;
      const e = c as HTMLElement;
      if (e.tagName === "TR") {
        const row = { tr: e, groupEnd: 0 };
        rows.push(row);
        group.push(row);
      } else if (e.tagName === "THEAD" || e.tagName === "TBODY" || e.tagName === "TFOOT") {
        const own: OwnRow[] = [];
        walk(e, own);
        for (const r of own) r.groupEnd = rows.length;
      } else if (e.tagName !== "TABLE") walk(e, group);
    }
  };
  const direct: OwnRow[] = [];
  walk(table, direct);
  for (const r of direct) r.groupEnd = rows.length;
  return rows;
}

/**
 * The table's cells as a grid. rowspan="0" reaches to the end of its row group; the grid stops at
 * MAX_TABLE_ROWS × MAX_TABLE_COLS, and every grid cell is charged to the page's budget (throws
 * MarkupTooLarge when it runs out).
 */
export function tableGrid(table: HTMLElement, budget: CellBudget = new CellBudget()): string[][] {
  const rows = ownRows(table);
  const n = Math.min(rows.length, MAX_TABLE_ROWS);
  const grid: string[][] = Array.from({ length: n }, () => []);
  for (let r = 0; r < n; r++) {
    const { tr, groupEnd } = rows[r]!;
    let c = 0;
    for (const node of tr.childNodes) {
      if (node.nodeType !== NodeType.ELEMENT_NODE) continue;
      const td = node as HTMLElement;
      if (td.tagName !== "TD" && td.tagName !== "TH") continue;
      const row = grid[r]!;
      while (row[c] !== undefined) c++;
      if (c >= MAX_TABLE_COLS) break;
      const rsAttr = span(td, "rowspan", 0, MAX_ROWSPAN);
      const rs = Math.min(rsAttr === 0 ? Math.max(1, groupEnd - r) : rsAttr, n - r);
      const cs = Math.min(span(td, "colspan", 1, MAX_COLSPAN), MAX_TABLE_COLS - c);
      if (!budget.take(rs * cs)) throw new MarkupTooLarge("cells");
      const text = cellText(td);
      for (let i = 0; i < rs; i++) {
        const target = grid[r + i]!;
        for (let j = 0; j < cs; j++) target[c + j] = i === 0 && j === 0 ? text : "";
      }
      c += cs;
    }
  }
  // Fill holes left by ragged rows so every row is a plain array of strings.
  return grid.map((row) => Array.from(row, (cell) => cell ?? ""));
}
