/**
 * Text-against-table rules: numbers quoted in the prose (TEXT.NUMBERS) and the fee statement in
 * section 六 (TEXT.FEE). Phrases are matched within one clause so "收到申请81件" binds 81 to the
 * 表三 total of new applications, and nothing across a comma or full stop.
 */
import type { SectionKey } from "./format";
import { SECTIONS } from "./format";
import { cellInfo, t2Key, t3Key, t4Key } from "./keys";
import { msg } from "./messages";
import type { RuleContext } from "./ruleContext";
import type { Finding } from "./schema";
import { toHalfWidth } from "./values";

/** One kind of quoted number: a phrase, and the table value(s) it may legitimately mean. */
export interface QuotedNumber {
  /** What the phrase says, for the message. */
  what: string;
  /** Regex with one capture group for the number; matched within a clause. */
  pattern: RegExp;
  /** Cells whose value (or the sum of) the number must equal; any alternative may match. */
  alternatives: string[][];
  /** A match that starts so speaks of something else (a first-instance count, not 表四's). */
  unless?: RegExp;
}

const CLAUSE = "[^，。；！？,.;!?\\n]";
const num = "(\\d+)\\s*(?:件|起|个|条)";

/** Phrase → cell mapping. Cell keys come from the key helpers, labels from the format. */
export const QUOTED_NUMBERS: QuotedNumber[] = [
  {
    what: "收到（新收）政府信息公开申请",
    pattern: new RegExp(`(?:收到|新收|受理|接收|共收)${CLAUSE}{0,16}?申请${CLAUSE}{0,4}?${num}`, "g"),
    alternatives: [[t3Key("R01", "C7")], [t3Key("R01", "C7"), t3Key("R02", "C7")]],
  },
  {
    what: "办理政府信息公开申请",
    pattern: new RegExp(`(?:办理|办结|答复)${CLAUSE}{0,16}?申请${CLAUSE}{0,4}?${num}`, "g"),
    alternatives: [[t3Key("R24", "C7")], [t3Key("R01", "C7")], [t3Key("R01", "C7"), t3Key("R02", "C7")]],
  },
  {
    what: "上年结转申请",
    pattern: new RegExp(`上年${CLAUSE}{0,2}?结转${CLAUSE}{0,10}?${num}`, "g"),
    alternatives: [[t3Key("R02", "C7")]],
  },
  {
    what: "结转下年度办理",
    pattern: new RegExp(`结转(?:至|到)?下(?:一)?年${CLAUSE}{0,10}?${num}`, "g"),
    alternatives: [[t3Key("R25", "C7")]],
  },
  {
    what: "予以公开",
    pattern: new RegExp(`予以公开${CLAUSE}{0,4}?${num}`, "g"),
    alternatives: [[t3Key("R03", "C7")]],
  },
  {
    what: "部分公开",
    pattern: new RegExp(`部分公开${CLAUSE}{0,4}?${num}`, "g"),
    // "予以公开及部分公开11796件" (上海市 2020) quotes the two rows together.
    alternatives: [[t3Key("R04", "C7")], [t3Key("R03", "C7"), t3Key("R04", "C7")]],
  },
  {
    what: "行政复议",
    pattern: new RegExp(`行政复议(?:申请|案件)?${CLAUSE}{0,6}?${num}`, "g"),
    alternatives: [[t4Key("C05")]],
  },
  {
    what: "行政诉讼",
    pattern: new RegExp(`(?:[一二]审|再审)?行政诉讼(?:案件)?${CLAUSE}{0,6}?${num}`, "g"),
    alternatives: [[t4Key("C10"), t4Key("C15")]],
    // "一审行政诉讼案件687件" counts judgments of first instance, which 表四 does not hold.
    unless: /^(?:[一二]审|再审)/,
  },
  {
    what: "制发行政规范性文件",
    pattern: new RegExp(`制发${CLAUSE}{0,8}?规范性文件${CLAUSE}{0,4}?${num}`, "g"),
    alternatives: [[t2Key("R2", "C1")]],
  },
  {
    what: "废止行政规范性文件",
    pattern: new RegExp(`废止${CLAUSE}{0,8}?规范性文件${CLAUSE}{0,4}?${num}`, "g"),
    alternatives: [[t2Key("R2", "C2")]],
  },
];

const PROSE: SectionKey[] = SECTIONS.map((s) => s.key);

export function textNumbers(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const texts: Array<{ where: string; key: SectionKey | null; text: string }> = [];
  if (ctx.report.opening) texts.push({ where: "开头", key: null, text: ctx.report.opening });
  for (const k of PROSE) {
    const s = ctx.report.sections[k];
    if (s?.text) texts.push({ where: SECTIONS.find((d) => d.key === k)!.heading, key: k, text: s.text });
  }
  for (const t of texts) {
    const text = toHalfWidth(t.text);
    for (const q of QUOTED_NUMBERS) {
      for (const m of text.matchAll(q.pattern)) {
        if (q.unless?.test(m[0])) continue;
        const quoted = Number(m[1]);
        const sums = q.alternatives.map((alt) => alt.map((k) => ctx.num(k)));
        if (sums.some((vals) => vals.some((v) => v === null))) continue; // invalid cells: CELL.TYPE reports
        const totals = sums.map((vals) => vals.reduce<number>((a, b) => a + (b ?? 0), 0));
        if (totals.includes(quoted)) continue;
        const main = q.alternatives[0]!;
        const label = main.map((k) => cellInfo(k, ctx.report.format)?.label ?? k).join(" + ");
        out.push({
          rule: "TEXT.NUMBERS",
          severity: "warning",
          cells: main,
          message: msg.textNumber(t.where, m[0].trim(), label, totals[0]!),
          expected: totals[0]!,
          actual: quoted,
        });
      }
    }
  }
  return out;
}

/** Fee notices were issued (T3.R22 > 0) but section 六 does not report 信息处理费. */
export function textFee(ctx: RuleContext): Finding[] {
  if (ctx.report.format !== "2021") return [];
  const key = t3Key("R22", "C7");
  const n = ctx.num(key);
  if (n === null || n <= 0) return [];
  const s6 = ctx.report.sections.S6?.text ?? "";
  if (/信息处理费|收取.{0,6}费|收费/.test(s6)) return [];
  return [{ rule: "TEXT.FEE", severity: "warning", cells: [key], message: msg.textFee(n) }];
}

/**
 * A statement about an earlier year written as if it were this year's ("2023年，本机关…" in a 2024
 * report), typically last year's text carried over. Only a year that opens a clause and is
 * followed by what the year did counts; comparisons ("较2023年增长", "与2023年相比"), references
 * ("2023年度报告"), dates ("2023年5月印发") and ranges ("2021—2025年") are quiet, and so is any
 * sentence that also names the report year or compares. Later years (plans) are never flagged.
 * No lookbehind (EdgeHTML 18 and IE11 reject it): the delimiter before the year is matched, and the
 * year located inside the match (m[0].indexOf(m[1])).
 */
const YEAR_STATEMENT = new RegExp(
  "(?:^|[。；！？!?;\\n：:，,]|在)\\s*(\\d{4})\\s*年(?:度)?\\s*" +
    "(?=[，,]|全年|上半年|下半年|本机关|我(?:局|委|办|区|县|市|省|厅|院|镇|乡|街道|单位|中心|部门|司|署|会)|共|累计|主动公开|收到|新收|受理|办理|制发|发布|公开)",
  "gm",
);
const COMPARISON = /较|比|同比|相比|对比|增长|下降|减少|增加|持平|上升|同期/;

function sentenceAround(text: string, at: number): string {
  const stops = /[。！？!?\n]/;
  let a = at;
  while (a > 0 && !stops.test(text[a - 1]!)) a--;
  let b = at;
  while (b < text.length && !stops.test(text[b]!)) b++;
  return text.slice(a, b);
}

export function textYear(ctx: RuleContext): Finding[] {
  const year = ctx.report.meta.year;
  if (year === null) return [];
  const out: Finding[] = [];
  const texts: Array<{ where: string; key: string; text: string }> = [];
  if (ctx.report.opening) texts.push({ where: "开头", key: "OPENING", text: ctx.report.opening });
  for (const k of PROSE) {
    const s = ctx.report.sections[k];
    if (s?.text) texts.push({ where: SECTIONS.find((d) => d.key === k)!.heading, key: k, text: s.text });
  }
  for (const t of texts) {
    const text = toHalfWidth(t.text);
    const hits: Array<{ y: number; snippet: string }> = [];
    for (const m of text.matchAll(YEAR_STATEMENT)) {
      const y = Number(m[1]);
      if (y >= year || y < 1990) continue;
      const at = m.index! + m[0].indexOf(m[1]!);
      const sentence = sentenceAround(text, at);
      if (sentence.includes(String(year)) || COMPARISON.test(sentence)) continue;
      // Quote what the clerk wrote (toHalfWidth maps character for character).
      const source = t.text.length === text.length ? t.text : text;
      const snippet = source.slice(at, at + 14).split(/[。\n]/)[0]!;
      hits.push({ y, snippet });
    }
    if (hits.length === 0) continue;
    out.push({
      rule: "TEXT.YEAR",
      severity: "warning",
      cells: [t.key],
      message: msg.textYear(t.where, hits[0]!.snippet, hits.length, year),
      actual: hits[0]!.y,
      expected: year,
    });
  }
  return out;
}

export const TEXT_RULES = [textNumbers, textFee, textYear] as const;
