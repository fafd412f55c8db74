/**
 * The check without the registers: the format's rules and the cross-year rules, with the caller's
 * extra rule sets, and how reading's findings merge with the rules'. The pane's first load uses
 * this and adds the LEDGER.* rules from the register chunk once a workbook has registers
 * (issue 23); everything else calls ./check, which always adds them.
 */
import { checkReport, type Finding, type Report, type RuleContext } from "../report";

export type ExtraRule = (ctx: RuleContext) => Finding[];

/**
 * Every rule on one report plus `extraRules`. `prior`: last year's full report when the caller has
 * it (CLI --prior, the pane after a 结转); without it the figures kept on 封面 stand in.
 */
export function checkWith(report: Report, prior: Report | null, extraRules: readonly ExtraRule[]): Finding[] {
  return checkReport(report, { prior, extraRules: [...extraRules] });
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
