/**
 * Cross-year rules: this year's report against last year's (PRIOR.CARRYOVER, PRIOR.VALID_DOCS,
 * and TEXT.SIMILAR for sections copied over unchanged).
 */
import { FORMATS } from "./format";
import { t2Key, t3Key } from "./keys";
import { msg } from "./messages";
import type { RuleContext } from "./ruleContext";
import type { Finding, Report } from "./schema";
import { interpret } from "./values";

function priorNum(prior: Report, key: string): number | null {
  // Last year's cells that could not be read are not compared with anything.
  if (prior.unread?.includes(key)) return null;
  const i = interpret(prior.cells[key], "count");
  return i.kind === "number" ? i.value : null;
}

/** This year's 上年结转 (R02) must equal last year's 结转下年度继续办理 (R25), column by column. */
export function priorCarryover(ctx: RuleContext): Finding[] {
  const { prior } = ctx;
  if (!prior) return [];
  const out: Finding[] = [];
  for (const col of FORMATS[ctx.report.format].table3.columns) {
    const last = priorNum(prior, t3Key("R25", col.code));
    if (last === null) continue;
    const key = t3Key("R02", col.code);
    const cell = ctx.cell(key);
    if (cell.kind === "invalid" || ctx.unread(key)) continue; // CELL.TYPE or the importer says it
    const now = cell.kind === "number" ? cell.value : null;
    if ((now ?? 0) !== last) {
      const f: Finding = {
        rule: "PRIOR.CARRYOVER",
        severity: "error",
        cells: [key],
        message: msg.priorCarryover(col.label, now, last),
        expected: last,
      };
      if (now !== null) f.actual = now;
      out.push(f);
    }
  }
  return out;
}

/** 现行有效件数 ≈ last year's + issued − repealed, for 规章 and 行政规范性文件. */
export function priorValidDocs(ctx: RuleContext): Finding[] {
  const { prior } = ctx;
  if (!prior || prior.format !== "2021" || ctx.report.format !== "2021") return [];
  const out: Finding[] = [];
  const block = FORMATS["2021"].table2.blocks[0]!;
  for (const row of block.rows) {
    const [c1, c2, c3] = block.columns.map((c) => t2Key(row.code, c.code)) as [string, string, string];
    const last = priorNum(prior, c3);
    const issued = ctx.num(c1);
    const repealed = ctx.num(c2);
    const now = ctx.cell(c3).kind === "number" ? ctx.num(c3) : null;
    if (last === null || issued === null || repealed === null || now === null) continue;
    const expected = last + issued - repealed;
    if (now !== expected) {
      out.push({
        rule: "PRIOR.VALID_DOCS",
        severity: "warning",
        cells: [c1, c2, c3],
        message: msg.priorValidDocs(row.label, now, last, issued, repealed),
        expected,
        actual: now,
      });
    }
  }
  return out;
}

/** Character-bigram Dice similarity, with years and digits neutralised (they change every year). */
export function textSimilarity(a: string, b: string): number {
  const norm = (s: string) => s.replace(/\d+/g, "#").replace(/[\s\u3000]/g, "");
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) {
      const g = s.slice(i, i + 2);
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const ga = grams(norm(a));
  const gb = grams(norm(b));
  let inter = 0;
  let total = 0;
  for (const [g, n] of ga) {
    inter += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * inter) / total;
}

export const SIMILARITY_THRESHOLD = 0.9;
const MIN_COMPARED_LENGTH = 60;

/** 内容雷同: a text section nearly identical to last year's. */
export function textSimilarToPrior(ctx: RuleContext): Finding[] {
  const { prior } = ctx;
  if (!prior) return [];
  const out: Finding[] = [];
  for (const s of FORMATS[ctx.report.format].sections) {
    if (s.table) continue;
    const now = ctx.report.sections[s.key]?.text ?? "";
    const last = prior.sections[s.key]?.text ?? "";
    if (now.trim().length < MIN_COMPARED_LENGTH || last.trim().length < MIN_COMPARED_LENGTH) continue;
    const sim = textSimilarity(now, last);
    if (sim >= SIMILARITY_THRESHOLD) {
      out.push({
        rule: "TEXT.SIMILAR",
        severity: "warning",
        cells: [s.key],
        message: msg.textSimilar(s.heading, Math.round(sim * 100)),
        actual: Math.round(sim * 100),
      });
    }
  }
  return out;
}

export const PRIOR_RULES = [priorCarryover, priorValidDocs, textSimilarToPrior] as const;

