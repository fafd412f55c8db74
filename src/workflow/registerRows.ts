/**
 * A register import's rows as writes and their 撤销, and the rows' names in messages: what a
 * confirmed import, a 结转's carried applications and their undo need. Apart from the import's
 * planning (./registerImport) so that the pane's first load, which writes and undoes, does not
 * carry the register's parsing and column vocabulary (issue 23).
 */
import type { RegisterAppend, RegisterImportPlan } from "../ledger/importPlan";
import type { RawCell } from "../report/values";
import { registerRowKey, registerRowOf } from "../template/layout";
import { SHEET_NAMES } from "../template/messages";
import type { RegisterRole } from "../template/roles";
import type { InputWrites, RegisterRows } from "../workbook/writePlan";
import { W } from "./messages";

const L = W.ledger.import;

/** The plan's rows by sheet row, per register. */
export function registerRowsOf(plan: RegisterImportPlan): { apps?: Record<number, RawCell[]>; cases?: Record<number, RawCell[]> } {
  const rows = (a: RegisterAppend | null) => (a ? Object.fromEntries(a.rows.map((r) => [r.sheetRow, r.cells])) : undefined);
  const out: { apps?: Record<number, RawCell[]>; cases?: Record<number, RawCell[]> } = {};
  const apps = rows(plan.apps);
  const cases = rows(plan.cases);
  if (apps) out.apps = apps;
  if (cases) out.cases = cases;
  return out;
}

export interface AppliedLedgerImport {
  /** 撤销: the rows blank again, only where they still hold what was written. */
  undo: InputWrites;
  rows: number;
}

/** The writes of a confirmed preview (target rows expected blank) and what 撤销 writes back. */
export function ledgerImportWrites(plan: RegisterImportPlan): { write: InputWrites; applied: AppliedLedgerImport } {
  const rows = registerRowsOf(plan);
  const blanks: RegisterRows = {};
  for (const role of ["apps", "cases"] as const) {
    const r = rows[role];
    if (r) blanks[role] = Object.fromEntries(Object.keys(r).map((n) => [n, [] as RawCell[]]));
  }
  const count = (plan.apps?.rows.length ?? 0) + (plan.cases?.rows.length ?? 0);
  return {
    write: { registerRows: rows, expect: { registerRows: blanks } },
    applied: { undo: { registerRows: blanks, expect: { registerRows: rows } }, rows: count },
  };
}

/** 撤销 without the rows the clerk changed since (LEDGER.APP.12 …): their edits are kept. */
export function undoKeepingRows(undo: InputWrites, changed: readonly string[]): InputWrites {
  const drop = new Set(changed);
  const pick = (rows: RegisterRows | undefined): RegisterRows => {
    const out: RegisterRows = {};
    for (const role of ["apps", "cases"] as const) {
      const r = rows?.[role];
      if (r) out[role] = Object.fromEntries(Object.entries(r).filter(([n]) => !drop.has(registerRowKey(role, Number(n)))));
    }
    return out;
  };
  return { registerRows: pick(undo.registerRows), expect: { registerRows: pick(undo.expect?.registerRows) } };
}

/** "申请台账第 12 行" for a row key. */
export function rowKeyLabel(key: string, names: Partial<Record<RegisterRole, string>> = {}): string {
  const r = registerRowOf(key);
  return r ? L.rowName(names[r.role] ?? SHEET_NAMES[r.role], r.row) : key;
}
