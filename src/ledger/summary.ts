/**
 * Row findings counted, then summarised: a register of 10⁵ bad rows gives the first
 * MAX_ROW_FINDINGS findings and one saying how many there were, never 10⁵ lines of output (nor a
 * RangeError from push(...many)).
 */
import type { Finding } from "../report";
import { MAX_ROW_FINDINGS } from "./limits";
import { LEDGER_LIMIT_MSG } from "./messages";

/** Appends one by one: spreading 10⁵ arguments into push() throws RangeError. */
export function appendAll<T>(into: T[], items: readonly T[]): void {
  for (const x of items) into.push(x);
}

/** The first `max` findings and, when there were more, one more counting them (an error if any left out was). */
export function summariseRowFindings(findings: Finding[], source: string, max: number = MAX_ROW_FINDINGS): Finding[] {
  if (findings.length <= max) return findings;
  const kept = findings.slice(0, max);
  let error = false;
  for (let i = max; i < findings.length && !error; i++) error = findings[i]!.severity === "error";
  kept.push({ rule: "LEDGER.ROW", severity: error ? "error" : "warning", cells: [], message: LEDGER_LIMIT_MSG.findingsCapped(source, max, findings.length) });
  return kept;
}
