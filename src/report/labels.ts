/** Every label the format prints, for tests that look for them in what we render. */
import { FORMATS, type FormatId } from "./format";

/** Every label the national format prints (headings and table labels), from src/report/format.ts. */
export function formatLabels(format: FormatId = "2021"): string[] {
  const f = FORMATS[format];
  const out = new Set<string>();
  for (const s of f.sections) out.add(s.heading);
  for (const b of f.table2.blocks) {
    out.add(b.header).add(b.contentLabel);
    for (const c of b.columns) out.add(c.label);
    for (const r of b.rows) out.add(r.label);
  }
  out.add(f.table3.corner).add(f.table3.applicantHeader);
  for (const c of f.table3.columns) {
    out.add(c.label);
    if (c.group) out.add(c.group);
  }
  for (const r of f.table3.rows) for (const p of r.path) out.add(p);
  for (const g of f.table4.groups) {
    for (const p of g.path) out.add(p);
    for (const c of g.columns) out.add(c.label);
  }
  return [...out];
}
