/** The context every rule set is evaluated in (rules.ts, textRules.ts, priorRules.ts, ledger/register.ts). */
import { cellInfo, type CellKey } from "./keys";
import type { Report } from "./schema";
import { interpret, numericValue, type Interpreted } from "./values";

/** What every rule sees: the report and its cells already interpreted once. */
export interface RuleContext {
  report: Report;
  prior: Report | null;
  /** Interpreted value of each checked cell. */
  cell(key: CellKey): Interpreted;
  /** Arithmetic value: number, 0 for blank, null for invalid or unread. */
  num(key: CellKey): number | null;
  /** Whether the importer could not read this cell (Report.unread): nothing may judge it. */
  unread(key: CellKey): boolean;
}

export function makeContext(report: Report, prior: Report | null = null): RuleContext {
  const cache = new Map<CellKey, Interpreted>();
  const cell = (key: CellKey): Interpreted => {
    let i = cache.get(key);
    if (!i) {
      const info = cellInfo(key, report.format);
      i = interpret(report.cells[key], info?.type ?? "count");
      cache.set(key, i);
    }
    return i;
  };
  const unread = new Set(report.unread ?? []);
  return {
    report,
    prior,
    cell,
    num: (k) => (unread.has(k) ? null : numericValue(cell(k))),
    unread: (k) => unread.has(k),
  };
}
