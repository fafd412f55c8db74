/**
 * What every table sheet shares: totals as formulas, cross-check cells, the two helper grids and
 * the conditional formats, all generated from the sum rules of src/report.
 */
import { sumRules, type SumRule, type SumRuleId } from "../../report";
import { boundingRect, rect, type Cell, type Rect } from "../address";
import {
  HELPER_FAIL_OFFSET,
  HELPER_INVALID_OFFSET,
  checkFormula,
  failFlagFormula,
  flagIsSet,
  invalidFlagFormula,
  startsWith,
  summaryFormula,
  sumOf,
} from "../formulas";
import { CHECK_STATE_CHAR } from "../messages";
import type { TemplateRole } from "../roles";
import type { CfRule, CheckCell, SheetDesign, ValueCell } from "./types";

/** Marker column (CZ) — the last hidden column of every sheet. */
export const LAST_HIDDEN_COL = 104;

export function emptyDesign(role: TemplateRole, name: string): SheetDesign {
  return {
    role,
    name,
    widths: {},
    hiddenFrom: LAST_HIDDEN_COL,
    labels: [],
    values: [],
    derived: [],
    kept: [],
    checks: [],
    helpers: [],
    summary: null,
    blocks: [],
    lists: [],
    computed: [],
    cf: [],
    print: { area: rect(1, 1), landscape: false },
    heights: {},
  };
}

/**
 * Which sum rule supplies the formula of a total that several rules share (R24.C7 is both the
 * row total of （七）总计 and the column total of 总计): the row sum, so that the whole 总计
 * column reads "C7 = C1 + … + C6" and （七）总计's row is summed like every other row.
 */
const TOTAL_FORMULA_PRIORITY: SumRuleId[] = ["T3.ROW_SUM", "T3.OUTCOME_SUM", "T4.GROUP_SUM"];

export interface IndexedRule {
  rule: SumRule;
  index: number;
}

export function rulesOfTable(table: 3 | 4): IndexedRule[] {
  return sumRules("2021")
    .map((rule, index) => ({ rule, index }))
    .filter((r) => r.rule.table === table);
}

/**
 * The cells the template computes, with the cells they sum: for every rule whose `total` side is a
 * single cell, that cell = SUM(parts), the first rule in TOTAL_FORMULA_PRIORITY winning.
 */
export function totalDefinitions(rules: readonly IndexedRule[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const ordered = [...rules]
    .filter((r) => r.rule.total.length === 1 && TOTAL_FORMULA_PRIORITY.includes(r.rule.id))
    .sort((a, b) => TOTAL_FORMULA_PRIORITY.indexOf(a.rule.id) - TOTAL_FORMULA_PRIORITY.indexOf(b.rule.id));
  for (const { rule } of ordered) {
    const key = rule.total[0]!.key;
    if (!out.has(key)) out.set(key, rule.parts.map((t) => t.key));
  }
  return out;
}

export interface TableFinish {
  rules: IndexedRule[];
  /** Where the check cell of a rule goes. */
  placeCheck: (r: IndexedRule) => Rect;
  /** Blocks of value cells that get the conditional formats. */
  valueRects: Rect[];
  /** Areas holding check cells (for conditional formats and the summary). */
  checkAreas: Rect[];
  summaryRect: Rect | null;
}

/**
 * Complete a table design whose value cells are placed: total formulas, checks, helper grids,
 * conditional formats and the summary cell.
 */
export function finishTable(d: SheetDesign, f: TableFinish): void {
  const byKey = new Map<string, ValueCell>(d.values.map((v) => [v.key, v]));
  const pos = (key: string): Cell => {
    const v = byKey.get(key);
    if (!v) throw new Error(`layout has no cell for ${key}`);
    return v;
  };

  // Totals: the single `total` term of a rule gets the sum of its parts.
  for (const [key, parts] of totalDefinitions(f.rules)) {
    byKey.get(key)!.formula = sumOf(parts.map(pos));
  }

  const helperA = (c: Cell): Cell => ({ row: c.row, col: c.col + HELPER_INVALID_OFFSET });
  const helperB = (c: Cell): Cell => ({ row: c.row, col: c.col + HELPER_FAIL_OFFSET });

  // Grid A for every number cell.
  for (const v of d.values) {
    if (v.kind === "count" || v.kind === "amount") {
      d.helpers.push({ ...helperA(v), formula: invalidFlagFormula(v, v.kind) });
    }
  }

  // Check cells.
  const checksOfKey = new Map<string, Cell[]>();
  for (const r of f.rules) {
    const terms = [...r.rule.parts, ...r.rule.total];
    const at = f.placeCheck(r);
    const check: CheckCell = {
      ruleIndex: r.index,
      rect: at,
      formula: checkFormula(
        r.rule.parts.map((t) => pos(t.key)),
        r.rule.total.map((t) => pos(t.key)),
        terms.map((t) => helperA(pos(t.key))),
      ),
    };
    d.checks.push(check);
    for (const t of terms) {
      const list = checksOfKey.get(t.key) ?? [];
      list.push({ row: at.top, col: at.left });
      checksOfKey.set(t.key, list);
    }
  }

  // Grid B for every cell that takes part in a check.
  for (const v of d.values) {
    const checks = checksOfKey.get(v.key);
    if (checks) d.helpers.push({ ...helperB(v), formula: failFlagFormula(checks) });
  }

  // Conditional formats: invalid content first (red), then failing checks (orange).
  const cf: CfRule[] = [];
  for (const r of f.valueRects) {
    const tl = { row: r.top, col: r.left };
    cf.push({ rect: r, formula: flagIsSet(helperA(tl)), style: "invalid" });
    if (f.rules.length) cf.push({ rect: r, formula: flagIsSet(helperB(tl)), style: "fail" });
  }
  const stateRects = f.summaryRect ? [...f.checkAreas, f.summaryRect] : f.checkAreas;
  for (const r of stateRects) {
    const tl = { row: r.top, col: r.left };
    cf.push({ rect: r, formula: startsWith(tl, CHECK_STATE_CHAR.fail), style: "checkFail" });
    cf.push({ rect: r, formula: startsWith(tl, CHECK_STATE_CHAR.invalid), style: "checkInvalid" });
    cf.push({ rect: r, formula: startsWith(tl, CHECK_STATE_CHAR.ok), style: "checkOk" });
  }
  d.cf.push(...cf);

  if (f.summaryRect) {
    const gridA = d.helpers.filter((h) => h.col > HELPER_INVALID_OFFSET && h.col <= HELPER_FAIL_OFFSET);
    d.summary = {
      rect: f.summaryRect,
      formula: summaryFormula(f.checkAreas, gridA.length ? boundingRect(gridA) : null),
    };
  }
}

/** Rough row height (points) for wrapped CJK text in a given width (characters). */
export function heightFor(text: string, widthChars: number, lineHeight = 14.5): number {
  const width = Math.max(2, widthChars - 1);
  const lines = text
    .split("\n")
    .map((seg) => Math.max(1, Math.ceil([...seg].reduce((s, ch) => s + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) / width)))
    .reduce((a, b) => a + b, 0);
  return Math.max(lineHeight + 3, lines * lineHeight + 4);
}
