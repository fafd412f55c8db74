/**
 * Plain text as copied from a web page or Word: one paragraph per line, table rows as
 * tab-separated cells (or markdown pipe rows). Blank lines inside a table do not end it; any
 * other line does.
 */
import type { Block } from "./blocks";
import { cellKind } from "./cells";
import { readDocument, refused, type DocumentResult } from "./document";
import { cleanText } from "./labels";
import { layoutKind, linesToBlocks, textLine } from "./layout";
import { MAX_LAYOUT_LINES } from "./limits";
import { importText } from "./messages";
import { TABLE_LABELS } from "./vocabulary";

type Line = { kind: "blank" } | { kind: "row"; cells: string[] } | { kind: "para"; text: string };

/** Markdown decoration around a line: "## 一、总体情况", "**一、总体情况**", "> 引文". */
function stripMarkdown(line: string): string {
  return line
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?)/, "")
    .replace(/^\*\*(.*)\*\*$/, "$1")
    .replace(/^__(.*)__$/, "$1");
}

function isTableLabel(text: string): boolean {
  return TABLE_LABELS[2].has(text, "core") || TABLE_LABELS[3].has(text, "core") || TABLE_LABELS[4].has(text, "core");
}

/** "规章 0 0 0" or "0 0 0 0 0 …" (a copy that lost its tabs): label, then numbers. */
function spacedRow(line: string): string[] | null {
  const tokens = line.trim().split(/[ \u00a0\u3000]+/);
  let n = tokens.length;
  while (n > 0 && cellKind(tokens[n - 1]!) !== "text") n--;
  const values = tokens.slice(n);
  if (values.length === 0 || values.some((t) => cellKind(t) === "empty")) return null;
  const label = tokens.slice(0, n).join(" ");
  if (label === "") return values.length >= 3 ? values : null;
  return isTableLabel(label) ? [label, ...values] : null;
}

function classifyLine(raw: string): Line {
  if (raw.trim() === "") return { kind: "blank" };
  if (/^\s*\|.*\|\s*$/.test(raw)) {
    if (/^\s*\|?[\s:|-]+\|?\s*$/.test(raw) && raw.includes("-")) return { kind: "blank" };
    return { kind: "row", cells: raw.trim().slice(1, -1).split("|").map(cleanText) };
  }
  const line = stripMarkdown(raw);
  if (line.includes("\t")) {
    const cells = line.split("\t").map(cleanText);
    const filled = cells.filter((c) => c !== "");
    if (filled.length >= 2 || (filled.length === 1 && isTableLabel(filled[0]!))) return { kind: "row", cells };
    return { kind: "para", text: cleanText(line.replace(/\t/g, " ")) };
  }
  const text = cleanText(line);
  if (text.length <= 60 && isTableLabel(text)) return { kind: "row", cells: [text] };
  const spaced = text.length <= 400 ? spacedRow(text) : null;
  return spaced ? { kind: "row", cells: spaced } : { kind: "para", text };
}

export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let rows: string[][] | null = null;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = classifyLine(raw);
    if (line.kind === "blank") continue;
    if (line.kind === "row") {
      if (!rows) {
        rows = [];
        blocks.push({ kind: "table", rows });
      }
      rows.push(line.cells);
    } else {
      rows = null;
      blocks.push({ kind: "para", text: line.text });
    }
  }
  return blocks;
}

/** Read a report from plain text: text taken out of a PDF (pdftotext -layout or -raw, a viewer's copy) or a web/Word copy. */
export function readText(text: string): DocumentResult {
  const kind = layoutKind(text);
  if (kind) {
    const lines = text.split(/\r\n|\r|\n/);
    if (lines.length > MAX_LAYOUT_LINES) return refused(importText.tooManyLines(lines.length, MAX_LAYOUT_LINES));
    return readDocument(linesToBlocks(lines.map((l) => textLine(stripMarkdown(l))), { positional: kind === "columns" }));
  }
  return readDocument(textToBlocks(text));
}
