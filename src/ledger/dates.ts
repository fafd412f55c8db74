/**
 * Dates in a register: written by hand, typed into a date cell, or exported by another system.
 * Days are handled as whole UTC day numbers (days since 1970-01-01), so no time zone shifts them.
 */

/** Day number of a calendar date, or null when the date does not exist (2025-02-30). */
export function dayOf(y: number, m: number, d: number): number | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / 86400000);
}

export function isoOf(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

export function yearOf(day: number): number {
  return new Date(day * 86400000).getUTCFullYear();
}

/** Day number of an ISO date "2025-09-29". */
export function dayOfIso(iso: string): number {
  return dayOf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)))!;
}

/** Excel's serial day 0 is 1899-12-30 (the 1900 leap-year bug folded in). */
const EXCEL_EPOCH_DAY = -25569;

export function dayOfSerial(serial: number): number {
  return Math.floor(serial) + EXCEL_EPOCH_DAY;
}

export function serialOfDay(day: number): number {
  return day - EXCEL_EPOCH_DAY;
}

/** Groups: year, month, day and, where a time may follow, hour, minute, second. */
const PATTERNS: RegExp[] = [
  /^(\d{4})\s*[-/.．]\s*(\d{1,2})\s*[-/.．]\s*(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/** No time, or a time of day that exists (00:00:00 … 23:59:59). */
function isTime(h: string | undefined, m: string | undefined, s: string | undefined): boolean {
  if (h === undefined) return true;
  return Number(h) <= 23 && Number(m) <= 59 && (s === undefined || Number(s) <= 59);
}

export type DateParse = { ok: true; day: number } | { ok: false; shown: string } | { ok: true; day: null };

/**
 * A date cell as read (RawCell): ISO text from a date-formatted cell, hand-written text in the
 * common forms, or an Excel serial number (a date cell whose format was lost). Blank → day null.
 */
export function parseDate(raw: unknown): DateParse {
  if (raw === null || raw === undefined) return { ok: true, day: null };
  if (typeof raw === "number") {
    // Serials of 1990-01-01 … 2200-12-31; any other number is no date.
    if (Number.isFinite(raw) && raw >= 32874 && raw <= 113880) return { ok: true, day: dayOfSerial(raw) };
    return { ok: false, shown: String(raw) };
  }
  if (typeof raw !== "string") return { ok: false, shown: String(raw) };
  const s = raw.normalize("NFKC").trim();
  if (s === "") return { ok: true, day: null };
  for (const re of PATTERNS) {
    const m = re.exec(s);
    if (m) {
      const day = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
      // A time is ignored, but only a real one: "2025-03-10 25:99" is no date at all.
      return day === null || !isTime(m[4], m[5], m[6]) ? { ok: false, shown: raw } : { ok: true, day };
    }
  }
  return { ok: false, shown: raw };
}
