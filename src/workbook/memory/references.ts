/**
 * Moving a formula written for the top-left cell of a range to another cell of it, as Excel applies
 * one conditional format (or fills one formula) across a range: relative A1 references move by the
 * offset, `$`-anchored parts stay, text in quotes is never touched. No lookbehind (the workbench
 * also runs in the ES5 bundle).
 */
import { colLetters, colNumber } from "../../template/address";

/** A1 reference not preceded by a name character (so not part of a function or sheet name). */
const REF = /(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\dA-Za-z_(])/g;

/** `formula` (without "=") moved by `rows` and `cols`; a reference moved off the sheet is #REF!. */
export function shiftReferences(formula: string, rows: number, cols: number): string {
  // Even pieces are outside string literals ("" inside a literal is an escaped quote).
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((piece, i) =>
      i % 2 === 1
        ? piece
        : piece.replace(REF, (_all, before: string, colAbs: string, col: string, rowAbs: string, row: string) => {
            const c = colAbs ? colNumber(col) : colNumber(col) + cols;
            const r = rowAbs ? Number(row) : Number(row) + rows;
            if (c < 1 || r < 1) return `${before}#REF!`;
            return `${before}${colAbs}${colLetters(c)}${rowAbs}${r}`;
          }),
    )
    .join("");
}
