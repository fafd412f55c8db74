/**
 * Answer deadlines worked by hand, day by day, on the State Council's holiday notices for 2025
 * and 2026 (国办发明电〔2024〕12号, 〔2025〕7号) — not computed by the engine. The engine
 * (deadlineTable.test.ts) and the template's formulas recalculated by LibreOffice
 * (libreoffice.test.ts) must both give these dates.
 *
 * The calendar used (only the days that matter here):
 * - 2025 National Day and Mid-Autumn: 10-01 (Wed) … 10-08 off; Sunday 09-28 and Saturday 10-11 work.
 * - 2026 New Year: 01-01 … 01-03 off; Sunday 01-04 works.
 * - 2026 Spring Festival: 02-15 (Sun) … 02-23 (Mon) off; Saturdays 02-14 and 02-28 work.
 * - 2026 Qingming: 04-04 (Sat) … 04-06 (Mon) off.
 * Weekdays: 2025-09-29, 10-13, 11-03, 12-01 and 2026-01-05, 02-02, 03-02, 03-30 are Mondays.
 * Counting: the day after receipt (or after the corrected application arrives) is working day 1;
 * the consultation's sending day still counts, the working days after it through the day the
 * opinion arrives (at most 15 working days) do not.
 */
import { OUTCOMES, RECEIPT_CHANNELS, dayOfIso } from "../../src/ledger";

export interface HandCase {
  name: string;
  received: string;
  receiptChannel?: string;
  correctionNotice?: string;
  corrected?: string;
  consultSent?: string;
  consultReplied?: string;
  extended?: boolean;
  extensionApproved?: string;
  answered?: string;
  /** The last day to answer; null while a 补正 is awaited. */
  due: string | null;
  /** The procedure warnings (ProcedureIssue kinds) the row earns. */
  issues?: string[];
  /** Where the row stands on a given day. */
  on?: { today: string; kind: string; left?: number; late?: number };
}

export const HAND_CASES: HandCase[] = [
  {
    // 09-30 = 1; 10-01…10-08 off; 10-09 = 2, 10-10 = 3, Sat 10-11 = 4; 10-13…17 = 5…9;
    // 10-20…24 = 10…14; 10-27…31 = 15…19; Mon 11-03 = 20.
    name: "National Day 2025 and both 调休 days",
    received: "2025-09-29",
    receiptChannel: "inPerson",
    due: "2025-11-03",
    // 10-29 (Wed): left 10-30, 10-31, 11-03 = 3 → 即将到期.
    on: { today: "2025-10-29", kind: "dueSoon", left: 3 },
  },
  {
    // Mailed, signed for on Sunday 09-28 (a 调休 workday): that is the 收到日期 (〔2015〕207号),
    // not the posting day. 09-29 = 1, 09-30 = 2, 10-09 = 3, 10-10 = 4, 10-11 = 5, 10-13…17 = 6…10,
    // 10-20…24 = 11…15, 10-27…31 = 16…20.
    name: "mailed application: the day signed for",
    received: "2025-09-28",
    receiptChannel: "registeredMail",
    due: "2025-10-31",
  },
  {
    // The same letter with the posting day (Fri 09-26) written instead: Sat 09-27 is no workday,
    // Sun 09-28 = 1, 09-29 = 2, 09-30 = 3, 10-09 = 4, 10-10 = 5, 10-11 = 6, 10-13…17 = 7…11,
    // 10-20…24 = 12…16, 10-27…30 = 17…20 — one day earlier, which is why the channel's label
    // says which day to write.
    name: "mailed application with the posting day written",
    received: "2025-09-26",
    receiptChannel: "registeredMail",
    due: "2025-10-30",
  },
  {
    // 20 days end Mon 11-03 (first case); 11-04…07 = 21…24, 11-10…14 = 25…29, 11-17…21 = 30…34,
    // 11-24…28 = 35…39, Mon 12-01 = 40. Approved 10-31, before 11-03: no warning.
    name: "extension approved in time",
    received: "2025-09-29",
    extended: true,
    extensionApproved: "2025-10-31",
    due: "2025-12-01",
  },
  {
    name: "extension approved after the 20 days ran out",
    received: "2025-09-29",
    extended: true,
    extensionApproved: "2025-11-04",
    due: "2025-12-01",
    issues: ["approvalAfterDue"],
  },
  {
    name: "extension without an approval date",
    received: "2025-09-29",
    extended: true,
    due: "2025-12-01",
    issues: ["extensionUnapproved"],
  },
  {
    // An approval date while 是否延期 is not 是: counted without the extension.
    name: "approval date without 是否延期",
    received: "2025-09-29",
    extensionApproved: "2025-10-31",
    due: "2025-11-03",
    issues: ["approvalNotExtended"],
  },
  {
    // 补正 within 7 working days of Fri 09-26: Sun 09-28 = 1, 09-29 = 2, 09-30 = 3, 10-09 = 4,
    // 10-10 = 5, Sat 10-11 = 6, Mon 10-13 = 7 — asked on 10-13, in time. Corrected application in
    // on Mon 10-20: 10-21…24 = 1…4, 10-27…31 = 5…9, 11-03…07 = 10…14, 11-10…14 = 15…19, Mon 11-17 = 20.
    name: "补正 asked on the 7th working day, corrected application counts",
    received: "2025-09-26",
    correctionNotice: "2025-10-13",
    corrected: "2025-10-20",
    due: "2025-11-17",
  },
  {
    // Asked on 10-14, the 8th working day (the 7th was 10-13).
    name: "补正 asked too late",
    received: "2025-09-26",
    correctionNotice: "2025-10-14",
    corrected: "2025-10-20",
    due: "2025-11-17",
    issues: ["lateCorrectionNotice"],
  },
  {
    // Asked, not corrected yet, not answered: no deadline runs.
    name: "补正 awaited",
    received: "2025-09-26",
    correctionNotice: "2025-10-09",
    due: null,
    on: { today: "2025-12-01", kind: "awaitingCorrection" },
  },
  {
    // Asked, never corrected, closed as 视为放弃 with an answer date: answered, never open.
    name: "补正 never came, answered",
    received: "2025-09-26",
    correctionNotice: "2025-10-09",
    answered: "2025-12-15",
    due: null,
    on: { today: "2025-12-20", kind: "none" },
  },
  {
    // Across New Year 2026: from Wed 12-24, 12-25 = 1, 12-26 = 2, 12-29 = 3, 12-30 = 4, 12-31 = 5,
    // 01-01…03 off, Sun 01-04 = 6, Mon 01-05 = 7: asked 01-06 is late. Corrected Fri 01-09:
    // 01-12…16 = 1…5, 01-19…23 = 6…10, 01-26…30 = 11…15, 02-02…06 = 16…20.
    name: "补正 across New Year 2026",
    received: "2025-12-24",
    correctionNotice: "2026-01-06",
    corrected: "2026-01-09",
    due: "2026-02-06",
    issues: ["lateCorrectionNotice"],
  },
  {
    // 09-30 = 1, 10-09 = 2, Fri 10-10 = 3 (the sending day counts). Not counted: Sat 10-11,
    // 10-13…17 (6 working days, through the opinion's day). Then 10-20…24 = 4…8, 10-27…31 = 9…13,
    // 11-03…07 = 14…18, 11-10 = 19, 11-11 = 20.
    name: "consultation answered after 6 working days",
    received: "2025-09-29",
    consultSent: "2025-10-10",
    consultReplied: "2025-10-17",
    due: "2025-11-11",
    // 11-06 (Thu): left 11-07, 11-10, 11-11 = 3.
    on: { today: "2025-11-06", kind: "dueSoon", left: 3 },
  },
  {
    // The same, never answered on the 11-11 due date: 11-12 is 1 working day late.
    name: "consultation row overdue",
    received: "2025-09-29",
    consultSent: "2025-10-10",
    consultReplied: "2025-10-17",
    due: "2025-11-11",
    on: { today: "2025-11-12", kind: "overdue", late: 1 },
  },
  {
    // Answered the day after its due date: answered late, never open.
    name: "consultation row answered late",
    received: "2025-09-29",
    consultSent: "2025-10-10",
    consultReplied: "2025-10-17",
    answered: "2025-11-12",
    due: "2025-11-11",
    on: { today: "2025-12-01", kind: "answeredLate", late: 1 },
  },
  {
    // No opinion: its 15 working days after Fri 10-10 are Sat 10-11 = 1, 10-13…17 = 2…6,
    // 10-20…24 = 7…11, 10-27…30 = 12…15, all skipped. Counted: 09-30, 10-09, 10-10 = 1…3,
    // then from 10-31 = 4, 11-03…07 = 5…9, 11-10…14 = 10…14, 11-17…21 = 15…19, Mon 11-24 = 20.
    name: "consultation without an answer: 15 working days skipped",
    received: "2025-09-29",
    consultSent: "2025-10-10",
    due: "2025-11-24",
  },
  {
    // An opinion after the 15 days (11-05) skips no more than the 15 days: as above.
    name: "opinion later than 15 working days",
    received: "2025-09-29",
    consultSent: "2025-10-10",
    consultReplied: "2025-11-05",
    due: "2025-11-24",
  },
  {
    // An opinion dated before the sending is not used (the 15 days apply) and is named.
    name: "opinion dated before the consultation",
    received: "2025-09-29",
    consultSent: "2025-10-10",
    consultReplied: "2025-10-09",
    due: "2025-11-24",
    issues: ["replyBeforeConsult"],
  },
  {
    // Consultation sent on the 20th working day (Mon 11-03): the 20 days are already counted.
    name: "consultation sent on the last day",
    received: "2025-09-29",
    consultSent: "2025-11-03",
    consultReplied: "2025-11-10",
    due: "2025-11-03",
  },
  {
    // Corrected Mon 10-20 (count starts 10-21); consultation sent Fri 10-17 (before the clock ran
    // again), opinion Fri 10-24: 10-21…24 do not count. 10-27…31 = 1…5, 11-03…07 = 6…10,
    // 11-10…14 = 11…15, 11-17…21 = 16…20.
    name: "consultation overlapping the 补正",
    received: "2025-09-29",
    correctionNotice: "2025-09-30",
    corrected: "2025-10-20",
    consultSent: "2025-10-17",
    consultReplied: "2025-10-24",
    due: "2025-11-21",
  },
  {
    // Spring Festival 2026, from Fri 01-30: 02-02…06 = 1…5, 02-09…13 = 6…10, Sat 02-14 = 11,
    // 02-15…23 off, 02-24…27 = 12…15, Sat 02-28 = 16, 03-02…05 = 17…20.
    name: "Spring Festival 2026 and both 调休 Saturdays",
    received: "2026-01-30",
    receiptChannel: "online",
    due: "2026-03-05",
  },
  {
    // As above, consultation sent Thu 02-12 (02-02…12 = 1…9), opinion Thu 02-26: not counted
    // 02-13, Sat 02-14, 02-24, 02-25, 02-26 (the holiday is no working day anyway). Then
    // 02-27 = 10, Sat 02-28 = 11, 03-02…06 = 12…16, 03-09…12 = 17…20.
    name: "consultation across Spring Festival 2026",
    received: "2026-01-30",
    consultSent: "2026-02-12",
    consultReplied: "2026-02-26",
    due: "2026-03-12",
  },
  {
    // And extended: 03-13 = 21, 03-16…20 = 22…26, 03-23…27 = 27…31, 03-30…04-03 = 32…36,
    // 04-04…06 off (Qingming), 04-07…10 = 37…40.
    name: "consultation and extension across Spring Festival and Qingming 2026",
    received: "2026-01-30",
    consultSent: "2026-02-12",
    consultReplied: "2026-02-26",
    extended: true,
    extensionApproved: "2026-03-10",
    due: "2026-04-10",
  },
  {
    // A reply sent by post counts on the day it is posted (〔2016〕235号): 答复日期 is the posting
    // day, Mon 11-03 — the due date of the first case, so answered in time.
    name: "mailed reply posted on the due date",
    received: "2025-09-29",
    answered: "2025-11-03",
    due: "2025-11-03",
    on: { today: "2025-11-20", kind: "onTime" },
  },
];

/**
 * A hand case as the clerk types it into 申请台账 (row `i` of the cases): column title → text, a
 * date as its day number (src/ledger/dates.ts), or null for a blank cell.
 */
export function handCaseRow(c: HandCase, i: number): Array<[title: string, value: string | { day: number } | null]> {
  const on = (iso: string | undefined) => (iso === undefined ? null : { day: dayOfIso(iso) });
  return [
    ["编号", `H${i + 1}`],
    ["收到日期", on(c.received)],
    ["申请人类型", "自然人"],
    ["补正后收到日期", on(c.corrected)],
    ["是否延期", c.extended ? "是" : "否"],
    ["答复日期", on(c.answered)],
    ["办理结果", c.answered ? OUTCOMES[0]!.label : null],
    ["收到方式", c.receiptChannel ? RECEIPT_CHANNELS.find((x) => x.code === c.receiptChannel)!.label : null],
    ["补正通知日期", on(c.correctionNotice)],
    ["征求意见日期", on(c.consultSent)],
    ["收到意见日期", on(c.consultReplied)],
    ["延期批准日期", on(c.extensionApproved)],
  ];
}
