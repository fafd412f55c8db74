/**
 * The 台账 view as plain data: the counts of the registers read with the report, the overdue,
 * due-soon and 待补正 applications (each with the row key the port's select understands, the same key the
 * LEDGER findings carry). 按台账填写 itself is src/workflow/fill.ts. No DOM, no Office: tested in Node.
 */
import { appRowKey, isoOf, registerDeadlines, registerOfReport, rowName, todayInChina, yearBounds } from "../ledger";
import type { Report } from "../report";
import { S } from "./strings";

export interface DeadlineItem {
  /** Row key (LEDGER.APP.<line>) for select. */
  key: string;
  line: number;
  text: string;
}

export interface LedgerSummary {
  /** Null while 封面 has no year: nothing can be counted, the register can still be imported. */
  year: number | null;
  /** Received in the year (usable rows). */
  applications: number;
  /** Answered in the year. */
  answered: number;
  /** Received by the end of the year and not answered yet. */
  pending: number;
  /** 复议/诉讼 received in the year. */
  cases: number;
  overdue: DeadlineItem[];
  dueSoon: DeadlineItem[];
  /** 待补正: asked to correct, the corrected application not yet in (no deadline runs). */
  awaiting: DeadlineItem[];
  /** Rows holding anything, whatever their year or problems: what the clerk has registered. */
  registered: { applications: number; cases: number };
}

/** The summary of the report's registers, or null when the workbook has no register sheets. */
export function ledgerSummary(report: Report, today: number = todayInChina()): LedgerSummary | null {
  const year = report.meta.year;
  const loaded = registerOfReport(report, year !== null ? { year } : {});
  if (!loaded) return null;
  const reg = loaded.register;
  if (!reg.hasApplications && !reg.hasCases) return null;
  const registered = { applications: reg.applications.length, cases: reg.cases.length };
  if (year === null) return { year: null, applications: 0, answered: 0, pending: 0, cases: 0, overdue: [], dueSoon: [], awaiting: [], registered };
  const { start, end } = yearBounds(year);
  const inYear = (d: number | null) => d !== null && d >= start && d <= end;
  const out: LedgerSummary = { year, applications: 0, answered: 0, pending: 0, cases: 0, overdue: [], dueSoon: [], awaiting: [], registered };
  for (const a of reg.applications) {
    if (a.excluded) continue;
    if (inYear(a.received)) out.applications++;
    if (inYear(a.answered)) out.answered++;
    if (a.received !== null && a.received <= end && a.answered === null) out.pending++;
  }
  // The same rows and states as the LEDGER.DEADLINE findings (one engine).
  for (const { app: a, state: s } of registerDeadlines(reg, today)) {
    const name = rowName(reg.appSource, a.line, a.id);
    if (s.kind === "overdue") out.overdue.push({ key: appRowKey(a.line), line: a.line, text: S.ledger.overdue(name, isoOf(s.due), s.late) });
    else if (s.kind === "dueSoon") out.dueSoon.push({ key: appRowKey(a.line), line: a.line, text: S.ledger.dueSoon(name, isoOf(s.due), s.left) });
    else if (s.kind === "awaitingCorrection") out.awaiting.push({ key: appRowKey(a.line), line: a.line, text: S.ledger.awaiting(name, isoOf(s.noticed)) });
  }
  for (const c of reg.cases) if (!c.excluded && inYear(c.received)) out.cases++;
  return out;
}
