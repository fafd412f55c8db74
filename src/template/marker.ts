/**
 * The marker that identifies a template sheet and its role, so that the add-in and the .xlsx
 * reader find the tables even after a clerk renamed the sheets. It is a plain string in a fixed
 * far cell (CZ1, in a hidden, locked column) — no defined names: workbook-scoped names break
 * in insertWorksheetsFromBase64 (office-js #4772, #3583), and a cell survives every host
 * (Excel, WPS, LibreOffice) and every copy of the sheet.
 */
import { FORMAT_DEFINITION_VERSION } from "../report";
import { a1 } from "./address";
import { isTemplateRole, type TemplateRole } from "./roles";
import { APP_COLUMNS, CASE_COLUMNS } from "../ledger/columns";
import type { RegisterRole } from "../ledger/sheets";

export const MARKER_PREFIX = "XXGK-REPORT";
/**
 * Version of the template layout; bump when addresses change. 2: the 封面 block of last year's
 * figures (PRIOR.*). 3: the registers 申请台账 and 复议诉讼台账 with their 台账汇总. 4: the
 * registers' procedure columns (收到方式 … 延期批准日期) and the 条例's deadline formulas. Older
 * templates are still read (without the block, without the registers, without the new columns).
 */
export const TEMPLATE_VERSION = "4";

/**
 * The register layout (src/ledger/columns.ts REGISTER_LAYOUT_VERSION) of a template version:
 * 3 → 1, 4 → 2 (the 条例's procedure columns after 备注).
 */
export function registerLayoutOf(templateVersion: string): number {
  const v = Number(templateVersion);
  return Number.isFinite(v) && v >= 4 ? 2 : 1;
}

/** How many input columns a register has in a template of this version. */
export function registerColumnCount(role: RegisterRole, templateVersion: string): number {
  const layout = registerLayoutOf(templateVersion);
  return (role === "apps" ? APP_COLUMNS : CASE_COLUMNS).filter((c) => c.since <= layout).length;
}

/** Whether a template of this layout version has the register sheets. */
export function hasRegisters(templateVersion: string): boolean {
  const v = Number(templateVersion);
  return Number.isFinite(v) && v >= 3;
}

/** Whether a template of this layout version has the block of last year's figures on 封面. */
export function hasPriorBlock(templateVersion: string): boolean {
  const v = Number(templateVersion);
  return Number.isFinite(v) && v >= 2;
}
/** Fixed marker cell, the same on every template sheet. */
export const MARKER_CELL = { row: 1, col: 104 } as const;
export const MARKER_ADDRESS = a1(MARKER_CELL.row, MARKER_CELL.col); // "CZ1"

export interface Marker {
  role: TemplateRole;
  format: string;
  template: string;
  /** Which copy of the template the sheet belongs to (a workbook may hold several). */
  set: number;
}

export function formatMarker(role: TemplateRole, set = 1): string {
  return `${MARKER_PREFIX}|role=${role}|format=${FORMAT_DEFINITION_VERSION}|template=${TEMPLATE_VERSION}|set=${set}`;
}

/** Parse a marker cell value; anything else (including user content in CZ1) gives null. */
export function parseMarker(value: unknown): Marker | null {
  if (typeof value !== "string") return null;
  const parts = value.trim().split("|");
  if (parts[0] !== MARKER_PREFIX) return null;
  const kv = new Map<string, string>();
  for (const p of parts.slice(1)) {
    const eq = p.indexOf("=");
    if (eq > 0) kv.set(p.slice(0, eq), p.slice(eq + 1));
  }
  const role = kv.get("role");
  if (!role || !isTemplateRole(role)) return null;
  const set = Number(kv.get("set") ?? "1");
  return {
    role,
    format: kv.get("format") ?? "",
    template: kv.get("template") ?? "",
    set: Number.isInteger(set) && set > 0 ? set : 1,
  };
}
