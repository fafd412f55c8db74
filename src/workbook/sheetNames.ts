/** Sheet names of a new copy of the template, the same on every host. */
import { SHEET_NAMES } from "../template/messages";
import { TEMPLATE_ROLES, type TemplateRole } from "../template/roles";

export function sameSheetName(a: string, b: string): boolean {
  // Excel compares sheet names case-insensitively.
  return a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;
}

/** Sheet names for a new copy: the plain names when free, else "表三 (n)" with the first free n. */
export function distinctSheetNames(existing: readonly string[], forceSuffix: boolean): Record<TemplateRole, string> {
  const taken = (n: string) => existing.some((e) => sameSheetName(e, n));
  const base = SHEET_NAMES;
  if (!forceSuffix && TEMPLATE_ROLES.every((r) => !taken(base[r]))) return { ...base };
  for (let n = 2; ; n++) {
    const names = Object.fromEntries(TEMPLATE_ROLES.map((r) => [r, `${base[r]} (${n})`])) as Record<TemplateRole, string>;
    if (TEMPLATE_ROLES.every((r) => !taken(names[r]))) return names;
  }
}
