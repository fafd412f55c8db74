/**
 * The answer clock of 《政府信息公开条例》第三十条至第三十三条, the one engine behind the findings,
 * the pane's lists, the CLI and (as formulas, src/template/design/registers.ts) the sheet:
 *
 * - 20 working days, counted from the day after receipt (第三十三条); 20 more when extended
 *   (是否延期 是), which needs the disclosure office head's approval (延期批准日期);
 * - 补正 (第三十条): asked within 7 working days of receipt; the 20 days start again from the day
 *   the corrected application arrives (补正后收到日期); while it has not arrived there is no deadline;
 * - consultation (第三十二条, 第三十三条第三款): the working days after the day the consultation is
 *   sent (征求意见日期), through the day the last opinion arrives (收到意见日期) or the third
 *   party's 15 working days run out, whichever is earlier, do not count.
 *
 * Which day is the 收到日期 depends on how the application came (收到方式, 国办公开办函〔2015〕207号;
 * the channel's label says it); an answer sent by post counts on the day it is posted
 * (〔2016〕235号), which is what 答复日期 holds. Working days per calendar.ts.
 */
import { addWorkdays, isWorkday, workdaysBetween } from "./calendar";
import type { Application, Register } from "./model";

export const ANSWER_WORKDAYS = 20;
export const EXTENSION_WORKDAYS = 20;
/** 补正 must be asked within this many working days of receipt (第三十条). */
export const CORRECTION_NOTICE_WORKDAYS = 7;
/** A consulted third party has this many working days to answer (第三十二条). */
export const CONSULT_WORKDAYS = 15;
/** 即将到期: at most this many working days left. */
export const DUE_SOON_WORKDAYS = 3;

/** The fields the clock reads (the layout-2 ones may be absent: blank). */
export type Clock = Pick<Application, "received" | "corrected" | "extended" | "correctionNotice" | "consultSent" | "consultReplied">;

/** The corrected application's arrival, when written and not before the receipt (else it is not used). */
function correctedOn(a: Pick<Clock, "received" | "corrected">): number | null {
  return a.corrected != null && a.received !== null && a.corrected >= a.received ? a.corrected : null;
}

/** The day the count starts after: the corrected application's arrival, else the receipt. */
export function clockStart(a: Pick<Clock, "received" | "corrected">): number | null {
  return a.received === null ? null : (correctedOn(a) ?? a.received);
}

/** Asked to correct, and the corrected application has not arrived: the clock waits. */
export function awaitingCorrection(a: Pick<Clock, "received" | "correctionNotice" | "corrected">): boolean {
  return a.correctionNotice != null && correctedOn(a) === null;
}

/**
 * The consultation's days that do not count: those after `after` through `through`. An opinion
 * dated before the consultation was sent is not used (the full 15 working days then apply).
 */
export function consultPause(a: Pick<Clock, "consultSent" | "consultReplied">): { after: number; through: number } | null {
  const sent = a.consultSent;
  if (sent == null) return null;
  const limit = addWorkdays(sent, CONSULT_WORKDAYS);
  const replied = a.consultReplied != null && a.consultReplied >= sent ? a.consultReplied : null;
  return { after: sent, through: replied === null ? limit : Math.min(replied, limit) };
}

/** The last day to answer; null without a receipt date or while a 补正 is awaited. */
export function dueDate(a: Clock): number | null {
  const start = clockStart(a);
  if (start === null || awaitingCorrection(a)) return null;
  const pause = consultPause(a);
  let d = start;
  for (let left = ANSWER_WORKDAYS + (a.extended ? EXTENSION_WORKDAYS : 0); left > 0; ) {
    d++;
    if (isWorkday(d) && !(pause && d > pause.after && d <= pause.through)) left--;
  }
  return d;
}

export type DeadlineState =
  | { kind: "answeredLate"; due: number; late: number }
  | { kind: "overdue"; due: number; late: number }
  | { kind: "dueSoon"; due: number; left: number }
  | { kind: "open"; due: number; left: number }
  | { kind: "onTime"; due: number }
  /** Not answered, asked to correct on `noticed`, the corrected application not in yet: no deadline runs. */
  | { kind: "awaitingCorrection"; noticed: number }
  | { kind: "none" };

/** Where a row stands on `today` (a day number). An answered row is never open. */
export function deadlineState(a: Clock & Pick<Application, "answered">, today: number): DeadlineState {
  if (a.answered === null && a.received !== null && awaitingCorrection(a)) return { kind: "awaitingCorrection", noticed: a.correctionNotice! };
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

/** A step of the procedure the 条例 sets that the row's dates show was not followed (LEDGER.PROCEDURE). */
export type ProcedureIssue =
  /** 补正 asked later than 7 working days after receipt; `latest` is the 7th working day. */
  | { kind: "lateCorrectionNotice"; received: number; noticed: number; latest: number }
  /** Extended without an approval date. */
  | { kind: "extensionUnapproved" }
  /** Approved after the 20 working days had run out (`due`: the deadline without the extension). */
  | { kind: "approvalAfterDue"; approved: number; due: number }
  /** An approval date on a row whose 是否延期 is not 是: counted without the extension. */
  | { kind: "approvalNotExtended"; approved: number }
  /** 收到意见日期 without 征求意见日期, or before it: not used. */
  | { kind: "replyWithoutConsult"; replied: number }
  | { kind: "replyBeforeConsult"; sent: number; replied: number };

/** What the row's procedure dates say against the 条例 (nothing for a row without a receipt date). */
export function procedureIssues(a: Clock & Pick<Application, "extensionApproved">): ProcedureIssue[] {
  const out: ProcedureIssue[] = [];
  if (a.received === null) return out;
  if (a.correctionNotice != null) {
    const latest = addWorkdays(a.received, CORRECTION_NOTICE_WORKDAYS);
    if (a.correctionNotice > latest) out.push({ kind: "lateCorrectionNotice", received: a.received, noticed: a.correctionNotice, latest });
  }
  if (a.extended) {
    const due = dueDate({ ...a, extended: false });
    if (a.extensionApproved == null) out.push({ kind: "extensionUnapproved" });
    else if (due !== null && a.extensionApproved > due) out.push({ kind: "approvalAfterDue", approved: a.extensionApproved, due });
  } else if (a.extensionApproved != null) out.push({ kind: "approvalNotExtended", approved: a.extensionApproved });
  if (a.consultReplied != null) {
    if (a.consultSent == null) out.push({ kind: "replyWithoutConsult", replied: a.consultReplied });
    else if (a.consultReplied < a.consultSent) out.push({ kind: "replyBeforeConsult", sent: a.consultSent, replied: a.consultReplied });
  }
  return out;
}
