/**
 * Bounds on reading a register file (docs/ledger.md "上限"). A template's register has 500 rows
 * and a busy office's own list a few thousand; a hostile file of a few KB can declare a cell at
 * row 1 048 576 or a 32 MB field. Past a bound the file is refused with a message that says which
 * bound, never read in part.
 */

/** Data rows of one register sheet or CSV file (and the rows read of any sheet). */
export const MAX_REGISTER_ROWS = 100_000;
/** Columns of a CSV row; an .xlsx is read in its first MAX_XLSX_COLUMNS columns. */
export const MAX_CSV_COLUMNS = 200;
/** Register columns sit at the left; the summary block and hidden helpers further right are not read. */
export const MAX_XLSX_COLUMNS = 30;
/** Cells of all sheets read from one file, together. */
export const MAX_REGISTER_CELLS = 3_000_000;
/** Characters of one field: Excel's own limit for a cell. */
export const MAX_FIELD_CHARS = 32_767;
/** Time the grids of one file may take to read. */
export const MAX_REGISTER_MS = 20_000;
/** Row findings listed one by one; the rest are counted in one summary finding. */
export const MAX_ROW_FINDINGS = 500;

/** Thrown past a bound; `message` is the Chinese sentence for the clerk. */
export class RegisterTooLarge extends Error {
  constructor(message: string) {
    super(message);
    // ES5 builds (IE11): Error.call returns a new object; keep the subclass for instanceof.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
