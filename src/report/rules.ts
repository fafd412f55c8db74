/**
 * The rules engine: evaluates a report to findings. Cell rules and the table arithmetic are
 * generated from the format definition (sumRules.ts); document rules read the sections and meta.
 * Pure TypeScript: no Office, DOM or Node APIs.
 */
import { FORMATS, type SectionKey } from "./format";
import { cellsOf, FEE_CELL, type CellKey } from "./keys";
import { msg } from "./messages";
import { labelPlaces } from "./places";
import type { Finding, Report } from "./schema";
import { sumRules, type SumRule } from "./sumRules";
import { interpret } from "./values";
import { makeContext, type RuleContext } from "./ruleContext";
import { PRIOR_RULES } from "./priorRules";
import { priorFromSnapshot } from "./priorSnapshot";
import { TEXT_RULES } from "./textRules";

export interface CheckOptions {
  /** Last year's report, for the PRIOR.* rules. */
  prior?: Report | null;
  /** Extra rule sets plugged in by callers (e.g. an importer's own checks). */
  extraRules?: ReadonlyArray<(ctx: RuleContext) => Finding[]>;
}

function shown(raw: unknown): string {
  return typeof raw === "boolean" ? (raw ? "TRUE" : "FALSE") : String(raw);
}

function cellRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const blanks = blankTotals(ctx);
  for (const info of cellsOf(ctx.report.format)) {
    if (!info.checked || ctx.unread(info.key)) continue;
    const i = ctx.cell(info.key);
    if (i.kind === "invalid") {
      const f: Finding = {
        rule: "CELL.TYPE",
        severity: "error",
        cells: [info.key],
        message: msg.cellType(info.label, i.reason, shown(ctx.report.cells[info.key]), i.value),
      };
      if (i.value !== undefined) f.actual = i.value;
      out.push(f);
    } else if (i.kind === "blank" && !blanks.has(info.key)) {
      out.push({ rule: "CELL.BLANK", severity: "warning", cells: [info.key], message: msg.cellBlank(info.label, i.placeholder) });
    }
  }
  return out;
}

const EPS = 1e-9;

interface BlankTotal {
  rule: SumRule;
  expected: number;
}

/**
 * Totals left blank while their items are not all zero (a clerk who skipped 总计). Each is
 * reported once as blank, and the sums that go through it are not judged (they would only
 * repeat the omission as "总计为 0，相差 N").
 */
function blankTotals(ctx: RuleContext): Map<CellKey, BlankTotal> {
  const out = new Map<CellKey, BlankTotal>();
  for (const rule of sumRules(ctx.report.format)) {
    if (rule.total.length !== 1) continue;
    const key = rule.total[0]!.key;
    if (out.has(key) || ctx.unread(key) || ctx.cell(key).kind !== "blank") continue;
    const parts = rule.parts.map((t) => ctx.num(t.key));
    if (parts.some((v) => v === null)) continue;
    const expected = (parts as number[]).reduce((a, b) => a + b, 0);
    if (Math.abs(expected) > EPS) out.set(key, { rule, expected });
  }
  return out;
}

function blankTotalRules(ctx: RuleContext, blanks: Map<CellKey, BlankTotal>): Finding[] {
  // One finding per kind of total (the （七）总计 row, the 总计 column, 表四's 总计s).
  const groups = new Map<string, { key: CellKey; b: BlankTotal }[]>();
  for (const [key, b] of blanks) {
    const list = groups.get(b.rule.id) ?? [];
    list.push({ key, b });
    groups.set(b.rule.id, list);
  }
  return [...groups.values()].map((list) => ({
    rule: list[0]!.b.rule.id,
    severity: "error" as const,
    cells: list.map((x) => x.key),
    total: list.map((x) => x.key),
    addends: [...new Set(list.flatMap((x) => x.b.rule.parts.map((t) => t.key)))],
    message: msg.totalBlank(list[0]!.b.rule, list.map((x) => ({ scope: x.b.rule.scope, expected: x.b.expected }))),
  }));
}

function arithmeticRules(ctx: RuleContext): Finding[] {
  const blanks = blankTotals(ctx);
  const out: Finding[] = blankTotalRules(ctx, blanks);
  const notJudged: SumRule[] = [];
  for (const rule of sumRules(ctx.report.format)) {
    const terms = [...rule.parts, ...rule.total];
    // A sum over cells the importer could not read is not judged: it is said instead (below).
    if (terms.some((t) => ctx.unread(t.key))) {
      notJudged.push(rule);
      continue;
    }
    // A sum through a blank total repeats that omission; the blank total is reported once above.
    if (terms.some((t) => blanks.has(t.key))) continue;
    const values = new Map<string, number>();
    let unknown = false;
    for (const t of terms) {
      const v = ctx.num(t.key);
      if (v === null) unknown = true;
      else values.set(t.key, v);
    }
    // An invalid cell already has its CELL.TYPE error; the sum cannot be judged.
    if (unknown) continue;
    const partsSum = rule.parts.reduce((s, t) => s + values.get(t.key)!, 0);
    const totalSum = rule.total.reduce((s, t) => s + values.get(t.key)!, 0);
    if (Math.abs(partsSum - totalSum) > EPS) {
      out.push({
        rule: rule.id,
        severity: "error",
        cells: terms.map((t) => t.key),
        total: rule.total.map((t) => t.key),
        addends: rule.parts.map((t) => t.key),
        message: msg.sum(rule, values, partsSum, totalSum),
        expected: partsSum,
        actual: totalSum,
      });
    }
  }
  return [...out, ...unjudgedFindings(ctx, notJudged)];
}

/** One finding per table naming the checks left undone and the cells that were not read. */
function unjudgedFindings(ctx: RuleContext, rules: readonly SumRule[]): Finding[] {
  const out: Finding[] = [];
  for (const table of [3, 4] as const) {
    const list = rules.filter((r) => r.table === table);
    if (!list.length) continue;
    const unread = [...new Set(list.flatMap((r) => [...r.parts, ...r.total].map((t) => t.key)))].filter((k) => ctx.unread(k));
    out.push({
      rule: "CHECK.UNREAD",
      severity: "warning",
      cells: unread,
      message: msg.notJudged(table, list.length, labelPlaces(unread, ctx.report.format)),
    });
  }
  return out;
}

function feeRule(ctx: RuleContext): Finding[] {
  if (!FORMATS[ctx.report.format].table2.checked) return [];
  const raw = ctx.report.cells[FEE_CELL];
  if (typeof raw === "string" && /元/.test(raw) && !/万元/.test(raw)) {
    return [{ rule: "T2.FEE_UNIT", severity: "warning", cells: [FEE_CELL], message: msg.feeUnitText(raw.trim()) }];
  }
  const now = ctx.cell(FEE_CELL);
  if (ctx.prior && now.kind === "number" && ctx.prior.format === "2021" && !ctx.prior.unread?.includes(FEE_CELL)) {
    const p = interpret(ctx.prior.cells[FEE_CELL], "amount");
    if (p.kind === "number" && p.value > 0 && now.value >= 1000 * p.value) {
      return [
        {
          rule: "T2.FEE_UNIT",
          severity: "warning",
          cells: [FEE_CELL],
          message: msg.feeUnitJump(now.value, p.value),
          actual: now.value,
        },
      ];
    }
  }
  return [];
}

function sectionRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const f = FORMATS[ctx.report.format];
  for (const s of f.sections) {
    const sec = ctx.report.sections[s.key as SectionKey];
    if (s.table) {
      const cells = cellsOf(ctx.report.format).filter((c) => c.table === s.table);
      // A table the importer could not read is said by the importer, not called empty here.
      if (cells.some((c) => ctx.unread(c.key))) continue;
      const anyValue = cells.some((c) => ctx.cell(c.key).kind !== "blank");
      if (!sec && !anyValue) {
        out.push({ rule: "DOC.SECTIONS", severity: "error", cells: [s.key], message: msg.sectionMissing(s.heading) });
      } else if (!anyValue) {
        // A table section has no text cell: ask for its numbers, not for "无".
        out.push({ rule: "DOC.SECTIONS", severity: "error", cells: [s.key], message: msg.tableEmpty(s.heading) });
      }
    } else if (!sec) {
      out.push({ rule: "DOC.SECTIONS", severity: "error", cells: [s.key], message: msg.sectionMissing(s.heading) });
    } else if (sec.text.trim() === "") {
      out.push({ rule: "DOC.SECTIONS", severity: "error", cells: [s.key], message: msg.sectionEmpty(s.heading) });
    }
  }
  return out;
}

/** Years named by the 统计期限 sentence ("统计期限为2023年1月1日至12月31日"). */
export function periodYears(text: string): number[] {
  const out: number[] = [];
  const re = /(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:至|到|—|－|-|~|～)\s*(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日/g;
  for (const m of text.matchAll(re)) {
    out.push(Number(m[1]));
    if (m[2]) out.push(Number(m[2]));
  }
  return out;
}

export function titleYear(title: string | null): number | null {
  if (!title) return null;
  const m = /(\d{4})\s*年(?:度)?/.exec(title);
  return m ? Number(m[1]) : null;
}

function yearRules(ctx: RuleContext): Finding[] {
  const { meta } = ctx.report;
  const seen: string[] = [];
  const years = new Set<number>();
  if (meta.year !== null) {
    years.add(meta.year);
    seen.push(`报告年度为 ${meta.year}`);
  }
  const ty = titleYear(meta.title);
  if (ty !== null) {
    years.add(ty);
    seen.push(`标题写 ${ty} 年`);
  }
  const text = [ctx.report.opening ?? "", ctx.report.sections.S1?.text ?? ""].join("\n");
  const py = [...new Set(periodYears(text))];
  for (const y of py) years.add(y);
  if (py.length) seen.push(`统计期限写 ${py.join("、")} 年`);
  if (years.size > 1) return [{ rule: "DOC.YEAR", severity: "error", cells: [], message: msg.yearMismatch(seen) }];
  if (years.size === 0) return [{ rule: "DOC.YEAR", severity: "error", cells: ["META.YEAR"], message: msg.yearMissing() }];
  return [];
}

/** 机关名称 is part of the metadata every report carries (spec §1); the title is made from it. */
function agencyRule(ctx: RuleContext): Finding[] {
  if ((ctx.report.meta.agency ?? "").trim() !== "") return [];
  return [{ rule: "DOC.AGENCY", severity: "warning", cells: ["META.AGENCY"], message: msg.agencyMissing() }];
}

function formatRule(ctx: RuleContext): Finding[] {
  const year = ctx.report.meta.year ?? titleYear(ctx.report.meta.title);
  if (ctx.report.format === "2019" && year !== null && year >= 2021) {
    return [{ rule: "DOC.FORMAT", severity: "error", cells: [], message: msg.format2019(year) }];
  }
  return [];
}

/** The rule sets that need only the report itself (cells, arithmetic, document). */
export const CORE_RULES: ReadonlyArray<(ctx: RuleContext) => Finding[]> = [
  cellRules,
  arithmeticRules,
  feeRule,
  sectionRules,
  yearRules,
  agencyRule,
  formatRule,
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Check a report; findings are ordered errors first, then by table order of their first cell. */
export function checkReport(report: Report, options: CheckOptions = {}): Finding[] {
  const kept = report.priorFigures ? priorFromSnapshot(report.priorFigures.cells, report.priorFigures.year) : null;
  const ctx = makeContext(report, options.prior ?? kept);
  const findings = [...CORE_RULES, ...TEXT_RULES, ...PRIOR_RULES, ...(options.extraRules ?? [])].flatMap((r) => r(ctx));
  const order = new Map(cellsOf(report.format).map((c, i) => [c.key, i]));
  const pos = (f: Finding) => (f.cells.length ? (order.get(f.cells[0]!) ?? -1) : -1);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || pos(a.f) - pos(b.f) || a.i - b.i)
    .map((x) => x.f);
}

export function countBySeverity(findings: readonly Finding[]): { error: number; warning: number; info: number } {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
