/**
 * Importing a clerk's own register (.xlsx / .csv, headers mapped by the clerk) into the
 * template's 申请台账 / 复议诉讼台账: which rows are appended where, normalised to the template's
 * columns (dates as date serials, 申请人类型 / 办理结果 / 类型 / 结果 as the validation lists word
 * them, 是否延期 是/否), and what the clerk must know first. A value that cannot be mapped is
 * written as its original text (nothing is lost, nothing guessed) and listed with its source line;
 * the register then reports the row as LEDGER.ROW like any hand-typed mistake. Pure: no host.
 */
import type { RawCell } from "../report";
import { templateLayout } from "../template/layout";
import { SHEET_NAMES } from "../template/messages";
import type { RegisterRole } from "../template/roles";
import { APP_COLUMNS, CASE_COLUMNS, missingRequired, type AppField, type CaseField, type ColumnDef, type ColumnMapping } from "./columns";
import { isoOf, parseDate, serialOfDay } from "./dates";
import { LEDGER_MSG } from "./messages";
import { cellText, parseExtended } from "./parse";
import { appendAll } from "./summary";
import { APPLICANT_TYPES, CASE_KINDS, CASE_RESULTS, matchApplicantType, matchCaseKind, matchCaseResult, matchOutcome } from "./vocabulary";

/** A source register: its rows, the header row's index in them, and the clerk's mapping. */
export interface ImportSource<F extends string> {
  /** File (and sheet) name, for messages. */
  name: string;
  rows: readonly (readonly RawCell[])[];
  headerIndex: number;
  /** Source line of rows[0] (1 for a whole sheet or file). */
  firstLine: number;
  mapping: ColumnMapping<F>;
}

/** A register as the workbook holds it now (Report.registers.applications / .cases): header row first. */
export interface CurrentGrid {
  firstLine: number;
  rows: readonly (readonly RawCell[])[];
}

/** A value that could not be mapped: written as it was, listed for the clerk. */
export interface ImportIssue {
  role: RegisterRole;
  sourceLine: number;
  sheetRow: number;
  column: string;
  original: string;
  message: string;
}

export interface PlannedRow {
  sheetRow: number;
  sourceLine: number;
  /** In the template's column order: what is written (dates as serials). */
  cells: RawCell[];
  /** The same as the sheet shows it (dates as yyyy-mm-dd), for the preview. */
  shown: string[];
}

export interface RegisterAppend {
  role: RegisterRole;
  sheet: string;
  /** First and last sheet row written. */
  first: number;
  last: number;
  rows: PlannedRow[];
}

export interface RegisterImportPlan {
  apps: RegisterAppend | null;
  cases: RegisterAppend | null;
  issues: ImportIssue[];
  /** 编号 already in the register (imported anyway; the clerk checks). */
  duplicates: string[];
  /** Reasons nothing can be imported (register full, a required column unmapped, no sheet). */
  refused: string[];
}

export interface ImportRequest {
  apps?: ImportSource<AppField> | null;
  cases?: ImportSource<CaseField> | null;
  /** The workbook's registers as read (null: the workbook has no such sheet). */
  current: { applications: CurrentGrid | null; cases: CurrentGrid | null };
  /** Sheet names as the workbook has them (the clerk may have renamed them). */
  sheetNames?: Partial<Record<RegisterRole, string>>;
}

const DATE_FIELDS = new Set<string>(["received", "corrected", "answered"]);

type Normalised = { value: RawCell; shown: string; problem?: string };

function asText(v: RawCell): Normalised {
  const t = cellText(v);
  return { value: t, shown: t ?? "" };
}

function normaliseDate(v: RawCell, title: string): Normalised {
  const p = parseDate(v);
  if (p.ok) return p.day === null ? { value: null, shown: "" } : { value: serialOfDay(p.day), shown: isoOf(p.day) };
  const original = String(v).trim();
  return { value: original, shown: original, problem: LEDGER_MSG.importBadDate(title) };
}

function normaliseChoice(v: RawCell, match: (t: string) => { choice: { label: string } } | null, problem: string): Normalised {
  const t = cellText(v);
  if (t === null) return { value: null, shown: "" };
  const m = match(t);
  return m ? { value: m.choice.label, shown: m.choice.label } : { value: t, shown: t, problem };
}

function normaliseApp(field: AppField, v: RawCell, title: string): Normalised {
  if (DATE_FIELDS.has(field)) return normaliseDate(v, title);
  if (field === "applicantType") return normaliseChoice(v, matchApplicantType, LEDGER_MSG.importBadChoice(title, APPLICANT_TYPES.map((c) => c.label).join("、")));
  if (field === "outcome") return normaliseChoice(v, matchOutcome, LEDGER_MSG.importBadOutcome);
  if (field === "extended") {
    const t = cellText(v);
    if (t === null) return { value: null, shown: "" };
    const e = parseExtended(t);
    return e === null ? { value: t, shown: t, problem: LEDGER_MSG.importBadChoice(title, "是、否") } : { value: e ? "是" : "否", shown: e ? "是" : "否" };
  }
  return asText(v);
}

function normaliseCase(field: CaseField, v: RawCell, title: string): Normalised {
  if (field === "received") return normaliseDate(v, title);
  if (field === "kind") return normaliseChoice(v, matchCaseKind, LEDGER_MSG.importBadChoice(title, CASE_KINDS.map((c) => c.label).join("、")));
  if (field === "result") return normaliseChoice(v, matchCaseResult, LEDGER_MSG.importBadChoice(title, CASE_RESULTS.map((c) => c.label).join("、")));
  return asText(v);
}

/** Sheet row after the last non-empty row of the register (the first row when it is empty). */
export function firstFreeRow(role: RegisterRole, current: CurrentGrid): number {
  const reg = templateLayout().registers[role];
  let last = reg.headerRow;
  current.rows.forEach((line, i) => {
    if (i > 0 && line.some((v) => cellText(v) !== null)) last = current.firstLine + i;
  });
  return Math.max(reg.firstRow, last + 1);
}

function planOne<F extends string>(
  role: RegisterRole,
  defs: readonly ColumnDef<F>[],
  src: ImportSource<F>,
  current: CurrentGrid | null,
  sheet: string,
  normalise: (field: F, v: RawCell, title: string) => Normalised,
  out: RegisterImportPlan,
): RegisterAppend | null {
  if (!current) {
    out.refused.push(LEDGER_MSG.importNoSheet(sheet));
    return null;
  }
  const missing = missingRequired(defs, src.mapping);
  if (missing.length) {
    for (const d of missing) out.refused.push(LEDGER_MSG.missingColumn(src.name, d.title));
    return null;
  }
  const reg = templateLayout().registers[role];
  const start = firstFreeRow(role, current);
  const idIndex = defs.findIndex((d) => d.field === "id");
  const existing = new Map<string, number>();
  current.rows.forEach((line, i) => {
    const id = i > 0 ? cellText(line[idIndex]) : null;
    if (id !== null && !existing.has(id)) existing.set(id, current.firstLine + i);
  });

  const rows: PlannedRow[] = [];
  const issues: ImportIssue[] = [];
  const duplicates: string[] = [];
  for (let i = src.headerIndex + 1; i < src.rows.length; i++) {
    const line = src.rows[i]!;
    const at = (f: F): RawCell => (src.mapping[f] === null || src.mapping[f] === undefined ? null : (line[src.mapping[f]!] ?? null));
    if (defs.every((d) => cellText(at(d.field)) === null)) continue;
    const sourceLine = src.firstLine + i;
    const sheetRow = start + rows.length;
    const cells: RawCell[] = [];
    const shown: string[] = [];
    for (const d of defs) {
      const n = normalise(d.field, at(d.field), d.title);
      cells.push(n.value);
      shown.push(n.shown);
      if (n.problem) {
        const original = String(n.value);
        issues.push({ role, sourceLine, sheetRow, column: d.title, original, message: LEDGER_MSG.importUnmapped(src.name, sourceLine, d.title, original, n.problem, sheet, sheetRow) });
      }
    }
    const id = cellText(cells[idIndex]);
    const dup = id === null ? undefined : existing.get(id);
    if (dup !== undefined) duplicates.push(LEDGER_MSG.importDuplicate(src.name, sourceLine, id!, sheet, dup));
    rows.push({ sheetRow, sourceLine, cells, shown });
  }
  if (rows.length === 0) return null;
  const free = reg.lastRow - start + 1;
  if (rows.length > free) {
    out.refused.push(LEDGER_MSG.importFull(sheet, rows.length, free, start, reg.lastRow));
    return null;
  }
  appendAll(out.issues, issues);
  appendAll(out.duplicates, duplicates);
  return { role, sheet, first: start, last: start + rows.length - 1, rows };
}

export function planRegisterImport(req: ImportRequest): RegisterImportPlan {
  const out: RegisterImportPlan = { apps: null, cases: null, issues: [], duplicates: [], refused: [] };
  const name = (role: RegisterRole) => req.sheetNames?.[role] ?? SHEET_NAMES[role];
  if (req.apps) out.apps = planOne("apps", APP_COLUMNS, req.apps, req.current.applications, name("apps"), normaliseApp, out);
  if (req.cases) out.cases = planOne("cases", CASE_COLUMNS, req.cases, req.current.cases, name("cases"), normaliseCase, out);
  // All or nothing: a refusal in one register stops the other too.
  if (out.refused.length) return { apps: null, cases: null, issues: [], duplicates: [], refused: out.refused };
  return out;
}

/** The rows to write, by sheet row (the port's InputWrites.registerRows). */
export function registerRowsOf(plan: RegisterImportPlan): { apps?: Record<number, RawCell[]>; cases?: Record<number, RawCell[]> } {
  const rows = (a: RegisterAppend | null) => (a ? Object.fromEntries(a.rows.map((r) => [r.sheetRow, r.cells])) : undefined);
  const out: { apps?: Record<number, RawCell[]>; cases?: Record<number, RawCell[]> } = {};
  const apps = rows(plan.apps);
  const cases = rows(plan.cases);
  if (apps) out.apps = apps;
  if (cases) out.cases = cases;
  return out;
}
