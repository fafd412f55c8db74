/**
 * Sheets of plain values the pane adds beside the template (汇总's 单位一览 and 雷同), the same on
 * every host: the block written (padded to a rectangle, text kept literal), the check that a
 * sheet still holds exactly that before 撤销 removes it, and a free name that never replaces a
 * sheet of the clerk's.
 */
import type { RawCell } from "../report";
import { rectAddress } from "../template/address";
import type { PlainSheet } from "./port";
import { sameSheetName } from "./sheetNames";
import { officeInput, type OfficeInput } from "./writePlan";

export interface PlainBlock {
  /** "A1:L23": where the rows go. */
  address: string;
  values: OfficeInput[][];
  /** Number formats of whole columns below the header: "D2:D9" and one [format] per row. */
  formats: { address: string; formats: string[][] }[];
}

export function plainBlock(sheet: PlainSheet): PlainBlock {
  const height = Math.max(1, sheet.rows.length);
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const values = Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_, j) => officeInput(sheet.rows[i]?.[j] ?? null)));
  const formats = Object.entries(sheet.formats ?? {})
    .filter(([col]) => Number(col) < width && height > 1)
    .map(([col, format]) => ({ address: rectAddress({ top: 2, left: Number(col) + 1, bottom: height, right: Number(col) + 1 }), formats: Array.from({ length: height - 1 }, () => [format]) }));
  return { address: rectAddress({ top: 1, left: 1, bottom: height, right: width }), values, formats };
}

const blank = (v: unknown) => v === null || v === undefined || v === "";

function sameValue(expected: RawCell | undefined, read: unknown): boolean {
  if (blank(expected) && blank(read)) return true;
  if (typeof expected === "number" && typeof read === "number") return Math.abs(expected - read) < 1e-9;
  return expected === read;
}

/**
 * Whether the sheet's used range (values only, as read: a scalar for one cell, else rows of
 * columns) holds exactly the rows written — nothing changed, nothing added anywhere on it.
 */
export function holdsExactly(sheet: PlainSheet, used: unknown): boolean {
  const grid: unknown[][] = Array.isArray(used) ? (used as unknown[]).map((r) => (Array.isArray(r) ? r : [r])) : [[used]];
  const height = Math.max(grid.length, sheet.rows.length);
  for (let i = 0; i < height; i++) {
    const width = Math.max(grid[i]?.length ?? 0, sheet.rows[i]?.length ?? 0);
    for (let j = 0; j < width; j++) if (!sameValue(sheet.rows[i]?.[j], grid[i]?.[j])) return false;
  }
  return true;
}

/** `base`, or "base (n)" with the first free n (names compared as Excel does). */
export function freeSheetName(base: string, taken: readonly string[]): string {
  let name = base;
  for (let n = 2; taken.some((t) => sameSheetName(t, name)); n++) name = `${base} (${n})`;
  return name;
}
