/**
 * What Excel makes of text a user types (or a string written through Range.values): formulas,
 * numbers, percentages, booleans, error literals and dates become values; everything else stays
 * text. Full-width digits stay text, as the rules expect (a clerk's "１２" is a finding).
 */
export type EngineInput = number | string | boolean | null;

export interface ParsedEntry {
  /** What the formula engine is given (text is prefixed with ' so it never parses). */
  input: EngineInput;
  /** A number format the entry implies ("0%", "yyyy/m/d"), if any. */
  numberFormat?: string;
}

const ERROR_LITERAL = /^#(REF!|VALUE!|DIV\/0!|NAME\?|N\/A|NUM!|NULL!)$/i;
const EPOCH = Date.UTC(1899, 11, 30);

export function textInput(text: string): EngineInput {
  return text === "" ? null : `'${text}`;
}

export function parseEntry(text: string): ParsedEntry {
  if (text === "") return { input: null };
  // A leading apostrophe makes the rest literal text, as when typing in Excel ("'0371", "'=A1").
  if (text.startsWith("'")) return { input: textInput(text.slice(1)) };
  if (text.length > 1 && text.startsWith("=")) return { input: text };
  const t = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { input: Number(t) };
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return { input: Number(t.replace(/,/g, "")) };
  const pct = /^([+-]?\d+(\.\d+)?)%$/.exec(t);
  if (pct) return { input: Number(pct[1]) / 100, numberFormat: "0%" };
  if (/^(true|false)$/i.test(t)) return { input: t.toUpperCase() === "TRUE" };
  if (ERROR_LITERAL.test(t)) return { input: t.toUpperCase() };
  const date = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (date) {
    const ms = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    const d = new Date(ms);
    if (d.getUTCMonth() === Number(date[2]) - 1) return { input: (ms - EPOCH) / 86400000, numberFormat: "yyyy/m/d" };
  }
  return { input: textInput(text) };
}
