/**
 * The register's vocabulary, derived from the format (src/report) and the importer's label
 * matching (src/import): 申请人类型 are 表三's applicant columns, 办理结果 its outcome rows written
 * with their group ("（三）不予公开 1.属于国家秘密"), 类型 and 结果 of the 复议诉讼台账 表四's groups and
 * results. Nothing here is typed out per label.
 */
import { FORMAT_2021, T4_RESULT_LABELS, type T3Row } from "../report";
import { vocabulary } from "../import/vocabulary";
import { looseKey } from "../import/labels";
import { APPLICANT_WORDS, CHANNEL_WORDS, OUTCOME_WORDS } from "./clerkWords";
import type { VocabularyName } from "./columns";

export interface Choice {
  /** What the sheet shows and the validation list offers. */
  label: string;
  /** 表三 column code (C1 … C6), 表三 row code (R03 … R23), 表四 group index or result index. */
  code: string;
}

const T3 = FORMAT_2021.table3;

/** 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他 (表三 C1–C6). */
export const APPLICANT_TYPES: readonly Choice[] = T3.columns.filter((c) => !c.total).map((c) => ({ label: c.label, code: c.code }));

/** The label of an outcome row with its group: "（三）不予公开 1.属于国家秘密", "（一）予以公开". */
export function outcomeLabel(row: T3Row): string {
  return row.path.slice(1).join(" ");
}

/** The 21 outcome rows of 表三 (R03 … R23), labelled with their group. */
export const OUTCOMES: readonly Choice[] = T3.rows.filter((r) => r.role === "outcome").map((r) => ({ label: outcomeLabel(r), code: r.code }));

const T4 = FORMAT_2021.table4;

/** 行政复议, 行政诉讼（未经复议直接起诉）, 行政诉讼（复议后起诉）: one per 表四 group (code = group index). */
export const CASE_KINDS: readonly Choice[] = T4.groups.map((g, i) => ({
  label: g.path.length === 1 ? g.path[0]! : `${g.path[0]}（${g.path[1]}）`,
  code: String(i),
}));

/** 结果维持, 结果纠正, 其他结果, 尚未审结 (code = index into each group's columns). */
export const CASE_RESULTS: readonly Choice[] = T4_RESULT_LABELS.slice(0, -1).map((label, i) => ({ label, code: String(i) }));

/** The result a blank 结果 means: the case is still open (尚未审结). */
export const OPEN_RESULT = CASE_RESULTS.find((r) => r.label === "尚未审结")!;

/**
 * 收到方式 (《政府信息公开条例》第三十一条, 国办公开办函〔2015〕207号): how the application came
 * sets which day is its 收到日期 — the label says it, so the clerk writes the right day.
 */
export const RECEIPT_CHANNELS: readonly Choice[] = [
  { label: "当面提交（提交之日）", code: "inPerson" },
  { label: "邮寄（签收之日）", code: "registeredMail" },
  { label: "平信或寄错（与申请人确认之日）", code: "ordinaryMail" },
  { label: "电子邮箱（到达之日）", code: "email" },
  { label: "网络平台（双方确认之日）", code: "online" },
  { label: "传真（双方确认之日）", code: "fax" },
  { label: "其他", code: "other" },
];

export type MatchHow = "exact" | "core";

export interface ChoiceMatch {
  choice: Choice;
  how: MatchHow;
}

function exactIndex(choices: readonly Choice[], extra: (c: Choice) => string[] = () => []): Map<string, Choice> {
  const m = new Map<string, Choice>();
  for (const c of choices) for (const l of [c.label, ...extra(c)]) m.set(looseKey(l), c);
  return m;
}

const TYPE_INDEX = exactIndex(APPLICANT_TYPES, (c) => [...(APPLICANT_WORDS[c.code] ?? [])]);
const KIND_INDEX = exactIndex(CASE_KINDS, (c) => {
  const g = T4.groups[Number(c.code)]!;
  return [g.path.join(""), g.short];
});
const RESULT_INDEX = exactIndex(CASE_RESULTS);
// Each channel also by its name without the day in brackets ("邮寄") and the clerks' words.
const CHANNEL_INDEX = exactIndex(RECEIPT_CHANNELS, (c) => [c.label.replace(/（.*）$/, ""), ...(CHANNEL_WORDS[c.code] ?? [])]);
const OUTCOME_INDEX = exactIndex(OUTCOMES, (c) => {
  const row = T3.rows.find((r) => r.code === c.code)!;
  return [row.path.slice(1).join(""), row.short, ...(OUTCOME_WORDS[c.code] ?? [])];
});

function lookup(index: Map<string, Choice>, text: string): ChoiceMatch | null {
  const c = index.get(looseKey(text));
  return c ? { choice: c, how: "exact" } : null;
}

export const matchApplicantType = (text: string): ChoiceMatch | null => lookup(TYPE_INDEX, text);
export const matchCaseKind = (text: string): ChoiceMatch | null => lookup(KIND_INDEX, text);
export const matchCaseResult = (text: string): ChoiceMatch | null => lookup(RESULT_INDEX, text);
export const matchReceiptChannel = (text: string): ChoiceMatch | null => lookup(CHANNEL_INDEX, text);

/**
 * An outcome as a clerk's register writes it: the exact label (any punctuation or spacing), the
 * row's short name, or — through the importer's vocabulary, without similarity guesses — the
 * row's own label ("1.属于国家秘密", "予以公开") when that names one outcome row only.
 */
export function matchOutcome(text: string): ChoiceMatch | null {
  const exact = lookup(OUTCOME_INDEX, text);
  if (exact) return exact;
  const leaves = vocabulary("2021").t3Leaves;
  // Try the whole text, the part after a group label ("不予公开：属于国家秘密") and the reason in
  // brackets ("不予公开（国家秘密）"), each as a clerk's word first.
  const inBrackets = /[（(]([^）)]+)[）)]\s*$/.exec(text)?.[1];
  const tries = [text, text.replace(/^.*?[:：·\-—/]\s*/, ""), ...(inBrackets ? [inBrackets] : [])];
  for (const t of tries) {
    const word = lookup(OUTCOME_INDEX, t);
    if (word) return { choice: word.choice, how: "core" };
    const m = leaves.find(t, "core");
    if (m && m.target.role === "outcome") {
      const c = OUTCOMES.find((o) => o.code === m.target.code)!;
      return { choice: c, how: m.how === "exact" ? "exact" : "core" };
    }
  }
  return null;
}

export interface Vocabulary {
  /** The values the sheet's validation list offers, in order. */
  choices: readonly Choice[];
  /** A value as written (any of the accepted wordings) → its choice, or null. */
  match: (text: string) => ChoiceMatch | null;
  /** What a blank cell means, when it means a choice (a blank 结果 is 尚未审结). */
  blank?: Choice;
}

/** The vocabularies of the registers' choice columns (columns.ts names them). */
export const VOCABULARIES: Readonly<Record<VocabularyName, Vocabulary>> = {
  applicantType: { choices: APPLICANT_TYPES, match: (t) => matchApplicantType(t) },
  outcome: { choices: OUTCOMES, match: (t) => matchOutcome(t) },
  caseKind: { choices: CASE_KINDS, match: (t) => matchCaseKind(t) },
  caseResult: { choices: CASE_RESULTS, match: (t) => matchCaseResult(t), blank: OPEN_RESULT },
  receiptChannel: { choices: RECEIPT_CHANNELS, match: (t) => matchReceiptChannel(t) },
};
