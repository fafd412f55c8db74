/**
 * The `expect` check of writeInputs, pure and the same on every host: which sheets it needs read,
 * and which keys the clerk changed since (from the grids the host read).
 */
import type { RawCell } from "../report";
import { assembleReport, type RoleGrids } from "../template/assemble";
import { META_KEYS, templateLayout } from "../template/layout";
import type { TemplateRole } from "../template/roles";
import { normalizeText, type InputWrites, type MetaValues, type TextBlockKey } from "./writePlan";

const empty = (v: RawCell | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Equal as the clerk sees it: blank is blank, numbers by value. */
function sameCell(a: RawCell | undefined, b: RawCell | undefined): boolean {
  if (empty(a) && empty(b)) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return a === b;
}

/** Roles whose current values `expect` needs. */
export function expectedRoles(w: InputWrites): TemplateRole[] {
  const roles = new Set<TemplateRole>();
  const layout = templateLayout();
  for (const key of Object.keys(w.expect?.cells ?? {})) {
    const loc = layout.cells.get(key);
    if (loc) roles.add(loc.role);
  }
  for (const key of Object.keys(w.expect?.sections ?? {})) {
    const b = layout.blocks.get(key);
    if (b) roles.add(b.role);
  }
  if (Object.keys(w.expect?.meta ?? {}).length) roles.add(layout.cells.get(META_KEYS.agency)!.role);
  return [...roles];
}

/** Keys whose value is no longer what `expect` says. */
export function changedKeys(w: InputWrites, grids: RoleGrids): string[] {
  const { report } = assembleReport(grids);
  const out: string[] = [];
  for (const [key, v] of Object.entries(w.expect?.cells ?? {})) if (!sameCell(report.cells[key], v)) out.push(key);
  for (const [key, v] of Object.entries(w.expect?.sections ?? {})) {
    const now = key === "OPENING" ? report.opening : (report.sections[key as Exclude<TextBlockKey, "OPENING">]?.text ?? null);
    if (normalizeText(now) !== normalizeText(v)) out.push(key);
  }
  // 封面 fields, as the cells: a 机关名称 corrected after an import is the clerk's, not ours.
  for (const [field, v] of Object.entries(w.expect?.meta ?? {}) as [keyof typeof META_KEYS & keyof MetaValues, RawCell][]) {
    if (!sameCell(report.meta[field], v)) out.push(META_KEYS[field]);
  }
  return out;
}
