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
  let error = false;
  for (let i = max; i < findings.length && !error; i++) error = findings[i]!.severity === "error";
  return [...findings.slice(0, max), leftOut(source, max, findings.length, error)];
}

/**
 * Findings of one register as they are made: the first `max` kept, the rest only counted (10⁵
 * kept findings cost seconds of garbage collection). list() adds the summary.
 */
export class RowFindings {
  private readonly kept: Finding[] = [];
  private total = 0;
  private errorLeftOut = false;
  constructor(private readonly max: number = MAX_ROW_FINDINGS) {}
  push(f: Finding): void {
    this.total++;
    if (this.kept.length < this.max) this.kept.push(f);
    else if (f.severity === "error") this.errorLeftOut = true;
  }
  list(source: string): Finding[] {
    if (this.total <= this.max) return this.kept;
    return [...this.kept, leftOut(source, this.max, this.total, this.errorLeftOut)];
  }
}

function leftOut(source: string, shown: number, total: number, error: boolean): Finding {
  return { rule: "LEDGER.ROW", severity: error ? "error" : "warning", cells: [], message: LEDGER_LIMIT_MSG.findingsCapped(source, shown, total) };
}
