/**
 * Choosing the template sheets among a workbook's sheets by their markers — shared by the
 * ExcelJS reader and the Office.js adapter. A workbook may hold several copies of the template
 * ("set" in the marker); the copy holding the active sheet wins, else the first one.
 */
import type { Finding } from "../report";
import { FORMAT_DEFINITION_VERSION } from "../report";
import { hasRegisters, parseMarker, type Marker } from "./marker";
import { READ_TEXT } from "./messages";
import { TEMPLATE_ROLES, isRegisterRole, type TemplateRole } from "./roles";

export interface SheetInfo<Id = string> {
  id: Id;
  name: string;
  /** Raw value of the marker cell, or the marker already parsed. */
  marker: unknown;
}

function asMarker(v: unknown): Marker | null {
  if (v && typeof v === "object" && "role" in v && "set" in v) return v as Marker;
  return parseMarker(v);
}

export interface ChosenTemplate<Id = string> {
  set: number;
  /** Number of template copies found. */
  sets: number;
  sheets: Partial<Record<TemplateRole, SheetInfo<Id> & { parsed: Marker }>>;
  missing: TemplateRole[];
  formatVersion: string;
  templateVersion: string;
  findings: Finding[];
}

/** `sheets` in workbook order. */
export function chooseTemplate<Id>(sheets: readonly SheetInfo<Id>[], activeId?: Id | null): ChosenTemplate<Id> | null {
  const marked = sheets
    .map((s) => ({ ...s, parsed: asMarker(s.marker) }))
    .filter((s): s is SheetInfo<Id> & { parsed: Marker } => s.parsed !== null);
  if (marked.length === 0) return null;
  // Copies in workbook order (the set whose first sheet comes first is "the first copy").
  const setNos = [...new Set(marked.map((s) => s.parsed.set))];
  const active = marked.find((s) => activeId !== undefined && activeId !== null && s.id === activeId);
  const set = active ? active.parsed.set : setNos[0]!;
  const inSet = marked.filter((s) => s.parsed.set === set);
  const findings: Finding[] = [];
  const chosen: ChosenTemplate<Id>["sheets"] = {};
  for (const role of TEMPLATE_ROLES) {
    const all = inSet.filter((s) => s.parsed.role === role);
    if (all.length === 0) continue;
    chosen[role] = all[0]!;
    if (all.length > 1) {
      findings.push({ rule: "TEMPLATE.DUPLICATE", severity: "warning", cells: [], message: READ_TEXT.duplicate(role, all.map((s) => s.name), all[0]!.name) });
    }
  }
  const first = inSet[0]!.parsed;
  // Templates before version 3 have no registers; a later one without them is still a report.
  const registers = hasRegisters(first.template);
  const missing = TEMPLATE_ROLES.filter((r) => !chosen[r] && (registers || !isRegisterRole(r)));
  for (const role of missing) {
    const register = isRegisterRole(role);
    findings.push({ rule: "TEMPLATE.SHEET_MISSING", severity: register ? "warning" : "error", cells: [], message: READ_TEXT.sheetMissing(role) });
  }
  if (setNos.length > 1) {
    const shown = chosen.t3 ?? inSet[0]!;
    findings.push({ rule: "TEMPLATE.SETS", severity: "info", cells: [], message: READ_TEXT.severalSets(setNos.length, shown.name) });
  }
  if (first.format !== FORMAT_DEFINITION_VERSION) {
    findings.push({ rule: "TEMPLATE.VERSION", severity: "warning", cells: [], message: READ_TEXT.formatVersion(first.format, FORMAT_DEFINITION_VERSION) });
  }
  return { set, sets: setNos.length, sheets: chosen, missing, formatVersion: first.format, templateVersion: first.template, findings };
}
