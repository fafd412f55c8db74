/**
 * Which cell of a row goes to which value column. Web copies shift cells (merged label cells
 * leave one or two empty cells, or none), so positions from the header are used only when the
 * row agrees with them; otherwise the values are read in order after the row's label.
 */
import { cellKind } from "./cells";

export interface Aligned {
  /** One cell text per expected column ("" when nothing was found for it). */
  values: string[];
  /** Non-empty cells that fit no column. */
  extra: string[];
  /** How many columns had no cell at all (the row was shorter than the table). */
  missing: number;
}

/**
 * @param cells the row
 * @param start index of the first cell after the row's label
 * @param count number of value columns
 * @param positions grid column of each value column from the header, when the header had all
 */
export function alignValues(cells: readonly string[], start: number, count: number, positions: readonly number[] | null): Aligned {
  if (positions && positions.length === count && positionsFit(cells, start, positions)) {
    return { values: positions.map((p) => cells[p] ?? ""), extra: [], missing: 0 };
  }
  const seq = cells.slice(start);
  while (seq.length > 0 && cellKind(seq[seq.length - 1]!) === "empty") seq.pop();
  let shifted = false;
  while (seq.length > count && cellKind(seq[0]!) === "empty") {
    seq.shift();
    shifted = true;
  }
  // Some of the empty cells after the label were merge leftovers and some, maybe, a blank first
  // column: which is which cannot be told, so the values are not given columns by their order.
  if (shifted && cellKind(seq[0]!) === "empty") {
    while (seq.length > 0 && cellKind(seq[0]!) === "empty") seq.shift();
  }
  if (seq.length > count) {
    // Empty cells between values are what a merge left behind when the count of values is right.
    const filled = seq.filter((c) => cellKind(c) !== "empty");
    if (filled.length === count) return { values: filled, extra: [], missing: 0 };
    return { values: seq.slice(0, count), extra: seq.slice(count).filter((c) => cellKind(c) !== "empty"), missing: 0 };
  }
  const missing = count - seq.length;
  return { values: [...seq, ...Array<string>(missing).fill("")], extra: [], missing };
}

/** Whether the row agrees with the header: it reaches the last column, and every cell it has is in one. */
export function positionsFit(cells: readonly string[], start: number, positions: readonly number[]): boolean {
  if (positions.some((p) => p < start || p >= cells.length)) return false;
  if (new Set(positions).size !== positions.length) return false;
  const taken = new Set(positions);
  for (let i = start; i < cells.length; i++) {
    if (!taken.has(i) && cellKind(cells[i]!) !== "empty") return false;
  }
  return true;
}
