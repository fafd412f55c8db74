/**
 * The pane's view of the registers (申请台账, 复议诉讼台账): the LEDGER.* rules, the 台账 card's
 * summary, 导入已有台账's planning and 按台账填写. With the 条例's calendar (chinese-days) they are
 * about a sixth of the pane, so they load as one lazy chunk after the first render, when a
 * workbook has register sheets or the clerk opens a register feature (issue 23).
 */
import type { Finding, Report } from "../report";
import type { RuleContext } from "../report";
import type { TransferPreview } from "../workflow/transfer";
import type { ImportSources, LedgerImportPreview } from "../workflow/registerImport";
import type { RegisterRole } from "../template/roles";
import type { TemplateSheets } from "../workbook/port";
import type { NamedGrid } from "../ledger/file";
import type { LedgerSummary } from "./ledgerState";

export interface RegisterModule {
  /** LEDGER.* for the check (nothing for a report without registers). */
  ledgerRule(): (ctx: RuleContext) => Finding[];
  /** The 台账 card, or null when the workbook has no register sheets or nothing registered. */
  ledgerSummary(report: Report, today?: number): LedgerSummary | null;
  registerSources(file: string, sheets: readonly NamedGrid[]): ImportSources | { error: string };
  previewImport(src: ImportSources, report: Report | null, template: TemplateSheets | null): LedgerImportPreview;
  remap(src: ImportSources, role: RegisterRole, field: string, column: number | null): ImportSources;
  /** 按台账填写: the import preview with the register's counts; null without registers or a year. */
  ledgerFillPreview(report: Report): TransferPreview | null;
}

export function loadRegisterModule(): Promise<RegisterModule> {
  return import(/* webpackChunkName: "register" */ "./registerModule");
}

export type LedgerImportPanelModule = typeof import("./ledgerImportPanel");

/** The 导入已有台账 panel (controller, view): loaded on its first use. */
export function loadLedgerImportPanel(): Promise<LedgerImportPanelModule> {
  return import(/* webpackChunkName: "ledger-import-panel" */ "./ledgerImportPanel");
}
