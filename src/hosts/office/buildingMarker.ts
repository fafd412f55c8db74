/**
 * The marker of a sheet an interrupted API build left (Office 2019): read on every pass to find
 * unfinished work, so apart from the build itself, which loads only when the template is inserted.
 */
import { TEMPLATE_ROLES, type TemplateRole } from "../../template/roles";

/**
 * What a sheet under construction carries in the marker cell until the last batch: not a
 * template marker (parseMarker refuses it, so no reader ever takes the sheet for a template),
 * but enough for the next insertion to recognise the sheet as its own unfinished work.
 */
const BUILDING_PREFIX = "XXGK-REPORT-BUILDING";

export interface BuildingMarker {
  role: TemplateRole;
  set: number;
}

export function formatBuildingMarker(role: TemplateRole, set: number): string {
  return `${BUILDING_PREFIX}|role=${role}|set=${set}`;
}

export function parseBuildingMarker(value: unknown): BuildingMarker | null {
  const m = typeof value === "string" ? /^XXGK-REPORT-BUILDING\|role=([a-z0-9]+)\|set=(\d+)$/.exec(value.trim()) : null;
  if (!m || !(TEMPLATE_ROLES as readonly string[]).includes(m[1]!)) return null;
  return { role: m[1] as TemplateRole, set: Number(m[2]) };
}
