/**
 * Free text of a section → heading and paragraph blocks. Text is kept exactly as written (only
 * the leading indentation a clerk typed is dropped: the document indents by style). A line that
 * starts like a sub-heading becomes a heading when it is a heading line, or a paragraph whose
 * opening sentence is set as a run-in heading, as official documents do ("（一）主动公开。本年度…").
 */
import type { Block, Run, Source, TextStyle } from "./model";

const LEVEL2 = /^[（(]\s*[一二三四五六七八九十]+\s*[）)]/;
const LEVEL3 = /^(?:\d{1,2}\s*[.．、]|[（(]\s*\d{1,2}\s*[）)])/;
/** Sentence ends that close a run-in heading. */
const SENTENCE_END = /[。；;！!？?]/;
/** A heading line: short and not a sentence with more text after its full stop. */
const MAX_HEADING_CHARS = 40;

/** Split into non-empty lines with their leading indentation (spaces, ideographic spaces, tabs) removed. */
export function lines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((l) => l.replace(/^[\s\u3000\u00a0]+/, "").replace(/[\s\u3000\u00a0]+$/, ""))
    .filter((l) => l !== "");
}

function headingLevel(line: string): 2 | 3 | null {
  if (LEVEL2.test(line)) return 2;
  if (LEVEL3.test(line)) return 3;
  return null;
}

/** Where the run-in heading ends (after its first full stop), or -1 if the line is one sentence. */
function runInEnd(line: string): number {
  const m = SENTENCE_END.exec(line);
  if (!m) return -1;
  const end = m.index + 1;
  return end < line.length ? end : -1;
}

export function textBlocks(text: string, where: string, cells: string[]): Block[] {
  const out: Block[] = [];
  lines(text).forEach((line, i) => {
    const source: Source = { where: `${where} 第 ${i + 1} 段`, cells };
    const level = headingLevel(line);
    if (level === null) {
      out.push({ kind: "paragraph", runs: [{ text: line, style: "body" }], source });
      return;
    }
    const end = runInEnd(line);
    if (end === -1 && line.length <= MAX_HEADING_CHARS) {
      out.push({ kind: "heading", level, text: line, source });
      return;
    }
    if (end !== -1 && end <= MAX_HEADING_CHARS) {
      const style: TextStyle = level === 2 ? "heading2" : "heading3";
      const runs: Run[] = [
        { text: line.slice(0, end), style },
        { text: line.slice(end), style: "body" },
      ];
      out.push({ kind: "paragraph", runs, source });
      return;
    }
    out.push({ kind: "paragraph", runs: [{ text: line, style: "body" }], source });
  });
  return out;
}
