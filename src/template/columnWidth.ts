/**
 * Column widths as Excel converts them: a width in characters of the default font (what an .xlsx
 * stores and ExcelJS gives) to the pixels Excel draws (7 px a character for Calibri 11) and to the
 * points Office.js's `format.columnWidth` takes (0.75 pt a pixel). One formula for the API-built
 * template, the fake and the workbench's grid, so they draw the same columns.
 */

/** Characters → pixels, truncated as Excel does. */
export function widthToPixels(chars: number): number {
  return Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
}

/** Characters → points (Range.format.columnWidth). */
export function widthToPoints(chars: number): number {
  return Math.round(widthToPixels(chars) * 0.75 * 100) / 100;
}

/** Points (as Range.format.columnWidth was set) → characters, the inverse on whole pixels. */
export function pointsToWidth(points: number): number {
  return points / 0.75 / 7;
}
