/**
 * writeInputs over ET, with the same plan (src/workbook/writePlan.ts) and the same checks as the
 * Office adapter: every target block unlocked (or its sheet unprotected), free of formulas, and
 * `expect` still holding — all checked before the first write. ET has no batch that fails as a
 * whole, so "all or nothing" is kept by hand: each block's previous values are read in the check
 * phase, and if WPS refuses a write midway the blocks already written are put back.
 */
import { cellInfo, type RawCell } from "../../report";
import { rectAddress } from "../../template/address";
import type { RoleGrids } from "../../template/assemble";
import type { ChosenTemplate } from "../../template/discover";
import { templateLayout } from "../../template/layout";
import { SHEET_NAMES } from "../../template/messages";
import { TEMPLATE_ROLES, type TemplateRole } from "../../template/roles";
import { WRITE_TEXT } from "../../workbook/messages";
import type { WriteOutcome } from "../../workbook/port";
import { changedKeys, expectedRoles } from "../../workbook/writeCheck";
import { changedRegisterRows, officeInput, planWrites, WriteRefused, type InputWrites, type RectWrite } from "../../workbook/writePlan";
import type { EtRange, EtWorksheet } from "./et";
import { WPS_TEXT } from "./messages";
import { asGrid, fromEtValue } from "./values";
import { chooseIn, protectLikeTemplate, sheetOf, type Memory } from "./wpsWorkbook";

type ReadGrids = (m: Memory, c: ChosenTemplate<string>, roles: TemplateRole[]) => RoleGrids;

interface Check {
  write: RectWrite;
  range: EtRange;
  before: unknown[][];
}

const errText = (e: unknown) => (e instanceof Error && e.message ? e.message : String(e));

export function writeInputsEt(m: Memory | null, w: InputWrites, readGrids: ReadGrids, calls: () => number): WriteOutcome {
  const refused = (reason: string): WriteOutcome => ({ kind: "refused", reason, written: 0, syncs: calls() });
  const c = m && chooseIn(m);
  if (!m || !c) return refused(WRITE_TEXT.noTemplate);
  let plan;
  try {
    plan = planWrites(w, c.templateVersion);
  } catch (e) {
    if (e instanceof WriteRefused) return refused(e.message);
    throw e;
  }
  const sheets = new Map<TemplateRole, EtWorksheet>();
  for (const role of new Set(plan.writes.map((x) => x.role))) {
    const ws = sheetOf(m, c, role);
    if (!ws) return refused(WRITE_TEXT.sheetMissing(SHEET_NAMES[role]));
    sheets.set(role, ws);
  }

  // Checks: protection per sheet; lock, formulas and current values per block.
  const isProtected = new Map([...sheets].map(([role, ws]) => [role, ws.ProtectContents]));
  if (w.expect) {
    const changed = changedKeys(w, readGrids(m, c, expectedRoles(w)));
    if (changed.length) return { kind: "changed", changed, written: 0, syncs: calls() };
  }
  const keyAt = new Map([...templateLayout().cells.values()].map((x) => [`${x.role}:${x.row}:${x.col}`, x.key]));
  const unprotect = new Set<TemplateRole>();
  const formulaCells: string[] = [];
  const checks: Check[] = [];
  for (const write of plan.writes) {
    const range = sheets.get(write.role)!.Range(rectAddress(write.rect));
    const rows = write.rect.bottom - write.rect.top + 1;
    const cols = write.rect.right - write.rect.left + 1;
    if (isProtected.get(write.role) && range.Locked !== false) {
      // Only the kept block is locked by design; anything else locked was changed by hand.
      if (write.kept) unprotect.add(write.role);
      else return refused(WRITE_TEXT.locked(SHEET_NAMES[write.role]));
    }
    const before = asGrid(range.Value2, rows, cols);
    const hasFormula = range.HasFormula;
    if (hasFormula !== false) {
      const formulas = asGrid(range.Formula, rows, cols);
      formulas.forEach((line, i) =>
        line.forEach((f, j) => {
          if (typeof f === "string" && f.startsWith("=") && (hasFormula === true || f !== before[i]?.[j])) {
            const row = write.rect.top + i;
            const col = write.rect.left + j;
            const key = keyAt.get(`${write.role}:${row}:${col}`);
            formulaCells.push(key ? (cellInfo(key)?.label ?? key) : `${SHEET_NAMES[write.role]}!${rectAddress({ top: row, left: col, bottom: row, right: col })}`);
          }
        }),
      );
    }
    checks.push({ write, range, before });
  }
  if (formulaCells.length) return refused(WRITE_TEXT.formulas(formulaCells.join("、")));
  const changedRows = checks.flatMap((ch) => changedRegisterRows(ch.write, ch.before.map((line) => line.map((v) => fromEtValue(v)))));
  if (changedRows.length) return { kind: "changed", changed: changedRows, written: 0, syncs: calls() };

  // Writes. Unprotect first: a password stops everything before any value is written.
  const opened: TemplateRole[] = [];
  for (const role of TEMPLATE_ROLES) {
    if (!unprotect.has(role)) continue;
    try {
      sheets.get(role)!.Unprotect();
      opened.push(role);
    } catch (e) {
      for (const r of opened) protectLikeTemplate(sheets.get(r)!);
      return refused(WRITE_TEXT.protectFailed(errText(e)));
    }
  }
  const done: Check[] = [];
  try {
    for (const ch of checks) {
      ch.range.Value2 = ch.write.values;
      done.push(ch);
    }
  } catch (e) {
    try {
      for (const ch of done.reverse()) ch.range.Value2 = ch.before.map((line) => line.map((v) => officeInput(fromEtValue(v) as RawCell)));
    } catch (e2) {
      return refused(WPS_TEXT.rollbackFailed(`${errText(e)}；${errText(e2)}`));
    } finally {
      for (const r of opened) protectLikeTemplate(sheets.get(r)!);
    }
    return refused(WPS_TEXT.writeFailed(errText(e)));
  }
  for (const r of opened) protectLikeTemplate(sheets.get(r)!);
  return { kind: "written", written: plan.cells, syncs: calls(), notes: plan.notes };
}
