/**
 * Answer deadlines (《政府信息公开条例》第三十三条): 20 working days from receipt, counted from the
 * next day; 20 more when extended (是否延期); restarted from 补正后收到日期 when the applicant was
 * asked to correct the application. Working days per calendar.ts.
 */
import { addWorkdays, workdaysBetween } from "./calendar";
import type { Application, Register } from "./model";

export const ANSWER_WORKDAYS = 20;
export const EXTENSION_WORKDAYS = 20;
/** 即将到期: at most this many working days left. */
export const DUE_SOON_WORKDAYS = 3;

/** The last day to answer, or null without a receipt date. */
export function dueDate(a: Pick<Application, "received" | "corrected" | "extended">): number | null {
  const start = a.corrected ?? a.received;
  if (start === null) return null;
  return addWorkdays(start, ANSWER_WORKDAYS + (a.extended ? EXTENSION_WORKDAYS : 0));
}

export type DeadlineState =
  | { kind: "answeredLate"; due: number; late: number }
  | { kind: "overdue"; due: number; late: number }
  | { kind: "dueSoon"; due: number; left: number }
  | { kind: "open"; due: number; left: number }
  | { kind: "onTime"; due: number }
  | { kind: "none" };

/** Where a row stands on `today` (a day number). */
export function deadlineState(a: Pick<Application, "received" | "corrected" | "extended" | "answered">, today: number): DeadlineState {
  const due = dueDate(a);
  if (due === null) return { kind: "none" };
  if (a.answered !== null) {
    return a.answered > due ? { kind: "answeredLate", due, late: Math.max(1, workdaysBetween(due, a.answered)) } : { kind: "onTime", due };
  }
  if (today > due) return { kind: "overdue", due, late: Math.max(1, workdaysBetween(due, today)) };
  const left = workdaysBetween(today, due);
  return left <= DUE_SOON_WORKDAYS ? { kind: "dueSoon", due, left } : { kind: "open", due, left };
}

/**
 * The one deadline engine: where each application stands on `today`. The findings
 * (LEDGER.DEADLINE), the pane's 已逾期 / 即将到期 lists and the CLI all take their answer from here,
 * for every row — a row kept out of the counts (an outcome in words the vocabulary does not know)
 * still has its dates. Not judged: rows without a receipt date, received after today, or whose
 * 答复日期 is written but cannot be read (that cell has its own LEDGER.ROW finding).
 */
export function registerDeadlines(reg: Pick<Register, "applications">, today: number): { app: Application; state: Exclude<DeadlineState, { kind: "none" }> }[] {
  const out: { app: Application; state: Exclude<DeadlineState, { kind: "none" }> }[] = [];
  for (const a of reg.applications) {
    if (a.received === null || a.received > today || a.answerUnread) continue;
    const state = deadlineState(a, today);
    if (state.kind !== "none") out.push({ app: a, state });
  }
  return out;
}
