/**
 * The roll-up written into the open workbook (the pane's 汇总多个单位…): the district's totals
 * into the template's 表二/表三/表四 with the import's preview — empty cells filled, a non-empty
 * cell changed only when the clerk ticks it, every write carrying what the preview saw — and the
 * 单位一览 (and 雷同, when there are pairs) sheets added beside it. A sheet name that is taken is
 * never replaced: the new sheet is "单位一览 (2)". What 撤销 needs is kept: the cells' previous
 * values and the sheets as written (removed only while they still hold exactly that).
 */
import { cellInfo, emptyReport, type CellKey, type Report } from "../../report";
import type { PlainSheet, TemplateSheets } from "../../workbook/port";
import { freeSheetName } from "../../workbook/plainSheets";
import type { InputWrites } from "../../workbook/writePlan";
import { writable } from "../importPlan";
import { planImport } from "../importPlan";
import { confirmWrites, type AppliedTransfer, type TransferPreview } from "../transfer";
import type { RollupResult } from "./index";
import { ROLLUP_TEXT } from "./messages";
import { OVERVIEW_SHEET, overviewRows, SIMILAR_RATIO_COLUMN, SIMILAR_SHEET, similarRows } from "./sheets";
import { totalsReport } from "./totals";

export { sheetLine } from "./shown";

const T = ROLLUP_TEXT.write;

export interface RollupSheetPlan extends PlainSheet {
  /** The name it would have had: differs from `name` when the workbook already has that sheet. */
  base: string;
}

export interface RollupWritePreview {
  /** The totals against the workbook as the import previews a source (fills, conflicts, unchanged). */
  cells: TransferPreview;
  /** Cells whose total is unknown: not written, said why. */
  incomplete: { key: CellKey; label: string; units: string[] }[];
  sheets: RollupSheetPlan[];
}

export interface AppliedRollup {
  cells: AppliedTransfer;
  /** The sheets as written (撤销 removes them while they still hold exactly this). */
  sheets: PlainSheet[];
}

/**
 * @param current the workbook's report as last read (null: no template yet, inserted first)
 * @param existing every sheet name of the workbook now
 */
export function rollupWritePreview(result: RollupResult, current: Report | null, template: TemplateSheets | null, existing: readonly string[]): RollupWritePreview {
  const hasTemplate = current !== null && template !== null;
  const target = hasTemplate ? current : emptyReport("2021", { year: result.year });
  const warnings: string[] = [];
  if (result.totals.units === 0) warnings.push(T.noTotals);
  if (hasTemplate && current.meta.year !== null && current.meta.year !== result.year) warnings.push(T.yearMismatch(result.year, current.meta.year));
  const plan = result.totals.units === 0 ? planImport(target, emptyReport("2021"), writable) : planImport(target, totalsReport(result.totals.cells, { year: result.year }), writable);
  // An import of figures only: no text, no 封面 field, no last year's figures.
  const cells: TransferPreview = {
    ...{ mode: "import", prefilled: [], drafts: [], priorFigures: null, previousPriorFigures: null, metaFills: [] },
    sourceLabel: T.source(result.year, result.totals.units),
    targetYear: hasTemplate ? current.meta.year : result.year,
    insertFirst: hasTemplate ? null : { year: result.year, agency: "" },
    plan,
    findings: result.totals.findings,
    warnings,
  };
  const incomplete = Object.entries(result.totals.incomplete)
    .filter(([key]) => writable(key))
    .map(([key, units]) => ({ key, label: cellInfo(key)?.label ?? key, units }));

  const taken = [...existing];
  const sheet = (base: string, rows: PlainSheet["rows"], formats?: PlainSheet["formats"]): RollupSheetPlan => {
    const name = freeSheetName(base, taken);
    taken.push(name);
    return { name, base, rows, ...(formats ? { formats } : {}) };
  };
  const sheets = [sheet(OVERVIEW_SHEET, overviewRows(result))];
  if (result.similar.length) sheets.push(sheet(SIMILAR_SHEET, similarRows(result), { [SIMILAR_RATIO_COLUMN]: "0%" }));
  return { cells, incomplete, sheets };
}


/** The writes of a confirmed preview: the cells (ticked conflicts only) and the sheets to add. */
export function rollupWrites(p: RollupWritePreview, accepted: ReadonlySet<string>): { write: InputWrites; sheets: PlainSheet[]; applied: AppliedRollup } {
  const { write, applied } = confirmWrites(p.cells, accepted);
  const sheets = p.sheets.map(({ base: _base, ...s }) => s);
  return { write, sheets, applied: { cells: applied, sheets } };
}
