/**
 * The arithmetic of the tables (勾稽关系) as data, derived from the table structure:
 * "the sum of these cells equals the sum of those". The rules engine evaluates them, the
 * template turns them into check formulas, the pane names their cells.
 */
import { FORMATS, TABLE_NAMES, type FormatId } from "./format";
import { t3Key, t4Key, type CellKey } from "./keys";
import type { RuleId } from "./ruleRegistry";

export type SumRuleId = Extract<RuleId, "T3.BALANCE" | "T3.OUTCOME_SUM" | "T3.ROW_SUM" | "T4.GROUP_SUM">;

/** Where the template puts a sum rule's in-sheet check (src/template/design/t3.ts, t4.ts). */
export type CheckPlace =
  /** On the total's row, in the table's check column (a row sum). */
  | { along: "row" }
  /** Under the total's column, in the named check row below the table (a column sum). */
  | { along: "column"; checkRow: "balance" | "outcome" }
  /** In the check row below the table, across the columns of all its terms (a group sum). */
  | { along: "group" };

export interface Term {
  key: CellKey;
  /** Short name for messages: 本年新收, 自然人, 结果维持 … */
  name: string;
}

export interface SumRule {
  id: SumRuleId;
  table: 3 | 4;
  /** Where the rule applies, e.g. "自然人列", "“行政复议”". */
  scope: string;
  /** sum(total) must equal sum(parts). `total` is what the clerk usually derives. */
  parts: Term[];
  total: Term[];
  /** Names for a side with many terms, used instead of listing them. */
  partsName: string;
  totalName: string;
  check: CheckPlace;
}

function build(format: FormatId): SumRule[] {
  const f = FORMATS[format];
  const t3 = f.table3;
  const role = (r: string) => t3.rows.filter((row) => row.role === r);
  const rules: SumRule[] = [];
  const outcomes = role("outcome");
  const first = outcomes[0]!;
  const last = outcomes[outcomes.length - 1]!;

  for (const col of t3.columns) {
    const term = (row: { code: string; short: string }): Term => ({ key: t3Key(row.code, col.code), name: row.short });
    const scope = `${col.label}列`;
    rules.push({
      id: "T3.BALANCE",
      table: 3,
      scope,
      parts: [...role("new"), ...role("carried")].map(term),
      total: [...role("total"), ...role("carryover")].map(term),
      partsName: "本年新收与上年结转之和",
      totalName: "办理结果总计与结转下年度之和",
      check: { along: "column", checkRow: "balance" },
    });
    rules.push({
      id: "T3.OUTCOME_SUM",
      table: 3,
      scope,
      parts: outcomes.map(term),
      total: role("total").map(term),
      partsName: `“${first.short}”至“${last.short}”各项之和`,
      totalName: "办理结果总计",
      check: { along: "column", checkRow: "outcome" },
    });
  }
  const valueCols = t3.columns.filter((c) => !c.total);
  const totalCol = t3.columns.find((c) => c.total)!;
  for (const row of t3.rows) {
    rules.push({
      id: "T3.ROW_SUM",
      table: 3,
      scope: `“${row.path[row.path.length - 1]}”行`,
      parts: valueCols.map((c) => ({ key: t3Key(row.code, c.code), name: c.label })),
      total: [{ key: t3Key(row.code, totalCol.code), name: totalCol.label }],
      partsName: `${valueCols[0]!.label}至${valueCols[valueCols.length - 1]!.label}各列之和`,
      totalName: totalCol.label,
      check: { along: "row" },
    });
  }
  for (const g of f.table4.groups) {
    const parts = g.columns.filter((c) => !c.total);
    const total = g.columns.filter((c) => c.total);
    rules.push({
      id: "T4.GROUP_SUM",
      table: 4,
      scope: `“${g.short}”`,
      parts: parts.map((c) => ({ key: t4Key(c.code), name: c.label })),
      total: total.map((c) => ({ key: t4Key(c.code), name: c.label })),
      partsName: parts.map((c) => c.label).join("、") + "之和",
      totalName: "总计",
      check: { along: "group" },
    });
  }
  return rules;
}

const RULES: Record<FormatId, SumRule[]> = { "2021": build("2021"), "2019": build("2019") };

export function sumRules(format: FormatId = "2021"): readonly SumRule[] {
  return RULES[format];
}

export function sumRuleTitle(rule: SumRule): string {
  return `${TABLE_NAMES[rule.table]} ${rule.scope}`;
}
