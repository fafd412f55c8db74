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
import { MARKER_ADDRESS, parseMarker, TEMPLATE_VERSION } from "../../template/marker";
import { hostError } from "./hostErrors";
import { SHEET_NAMES } from "../../template/messages";
import { templateDesign } from "../../template/layout";
import { REGISTER_ROLES, TEMPLATE_ROLES, type RegisterRole, type TemplateRole } from "../../template/roles";
import { computedRuns, retarget } from "./buildTemplateViaApi";
import { loadTemplatePatch } from "./templatePatch";
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
 * back. And a restored register comes from the template file alone, so its own references point
 * at that file ('[…]表三'!D5). So the formulas that name another template sheet are written again
 * from the design, pointed at the copy's names: in the registers that stay, those naming a
 * restored sheet; in a restored register, all of them. Pure.
 */
export function planRelink(chosen: ChosenTemplate<string>, plan: readonly RestorePlanItem[]): RelinkItem[] {
  const designs = templateDesign();
  const restored = new Set(plan.map((p) => p.role));
  const names = Object.fromEntries(TEMPLATE_ROLES.map((r) => [r, plan.find((p) => p.role === r)?.name ?? chosen.sheets[r]?.name ?? designs[r].name])) as Record<TemplateRole, string>;
  const quoted = (roles: Iterable<TemplateRole>) => [...roles].map((r) => `'${designs[r].name.replace(/'/g, "''")}'!`);
  const out: RelinkItem[] = [];
  for (const role of REGISTER_ROLES) {
    if (!chosen.sheets[role] && !restored.has(role)) continue;
    const named = quoted(restored.has(role) ? TEMPLATE_ROLES.filter((r) => r !== role) : restored);
    const cells = designs[role].computed.filter((c) => named.some((q) => c.formula.includes(q)));
    if (!cells.length) continue;
    const runs = computedRuns(cells).map((run) => ({
      rect: { top: run[0]!.row, left: run[0]!.col, bottom: run[run.length - 1]!.row, right: run[0]!.col },
      formulas: run.map((c) => [`=${retarget(c.formula, names)}`]),
    }));
    out.push({ role, sheet: names[role], runs });
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
 * Restore in three syncs after the caller's listing (four when the insert reported an error):
 *   1. the inserts alone, so that an error is known to be theirs — and Excel on the web may
 *      insert and still report one (OfficeDev/office-js #3179, #6142);
 *   2. (after an error) the sheet names, to see what is there;
 *   3. verify by the markers, with the protection of every register to relink;
 *   4. relink the registers' formulas (restored registers included), the first restored sheet active.
 * `sheets` in workbook order, as the adapter remembers them.
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
  const { patchTemplate } = await loadTemplatePatch();
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
  const coll = ctx.workbook.worksheets;
  let why: string | null = null;
  try {
    await ctx.sync();
  } catch (e) {
    why = hostError(e).message;
  }
  counter.syncs++;
  try {
    let present = plan;
    if (why !== null) {
      coll.load("items/name");
      await ctx.sync();
      counter.syncs++;
      present = plan.filter((p) => coll.items.some((w) => w.name === p.name));
    }
    const markers = present.map((item) => {
      const r = coll.getItem(item.name).getRange(MARKER_ADDRESS);
      r.load("values");
      return { item, r };
    });
    const relink = planRelink(chosen!, present).map((item) => {
      const protection = coll.getItem(item.sheet).protection;
      protection.load(["protected", "options"]);
      return { item, protection };
    });
    await ctx.sync();
    counter.syncs++;
    const restored = markers.filter(({ item, r }) => {
      const m = parseMarker(r.values[0]?.[0]);
      return m?.role === item.role && m.set === chosen!.set;
    });
    if (!restored.length) return { kind: "refused", reason: RESTORE_TEXT.failed(why ?? RESTORE_TEXT.notInserted) };
    const inserted = restored.map((x) => x.item.name);
    const notes = restored.length < plan.length ? [RESTORE_TEXT.partly(inserted, plan.filter((p) => !inserted.includes(p.name)).map((p) => p.name))] : [];
    // A register is relinked if it stayed or was restored and verified.
    const ok = relink.filter((r) => inserted.includes(r.item.sheet) || !plan.some((p) => p.name === r.item.sheet));
    for (const { item, protection } of ok) {
      const ws = coll.getItem(item.sheet);
      if (protection.protected) ws.protection.unprotect();
      for (const run of item.runs) ws.getRange(rectAddress(run.rect)).formulas = run.formulas;
      if (protection.protected) ws.protection.protect(protection.options);
    }
    coll.getItem(inserted[0]!).activate();
    const registers = ok.map((r) => r.item.sheet);
    try {
      await ctx.sync();
      counter.syncs++;
    } catch {
      return { kind: "restored", sheets: inserted, syncs: counter.syncs, notes: [...notes, RESTORE_TEXT.relinkFailed(registers, inserted)] };
    }
    const stayed = registers.filter((r) => !inserted.includes(r));
    const own = registers.filter((r) => inserted.includes(r));
    if (stayed.length) notes.push(RESTORE_TEXT.relinked(stayed, inserted));
    if (own.length) notes.push(RESTORE_TEXT.ownLinks(own));
    return { kind: "restored", sheets: inserted, syncs: counter.syncs, notes };
  } catch (e) {
    return { kind: "refused", reason: RESTORE_TEXT.unknown(why ?? hostError(e).message) };
  }
}
