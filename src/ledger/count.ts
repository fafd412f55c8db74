/**
 * Counting the registers into 表三 and 表四 for report year Y (the definition, docs/ledger.md):
 *  - R01 本年新收: received in Y;
 *  - R02 上年结转: received before Y and not answered before Y;
 *  - each outcome row: answered in Y with that outcome;
 *  - R25 结转下年度: received by the end of Y and not answered in Y (nor before);
 *  - 表四: cases received in Y, by type and result (blank result = 尚未审结).
 * So 一 + 二 = （七）总计 + 四 holds by construction in every applicant column. Rows kept out by a
 * LEDGER.ROW error are not counted; rows of other years are counted as "ignored".
 */
import { FORMAT_2021, t3Key, t4Key, type CellKey } from "../report";
import { dayOf } from "./dates";
import type { Application, Case } from "./model";

export interface Derived {
  /** Every 表三 / 表四 cell key of the 2021 format with its count. */
  cells: Record<CellKey, number>;
  /** Source lines counted in each cell (for naming rows in LEDGER.MATCH). */
  lines: Map<CellKey, number[]>;
  /** Rows counted (usable and relevant to Y) and rows ignored as belonging to other years. */
  counted: { applications: number; cases: number };
  ignored: { applications: number; cases: number };
}

const T3 = FORMAT_2021.table3;
const APPLICANT_COLS = T3.columns.filter((c) => !c.total).map((c) => c.code);
const OUTCOME_ROWS = T3.rows.filter((r) => r.role === "outcome").map((r) => r.code);
const T4_GROUPS = FORMAT_2021.table4.groups;
const row = (role: "new" | "carried" | "total" | "carryover") => T3.rows.find((r) => r.role === role)!.code;
const R_NEW = row("new");
const R_CARRIED = row("carried");
const R_TOTAL = row("total");
const R_CARRYOVER = row("carryover");
const C_TOTAL = T3.columns.find((c) => c.total)!.code;

export function yearBounds(year: number): { start: number; end: number } {
  return { start: dayOf(year, 1, 1)!, end: dayOf(year, 12, 31)! };
}

/** Count both registers into 表三 and 表四 of `year`. */
export function countRegister(applications: readonly Application[], cases: readonly Case[], year: number): Derived {
  const cells: Record<CellKey, number> = {};
  const lines = new Map<CellKey, number[]>();
  for (const r of T3.rows) for (const c of T3.columns) cells[t3Key(r.code, c.code)] = 0;
  for (const g of T4_GROUPS) for (const c of g.columns) cells[t4Key(c.code)] = 0;
  const bump = (key: CellKey, line: number) => {
    cells[key]! += 1;
    let l = lines.get(key);
    if (!l) lines.set(key, (l = []));
    l.push(line);
  };
  const { start, end } = yearBounds(year);
  const counted = { applications: 0, cases: 0 };
  const ignored = { applications: 0, cases: 0 };

  for (const a of applications) {
    if (a.excluded || a.received === null || a.applicantType === null) continue;
    const col = a.applicantType;
    const answeredBefore = a.answered !== null && a.answered < start;
    if (a.received > end || answeredBefore) {
      ignored.applications++;
      continue;
    }
    counted.applications++;
    if (a.received >= start) bump(t3Key(R_NEW, col), a.line);
    else bump(t3Key(R_CARRIED, col), a.line);
    if (a.answered !== null && a.answered <= end && a.outcome !== null) bump(t3Key(a.outcome, col), a.line);
    else bump(t3Key(R_CARRYOVER, col), a.line);
  }
  // Totals: （七）总计 = the outcomes; 总计 column = the applicant columns.
  for (const c of APPLICANT_COLS) {
    const key = t3Key(R_TOTAL, c);
    for (const r of OUTCOME_ROWS) {
      cells[key]! += cells[t3Key(r, c)]!;
      const l = lines.get(t3Key(r, c));
      if (l) lines.set(key, [...(lines.get(key) ?? []), ...l]);
    }
  }
  for (const r of T3.rows) {
    const key = t3Key(r.code, C_TOTAL);
    for (const c of APPLICANT_COLS) {
      cells[key]! += cells[t3Key(r.code, c)]!;
      const l = lines.get(t3Key(r.code, c));
      if (l) lines.set(key, [...(lines.get(key) ?? []), ...l]);
    }
  }
  for (const k of lines.keys()) lines.get(k)!.sort((a, b) => a - b);

  for (const c of cases) {
    if (c.excluded || c.received === null || c.kind === null) continue;
    if (c.received < start || c.received > end) {
      ignored.cases++;
      continue;
    }
    counted.cases++;
    const g = T4_GROUPS[c.kind]!;
    bump(t4Key(g.columns[c.result]!.code), c.line);
    bump(t4Key(g.columns.find((x) => x.total)!.code), c.line);
  }
  return { cells, lines, counted, ignored };
}
