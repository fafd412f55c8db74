/**
 * 导入已有台账 as plain data: which grids of the chosen file are the registers, the mapping step
 * (each template column with the source columns to choose from, a sample value each), the preview
 * (src/ledger/importPlan) and the writes with their 撤销. No DOM, no Office, no file parsing (the
 * lazy transfer chunk reads the file into grids): tested in Node.
 */
import { APP_COLUMNS, CASE_COLUMNS, type AppField, type CaseField, type ColumnDef, type ColumnMapping } from "../ledger/columns";
import { proposeMapping } from "../ledger/headers";
import { pickRegisterGrids, type NamedGrid } from "../ledger/file";
import { planRegisterImport, type ImportSource, type RegisterImportPlan } from "../ledger/importPlan";
import { cellText, findHeader } from "../ledger/parse";
import type { Report } from "../report/schema";
import type { RawCell } from "../report/values";
import { colLetters } from "../template/address";
import type { TemplateSheets } from "../workbook/port";
import { SHEET_NAMES } from "../template/messages";
import type { RegisterRole } from "../template/roles";
import { W } from "./messages";

export { ledgerImportWrites, rowKeyLabel, undoKeepingRows, type AppliedLedgerImport } from "./registerRows";

const L = W.ledger.import;

export interface ImportSources {
  file: string;
  apps: ImportSource<AppField> | null;
  cases: ImportSource<CaseField> | null;
}

/** The registers in a file's grids: found by their header rows; a lone grid is the 申请台账 for the clerk to map. */
export function registerSources(file: string, sheets: readonly NamedGrid[]): ImportSources | { error: string } {
  const grids = pickRegisterGrids(sheets);
  const label = (name: string) => (sheets.length > 1 ? `“${file}”的“${name}”表` : `“${file}”`);
  function source<F extends string>(defs: readonly ColumnDef<F>[], g: { name: string; rows: readonly (readonly RawCell[])[] } | null): ImportSource<F> | null {
    if (!g) return null;
    const found = findHeader(defs, { name: g.name, rows: g.rows, firstLine: 1 });
    if (!found) return null;
    return { name: label(g.name), rows: g.rows, headerIndex: found.index, firstLine: 1, mapping: found.mapping };
  }
  let apps = source(APP_COLUMNS, grids.applications);
  const cases = source(CASE_COLUMNS, grids.cases);
  if (!apps && !cases) {
    // One sheet whose headers say too little: its first non-empty row is the header, mapped by hand.
    const only = sheets.filter((s) => s.rows.some((r) => r.some((v) => cellText(v) !== null)));
    if (only.length !== 1) return { error: L.noRegister(file) };
    const g = only[0]!;
    const headerIndex = g.rows.findIndex((r) => r.some((v) => cellText(v) !== null));
    apps = { name: label(g.name), rows: g.rows, headerIndex, firstLine: 1, mapping: proposeMapping(APP_COLUMNS, g.rows[headerIndex]!) };
  }
  const hasRows = (s: ImportSource<string> | null) => !!s && s.rows.slice(s.headerIndex + 1).some((r) => r.some((v) => cellText(v) !== null));
  if (!hasRows(apps) && !hasRows(cases)) return { error: L.empty(file) };
  return { file, apps, cases };
}

export interface ColumnOption {
  index: number;
  label: string;
}

export interface FieldRow {
  field: string;
  title: string;
  required: boolean;
  column: number | null;
}

export interface RegisterMapping {
  role: RegisterRole;
  sheet: string;
  sourceLabel: string;
  options: ColumnOption[];
  fields: FieldRow[];
  /** Required fields still without a column (titles). */
  missing: string[];
}

/** The source's columns as the selects offer them: letter, header text and the first value below it. */
export function columnOptions(src: ImportSource<string>): ColumnOption[] {
  const header = src.rows[src.headerIndex] ?? [];
  const width = Math.max(header.length, ...src.rows.slice(src.headerIndex + 1, src.headerIndex + 50).map((r) => r.length));
  const out: ColumnOption[] = [];
  for (let c = 0; c < width; c++) {
    let sample = "";
    for (let i = src.headerIndex + 1; i < src.rows.length && !sample; i++) sample = cellText(src.rows[i]![c]) ?? "";
    const head = cellText(header[c]) ?? "";
    if (!head && !sample) continue;
    out.push({ index: c, label: L.column(colLetters(c + 1), head, sample.length > 20 ? `${sample.slice(0, 20)}…` : sample) });
  }
  return out;
}

function mappingView<F extends string>(role: RegisterRole, sheet: string, defs: readonly ColumnDef<F>[], src: ImportSource<F>): RegisterMapping {
  const fields = defs.map((d) => ({ field: d.field, title: d.title, required: d.required, column: src.mapping[d.field] ?? null }));
  return {
    role,
    sheet,
    sourceLabel: L.source(src.name, src.firstLine + src.headerIndex),
    options: columnOptions(src),
    fields,
    missing: fields.filter((f) => f.required && f.column === null).map((f) => f.title),
  };
}

export interface LedgerImportPreview {
  file: string;
  apps: RegisterMapping | null;
  cases: RegisterMapping | null;
  plan: RegisterImportPlan;
  /** Rows to write in all (0: nothing to import). */
  rows: number;
  canConfirm: boolean;
}

function sheetName(template: TemplateSheets | null, role: RegisterRole): string | undefined {
  return template?.sheets[role];
}

/** The mapping step and preview for the sources as mapped now, against the workbook as read. */
export function previewImport(src: ImportSources, current: Report | null, template: TemplateSheets | null): LedgerImportPreview {
  const names: Partial<Record<RegisterRole, string>> = {};
  for (const role of ["apps", "cases"] as const) {
    const n = sheetName(template, role);
    if (n) names[role] = n;
  }
  const regs = current?.registers ?? null;
  const plan = planRegisterImport({
    apps: src.apps,
    cases: src.cases,
    current: { applications: regs?.applications ?? null, cases: regs?.cases ?? null },
    sheetNames: names,
  });
  const apps = src.apps ? mappingView("apps", names.apps ?? SHEET_NAMES.apps, APP_COLUMNS, src.apps) : null;
  const cases = src.cases ? mappingView("cases", names.cases ?? SHEET_NAMES.cases, CASE_COLUMNS, src.cases) : null;
  const rows = (plan.apps?.rows.length ?? 0) + (plan.cases?.rows.length ?? 0);
  const missing = (apps?.missing.length ?? 0) + (cases?.missing.length ?? 0);
  return { file: src.file, apps, cases, plan, rows, canConfirm: missing === 0 && plan.refused.length === 0 && rows > 0 };
}

/** The sources with one field of one register mapped to another column (null: none). */
export function remap(src: ImportSources, role: RegisterRole, field: string, column: number | null): ImportSources {
  if (role === "apps" && src.apps) return { ...src, apps: { ...src.apps, mapping: { ...src.apps.mapping, [field]: column } as ColumnMapping<AppField> } };
  if (role === "cases" && src.cases) return { ...src, cases: { ...src.cases, mapping: { ...src.cases.mapping, [field]: column } as ColumnMapping<CaseField> } };
  return src;
}

