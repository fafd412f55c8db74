/**
 * Reading one value cell as published: numbers (with units, full-width digits, thousands
 * separators) become numbers, placeholders and other text are kept as written so the rules
 * engine reports them (CELL.BLANK, CELL.TYPE), empty cells become null.
 */
import { isPlaceholder, parseNumberText, type RawCell } from "../report";
import { cleanText } from "./labels";

export type CellKind = "empty" | "number" | "placeholder" | "text";

export function cellKind(text: string): CellKind {
  const t = cleanText(text);
  if (t === "") return "empty";
  if (t.length > 40) return "text";
  if (isPlaceholder(t)) return "placeholder";
  return parseNumberText(t) ? "number" : "text";
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
