/**
 * "按台账填写表三/表四": an ordinary import preview whose incoming values are countRegister's
 * cells — so it goes through planImport like any import: fills shown, non-empty cells changed
 * only when ticked, 撤销 as usual.
 */
import { countRegister, registerOfReport } from "../ledger";
import type { CellKey, Report } from "../report";
import { templateLayout } from "../template/layout";
import { planImport } from "./importPlan";
import { W } from "./messages";
import type { TransferPreview } from "./transfer";

/**
 * "按台账填写表三/表四": the import preview with the register's counts as incoming values (only
 * 表三/表四 cells; `writable` leaves out template formulas). Null without registers or a year.
 */
export function ledgerFillPreview(current: Report, writable: (key: CellKey) => boolean): TransferPreview | null {
  const year = current.meta.year;
  const loaded = registerOfReport(current, year !== null ? { year } : {});
  if (!loaded || year === null) return null;
  const reg = loaded.register;
  const derived = countRegister(reg.applications, reg.cases, year);
  const incoming: Report = { ...current, format: "2021", cells: derived.cells, opening: null, sections: {} as Report["sections"] };
  const plan = planImport(current, incoming, (k) => (k.startsWith("T3.") || k.startsWith("T4.")) && writable(k));
  return {
    mode: "import",
    origin: "ledger",
    sourceLabel: W.ledger.sourceLabel(reg.appSource, reg.caseSource),
    targetYear: year,
    insertFirst: null,
    plan,
    prefilled: [],
    drafts: [],
    priorFigures: null,
    previousPriorFigures: null,
    metaFills: [],
    findings: loaded.findings,
    warnings: [],
  };
}

/** Totals are template formulas (and kept figures are locked): never written by a fill or an import. */
export function writable(key: CellKey): boolean {
  const loc = templateLayout().cells.get(key);
  return loc !== undefined && !loc.computed && !loc.kept;
}
