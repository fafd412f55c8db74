/**
 * One check, for the pane and the CLI alike: which rule sets run (the format's rules, the cross-
 * year rules against last year's report, and the registers' LEDGER.* rules) and how the findings
 * of reading (the importer's, the workbook adapter's) merge with the rules' findings.
 */
import { checkReport, type Finding, type Report } from "../report";
import { ledgerRule } from "../ledger/register";

/**
 * Every rule on one report. `prior`: last year's full report when the caller has it (CLI
 * --prior, the pane after a 结转); without it the figures kept on 封面 stand in.
 */
export function checkRules(report: Report, prior: Report | null = null): Finding[] {
  // A workbook with registers (template version 3) is also checked against them (LEDGER.*).
  return checkReport(report, { prior, extraRules: [ledgerRule()] });
}

const findingKey = (f: Finding) => `${f.rule}|${f.cells.join()}`;

/**
 * The reader's own findings first (what could not be placed, a missing sheet), then the rules',
 * without repeating one the rules also found, and without a blank-cell warning on cells the reader
 * already said are missing (rows a report printed as one, 2019's （六）其他处理).
 */
export function mergeFindings(readFindings: readonly Finding[], ruleFindings: readonly Finding[]): Finding[] {
  const seen = new Set(ruleFindings.map(findingKey));
  const missing = new Set(readFindings.filter((f) => f.rule === "IMPORT.MISSING").flatMap((f) => f.cells));
  const rules = ruleFindings.filter((f) => !(f.rule === "CELL.BLANK" && f.cells.length > 0 && f.cells.every((k) => missing.has(k))));
  return [...readFindings.filter((f) => !seen.has(findingKey(f))), ...rules];
}
