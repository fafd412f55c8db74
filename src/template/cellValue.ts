/**
 * Turning what a spreadsheet host hands back into the report's RawCell, the same way for the
 * ExcelJS reader and the Office.js adapter: empty is null, error values are their text ("#REF!"),
 * and a date or time is shown as text (a count cell holding a date is a typing accident the
 * rules must report, not a serial number that happens to be an integer).
 */
import type { RawCell } from "../report";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** True for number formats that display a date or a time. */
export function isDateFormat(numberFormat: string | null | undefined): boolean {
  if (!numberFormat) return false;
  const f = numberFormat
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "")
    .replace(/General|G\/通用格式|@/gi, "");
  return /[ydmhs年月日时分秒]/i.test(f);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function isoDate(d: Date): string {
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const t = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return t === 0 ? base : `${base} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function serialToIso(serial: number): string {
  return isoDate(new Date(EXCEL_EPOCH_MS + Math.round(serial * 86400) * 1000));
}

/** A value as Office.js `Range.values` returns it, with the cell's number format. */
export function fromOfficeValue(value: unknown, numberFormat?: string | null): RawCell {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return isDateFormat(numberFormat) ? serialToIso(value) : value;
  if (typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

/** A value as ExcelJS `cell.value` holds it (formula results already unwrapped by the caller). */
export function fromExcelJsValue(value: unknown, numberFormat?: string | null): RawCell {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "number") return isDateFormat(numberFormat) ? serialToIso(value) : value;
  if (typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v.error === "string") return v.error;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((p) => p.text ?? "").join("") || null;
    if (typeof v.text === "string") return v.text || null;
  }
  return String(value);
}
