/**
 * The glyph check: before a PDF is made, every character must be drawable by an embedded font.
 * Each run is split into segments by the first font of its role's fallback chain that has the
 * character (fonts.ts FALLBACK); the PDF renderer draws exactly these segments, so the check and
 * the rendering cannot disagree. A character no font has is an EXPORT.GLYPH error and the PDF is
 * refused; one drawn by a fallback font is an EXPORT.GLYPH warning.
 */
import type { Finding } from "../report";
import type { Doc, Source, TextStyle } from "./model";
import { FALLBACK, noChars, type FontRole, type UsedChars } from "./fonts";
import type { FontFacts } from "./cmap";
import { PAGE_NUMBER, STYLES, pageNumberText } from "./layout";
import { text as msg } from "./messages";

export type Coverage = Record<FontRole, FontFacts>;

export interface Segment {
  text: string;
  /** null: no embedded font has these characters. */
  font: FontRole | null;
}

/** Characters that draw nothing: controls, zero-width marks, variation selectors. */
export function invisible(cp: number): boolean {
  return cp < 0x20 || cp === 0x7f || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

function fontFor(cp: number, role: FontRole, cov: Coverage): FontRole | null {
  for (const f of FALLBACK[role]) if (cov[f].has(cp)) return f;
  return null;
}

/** Split a text into runs of one font each; invisible characters are dropped. */
export function segments(text: string, role: FontRole, cov: Coverage): Segment[] {
  const out: Segment[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (invisible(cp)) continue;
    // A space is drawn by whichever font surrounds it, so it never splits a run.
    const font = cp === 0x20 && out.length ? out[out.length - 1]!.font : fontFor(cp, role, cov);
    const last = out[out.length - 1];
    if (last && last.font === font) last.text += ch;
    else out.push({ text: ch, font });
  }
  return out;
}

export interface TextPiece {
  text: string;
  style: TextStyle;
  source: Source;
}

const HEADING_STYLE = { 1: "heading1", 2: "heading2", 3: "heading3" } as const;

/** Every piece of text the document draws, with its style and where it comes from. */
export function* textPieces(doc: Doc): Generator<TextPiece> {
  for (const section of doc.sections) {
    for (const b of section.blocks) {
      if (b.kind === "title") yield { text: b.text, style: "title", source: b.source };
      else if (b.kind === "heading") yield { text: b.text, style: HEADING_STYLE[b.level], source: b.source };
      else if (b.kind === "paragraph") for (const r of b.runs) yield { text: r.text, style: r.style, source: b.source };
      else for (const row of b.rows) for (const c of row.cells) yield { text: c.text, style: b.style, source: c.source };
    }
  }
}

/** Text a document draws, by the font role its style asks for; the page numbers' digits included. */
export function drawnText(doc: Doc): Array<[FontRole, string]> {
  const out: Array<[FontRole, string]> = [];
  for (const piece of textPieces(doc)) out.push([STYLES[piece.style].font, piece.text]);
  out.push([PAGE_NUMBER.font, pageNumberText("1234567890")]);
  return out;
}

/** The characters each font draws of `text`, as segments() assigns them (usedChars of the PDF, before it is laid out). */
export function charsByFont(text: Array<[FontRole, string]>, cov: Coverage): UsedChars {
  const used = noChars();
  for (const [role, t] of text) {
    for (const seg of segments(t, role, cov)) if (seg.font) for (const ch of seg.text) used[seg.font].add(ch.codePointAt(0)!);
  }
  return used;
}

/** EXPORT.GLYPH findings for a document and a set of fonts (one per character and place). */
export function checkGlyphs(doc: Doc, cov: Coverage): Finding[] {
  const seen = new Map<string, { finding: Omit<Finding, "message">; ch: string; where: string; role: FontRole; count: number }>();
  for (const piece of textPieces(doc)) {
    const role = STYLES[piece.style].font;
    for (const seg of segments(piece.text, role, cov)) {
      if (seg.font === role) continue;
      for (const ch of seg.text) {
        if (ch === " ") continue;
        const id = `${seg.font === null}|${ch}|${piece.source.where}`;
        const prev = seen.get(id);
        if (prev) {
          prev.count++;
          continue;
        }
        seen.set(id, {
          finding: { rule: "EXPORT.GLYPH", severity: seg.font === null ? "error" : "warning", cells: [...piece.source.cells] },
          ch,
          where: piece.source.where,
          role,
          count: 1,
        });
      }
    }
  }
  const out: Finding[] = [];
  for (const s of seen.values()) {
    const message =
      s.finding.severity === "error" ? msg.glyphMissing(s.ch, s.where, s.count) : msg.glyphFallback(s.ch, s.where, s.role, s.count);
    out.push({ ...s.finding, message });
  }
  // Errors first: they stop the export.
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}
