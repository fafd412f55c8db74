/**
 * The few figures of last year's report that the cross-year checks need. A rolled-forward workbook
 * keeps them (so the checks work without last year's file at hand); the rules rebuild a minimal prior
 * report from them.
 */
import { FORMATS } from "./format";
import { FEE_CELL, t2Key, t3Key, type CellKey } from "./keys";
import { emptyReport } from "./empty";
import type { Report } from "./schema";

/** 表三 结转下年度 per column, 表二 现行有效件数 (规章, 行政规范性文件), 收费金额. */
export const PRIOR_KEYS: readonly CellKey[] = [
  ...FORMATS["2021"].table3.columns.map((c) => t3Key("R25", c.code)),
  ...FORMATS["2021"].table2.blocks[0]!.rows.map((r) => t2Key(r.code, "C3")),
  FEE_CELL,
];

/** A minimal prior report from a snapshot; text sections are empty, so TEXT.SIMILAR stays silent. */
export function priorFromSnapshot(snapshot: Record<CellKey, number>, year: number | null): Report | null {
  const keys = Object.keys(snapshot).filter((k) => PRIOR_KEYS.includes(k));
  if (keys.length === 0) return null;
  const r = emptyReport("2021", { year });
  for (const k of keys) r.cells[k] = snapshot[k]!;
  return r;
}
