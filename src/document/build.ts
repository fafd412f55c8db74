/**
 * Report → document model, built once and shared by the Word, PDF and HTML renderers.
 * Nothing is invented or normalised: values and text appear as written; a missing section still
 * gets its heading (the check lists it as DOC.SECTIONS) so the document keeps the national shape.
 */
import { FORMATS, type Report, type SectionDef } from "../report";
import type { Block, Doc, DocSection } from "./model";
import { tableFor } from "./tables";
import { textBlocks } from "./text";
import { documentTitle, safeFileBaseName } from "./fileName";

function sectionBlocks(report: Report, def: SectionDef): Block[] {
  const sec = report.sections[def.key];
  const heading = sec?.heading.trim() || def.heading;
  const blocks: Block[] = [{ kind: "heading", level: 1, text: heading, source: { where: heading, cells: [def.key] } }];
  // Loops, not push(...spread): a pasted section can hold more paragraphs than a call takes arguments.
  if (sec) for (const b of textBlocks(sec.text, def.heading, [def.key])) blocks.push(b);
  if (def.table) blocks.push(tableFor(def.table, report, FORMATS[report.format]));
  return blocks;
}

export function buildDocument(report: Report): Doc {
  const title = documentTitle(report);
  const f = FORMATS[report.format];
  const sections: DocSection[] = [];
  let current: DocSection = {
    orientation: "portrait",
    blocks: [{ kind: "title", text: title, source: { where: "标题", cells: ["META.TITLE"] } }],
  };
  if (report.opening) for (const b of textBlocks(report.opening, "开头段落", ["META.OPENING"])) current.blocks.push(b);
  for (const def of f.sections) {
    const blocks = sectionBlocks(report, def);
    // Table 4 has 15 columns: its section gets a landscape page (spec §6 allows it), then back.
    if (def.table === 4) {
      sections.push(current, { orientation: "landscape", blocks });
      current = { orientation: "portrait", blocks: [] };
    } else {
      for (const b of blocks) current.blocks.push(b);
    }
  }
  if (current.blocks.length) sections.push(current);
  return { title, fileBaseName: safeFileBaseName(title), sections };
}
