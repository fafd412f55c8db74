/**
 * The 汇总 workbook: our template (so its totals and in-sheet checks work in Excel, WPS and
 * LibreOffice) with the summed 表二/表三/表四 typed into its input cells, plus 单位一览 (one row per
 * unit, the ones to chase first) and 雷同 (the pairs of copied text). The template's own formulas
 * compute the totals; their results are also stored so a reader that does not recalculate on load
 * shows them. A cell that could not be summed stays empty with a note saying why.
 */
import ExcelJS from "exceljs";
import type { CellKey } from "../../report";
import { buildTemplate } from "../../template/build";
import { templateLayout } from "../../template/layout";
import { SHEET_NAMES } from "../../template/messages";
import type { RollupResult } from "./index";
import { ROLLUP_TEXT } from "./messages";
import { overviewRows, overviewWidths, similarRows, SIMILAR_RATIO_COLUMN, OVERVIEW_SHEET, SIMILAR_SHEET } from "./sheets";

export { OVERVIEW_SHEET, SIMILAR_SHEET };

const W = ROLLUP_TEXT.workbook;

function computedValue(key: CellKey, cells: Record<CellKey, number | null>, totals: ReadonlyMap<string, string[]>): number | null {
  const parts = totals.get(key);
  if (!parts) return cells[key] ?? null;
  let sum = 0;
  for (const p of parts) {
    const v = computedValue(p, cells, totals);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

export async function rollupWorkbook(result: RollupResult, opts: { agency?: string | null } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildTemplate({ year: result.year, agency: opts.agency ?? null })) as never);
  const layout = templateLayout();
  const cells = result.totals.cells;
  for (const loc of layout.cells.values()) {
    if (!(loc.key in cells) || loc.kept) continue;
    const ws = wb.getWorksheet(SHEET_NAMES[loc.role]);
    if (!ws) continue;
    const cell = ws.getCell(loc.row, loc.col);
    if (loc.computed) {
      const formula = (cell.value as ExcelJS.CellFormulaValue | null)?.formula;
      const v = computedValue(loc.key, cells, layout.totals);
      if (formula) cell.value = (v === null ? { formula } : { formula, result: v }) as ExcelJS.CellFormulaValue;
      continue;
    }
    const v = cells[loc.key];
    cell.value = v ?? null;
    const units = result.totals.incomplete[loc.key];
    if (units) cell.note = W.incompleteNote(units);
  }

  const overview = wb.addWorksheet(OVERVIEW_SHEET);
  overviewRows(result).forEach((row) => overview.addRow(row));
  overview.getRow(1).font = { bold: true };
  overview.views = [{ state: "frozen", ySplit: 1 }];
  const widths = overviewWidths();
  overview.columns.forEach((c, i) => (c.width = widths[i] ?? 12));

  const similar = wb.addWorksheet(SIMILAR_SHEET);
  similarRows(result).forEach((row) => similar.addRow(row));
  similar.getRow(1).font = { bold: true };
  similar.getColumn(SIMILAR_RATIO_COLUMN + 1).numFmt = "0%";
  similar.columns.forEach((c, i) => (c.width = i < 2 ? 28 : i === 2 ? 36 : 12));

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
