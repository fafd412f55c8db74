/**
 * Label normalisation: published copies write the same label with full-width or ASCII punctuation,
 * spaces and line breaks inside it, "1." / "1、" / "1．", straight or curly quotes. Labels are
 * compared by keys that drop all of that, never by the raw text.
 */

const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const INVISIBLE = /[\u200b-\u200f\u2060\ufeff\u00ad]/g;

/** Longest text we try to read as a label; anything longer is prose or garbage. */
export const MAX_LABEL_LENGTH = 200;

/**
 * The comparison key of a label: NFKC (full-width → ASCII), lower case, and only letters and
 * digits kept. "(一) 予以公开", "（一）予以公开" and "( 一 )予以\n公开" share one key.
 */
export function looseKey(text: string): string {
  if (text.length > MAX_LABEL_LENGTH * 4) return "";
  const known = looseKeys.get(text);
  if (known !== undefined) return known;
  const key = text.normalize("NFKC").replace(FOOTNOTE_MARK, "").toLowerCase().replace(NOT_WORD, "");
  remember(looseKeys, text, key);
  return key;
}

/**
 * Keys already computed. Every report repeats the same few hundred labels and a batch or roll-up
 * reads thousands of reports, so NFKC and the regexes ran on the same text again and again (the
 * roll-up's largest cost). Bounded: cleared when full, so prose never piles up in memory.
 */
const looseKeys = new Map<string, string>();
const coreKeys = new Map<string, string>();
const MEMO_SIZE = 20_000;

function remember(memo: Map<string, string>, text: string, key: string): void {
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(text, key);
}

/** A footnote reference after a label ("第二十条第（一）项[1]", 上海市 2020): not part of it. */
const FOOTNOTE_MARK = /\[\d{1,2}\]\s*$/;

const ENUMERATOR = /^\s*(?:[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．,，:：]|\d{1,2}\s*[、.．,，:：](?!\d))\s*/;

/**
 * Key of the label without its enumerator ("（三）不予公开" → 不予公开, "1. 属于国家秘密" → 属于国家秘密),
 * for copies that renumber or drop the numbering.
 */
export function coreKey(text: string): string {
  if (text.length > MAX_LABEL_LENGTH * 4) return "";
  const known = coreKeys.get(text);
  if (known !== undefined) return known;
  const key = looseKey(text.normalize("NFKC").replace(ENUMERATOR, ""));
  remember(coreKeys, text, key);
  return key;
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice similarity of two keys on character bigrams (0 … 1); used only as a last resort. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const A = bigrams(a);
  const B = bigrams(b);
  let common = 0;
  for (const [g, n] of A) common += Math.min(n, B.get(g) ?? 0);
  return (2 * common) / (a.length - 1 + (b.length - 1));
}

/** Clean a line or cell for display and storage: invisible characters out, spaces collapsed. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, "").replace(/[\t\u00a0\u3000 ]+/g, " ").trim();
}

/** One-line form of a cell for messages (line breaks inside cells become nothing or a space). */
export function shownLabel(text: string, max = 40): string {
  const s = cleanText(text.replace(/\s*\n\s*/g, ""));
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
