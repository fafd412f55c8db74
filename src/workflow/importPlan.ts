/**
 * What an import will do to the clerk's workbook, before it does it: which empty cells it fills,
 * which non-empty cells it would change (only with the clerk's consent), and the values to put back
 * to undo it. Pure: the pane shows the plan, the workbook port writes it.
 */
import { cellInfo, cellsOf, interpret, t3Key, type CellKey, type RawCell, type Report } from "../report";
import { templateLayout } from "../template/layout";

export interface CellChange {
  key: CellKey;
  label: string;
  current: RawCell;
  incoming: RawCell;
}

/** The prose blocks an import may write: the opening paragraphs and sections 一、五、六. */
export type TextKey = "OPENING" | "S1" | "S5" | "S6";

export interface SectionChange {
  key: TextKey;
  current: string;
  incoming: string;
}

export interface ImportPlan {
  /** Empty now, filled by the import. */
  fills: CellChange[];
  /** Non-empty now and different: changed only if the clerk agrees. */
  conflicts: CellChange[];
  /** Already equal. */
  unchanged: number;
  sectionFills: SectionChange[];
  sectionConflicts: SectionChange[];
  /** Cells of the source that have no place in this year's format (explained to the clerk). */
  notes: string[];
}

const isEmpty = (v: RawCell | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function same(a: RawCell, b: RawCell): boolean {
  if (a === b) return true;
  const x = interpret(a, "amount");
  const y = interpret(b, "amount");
  return x.kind === "number" && y.kind === "number" && x.value === y.value;
}

/** Where a source cell goes in the 2021 format (2019 表二 has other meanings; its single 其他处理 row is 3.其他). */
function targetKey(key: CellKey, from: Report["format"]): CellKey | null {
  if (from === "2021") return key;
  if (key.startsWith("T2.")) return null;
  const m = /^T3\.R21\.(C\d)$/.exec(key);
  if (m) return t3Key("R23", m[1]!);
  return key;
}

export const planText = {
  format2019Table2: "来源是 2019 年旧格式，表二的栏目含义不同，未导入表二。",
  format2019Other: "来源是 2019 年旧格式，其“（六）其他处理”一行已填入“3.其他”。",
  unread: (n: number) => `来源中有 ${n} 个单元格未能读出（见导入提示），未导入，请对照原件填写。`,
};

/**
 * @param writable whether the workbook accepts a value for a key (totals that are formulas do not:
 *   they compute themselves, and overwriting them would lose the formula).
 */
export function planImport(current: Report, incoming: Report, writable: (key: CellKey) => boolean): ImportPlan {
  const plan: ImportPlan = { fills: [], conflicts: [], unchanged: 0, sectionFills: [], sectionConflicts: [], notes: [] };
  if (incoming.format === "2019") plan.notes.push(planText.format2019Table2, planText.format2019Other);
  // A cell the importer could not read is never written: a guess would make the sheet's checks accuse.
  const unread = new Set(incoming.unread ?? []);
  if (unread.size) plan.notes.push(planText.unread(unread.size));
  for (const src of cellsOf(incoming.format)) {
    if (unread.has(src.key)) continue;
    const key = targetKey(src.key, incoming.format);
    if (!key || !cellInfo(key, current.format) || !writable(key)) continue;
    const value = incoming.cells[src.key] ?? null;
    if (isEmpty(value)) continue;
    const now = current.cells[key] ?? null;
    const change: CellChange = { key, label: cellInfo(key, current.format)!.label, current: now, incoming: value };
    if (isEmpty(now)) plan.fills.push(change);
    else if (same(now, value)) plan.unchanged++;
    else plan.conflicts.push(change);
  }
  const textOf = (r: Report, key: TextKey) => (key === "OPENING" ? (r.opening ?? "") : (r.sections[key]?.text ?? "")).trim();
  for (const key of ["OPENING", "S1", "S5", "S6"] as const) {
    const text = textOf(incoming, key);
    if (!text) continue;
    const now = textOf(current, key);
    if (!now) plan.sectionFills.push({ key, current: now, incoming: text });
    else if (now !== text) plan.sectionConflicts.push({ key, current: now, incoming: text });
  }
  return plan;
}

export interface AppliedImport {
  cells: Record<CellKey, RawCell>;
  sections: Partial<Record<TextKey, string>>;
  /** The values before, to write back for 撤销导入. */
  undo: { cells: Record<CellKey, RawCell>; sections: Partial<Record<TextKey, string>> };
}

/** The writes of a plan: all fills, and the conflicts the clerk accepted (by key). */
export function writesOf(plan: ImportPlan, accept: ReadonlySet<string> = new Set()): AppliedImport {
  const out: AppliedImport = { cells: {}, sections: {}, undo: { cells: {}, sections: {} } };
  for (const c of [...plan.fills, ...plan.conflicts.filter((c) => accept.has(c.key))]) {
    out.cells[c.key] = c.incoming;
    out.undo.cells[c.key] = c.current;
  }
  for (const s of [...plan.sectionFills, ...plan.sectionConflicts.filter((s) => accept.has(s.key))]) {
    out.sections[s.key] = s.incoming;
    out.undo.sections[s.key] = s.current;
  }
  return out;
}

/** Totals are template formulas (and kept figures are locked): never written by a fill or an import. */
export function writable(key: CellKey): boolean {
  const loc = templateLayout().cells.get(key);
  return loc !== undefined && !loc.computed && !loc.kept;
}
