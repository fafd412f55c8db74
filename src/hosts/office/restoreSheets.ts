/**
 * Restore deleted template sheets: insert just the missing roles' sheets from the bundled
 * template (Workbook.insertWorksheetsFromBase64 with sheetNamesToInsert, ExcelApi 1.13), with
 * the marker of the copy they belong to, next to that copy's other sheets. Nothing else in the
 * workbook is touched; a name taken by another sheet gets "表四 (2)" (the marker, not the name,
 * makes it part of the template).
 */
import { rectAddress, type Rect } from "../../template/address";
import { base64ToBytes, bytesToBase64 } from "../../template/base64";
import { chooseTemplate, type ChosenTemplate, type SheetInfo } from "../../template/discover";
import { TEMPLATE_VERSION } from "../../template/marker";
import { SHEET_NAMES } from "../../template/messages";
import { templateDesign } from "../../template/layout";
import { REGISTER_ROLES, TEMPLATE_ROLES, type RegisterRole, type TemplateRole } from "../../template/roles";
import { retarget } from "./buildTemplateViaApi";
import { patchTemplate } from "../../template/xlsxPatch";
import { RESTORE_TEXT } from "./restoreMessages";
import type { RestoreOutcome } from "../../workbook/port";
import { sameSheetName as same } from "../../workbook/sheetNames";

export interface RestorePlanItem {
  role: TemplateRole;
  /** Name of the new sheet. */
  name: string;
  /** Where it goes: after/before this existing sheet of the same copy (by name), or at the end. */
  position: { type: "After" | "Before"; relativeTo: string } | { type: "End" };
}

/** Which sheets to insert and where: each role beside its neighbours in template order. Pure. */
export function planRestore(sheetNames: readonly string[], chosen: ChosenTemplate<string>, roles: readonly TemplateRole[]): RestorePlanItem[] {
  const wanted = TEMPLATE_ROLES.filter((r) => roles.includes(r) && chosen.missing.includes(r));
  const taken = [...sheetNames];
  const placed: Partial<Record<TemplateRole, string>> = Object.fromEntries(TEMPLATE_ROLES.filter((r) => chosen.sheets[r]).map((r) => [r, chosen.sheets[r]!.name]));
  const out: RestorePlanItem[] = [];
  for (const role of wanted) {
    let name = SHEET_NAMES[role];
    for (let n = 2; taken.some((t) => same(t, name)); n++) name = `${SHEET_NAMES[role]} (${n})`;
    taken.push(name);
    const i = TEMPLATE_ROLES.indexOf(role);
    const before = TEMPLATE_ROLES.slice(0, i).reverse().find((r) => placed[r]);
    const after = TEMPLATE_ROLES.slice(i + 1).find((r) => placed[r]);
    const position: RestorePlanItem["position"] = before
      ? { type: "After", relativeTo: placed[before]! }
      : after
        ? { type: "Before", relativeTo: placed[after]! }
        : { type: "End" };
    placed[role] = name;
    out.push({ role, name, position });
  }
  return out;
}

/** A register sheet that stays, with its formulas that name a restored sheet, in runs of one column. */
export interface RelinkItem {
  role: RegisterRole;
  sheet: string;
  runs: { rect: Rect; formulas: string[][] }[];
}

/**
 * The register sheets' 台账汇总 and flags name 封面, 表三 and 表四 ('表三'!D5). Deleting one of those
 * turns the references into #REF! for good; a restored sheet of the same name does not bring them
 * back. So the formulas of the registers that stay and name a restored role are written again
 * from the design, pointed at the copy's names. Pure.
 */
export function planRelink(chosen: ChosenTemplate<string>, plan: readonly RestorePlanItem[]): RelinkItem[] {
  const designs = templateDesign();
  const restored = new Set(plan.map((p) => p.role));
  const names = Object.fromEntries(TEMPLATE_ROLES.map((r) => [r, plan.find((p) => p.role === r)?.name ?? chosen.sheets[r]?.name ?? designs[r].name])) as Record<TemplateRole, string>;
  const quotedNames = [...restored].map((r) => `'${designs[r].name.replace(/'/g, "''")}'!`);
  const out: RelinkItem[] = [];
  for (const role of REGISTER_ROLES) {
    const sheet = chosen.sheets[role];
    if (!sheet || restored.has(role)) continue;
    const cells = designs[role].computed.filter((c) => quotedNames.some((q) => c.formula.includes(q)));
    if (!cells.length) continue;
    const byCol = new Map<number, typeof cells>();
    for (const c of cells) byCol.set(c.col, [...(byCol.get(c.col) ?? []), c]);
    const runs: RelinkItem["runs"] = [];
    for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
      const list = byCol.get(col)!.sort((a, b) => a.row - b.row);
      for (let i = 0; i < list.length; ) {
        let j = i;
        while (j + 1 < list.length && list[j + 1]!.row === list[j]!.row + 1) j++;
        const run = list.slice(i, j + 1);
        runs.push({ rect: { top: run[0]!.row, left: col, bottom: run[run.length - 1]!.row, right: col }, formulas: run.map((c) => [`=${retarget(c.formula, names)}`]) });
        i = j + 1;
      }
    }
    out.push({ role, sheet: sheet.name, runs });
  }
  return out;
}

/** Why a restore cannot be done, or null. */
export function restoreRefusal(chosen: ChosenTemplate<string> | null, roles: readonly TemplateRole[]): string | null {
  if (!chosen) return RESTORE_TEXT.noTemplate;
  if (!roles.some((r) => chosen.missing.includes(r))) return RESTORE_TEXT.nothingMissing;
  // Another layout version would put cells where this copy's reader does not look.
  if (chosen.templateVersion !== TEMPLATE_VERSION) return RESTORE_TEXT.otherVersion(chosen.templateVersion);
  return null;
}

/**
 * Queue and run the insertion in ONE sync (the caller has just listed the sheets and their
 * markers). `sheets` in workbook order, as the adapter remembers them.
 */
export async function restoreMissingSheets(
  ctx: Excel.RequestContext,
  sheets: readonly SheetInfo<string>[],
  activeId: string | null,
  roles: readonly TemplateRole[],
  templateB64: Promise<string>,
  counter: { syncs: number },
): Promise<RestoreOutcome> {
  const chosen = chooseTemplate(sheets, activeId);
  const refusal = restoreRefusal(chosen, roles);
  if (refusal) return { kind: "refused", reason: refusal };
  const plan = planRestore(
    sheets.map((s) => s.name),
    chosen!,
    roles,
  );
  const base = base64ToBytes(await templateB64);
  for (const item of plan) {
    // One sheet per call, so each lands beside its own neighbours; the marker carries the copy's number.
    const b64 = bytesToBase64(patchTemplate(base, { rename: { [SHEET_NAMES[item.role]]: item.name }, set: chosen!.set }));
    const p = item.position;
    ctx.workbook.insertWorksheetsFromBase64(b64, {
      sheetNamesToInsert: [item.name],
      positionType: p.type,
      ...(p.type === "End" ? {} : { relativeTo: p.relativeTo }),
    });
  }
  ctx.workbook.worksheets.getItem(plan[0]!.name).activate();
  // The registers to relink: their protection is read in the same sync as the insertion.
  const relink = planRelink(chosen!, plan).map((item) => {
    const protection = ctx.workbook.worksheets.getItem(item.sheet).protection;
    protection.load(["protected", "options"]);
    return { item, protection };
  });
  try {
    await ctx.sync();
    counter.syncs++;
  } catch (e) {
    return { kind: "refused", reason: RESTORE_TEXT.failed(e instanceof Error ? e.message : String(e)) };
  }
  const inserted = plan.map((x) => x.name);
  if (!relink.length) return { kind: "restored", sheets: inserted, syncs: counter.syncs, notes: [] };
  // A second batch, so that a password on a register (unprotect fails first, nothing written)
  // never undoes the restore itself.
  for (const { item, protection } of relink) {
    const ws = ctx.workbook.worksheets.getItem(item.sheet);
    if (protection.protected) ws.protection.unprotect();
    for (const run of item.runs) ws.getRange(rectAddress(run.rect)).formulas = run.formulas;
    if (protection.protected) ws.protection.protect(protection.options);
  }
  const registers = relink.map((r) => r.item.sheet);
  try {
    await ctx.sync();
    counter.syncs++;
  } catch {
    return { kind: "restored", sheets: inserted, syncs: counter.syncs, notes: [RESTORE_TEXT.relinkFailed(registers, inserted)] };
  }
  return { kind: "restored", sheets: inserted, syncs: counter.syncs, notes: [RESTORE_TEXT.relinked(registers, inserted)] };
}
