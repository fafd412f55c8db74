/**
 * An empty report. Kept apart from the zod schemas so code that only builds reports (the task pane)
 * does not pull zod into its bundle.
 */
import type { FormatId, SectionKey } from "./format";
import { cellsOf, type CellKey } from "./keys";
import type { Report, Section } from "./schema";
import type { RawCell } from "./values";

/** An empty report of a format: every cell present and blank, every section empty. */
export function emptyReport(format: FormatId = "2021", meta: Partial<Report["meta"]> = {}): Report {
  const cells: Record<CellKey, RawCell> = {};
  for (const c of cellsOf(format)) cells[c.key] = null;
  const sections = { S1: null, S2: null, S3: null, S4: null, S5: null, S6: null } as Record<SectionKey, Section | null>;
  return {
    format,
    meta: { agency: null, year: null, contact: null, title: null, ...meta },
    opening: null,
    sections,
    cells,
  };
}
