/**
 * A1-style address arithmetic for the template (1-based rows and columns, as in Excel).
 * Browser-safe: used by the builder, both readers and the in-memory fake.
 */

export interface Cell {
  row: number;
  col: number;
}

/** An inclusive rectangle of cells. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function colLetters(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`bad column ${col}`);
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0) - 64;
    if (c < 1 || c > 26) throw new RangeError(`bad column letters ${letters}`);
    n = n * 26 + c;
  }
  return n;
}

export function a1(row: number, col: number, absolute = false): string {
  return absolute ? `$${colLetters(col)}$${row}` : `${colLetters(col)}${row}`;
}

export function rectAddress(r: Rect, absolute = false): string {
  const tl = a1(r.top, r.left, absolute);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right, absolute)}`;
}

export function rect(top: number, left: number, bottom = top, right = left): Rect {
  return { top, left, bottom, right };
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseCell(address: string): Cell {
  const m = CELL_RE.exec(address.trim());
  if (!m) throw new RangeError(`bad cell address "${address}"`);
  return { row: Number(m[2]), col: colNumber(m[1]!) };
}

/** Parse "D5" or "D5:J29" (an optional sheet prefix "表三!" or "'表三 (2)'!" is dropped). */
export function parseRect(address: string): Rect {
  const bang = address.lastIndexOf("!");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const [a, b] = local.split(":");
  const p = parseCell(a!);
  const q = b === undefined ? p : parseCell(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rectContains(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function boundingRect(cells: readonly Cell[]): Rect {
  if (cells.length === 0) throw new RangeError("no cells");
  return {
    top: Math.min(...cells.map((c) => c.row)),
    left: Math.min(...cells.map((c) => c.col)),
    bottom: Math.max(...cells.map((c) => c.row)),
    right: Math.max(...cells.map((c) => c.col)),
  };
}

/**
 * Compress a list of cells into the fewest simple areas for a SUM argument list: runs of
 * adjacent cells in one column or one row become "D7:D27". Order is kept (it is for humans).
 */
export function compactRefs(cells: readonly Cell[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < cells.length) {
    const start = cells[i]!;
    let j = i;
    const next = (k: number) => cells[k + 1];
    // vertical run
    while (next(j) && next(j)!.col === start.col && next(j)!.row === cells[j]!.row + 1) j++;
    if (j === i) {
      // horizontal run
      while (next(j) && next(j)!.row === start.row && next(j)!.col === cells[j]!.col + 1) j++;
    }
    const end = cells[j]!;
    out.push(j === i ? a1(start.row, start.col) : `${a1(start.row, start.col)}:${a1(end.row, end.col)}`);
    i = j + 1;
  }
  return out;
}

/** Quote a sheet name for an address or formula when Excel requires it. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Cover a set of cells with few disjoint rectangles (greedy: widest run right, then down).
 * Used for data validation ranges — they must not overlap.
 */
export function coverRects(cells: readonly Cell[]): Rect[] {
  const key = (r: number, c: number) => `${r},${c}`;
  const left = new Set(cells.map((c) => key(c.row, c.col)));
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: Rect[] = [];
  for (const start of sorted) {
    if (!left.has(key(start.row, start.col))) continue;
    let right = start.col;
    while (left.has(key(start.row, right + 1))) right++;
    let bottom = start.row;
    const rowFull = (r: number) => {
      for (let c = start.col; c <= right; c++) if (!left.has(key(r, c))) return false;
      return true;
    };
    while (rowFull(bottom + 1)) bottom++;
    for (let r = start.row; r <= bottom; r++) for (let c = start.col; c <= right; c++) left.delete(key(r, c));
    out.push({ top: start.row, left: start.col, bottom, right });
  }
  return out;
}
