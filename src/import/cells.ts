/**
 * Reading one value cell as published: numbers (with units, full-width digits, thousands
 * separators) become numbers, placeholders and other text are kept as written so the rules
 * engine reports them (CELL.BLANK, CELL.TYPE), empty cells become null.
 */
import { isPlaceholder, parseNumberText, type RawCell } from "../report";
import { cleanText } from "./labels";

export type CellKind = "empty" | "number" | "placeholder" | "text";

export function cellKind(text: string): CellKind {
  const known = kinds.get(text);
  if (known) return known;
  const kind = kindOf(text);
  // Bounded: cleared when full, so a long document's prose never piles up.
  if (kinds.size >= KINDS_MAX) kinds.clear();
  kinds.set(text, kind);
  return kind;
}

/**
 * Kinds already worked out. Table reading asks for the kind of the same cell many times (label
 * end, values, detached labels) and every report has the same "0" and labels: a roll-up of
 * 2 000 reports spent a seventh of its time here (issue 22).
 */
const kinds = new Map<string, CellKind>();
const KINDS_MAX = 20_000;

function kindOf(text: string): CellKind {
  const t = cleanText(text);
  if (t === "") return "empty";
  if (t.length > 40) return "text";
  if (isPlaceholder(t)) return "placeholder";
  return parseNumberText(t) ? "number" : "text";
}

const RULE_MARK = /[|｜丨¦]/;
/** What OCR puts for digits (S for 5, O for 0, "(D" for a 0 in a box, $ …): "5$", "SS0", "(D". */
const DIGIT_LOOKALIKES = /^(?=.*[\d$§()（）[\]])[0-9A-Za-z$§()（）[\]]{1,8}$/;

/**
 * A value cell that text recognition (OCR of a scanned page) garbled: a table rule read as "|"
 * or as the digits 1 and 0 ("0|10101010", "501010101010150"), a lone mark or character where a
 * digit stood ("“", "工"). Such a cell says nothing about the report, so its row is said not read
 * and never judged — not taken for a wrong figure. Chinese numerals and placeholders are not marks.
 */
export function garbled(text: string): boolean {
  const t = cleanText(text);
  if (t === "") return false;
  if (/^\d{8,}$/.test(t) || RULE_MARK.test(t)) return ruleNoise(t);
  if (isPlaceholder(t) || parseNumberText(t)) return false;
  // One character where a digit stood ("“", "工", "$"), but never a Chinese numeral.
  if ([...t].length === 1) return !/[\d零〇一二三四五六七八九十百千万]/.test(t);
  return DIGIT_LOOKALIKES.test(t);
}

/** Table rules read as characters: "|" anywhere, or a long run of alternating 1 and 0. */
export function ruleNoise(text: string): boolean {
  return RULE_MARK.test(text) || (/\d{8,}/.test(text) && /101010|010101/.test(text));
}

export interface ReadCell {
  raw: RawCell;
  /** The unit written in the cell (元, 万元, 件 …), if any. */
  unit: string | null;
  /** The cleaned text as written. */
  shown: string;
}

export function readCell(text: string): ReadCell {
  const shown = cleanText(text.replace(/\s*\n\s*/g, " "));
  if (shown === "") return { raw: null, unit: null, shown };
  if (isPlaceholder(shown)) return { raw: shown, unit: null, shown };
  const parsed = shown.length <= 40 ? parseNumberText(shown) : null;
  if (parsed) return { raw: parsed.value, unit: parsed.unit, shown };
  return { raw: shown, unit: null, shown };
}
