/**
 * writeInputs over Office.js, apart from the adapter's sheet bookkeeping. Two syncs:
 *  1. check — the memory is still true (markers, sheet count), every target rectangle is
 *     unlocked or its sheet unprotected, holds no formula, and `expect` still holds;
 *  2. write — every rectangle in one 2-D assignment each; the locked 封面 block of last year's
 *     figures is written between unprotect() and protect() with the sheet's own options, the
 *     unprotect first in the batch so that a password stops the batch before anything is written.
 * Nothing is written unless every check passed (a failed Office.js batch does not roll back).
 *
 * APIs: Range.values/formulas, Range.format.protection.locked, Worksheet.protection.protected /
 * options / protect (ExcelApi 1.2), unprotect (1.7), WorksheetCollection.getCount (1.4).
 */
import { cellInfo } from "../../report";
import { rectAddress } from "../../template/address";
import type { RoleGrids } from "../../template/assemble";
import type { ChosenTemplate } from "../../template/discover";
import { templateLayout } from "../../template/layout";
import { SHEET_NAMES } from "../../template/messages";
import { TEMPLATE_ROLES, type TemplateRole } from "../../template/roles";
import { WRITE_TEXT } from "../../workbook/messages";
import type { WriteOutcome } from "../../workbook/port";
import { changedKeys, expectedRoles } from "../../workbook/writeCheck";
import { changedRegisterRows, planWrites, WriteRefused, type InputWrites } from "../../workbook/writePlan";

type Ctx = Excel.RequestContext;

export interface KnownSheets {
  chosen: ChosenTemplate<string> | null;
  sheets: Partial<Record<TemplateRole, Excel.Worksheet>>;
  settle(): boolean;
  grids(): RoleGrids;
}

function refused(reason: string, syncs: number): WriteOutcome {
  return { kind: "refused", reason, written: 0, syncs };
}

export async function writeInputsWith(
  ctx: Ctx,
  w: InputWrites,
  counter: { syncs: number },
  queueKnown: (roles: TemplateRole[]) => KnownSheets,
  syncAndSettle: (known: KnownSheets) => Promise<boolean>,
): Promise<WriteOutcome | "stale"> {
  const known = queueKnown(expectedRoles(w));
  if (!known.chosen) return refused(WRITE_TEXT.noTemplate, counter.syncs);
  let plan;
  try {
    plan = planWrites(w, known.chosen.templateVersion);
  } catch (e) {
    if (e instanceof WriteRefused) return refused(e.message, counter.syncs);
    throw e;
  }
  for (const role of new Set(plan.writes.map((x) => x.role))) {
    if (!known.sheets[role]) return refused(WRITE_TEXT.sheetMissing(SHEET_NAMES[role]), counter.syncs);
  }

  // Sync 1: the checks, queued with the memory's own.
  const checks = plan.writes.map((x) => {
    const range = known.sheets[x.role]!.getRange(rectAddress(x.rect));
    range.load(["values", "formulas"]);
    range.format.protection.load("locked");
    return { write: x, range };
  });
  const protections = new Map<TemplateRole, Excel.WorksheetProtection>();
  for (const role of new Set(plan.writes.map((x) => x.role))) {
    const p = known.sheets[role]!.protection;
    p.load(["protected", "options"]);
    protections.set(role, p);
  }
  if (!(await syncAndSettle(known))) return "stale";

  if (w.expect) {
    // Register rows are checked against the write ranges themselves (loaded above, same sync).
    const changed = [...changedKeys(w, known.grids()), ...checks.flatMap(({ write, range }) => changedRegisterRows(write, range.values as unknown[][]))];
    if (changed.length) return { kind: "changed", changed, written: 0, syncs: counter.syncs };
  }
  const unprotect = new Set<TemplateRole>();
  const formulaCells: string[] = [];
  const keyAt = new Map([...templateLayout().cells.values()].map((c) => [`${c.role}:${c.row}:${c.col}`, c.key]));
  for (const { write, range } of checks) {
    const isProtected = protections.get(write.role)!.protected;
    if (isProtected && range.format.protection.locked !== false) {
      // Only the kept block is locked by design; anything else locked was changed by hand.
      if (write.kept) unprotect.add(write.role);
      else return refused(WRITE_TEXT.locked(SHEET_NAMES[write.role]), counter.syncs);
    }
    const formulas = range.formulas as unknown[][];
    const values = range.values as unknown[][];
    formulas.forEach((line, i) =>
      line.forEach((f, j) => {
        if (typeof f === "string" && f.startsWith("=") && f !== values[i]?.[j]) {
          const key = keyAt.get(`${write.role}:${write.rect.top + i}:${write.rect.left + j}`);
          formulaCells.push(key ? (cellInfo(key)?.label ?? key) : `${SHEET_NAMES[write.role]}!${rectAddress({ top: write.rect.top + i, left: write.rect.left + j, bottom: write.rect.top + i, right: write.rect.left + j })}`);
        }
      }),
    );
  }
  if (formulaCells.length) return refused(WRITE_TEXT.formulas(formulaCells.join("、")), counter.syncs);

  // Sync 2: the writes. Unprotect first, so a password fails the batch before any write.
  for (const role of TEMPLATE_ROLES) if (unprotect.has(role)) known.sheets[role]!.protection.unprotect();
  for (const { write, range } of checks) range.values = write.values;
  for (const role of TEMPLATE_ROLES) {
    if (unprotect.has(role)) known.sheets[role]!.protection.protect(protections.get(role)!.options);
  }
  try {
    await ctx.sync();
    counter.syncs++;
  } catch (e) {
    counter.syncs++;
    // Office.js names the failing command; unprotect() is the first, so then nothing was written.
    const where = (e as { debugInfo?: { errorLocation?: string } }).debugInfo?.errorLocation ?? "";
    if (unprotect.size && /unprotect/i.test(where)) return refused(WRITE_TEXT.protectFailed(e instanceof Error ? e.message : String(e)), counter.syncs);
    throw e;
  }
  return { kind: "written", written: plan.cells, syncs: counter.syncs, notes: plan.notes };
}
