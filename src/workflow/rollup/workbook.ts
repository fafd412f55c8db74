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
import { KEY_NUMBERS, type RollupResult } from "./index";
import { ROLLUP_TEXT } from "./messages";

export const OVERVIEW_SHEET = "单位一览";
export const SIMILAR_SHEET = "雷同";

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
  const keyLabels = Object.keys(KEY_NUMBERS);
  overview.addRow([...W.overviewHead, ...keyLabels, W.fileHead, W.noteHead]).font = { bold: true };
  for (const u of result.units) {
    overview.addRow([u.name, u.verdict, u.inTotals ? W.yes : W.no, u.errors, u.warnings, ...keyLabels.map((k) => u.key[k] ?? null), u.file, u.note]);
  }
  for (const m of result.missing) overview.addRow([m.name, W.missing, W.no, null, null, ...keyLabels.map(() => null), null, null]);
  for (const x of result.unreadable.filter((x) => !result.units.some((u) => u.file === x.file))) {
    overview.addRow([W.unplacedName, W.unreadable, W.no, null, null, ...keyLabels.map(() => null), x.file, x.reason]);
  }
  overview.views = [{ state: "frozen", ySplit: 1 }];
  overview.columns.forEach((c, i) => (c.width = i === 0 ? 28 : i >= 5 + keyLabels.length ? 36 : 12));

  const similar = wb.addWorksheet(SIMILAR_SHEET);
  similar.addRow(W.similarHead).font = { bold: true };
  for (const p of result.similar) for (const s of p.sections) similar.addRow([p.a, p.b, s.heading, s.ratio]);
  similar.getColumn(4).numFmt = "0%";
  similar.columns.forEach((c, i) => (c.width = i < 2 ? 28 : i === 2 ? 36 : 12));

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
