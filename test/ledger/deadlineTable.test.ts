/**
 * The 条例's clock (src/ledger/deadline.ts) against the hand-worked table (deadlineCases.ts), and
 * properties: the engine's day-by-day count equals the calendar-position arithmetic the template's
 * formula uses (registers.ts deadlineFormulas), pauses and restarts never bring a deadline
 * earlier, and a row with an answer date is never open.
 */
import fc from "fast-check";
import {
  CONSULT_WORKDAYS,
  addWorkdays,
  dayOfIso,
  deadlineState,
  dueDate,
  isoOf,
  procedureIssues,
  registerFindings,
  workdaysOfYears,
  type Application,
} from "../../src/ledger";
import { HAND_CASES, type HandCase } from "./deadlineCases";

const day = (iso: string | undefined) => (iso === undefined ? null : dayOfIso(iso));

export function appOf(c: HandCase): Application {
  return {
    line: 3,
    id: null,
    received: dayOfIso(c.received),
    applicantType: "C1",
    applicant: null,
    corrected: day(c.corrected),
    extended: c.extended ?? false,
    answered: day(c.answered),
    outcome: c.answered ? "R03" : null,
    excluded: false,
    receiptChannel: c.receiptChannel ?? null,
    correctionNotice: day(c.correctionNotice),
    consultSent: day(c.consultSent),
    consultReplied: day(c.consultReplied),
    extensionApproved: day(c.extensionApproved),
  };
}

describe("hand-worked deadlines across the 2025–2026 holidays and 调休", () => {
  test.each(HAND_CASES.map((c) => [c.name, c] as const))("%s", (_n, c) => {
    const a = appOf(c);
    const due = dueDate(a);
    expect(due === null ? null : isoOf(due)).toBe(c.due);
    expect(procedureIssues(a).map((i) => i.kind)).toEqual(c.issues ?? []);
    if (c.on) expect(deadlineState(a, dayOfIso(c.on.today))).toMatchObject({ kind: c.on.kind, ...(c.on.left !== undefined ? { left: c.on.left } : {}), ...(c.on.late !== undefined ? { late: c.on.late } : {}) });
  });

  test("the table covers consultation, 补正, extension and mailed receipt in both years", () => {
    const has = (p: (c: HandCase) => boolean) => HAND_CASES.filter(p).length;
    expect(has((c) => c.consultSent !== undefined)).toBeGreaterThanOrEqual(8);
    expect(has((c) => c.correctionNotice !== undefined)).toBeGreaterThanOrEqual(5);
    expect(has((c) => c.extended === true)).toBeGreaterThanOrEqual(3);
    expect(has((c) => c.receiptChannel === "registeredMail")).toBe(2);
    expect(has((c) => c.received.startsWith("2026") || (c.due ?? "").startsWith("2026"))).toBeGreaterThanOrEqual(4);
  });
});

describe("the findings say it in Chinese, naming the row and the dates", () => {
  const reg = (cases: HandCase[]) => ({ appSource: "申请台账", caseSource: "复议诉讼台账", applications: cases.map((c, i) => ({ ...appOf(c), line: 3 + i, id: `2025-${i + 1}` })), cases: [], hasApplications: true, hasCases: false });
  const pick = (name: string) => HAND_CASES.find((c) => c.name === name)!;

  test("LEDGER.PROCEDURE for a late 补正 notice and an unapproved extension; 待补正 as a note", () => {
    const found = registerFindings(reg([pick("补正 asked too late"), pick("extension without an approval date"), pick("补正 awaited")]), 2025, { today: dayOfIso("2025-12-31") });
    const said = found.filter((f) => f.rule === "LEDGER.PROCEDURE" || f.message.includes("补正")).map((f) => [f.rule, f.severity, f.cells, f.message]);
    expect(said).toEqual([
      ["LEDGER.DEADLINE", "info", ["LEDGER.APP.5"], "申请台账第 5 行（编号 2025-3）：2025-10-09 已通知补正，尚未填写补正后收到日期，答复期限自收到补正申请的次日起算。"],
      ["LEDGER.PROCEDURE", "warning", ["LEDGER.APP.3"], "申请台账第 3 行（编号 2025-1）：补正通知日期 2025-10-14 晚于收到日期 2025-09-26 后 7 个工作日（2025-10-13），条例第三十条要求在 7 个工作日内一次性告知补正。"],
      [
        "LEDGER.PROCEDURE",
        "warning",
        ["LEDGER.APP.4"],
        "申请台账第 4 行（编号 2025-2）：“是否延期”为“是”，但未填写延期批准日期；延期须经政府信息公开工作机构负责人同意并告知申请人（条例第三十三条），请补填批准日期。",
      ],
    ]);
    // The extended row is overdue on 12-31 (due 12-01): the deadline finding names its date.
    expect(found.find((f) => f.rule === "LEDGER.DEADLINE" && f.cells[0] === "LEDGER.APP.4")!.message).toContain("答复期限为 2025-12-01");
  });

  test("answers of earlier years earn no procedure warning", () => {
    const old = { ...pick("extension without an approval date"), received: "2024-09-02", answered: "2024-10-30" };
    expect(registerFindings(reg([old]), 2025, { today: dayOfIso("2025-12-31") }).filter((f) => f.rule === "LEDGER.PROCEDURE")).toEqual([]);
  });
});

/** The sheet's arithmetic (registers.ts deadlineFormulas), on the calendar's positions. */
const CAL = workdaysOfYears(2020, 2026);
const pos = (d: number) => {
  // MATCH(d, cal, 1): how many calendar working days are ≤ d.
  let lo = 0;
  let hi = CAL.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CAL[mid]! <= d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
function sheetDue(a: Application): number | null {
  const corrected = a.corrected != null && a.received !== null && a.corrected >= a.received;
  if (a.received === null || (a.correctionNotice != null && !corrected)) return null;
  const s = pos(corrected ? a.corrected! : a.received);
  const n = a.extended ? 40 : 20;
  let k = 0;
  if (a.consultSent != null) {
    const w0 = pos(a.consultSent);
    const w1 = a.consultReplied != null && a.consultReplied >= a.consultSent ? Math.min(w0 + CONSULT_WORKDAYS, pos(a.consultReplied)) : w0 + CONSULT_WORKDAYS;
    const lo = Math.max(w0, s);
    k = lo < s + n ? Math.max(0, w1 - lo) : 0;
  }
  return CAL[s + n + k - 1]!;
}

const arbRow = fc
  .record({
    received: fc.integer({ min: dayOfIso("2020-03-01"), max: dayOfIso("2026-05-01") }),
    correctedAfter: fc.option(fc.integer({ min: -5, max: 40 }), { nil: null }),
    noticeAfter: fc.option(fc.integer({ min: -3, max: 20 }), { nil: null }),
    sentAfter: fc.option(fc.integer({ min: -10, max: 60 }), { nil: null }),
    repliedAfter: fc.option(fc.integer({ min: -5, max: 40 }), { nil: null }),
    extended: fc.boolean(),
    answeredAfter: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
  })
  .map(
    (r): Application => ({
      line: 3,
      id: null,
      received: r.received,
      applicantType: "C1",
      applicant: null,
      corrected: r.correctedAfter === null ? null : r.received + r.correctedAfter,
      extended: r.extended,
      answered: r.answeredAfter === null ? null : r.received + r.answeredAfter,
      outcome: null,
      excluded: false,
      correctionNotice: r.noticeAfter === null ? null : r.received + r.noticeAfter,
      consultSent: r.sentAfter === null ? null : r.received + r.sentAfter,
      consultReplied: r.sentAfter === null || r.repliedAfter === null ? null : r.received + r.sentAfter + r.repliedAfter,
    }),
  );

describe("properties of the clock", () => {
  test("the engine's day-by-day count equals the sheet formula's calendar arithmetic", () => {
    fc.assert(fc.property(arbRow, (a) => expect(dueDate(a)).toBe(sheetDue(a))), { numRuns: 2000 });
  });

  test("a consultation, a later opinion or an extension never brings the deadline earlier; skips at most 15 working days", () => {
    fc.assert(
      fc.property(arbRow, fc.integer({ min: 1, max: 30 }), (a, later) => {
        const due = dueDate(a);
        if (due === null) return;
        const without = dueDate({ ...a, consultSent: null, consultReplied: null })!;
        expect(due).toBeGreaterThanOrEqual(without);
        expect(due).toBeLessThanOrEqual(addWorkdays(without, CONSULT_WORKDAYS));
        if (a.consultSent != null && a.consultReplied != null && a.consultReplied >= a.consultSent) expect(dueDate({ ...a, consultReplied: a.consultReplied + later })!).toBeGreaterThanOrEqual(due);
        expect(dueDate({ ...a, extended: true })!).toBeGreaterThanOrEqual(due);
      }),
      { numRuns: 1000 },
    );
  });

  test("a row with an answer date is never open, due soon, overdue or awaiting 补正", () => {
    fc.assert(
      fc.property(arbRow, fc.integer({ min: 0, max: 400 }), (a, after) => {
        const kind = deadlineState(a, a.received! + after).kind;
        if (a.answered !== null) expect(["onTime", "answeredLate", "none"]).toContain(kind);
        else expect(["onTime", "answeredLate"]).not.toContain(kind);
      }),
      { numRuns: 1000 },
    );
  });
});
