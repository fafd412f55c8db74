/**
 * Section headings (一、总体情况 … 六、其他需要报告的事项) found among paragraphs: by the headings
 * and aliases of SECTIONS, and, for renamed or mistyped headings, by the numeral plus a close
 * enough wording (reported as such).
 */
import type { SectionDef } from "../report";
import { SECTIONS, SECTION_NUMERALS } from "../report";
import { cleanText, coreKey, similarity } from "./labels";
import { SECTION_HEADINGS } from "./vocabulary";

export interface HeadingHit {
  def: SectionDef;
  /** The heading as written. */
  found: string;
  /** Matched by similarity, not by the wording. */
  approx: boolean;
}

const MAX_HEADING = 60;
/** A heading's wording must be at least this close to a known one to count when it differs. */
const APPROX_MIN = 0.6;
const NUMBERED = new RegExp(`^\\s*([${SECTION_NUMERALS.join("")}])\\s*[、.．,，]`);

export function matchHeading(text: string): HeadingHit | null {
  const t = cleanText(text);
  if (!t || t.length > MAX_HEADING) return null;
  // "（一）…" is a sub-heading inside a section, never a section heading.
  if (/^[(（]/.test(t)) return null;
  const m = SECTION_HEADINGS.find(t, "core");
  if (m) return { def: m.target, found: t, approx: false };
  // One stray character before the numeral (a speck read by OCR: "和六、其他需要报告的事项").
  const rest = t.slice(1);
  if (NUMBERED.test(rest)) {
    const r = SECTION_HEADINGS.find(rest, "core");
    if (r) return { def: r.target, found: t, approx: true };
  }
  const n = NUMBERED.exec(t);
  if (!n || /[。；;]/.test(t)) return null;
  const def = SECTIONS.find((s) => s.heading.startsWith(n[1]!));
  if (!def) return null;
  const core = coreKey(t);
  const best = Math.max(...[def.heading, ...def.aliases].map((h) => similarity(core, coreKey(h))));
  return best >= APPROX_MIN ? { def, found: t, approx: true } : null;
}

/**
 * The headings of a document, in order. A table of contents (headings with nothing between them)
 * is skipped: when a section number comes round again and everything so far had no body, the
 * document starts over from there.
 */
export function findHeadings(texts: readonly (string | null)[]): { index: number; hit: HeadingHit }[] {
  let out: { index: number; hit: HeadingHit }[] = [];
  texts.forEach((text, index) => {
    if (text === null) return;
    const hit = matchHeading(text);
    if (!hit) return;
    const last = out[out.length - 1];
    if (!last || hit.def.no > last.hit.def.no) {
      out.push({ index, hit });
      return;
    }
    const bodiless = out.every((h, i) => (out[i + 1]?.index ?? index) - h.index === 1);
    if (bodiless) out = [{ index, hit }];
  });
  return out;
}
