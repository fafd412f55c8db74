/**
 * Restore deleted template sheets: insert just the missing roles' sheets from the bundled
 * template (Workbook.insertWorksheetsFromBase64 with sheetNamesToInsert, ExcelApi 1.13), with
 * the marker of the copy they belong to, next to that copy's other sheets. Nothing else in the
 * workbook is touched; a name taken by another sheet gets "表四 (2)" (the marker, not the name,
 * makes it part of the template).
 */
import { base64ToBytes, bytesToBase64 } from "../template/base64";
import { chooseTemplate, type ChosenTemplate, type SheetInfo } from "../template/discover";
import { TEMPLATE_VERSION } from "../template/marker";
import { SHEET_NAMES } from "../template/messages";
import { TEMPLATE_ROLES, type TemplateRole } from "../template/roles";
import { patchTemplate } from "../template/xlsxPatch";
import { RESTORE_TEXT } from "./restoreMessages";

export type RestoreOutcome =
  | { kind: "restored"; sheets: string[]; syncs: number }
  | { kind: "refused"; reason: string }
  | { kind: "unsupported"; reason: string };

export interface RestorePlanItem {
  role: TemplateRole;
  /** Name of the new sheet. */
  name: string;
  /** Where it goes: after/before this existing sheet of the same copy (by name), or at the end. */
  position: { type: "After" | "Before"; relativeTo: string } | { type: "End" };
}

const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;

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
  try {
    await ctx.sync();
    counter.syncs++;
  } catch (e) {
    return { kind: "refused", reason: RESTORE_TEXT.failed(e instanceof Error ? e.message : String(e)) };
  }
  return { kind: "restored", sheets: plan.map((x) => x.name), syncs: counter.syncs };
}
