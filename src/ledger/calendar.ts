/**
 * Chinese working days: Monday to Friday, minus the public holidays, plus the 调休 weekend
 * workdays, as the State Council's notices set them each year. The days come from the maintained
 * `chinese-days` package (its data file, not its lunar-calendar code, to keep the pane light).
 * A year the data does not cover yet is reported, never assumed.
 */
import data from "chinese-days/dist/chinese-days.json";
import { dayOfIso, isoOf, yearOf } from "./dates";

const HOLIDAYS = new Set(Object.keys(data.holidays).map(dayOfIso));
const WORKDAYS = new Set(Object.keys(data.workdays).map(dayOfIso));
const YEARS = [...new Set([...Object.keys(data.holidays), ...Object.keys(data.workdays)].map((k) => Number(k.slice(0, 4))))].sort((a, b) => a - b);

/** First and last year the holiday data covers (2004 … 2026 in chinese-days 1.5.7). */
export const CALENDAR_YEARS = { first: YEARS[0]!, last: YEARS[YEARS.length - 1]! } as const;

export function calendarCovers(year: number): boolean {
  return YEARS.includes(year);
}

export function isWorkday(day: number): boolean {
  if (WORKDAYS.has(day)) return true;
  if (HOLIDAYS.has(day)) return false;
  const dow = (day + 4) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
  return dow !== 0 && dow !== 6;
}

/** The n-th working day after `day` (counting from the next day, as 第三十三条 counts). */
export function addWorkdays(day: number, n: number): number {
  let d = day;
  for (let left = n; left > 0; ) {
    d++;
    if (isWorkday(d)) left--;
  }
  return d;
}

/** Working days in (from, to]: 0 when `to` is not after `from`. */
export function workdaysBetween(from: number, to: number): number {
  let n = 0;
  for (let d = from + 1; d <= to; d++) if (isWorkday(d)) n++;
  return n;
}

/** Every working day of the given years, in order (for the sheet's calendar column). */
export function workdaysOfYears(first: number, last: number): number[] {
  const out: number[] = [];
  const start = dayOfIso(`${first}-01-01`);
  const end = dayOfIso(`${last}-12-31`);
  for (let d = start; d <= end; d++) if (isWorkday(d)) out.push(d);
  return out;
}

/** Years a span of days touches that the calendar does not cover. */
export function uncoveredYears(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) if (!calendarCovers(y)) out.push(y);
  return out;
}

export { isoOf };
