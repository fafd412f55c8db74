/**
 * The rule registry: every id a finding may carry, typed. `RuleId` is derived from the title
 * catalogue (messages.ts), so a misspelt "T3.BALANCE" does not compile and every rule — report,
 * import, template, register (LEDGER.*) and export — has exactly one title.
 */
import { RULE_TITLES } from "./messages";

export type RuleId = keyof typeof RULE_TITLES;

export const RULE_IDS = Object.keys(RULE_TITLES) as [RuleId, ...RuleId[]];

export function ruleTitle(id: RuleId): string {
  return RULE_TITLES[id];
}
