/**
 * 从上年报告结转 and the register: the applications of last year's 申请台账 still open at its year
 * end (received by 31 December, not answered by then), and any received after it, go into this
 * year's 申请台账, so that 表三
 * 二、上年结转 follows from this year's register as it follows from last year's 四、结转下年度继续办理,
 * and their deadlines stay in sight. Rows are copied through the register import (the same columns,
 * normalised the same way) after the last filled row. Not carried, and said so: rows with a
 * problem (LEDGER.ROW errors: the clerk fixes them in last year's workbook), and rows whose 编号 is
 * already in this year's register (a second 结转). 复议/诉讼 cases are counted by the year received
 * (表四), so none is carried. Pure.
 */
import type { RawCell, Report } from "../report";
import { APP_COLUMNS } from "./columns";
import { proposeMapping } from "./headers";
import { yearBounds } from "./count";
import { planRegisterImport, type CurrentGrid, type RegisterAppend } from "./importPlan";
import { LEDGER_MSG, rowName } from "./messages";
import { cellText } from "./cells";
import { REGISTER_SHEETS } from "./sheets";
import { registerOfReport } from "./register";

export interface RegisterCarry {
  /** Rows to append to this year's 申请台账 (null: nothing to carry). */
  append: RegisterAppend | null;
  /** Open rows not carried, and why (Chinese). */
  notes: string[];
  /** Why nothing can be carried (this year's register is full…), Chinese; the rest of the 结转 goes ahead. */
  refused: string[];
}

/** An empty 申请台账 as the template inserts it (for a 结转 that inserts the template first). */
export function emptyApplicationsGrid(): CurrentGrid {
  return { firstLine: REGISTER_SHEETS.apps.headerRow, rows: [APP_COLUMNS.map((c) => c.title)] };
}

/**
 * What of last year's 申请台账 goes into this year's. Null when last year's report has no register
 * (an older template, a published page) or no year.
 */
export function carryOpenApplications(last: Report, current: CurrentGrid | null, sheetName?: string): RegisterCarry | null {
  const year = last.meta.year;
  const grid = last.registers?.applications;
  if (year === null || !grid) return null;
  const loaded = registerOfReport(last, { year });
  if (!loaded) return null;
  const { end } = yearBounds(year);
  // Not answered by the year end: open then, or received after it (the clerk kept last year's
  // workbook into January; an answer never precedes its receipt in a row that counts).
  const open = loaded.register.applications.filter((a) => a.received !== null && (a.answered === null || a.answered > end));
  const idIndex = APP_COLUMNS.findIndex((c) => c.field === "id");
  const present = new Set((current?.rows ?? []).slice(1).map((r) => cellText(r[idIndex])).filter((x): x is string => x !== null));
  const notes: string[] = [];
  const carry = new Set<number>();
  for (const a of open) {
    const name = rowName(grid.name, a.line, a.id);
    if (a.excluded) notes.push(LEDGER_MSG.carryProblem(name));
    else if (a.id !== null && present.has(a.id)) notes.push(LEDGER_MSG.carryPresent(name));
    else carry.add(a.line);
  }
  if (!carry.size) return { append: null, notes, refused: [] };
  // Only the carried rows, at their own lines (so messages name last year's rows); the rest blank.
  const rows: RawCell[][] = grid.rows.map((r, i) => (i === 0 || carry.has(grid.firstLine + i) ? [...r] : []));
  const plan = planRegisterImport({
    apps: { name: LEDGER_MSG.carrySource(grid.name, year), rows, headerIndex: 0, firstLine: grid.firstLine, mapping: proposeMapping(APP_COLUMNS, rows[0]!) },
    current: { applications: current, cases: null },
    ...(sheetName ? { sheetNames: { apps: sheetName } } : {}),
  });
  return { append: plan.apps, notes: [...notes, ...plan.issueSummary], refused: plan.refused };
}
