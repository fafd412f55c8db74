/**
 * A clerk's value as Office.js writes it, escaped so that nothing written is ever run: its own
 * module (re-exported by writePlan.ts) because inserting the template needs it in the pane's first
 * load, and the write planning does not.
 */
import type { RawCell } from "../report";

/** A value as Range.values accepts it ("" clears a cell). */
export type OfficeInput = string | number | boolean;

/**
 * A string Excel would turn into something else when written through Range.values (a number, a
 * date, a formula, TRUE/FALSE, an error) gets the apostrophe prefix, as a clerk would type it:
 * the cell keeps exactly the text.
 */
export function officeInput(v: RawCell): OfficeInput {
  if (v === null) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
  if (typeof v === "boolean") return v;
  if (v === "") return "";
  const t = v.trimStart();
  if (/^[=+\-@'#(（$¥￥€£%]/.test(t) || /^[0-9０-９.．]/.test(t) || /^(true|false)\s*$/i.test(t)) return `'${v}`;
  return v;
}
