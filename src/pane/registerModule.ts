/** The register chunk (see ./registerApi): loaded with import(), never statically. */
import { ledgerFillPreview as fillPreview } from "../workflow/fill";
import { writable } from "../workflow/importPlan";
import type { Report } from "../report";

export { ledgerRule } from "../ledger/register";
export { ledgerSummary } from "./ledgerState";
export { previewImport, registerSources, remap } from "../workflow/registerImport";

export function ledgerFillPreview(report: Report) {
  return fillPreview(report, writable);
}
