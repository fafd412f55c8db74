/**
 * The register rules: LEDGER.ROW (from parsing, plus duplicate 编号 and dates in the future),
 * LEDGER.MATCH (表三/表四 cells differ from the register's count: one finding per table), LEDGER.DEADLINE
 * (即将到期, 已逾期, 超期答复, 待补正) and LEDGER.PROCEDURE (补正 notice late, extension unapproved …).
 * Plugged into checkReport as an extra rule set.
 */
import { cellInfo, cellsOf, FORMAT_2021, interpret, t3Key, t4Key, TABLE_NAMES, type Finding, type Report } from "../report";
import { CALENDAR_YEARS, uncoveredYears } from "./calendar";
import { countRegister, yearBounds, type Derived } from "./count";
import { dueDate, procedureIssues, registerDeadlines, type ProcedureIssue } from "./deadline";
import { LEDGER_MSG, rowName, type MatchCell } from "./messages";
import type { Register } from "./model";
import { appRowKey, caseRowKey } from "./parse";
import { appendAll, summariseRowFindings } from "./summary";

export interface LedgerCheckOptions {
  /** Today as a day number (deadlines); defaults to today in China (UTC+8). */
  today?: number;
}

/** Today in China (UTC+8) as a day number. */
export function todayInChina(now = Date.now()): number {
  return Math.floor((now + 8 * 3600 * 1000) / 86400000);
}

function duplicates(source: string, rows: readonly { id: string | null; line: number }[], key: (line: number) => string): Finding[] {
  const by = new Map<string, number[]>();
  // One list per 编号, appended to in place: linear in the rows however often an 编号 repeats.
  for (const r of rows) {
    if (r.id === null) continue;
    const lines = by.get(r.id);
    if (lines) lines.push(r.line);
    else by.set(r.id, [r.line]);
  }
  const out: Finding[] = [];
  for (const [id, lines] of by) {
    if (lines.length > 1) out.push({ rule: "LEDGER.ROW", severity: "warning", cells: lines.map(key), message: LEDGER_MSG.duplicateId(source, id, lines) });
  }
  return out;
}

/** Row-level findings that need no report: duplicates, future dates, deadlines. */
export function registerFindings(reg: Register, year: number | null, opts: LedgerCheckOptions = {}): Finding[] {
  const today = opts.today ?? todayInChina();
  const out: Finding[] = duplicates(reg.appSource, reg.applications, appRowKey);
  appendAll(out, duplicates(reg.caseSource, reg.cases, caseRowKey));
  const bounds = year !== null ? yearBounds(year) : null;
  let latest = today;
  for (const a of reg.applications) {
    if (a.received !== null && a.received > today) {
      out.push({ rule: "LEDGER.ROW", severity: "warning", cells: [appRowKey(a.line)], message: LEDGER_MSG.inFuture(rowName(reg.appSource, a.line, a.id), "收到日期", a.received, today) });
    }
  }
  for (const { app: a, state: s } of registerDeadlines(reg, today)) {
    const name = rowName(reg.appSource, a.line, a.id);
    const key = [appRowKey(a.line)];
    if (s.kind === "awaitingCorrection") {
      out.push({ rule: "LEDGER.DEADLINE", severity: "info", cells: key, message: LEDGER_MSG.awaitingCorrection(name, s.noticed) });
      continue;
    }
    latest = Math.max(latest, s.due);
    if (s.kind === "onTime" || s.kind === "open") continue;
    if (s.kind === "answeredLate") {
      // Only the answers of the report year (or all, without one): older lateness is history.
      if (bounds && (a.answered! < bounds.start || a.answered! > bounds.end)) continue;
      out.push({ rule: "LEDGER.DEADLINE", severity: "warning", cells: key, message: LEDGER_MSG.answeredLate(name, s.due, a.answered!, s.late) });
    } else if (s.kind === "overdue") {
      out.push({ rule: "LEDGER.DEADLINE", severity: "warning", cells: key, message: LEDGER_MSG.overdue(name, s.due, s.late) });
    } else {
      out.push({ rule: "LEDGER.DEADLINE", severity: "info", cells: key, message: LEDGER_MSG.dueSoon(name, s.due, s.left) });
    }
  }
  for (const a of reg.applications) {
    // Answers of earlier years are history, as for 超期答复.
    if (a.received === null || a.received > today || (bounds && a.answered !== null && a.answered < bounds.start)) continue;
    const name = rowName(reg.appSource, a.line, a.id);
    for (const issue of procedureIssues(a)) out.push({ rule: "LEDGER.PROCEDURE", severity: "warning", cells: [appRowKey(a.line)], message: procedureMessage(name, issue) });
  }
  const earliest = reg.applications.reduce((m, a) => (a.received !== null && a.received < m ? a.received : m), today);
  const missing = reg.applications.length ? uncoveredYears(earliest, latest).filter((y) => y > CALENDAR_YEARS.last) : [];
  if (missing.length) out.push({ rule: "LEDGER.DEADLINE", severity: "info", cells: [], message: LEDGER_MSG.calendarUnknown(missing, CALENDAR_YEARS.last) });
  return summariseRowFindings(out, reg.appSource);
}

function procedureMessage(name: string, i: ProcedureIssue): string {
  switch (i.kind) {
    case "lateCorrectionNotice":
      return LEDGER_MSG.lateCorrectionNotice(name, i.received, i.noticed, i.latest);
    case "extensionUnapproved":
      return LEDGER_MSG.extensionUnapproved(name);
    case "approvalAfterDue":
      return LEDGER_MSG.approvalAfterDue(name, i.approved, i.due);
    case "approvalNotExtended":
      return LEDGER_MSG.approvalNotExtended(name, i.approved);
    case "replyWithoutConsult":
      return LEDGER_MSG.replyWithoutConsult(name, i.replied);
    case "replyBeforeConsult":
      return LEDGER_MSG.replyBeforeConsult(name, i.sent, i.replied);
  }
}

/** Notes on what the count left out (rows of other years). */
export function countNotes(reg: Register, year: number, derived: Derived): Finding[] {
  const out: Finding[] = [];
  if (derived.ignored.applications) out.push({ rule: "LEDGER.NOTE", severity: "info", cells: [], message: LEDGER_MSG.otherYears(reg.appSource, year, derived.ignored.applications) });
  if (derived.ignored.cases) out.push({ rule: "LEDGER.NOTE", severity: "info", cells: [], message: LEDGER_MSG.casesOtherYears(reg.caseSource, year, derived.ignored.cases) });
  return out;
}

/** Totals (the template's formulas): named after the cells they add up. */
const TOTAL_KEYS: ReadonlySet<string> = new Set([
  ...FORMAT_2021.table3.rows.flatMap((r) => FORMAT_2021.table3.columns.filter((c) => c.total || r.role === "total").map((c) => t3Key(r.code, c.code))),
  ...FORMAT_2021.table4.groups.flatMap((g) => g.columns.filter((c) => c.total).map((c) => t4Key(c.code))),
]);

/** How many differing cells a LEDGER.MATCH finding names (the others are counted, and selected). */
export const MATCH_NAMED = 3;

/**
 * LEDGER.MATCH: one finding per table (表三 against 申请台账, 表四 against 复议诉讼台账) for a
 * register that has rows, listing every differing cell (clicked: all selected) and naming a few,
 * input cells before the totals over them. A blank cell counts as 0, as the sheet's 台账汇总 check
 * does (N(blank) = 0), so the two always count the same cells; it is said as 空白, not 填写 0.
 */
export function matchFindings(report: Report, reg: Register, derived: Derived): Finding[] {
  if (report.format !== "2021") return [];
  const tables: { table: 3 | 4; source: string }[] = [];
  if (reg.hasApplications && reg.applications.length) tables.push({ table: 3, source: reg.appSource });
  if (reg.hasCases && reg.cases.length) tables.push({ table: 4, source: reg.caseSource });
  const out: Finding[] = [];
  for (const { table, source } of tables) {
    const differing: MatchCell[] = [];
    for (const c of cellsOf("2021")) {
      if (c.table !== table) continue;
      const i = interpret(report.cells[c.key], c.type);
      // Invalid cells have their CELL.TYPE error: what could not be read is not judged.
      const written = i.kind === "number" ? i.value : i.kind === "blank" ? null : undefined;
      if (written === undefined) continue;
      const counted = derived.cells[c.key] ?? 0;
      if ((written ?? 0) === counted) continue;
      differing.push({ key: c.key, label: cellInfo(c.key)!.label, written, counted, lines: derived.lines.get(c.key) ?? [] });
    }
    if (!differing.length) continue;
    const named = [...differing.filter((d) => !TOTAL_KEYS.has(d.key)), ...differing.filter((d) => TOTAL_KEYS.has(d.key))].slice(0, MATCH_NAMED);
    out.push({
      rule: "LEDGER.MATCH",
      severity: "error",
      cells: differing.map((d) => d.key),
      message: LEDGER_MSG.mismatchTable(TABLE_NAMES[table], source, differing.length, named),
    });
  }
  return out;
}

/** Everything the registers say about a report: row problems, deadlines, notes and mismatches. */
export function ledgerFindings(report: Report, reg: Register, rowFindings: readonly Finding[], opts: LedgerCheckOptions = {}): Finding[] {
  if (!reg.hasApplications && !reg.hasCases) return [];
  const year = report.meta.year;
  const out: Finding[] = [...rowFindings, ...registerFindings(reg, year, opts)];
  if (year === null) {
    out.push({ rule: "LEDGER.NOTE", severity: "info", cells: ["META.YEAR"], message: LEDGER_MSG.noYear });
    return out;
  }
  const derived = countRegister(reg.applications, reg.cases, year);
  return [...out, ...countNotes(reg, year, derived), ...matchFindings(report, reg, derived)];
}

export { dueDate };
