/**
 * A register's header row recognised: each column of columns.ts to the source column whose header
 * is its title or one of its aliases, compared by the importer's label key (src/import/labels),
 * never by similarity. Apart from columns.ts so the template's design, which needs only the
 * columns, never loads the label matching.
 */
import { looseKey } from "../import/labels";
import type { ColumnDef, ColumnMapping } from "./columns";

/** The column mapping proposed for a header row: each field to the column whose title it knows. */
export function proposeMapping<F extends string>(defs: readonly ColumnDef<F>[], headers: readonly unknown[]): ColumnMapping<F> {
  const keys = headers.map((h) => (h === null || h === undefined ? "" : looseKey(String(h))));
  const out = {} as ColumnMapping<F>;
  const used = new Set<number>();
  // Exact titles first, so "收到日期" never goes to "补正后收到日期"'s column.
  for (const pass of ["title", "alias"] as const) {
    for (const d of defs) {
      if (out[d.field] !== undefined && out[d.field] !== null) continue;
      const names = pass === "title" ? [d.title] : d.aliases;
      const idx = keys.findIndex((k, i) => !used.has(i) && k !== "" && names.some((n) => looseKey(n) === k));
      out[d.field] = idx >= 0 ? idx : null;
      if (idx >= 0) used.add(idx);
    }
  }
  return out;
}
