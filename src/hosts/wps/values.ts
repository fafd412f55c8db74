/**
 * What ET hands back through Range.Value2, as the report's RawCell: one cell gives a scalar, a
 * block a 2-D array; empty cells come as undefined, null or ""; error cells may come as the COM
 * error codes of CVErr (VBA's Value2 semantics) or as their text, so both are accepted.
 */
import type { RawCell } from "../../report";
import { fromOfficeValue } from "../../template/cellValue";

/** CVErr codes (HRESULT 0x800A07xx) of Excel's error values, as a COM bridge passes them. */
export const CVERR_TEXT: ReadonlyMap<number, string> = new Map([
  [-2146826288, "#NULL!"],
  [-2146826281, "#DIV/0!"],
  [-2146826273, "#VALUE!"],
  [-2146826265, "#REF!"],
  [-2146826259, "#NAME?"],
  [-2146826252, "#NUM!"],
  [-2146826246, "#N/A"],
]);

/** Value2 of a block as rows × columns (a scalar becomes [[v]]). */
export function asGrid(v: unknown, rows: number, cols: number): unknown[][] {
  const grid: unknown[][] = Array.isArray(v) ? v.map((row: unknown) => (Array.isArray(row) ? (row as unknown[]) : [row])) : [[v]];
  // Be lenient about shape only where it cannot misplace a value: pad, never shift.
  while (grid.length < rows) grid.push([]);
  return grid.slice(0, rows).map((row) => Array.from({ length: cols }, (_, j) => row[j]));
}

export function fromEtValue(v: unknown, numberFormat?: string | null): RawCell {
  if (typeof v === "number" && CVERR_TEXT.has(v)) return CVERR_TEXT.get(v)!;
  return fromOfficeValue(v, numberFormat);
}

/**
 * A number in a count cell that could be a date typed by accident (Value2 gives dates as serial
 * numbers; 10000 is 1927-05-18). Only such cells have their number format read, one by one.
 */
export function mayBeDate(v: unknown): boolean {
  return typeof v === "number" && Number.isInteger(v) && v >= 10000 && v < 2958466;
}
