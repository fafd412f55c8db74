/**
 * One check, for the pane and the CLI alike: which rule sets run (the format's rules, the cross-
 * year rules against last year's report, and the registers' LEDGER.* rules) and how the findings
 * of reading (the importer's, the workbook adapter's) merge with the rules' findings.
 */
import type { Finding, Report } from "../report";
import { ledgerRule } from "../ledger/register";
import { checkWith } from "./checkCore";

export { mergeFindings } from "./checkCore";

/**
 * Every rule on one report. `prior`: last year's full report when the caller has it (CLI
 * --prior, the pane after a 结转); without it the figures kept on 封面 stand in.
 */
export function checkRules(report: Report, prior: Report | null = null): Finding[] {
  // A workbook with registers (template version 3) is also checked against them (LEDGER.*).
  return checkWith(report, prior, [ledgerRule()]);
}
