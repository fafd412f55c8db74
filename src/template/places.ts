/**
 * Naming where a finding points in a filled template: sheet and address as the clerk sees them
 * (表三!E5, 表三!D5:I5), from the layout map. The sheet names are the workbook's own (a renamed
 * sheet is found by its marker and named as renamed).
 */
import { rectAddress, rect } from "./address";
import { locate } from "./layout";
import { SHEET_NAMES } from "./messages";
import type { TemplateRole } from "./roles";

export type SheetNames = Partial<Record<TemplateRole, string>>;

/** "表三!E5" for one key; null when the key has no place on the sheets. */
export function sheetPlace(key: string, names: SheetNames = {}): string | null {
  const loc = locate(key);
  return loc ? `${names[loc.role] ?? SHEET_NAMES[loc.role]}!${loc.address}` : null;
}

/**
 * Several keys, per sheet: a full rectangle as one range (表三!D5:I5), otherwise the addresses
 * (表三!D5、D6、D28、D29). Keys without a place are left out; null when none has one.
 */
export function sheetPlaces(keys: readonly string[], names: SheetNames = {}): string | null {
  const bySheet = new Map<TemplateRole, { row: number; col: number; address: string }[]>();
  for (const key of keys) {
    const loc = locate(key);
    if (!loc) continue;
    const list = bySheet.get(loc.role) ?? [];
    list.push({ row: loc.rect.top, col: loc.rect.left, address: loc.address });
    bySheet.set(loc.role, list);
  }
  if (bySheet.size === 0) return null;
  const parts: string[] = [];
  for (const [role, cells] of bySheet) {
    const sheet = names[role] ?? SHEET_NAMES[role];
    const rows = cells.map((c) => c.row);
    const cols = cells.map((c) => c.col);
    const [top, bottom, left, right] = [Math.min(...rows), Math.max(...rows), Math.min(...cols), Math.max(...cols)];
    const distinct = new Set(cells.map((c) => `${c.row}:${c.col}`)).size;
    const full = cells.length > 1 && distinct === (bottom - top + 1) * (right - left + 1);
    parts.push(full ? `${sheet}!${rectAddress(rect(top, left, bottom, right))}` : `${sheet}!${cells.map((c) => c.address).join("、")}`);
  }
  return parts.join("；");
}
