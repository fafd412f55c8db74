/**
 * The register's vocabulary: the choices of choices.ts, and the words each accepts, matched by the
 * importer's label matching (src/import) and the clerks' own words (clerkWords.ts). Nothing here
 * is typed out per label.
 */
import { FORMAT_2021 } from "../report";
import { vocabulary } from "../import/vocabulary";
import { looseKey } from "../import/labels";
import { APPLICANT_WORDS, CHANNEL_WORDS, OUTCOME_WORDS } from "./clerkWords";
import type { VocabularyName } from "./columns";
import { APPLICANT_TYPES, CASE_KINDS, CASE_RESULTS, CHOICES, OPEN_RESULT, OUTCOMES, RECEIPT_CHANNELS, type Choice } from "./choices";

export * from "./choices";

const T3 = FORMAT_2021.table3;
const T4 = FORMAT_2021.table4;

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
  applicantType: { choices: CHOICES.applicantType, match: (t) => matchApplicantType(t) },
  outcome: { choices: CHOICES.outcome, match: (t) => matchOutcome(t) },
  caseKind: { choices: CHOICES.caseKind, match: (t) => matchCaseKind(t) },
  caseResult: { choices: CHOICES.caseResult, match: (t) => matchCaseResult(t), blank: OPEN_RESULT },
  receiptChannel: { choices: CHOICES.receiptChannel, match: (t) => matchReceiptChannel(t) },
};
