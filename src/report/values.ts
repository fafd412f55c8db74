/**
 * What a raw cell value means. Raw values come from Excel (number, string, boolean, error text),
 * from an .xlsx file or from an importer. The rules engine reads every cell through `interpret`.
 */
import type { ValueType } from "./format";

/** A cell as stored in the report model: exactly what the clerk (or the source) wrote. */
export type RawCell = number | string | boolean | null;

export type Interpreted =
  | { kind: "number"; value: number }
  | { kind: "blank"; placeholder: string | null }
  | { kind: "invalid"; reason: InvalidReason; value?: number };

export type InvalidReason =
  | "text" // text that is not a number
  | "numericText" // a number stored as text (full-width digits, spaces, units…)
  | "several" // several numbers in one cell (a row pasted into one cell: "200000 100000")
  | "error" // #REF!, #VALUE!, …
  | "boolean"
  | "negative"
  | "fraction"
  | "decimals" // more than 6 decimals in a 万元 amount
  | "huge";

/** Placeholders clerks write for "nothing": counted as 0, reported as a warning. */
export const PLACEHOLDERS = ["/", "／", "-", "－", "—", "——", "–", "无", "空", "\\"] as const;

const EXCEL_ERRORS = /^#(REF!|VALUE!|DIV\/0!|NAME\?|N\/A|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!)$/i;

/** Largest count we accept; anything above is a typing accident (and beyond exact doubles). */
export const MAX_VALUE = 1e12;
export const AMOUNT_DECIMALS = 6;

const FULL_WIDTH_DIGITS = /[０-９．，－]/g;

/** Normalise full-width digits and punctuation to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH_DIGITS, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * Parse a number written as text, as published reports write them: full-width digits, thousands
 * separators, surrounding spaces, a trailing unit (件, 条, 元, 万元, 个, 项, 次). Returns null when the
 * text is not clearly one number.
 */
export function parseNumberText(text: string): { value: number; unit: string | null } | null {
  // Spaces around the number and before its unit are fine; inside it ("1 2") they are not: that is
  // two numbers or a typing slip, never 12.
  const s = toHalfWidth(text).replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, "");
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?[\s\u00a0\u3000]*(件|条|元|万元|个|项|次|人|篇|期)?$/.exec(s);
  if (!m) return null;
  const value = Number(`${m[1]}${m[2]!.replace(/,/g, "")}${m[3] ?? ""}`);
  if (!Number.isFinite(value)) return null;
  return { value, unit: m[4] ?? null };
}

/** The numbers of a cell that holds several, separated by spaces, tabs or line breaks ("200000 100000"). */
export function severalNumbers(text: string): string[] {
  const parts = toHalfWidth(text).trim().split(/[\s\u00a0\u3000]+/);
  return parts.length > 1 && parts.every((p) => /^[+-]?\d[\d,]*(\.\d+)?$/.test(p)) ? parts : [];
}

export function isPlaceholder(text: string): boolean {
  const s = text.replace(/[\s\u00a0\u3000]/g, "");
  return (PLACEHOLDERS as readonly string[]).includes(s);
}

function decimalsOf(n: number): number {
  if (Number.isInteger(n)) return 0;
  // Shortest round-trip representation, as typed.
  const s = String(n);
  const e = /e-(\d+)$/.exec(s);
  if (e) return Number(e[1]) + (s.split("e")[0]!.split(".")[1]?.length ?? 0);
  return s.split(".")[1]?.length ?? 0;
}

/** Interpret a raw cell against its value type. */
export function interpret(raw: RawCell | undefined, type: ValueType): Interpreted {
  if (raw === null || raw === undefined) return { kind: "blank", placeholder: null };
  if (typeof raw === "boolean") return { kind: "invalid", reason: "boolean" };
  if (typeof raw === "string") {
    const t = raw.trim();
    if (t === "") return { kind: "blank", placeholder: null };
    if (isPlaceholder(t)) return { kind: "blank", placeholder: t };
    if (EXCEL_ERRORS.test(t)) return { kind: "invalid", reason: "error" };
    // Digits, a gap, digits: not one number with spaces but several (never joined into one).
    if (severalNumbers(t).length > 1) return { kind: "invalid", reason: "several" };
    const parsed = parseNumberText(t);
    if (parsed) return { kind: "invalid", reason: "numericText", value: parsed.value };
    return { kind: "invalid", reason: "text" };
  }
  if (!Number.isFinite(raw)) return { kind: "invalid", reason: "error" };
  if (Math.abs(raw) > MAX_VALUE) return { kind: "invalid", reason: "huge", value: raw };
  if (type !== "signed" && raw < 0) return { kind: "invalid", reason: "negative", value: raw };
  if (type === "amount") {
    if (decimalsOf(raw) > AMOUNT_DECIMALS) return { kind: "invalid", reason: "decimals", value: raw };
  } else if (!Number.isInteger(raw)) {
    return { kind: "invalid", reason: "fraction", value: raw };
  }
  return { kind: "number", value: raw };
}

/** The number a cell counts as in arithmetic: blanks are 0, invalid cells are unknown (null). */
export function numericValue(i: Interpreted): number | null {
  if (i.kind === "number") return i.value;
  if (i.kind === "blank") return 0;
  return null;
}

/** Format a number for messages: integers plain, amounts without float noise. */
export function fmt(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const rounded = Number(n.toFixed(AMOUNT_DECIMALS));
  // Never round a non-zero value to "0" (0.0000001 is not 0): show it in full, without exponent.
  if (rounded === 0 || Math.abs(n) < 1e-6) return n.toFixed(Math.min(20, decimalsOf(n)));
  return String(rounded);
}
