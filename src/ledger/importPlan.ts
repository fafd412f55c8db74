/**
 * Importing a clerk's own register (.xlsx / .csv, headers mapped by the clerk) into the
 * template's 申请台账 / 复议诉讼台账: which rows are appended where, normalised to the template's
 * columns (dates as date serials, 申请人类型 / 办理结果 / 类型 / 结果 as the validation lists word
 * them, 是否延期 是/否), and what the clerk must know first. A value that cannot be mapped is
 * written as its original text (nothing is lost, nothing guessed) and listed with its source line;
 * the register then reports the row as LEDGER.ROW like any hand-typed mistake. Pure: no host.
 */
import type { RawCell } from "../report";
import { looseKey } from "../import/labels";
import { cellText, readCell } from "./cells";
import { APP_COLUMNS, badValueExcludesRow, CASE_COLUMNS, missingRequired, type AppField, type CaseField, type ColumnDef, type ColumnMapping } from "./columns";
import { isoOf, serialOfDay } from "./dates";
import { LEDGER_MSG, linesList } from "./messages";
import { Guesses, isTotalRow } from "./parse";
import { REGISTER_SHEETS, type RegisterRole } from "./sheets";
import { appendAll } from "./summary";
import { VOCABULARIES } from "./vocabulary";

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
  /** Whether the value keeps the row out of the counts (a counted choice, a required date). */
  excludes: boolean;
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
  /** The issues said once per column and value ("办理结果“已电话答复”：第 9、12 行 …"), for the clerk. */
  issueSummary: string[];
  /** 编号 already in the register (imported anyway; the clerk checks). */
  duplicates: string[];
  /** Values guessed for a missing column (申请人类型 from the applicant's name), one sentence each register. */
  guesses: string[];
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

type Normalised = { value: RawCell; shown: string; problem?: string };

/** A cell as the template's column holds it (by the column's kind), or its original with the problem. */
function normalise(d: ColumnDef, v: RawCell): Normalised {
  const r = readCell(d, v);
  switch (r.kind) {
    case "blank":
      return { value: null, shown: "" };
    case "date":
      return { value: serialOfDay(r.day), shown: isoOf(r.day) };
    case "choice":
      return { value: r.choice.label, shown: r.choice.label };
    case "yesNo":
      return { value: r.yes ? "是" : "否", shown: r.yes ? "是" : "否" };
    case "text":
      return { value: r.text, shown: r.text };
    case "bad": {
      const original = String(v).trim();
      return { value: original, shown: original, problem: problemOf(d) };
    }
  }
}

/** The guessed 申请人类型 of a row, written as the list words it. */
function guessed(guesses: Guesses, applicant: string | null, line: number): Normalised {
  const code = guesses.add(applicant, line);
  const label = VOCABULARIES.applicantType.choices.find((c) => c.code === code)!.label;
  return { value: label, shown: label };
}

function problemOf(d: ColumnDef): string {
  if (d.kind === "date") return LEDGER_MSG.importBadDate(d.title);
  if (d.kind === "yesNo") return LEDGER_MSG.importBadChoice(d.title, "是、否");
  if (d.vocabulary === "outcome") return LEDGER_MSG.importBadOutcome;
  return LEDGER_MSG.importBadChoice(d.title, VOCABULARIES[d.vocabulary!].choices.map((c) => c.label).join("、"));
}

/**
 * How many of the table's columns the workbook's register has, in the table's order (all of them
 * when its header row is blank): a workbook of layout 1 stops at 备注.
 */
function layoutWidth(defs: readonly ColumnDef[], header: readonly RawCell[]): number {
  if (header.every((h) => cellText(h) === null)) return defs.length;
  let n = 0;
  while (n < defs.length && looseKey(cellText(header[n]) ?? "") === looseKey(defs[n]!.title)) n++;
  return Math.max(n, defs.filter((d) => d.since === 1).length);
}

/** Sheet row after the last non-empty row of the register (the first row when it is empty). */
export function firstFreeRow(role: RegisterRole, current: CurrentGrid): number {
  const reg = REGISTER_SHEETS[role];
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
  const reg = REGISTER_SHEETS[role];
  const start = firstFreeRow(role, current);
  const idIndex = defs.findIndex((d) => d.field === "id");
  const existing = new Map<string, number>();
  current.rows.forEach((line, i) => {
    const id = i > 0 ? cellText(line[idIndex]) : null;
    if (id !== null && !existing.has(id)) existing.set(id, current.firstLine + i);
  });

  // A workbook of an older register layout has fewer columns: write only those, never past them.
  const width = layoutWidth(defs, current.rows[0] ?? []);
  const written = defs.slice(0, width);
  const rows: PlannedRow[] = [];
  const left = new Set<string>();
  const guesses = new Guesses();
  const issues: ImportIssue[] = [];
  const duplicates: string[] = [];
  for (let i = src.headerIndex + 1; i < src.rows.length; i++) {
    const line = src.rows[i]!;
    const at = (f: F): RawCell => (src.mapping[f] === null || src.mapping[f] === undefined ? null : (line[src.mapping[f]!] ?? null));
    if (defs.every((d) => cellText(at(d.field)) === null) || isTotalRow(line)) continue;
    const sourceLine = src.firstLine + i;
    const sheetRow = start + rows.length;
    const cells: RawCell[] = [];
    const shown: string[] = [];
    for (const d of defs.slice(width)) if (cellText(at(d.field)) !== null) left.add(d.title);
    for (const d of written) {
      const n = d.guessed && (src.mapping[d.field] ?? null) === null ? guessed(guesses, cellText(at("applicant" as F)), sourceLine) : normalise(d, at(d.field));
      cells.push(n.value);
      shown.push(n.shown);
      if (n.problem) {
        const original = String(n.value);
        const excludes = badValueExcludesRow(d);
        issues.push({ role, sourceLine, sheetRow, column: d.title, original, excludes, message: LEDGER_MSG.importUnmapped(src.name, sourceLine, d.title, original, n.problem, sheet, sheetRow, excludes) });
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
  const note = guesses.summary(src.name, defs.find((d) => d.guessed)?.title ?? "");
  if (note) out.guesses.push(note);
  // Said with the guesses: what the clerk should know before confirming.
  if (left.size) out.guesses.push(LEDGER_MSG.importOlderLayout(src.name, sheet, [...left]));
  return { role, sheet, first: start, last: start + rows.length - 1, rows };
}

export function planRegisterImport(req: ImportRequest): RegisterImportPlan {
  const out: RegisterImportPlan = { apps: null, cases: null, issues: [], issueSummary: [], duplicates: [], guesses: [], refused: [] };
  const name = (role: RegisterRole) => req.sheetNames?.[role] ?? REGISTER_SHEETS[role].name;
  if (req.apps) out.apps = planOne("apps", APP_COLUMNS, req.apps, req.current.applications, name("apps"), out);
  if (req.cases) out.cases = planOne("cases", CASE_COLUMNS, req.cases, req.current.cases, name("cases"), out);
  // All or nothing: a refusal in one register stops the other too.
  if (out.refused.length) return { apps: null, cases: null, issues: [], issueSummary: [], duplicates: [], guesses: [], refused: out.refused };
  out.issueSummary = summariseIssues(out.issues);
  return out;
}

/** One sentence per register, column and value: a value the vocabulary cannot place is said once. */
function summariseIssues(issues: readonly ImportIssue[]): string[] {
  const by = new Map<string, ImportIssue[]>();
  for (const i of issues) {
    const k = `${i.role}\u0000${i.column}\u0000${i.original}`;
    by.set(k, [...(by.get(k) ?? []), i]);
  }
  return [...by.values()].map((g) =>
    g.length === 1 ? g[0]!.message : LEDGER_MSG.importUnmappedRows(g[0]!.column, g[0]!.original, g.length, linesList(g.map((i) => i.sourceLine)), linesList(g.map((i) => i.sheetRow)), g[0]!.excludes),
  );
}

