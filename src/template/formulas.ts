/**
 * Excel formulas of the template, generated from the table arithmetic (src/report/sumRules.ts).
 * Written for Excel, WPS and LibreOffice alike: no dynamic arrays, no IF inside array contexts,
 * no LET/IFS/TEXTJOIN, no cross-sheet references (so a renamed or copied sheet keeps working).
 *
 * Two hidden helper grids mirror every number cell at a fixed column offset:
 *  - grid A (invalid flag): 1 when the cell would fail CELL.TYPE (text, boolean, error value,
 *    negative, fractional count, > 6 decimals for 万元, huge) — placeholders such as "/" and "无"
 *    count as blank, exactly as src/report/values.ts interprets them;
 *  - grid B (fail flag): 1 when a cross-check that includes the cell shows ✗.
 * Check cells read grid A (a sum over an invalid cell cannot be judged, as in checkReport);
 * conditional formats read both grids with one relative rule per block.
 */
import { PLACEHOLDERS, AMOUNT_DECIMALS, MAX_VALUE } from "../report";
import { a1, compactRefs, rectAddress, type Cell, type Rect } from "./address";
import { CHECK_TEXT, CHECK_STATE_CHAR } from "./messages";

export const HELPER_INVALID_OFFSET = 26;
export const HELPER_FAIL_OFFSET = 52;
/** Column (CY) holding the placeholder list that MATCH compares against. */
export const PLACEHOLDER_COL = 103;
export const PLACEHOLDER_VALUES: readonly string[] = PLACEHOLDERS;
const PLACEHOLDER_RANGE = `${a1(1, PLACEHOLDER_COL, true)}:${a1(PLACEHOLDERS.length, PLACEHOLDER_COL, true)}`;

/**
 * Tolerance of the checks (the rules engine's 1e-9) and the largest plausible value, written as
 * plain decimals: some engines (HyperFormula) do not parse 1E-9 inside formulas.
 */
const EPS = "0.000000001";
const MAX = String(MAX_VALUE); // "1000000000000"

export function sumOf(cells: readonly Cell[]): string {
  return `SUM(${compactRefs(cells).join(",")})`;
}

/** Text with every kind of space removed (ASCII, ideographic U+3000, no-break U+00A0). */
function squeezed(ref: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${ref}," ",""),"\u3000",""),"\u00a0","")`;
}

export type NumberKind = "count" | "amount";

/** Grid A: 1 when the cell's content is not a valid number of its kind, else 0. */
export function invalidFlagFormula(cell: Cell, kind: NumberKind): string {
  const x = a1(cell.row, cell.col);
  const bad =
    kind === "amount"
      ? `OR(ABS(${x})>${MAX},${x}<0,ROUND(${x},${AMOUNT_DECIMALS})<>${x})`
      : `OR(ABS(${x})>${MAX},${x}<0,${x}<>INT(${x}))`;
  const t = squeezed(x);
  return (
    `IF(ISBLANK(${x}),0,IF(ISERROR(${x}),1,IF(ISLOGICAL(${x}),1,IF(ISNUMBER(${x}),IF(${bad},1,0),` +
    `IF(OR(${t}="",ISNUMBER(MATCH(${t},${PLACEHOLDER_RANGE},0))),0,1)))))`
  );
}

/** A cross-check: "✓", "✗ 差 n" or "？ 有无效内容" (sum of `total` must equal sum of `parts`). */
export function checkFormula(parts: readonly Cell[], total: readonly Cell[], helpers: readonly Cell[]): string {
  const diff = `ABS(${sumOf(parts)}-${sumOf(total)})`;
  return (
    `IF(${sumOf(helpers)}>0,"${CHECK_TEXT.invalid}",` +
    `IF(${diff}<${EPS},"${CHECK_TEXT.ok}","${CHECK_TEXT.failPrefix}"&ROUND(${diff},6)))`
  );
}

/** Grid B: 1 when any of the checks the cell takes part in shows ✗. */
export function failFlagFormula(checks: readonly Cell[]): string {
  const tests = checks.map((c) => `LEFT(${a1(c.row, c.col)},1)="${CHECK_STATE_CHAR.fail}"`);
  return `IF(OR(${tests.join(",")}),1,0)`;
}

/** The per-sheet summary: number of failing checks, else number of invalid cells, else ✓. */
export function summaryFormula(checkAreas: readonly Rect[], helperArea: Rect | null): string {
  const inv = helperArea ? `SUM(${rectAddress(helperArea)})` : "0";
  const invPart =
    `IF(${inv}>0,"${CHECK_TEXT.summaryInvalid[0]}"&${inv}&"${CHECK_TEXT.summaryInvalid[1]}",` +
    `"${checkAreas.length ? CHECK_TEXT.summaryOk : CHECK_TEXT.summaryOkNoChecks}")`;
  if (checkAreas.length === 0) return invPart;
  // SUMPRODUCT evaluates LEFT over the range as an array in Excel, WPS and LibreOffice alike.
  const fails = checkAreas
    .map((r) => `SUMPRODUCT(--(LEFT(${rectAddress(r)},1)="${CHECK_STATE_CHAR.fail}"))`)
    .join("+");
  return `IF(${fails}>0,"${CHECK_TEXT.summaryFail[0]}"&(${fails})&"${CHECK_TEXT.summaryFail[1]}",${invPart})`;
}

/** Conditional-format formula (relative to the top-left cell of the formatted range). */
export function flagIsSet(helperTopLeft: Cell): string {
  return `${a1(helperTopLeft.row, helperTopLeft.col)}=1`;
}

export function startsWith(cell: Cell, ch: string): string {
  return `LEFT(${a1(cell.row, cell.col)},1)="${ch}"`;
}
