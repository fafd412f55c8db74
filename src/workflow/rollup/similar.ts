/**
 * 内容雷同 between units, as evaluators mean it: how much of one unit's section 一, 五 or 六 stands
 * word for word in another's. Texts are compared on 8-character shingles (digits and years
 * neutralised, spaces and punctuation dropped), as the share of the shorter text found in the
 * other: two units that write about the same things in their own words share few 8-character
 * runs; a copied paragraph shares all of them.
 *
 * Scale: candidate pairs come from an index of shingles; a shingle used by more than COMMON_UNITS
 * units is common wording (the 条例's title, the format's phrases) and proposes no pair. Each
 * unit keeps only its sorted shingle hashes, never its report.
 */
import { DEFAULT_SIMILAR_THRESHOLD } from "./shown";
import { FORMATS, type Report, type SectionKey } from "../../report";

export const COMPARED_SECTIONS: readonly SectionKey[] = ["S1", "S5", "S6"];
const SHINGLE = 8;
/** Shorter than this (after normalising) a section says too little to be called a copy ("无。"). */
export const MIN_COMPARED_CHARS = 60;
/** A shingle in more units than this is common wording, not a copy between two of them. */
export const COMMON_UNITS = 64;
export { DEFAULT_SIMILAR_THRESHOLD };

export interface SectionShingles {
  section: SectionKey;
  hashes: Uint32Array;
}

export interface SimilarSection {
  section: SectionKey;
  heading: string;
  /** Share of the shorter text found in the other (0 … 1, two decimals). */
  ratio: number;
}

export interface SimilarPair {
  a: string;
  b: string;
  /** "units": two units of this year; "prior": a unit and its own report of last year. */
  kind: "units" | "prior";
  ratio: number;
  sections: SimilarSection[];
}

function normalise(text: string): string {
  return text.normalize("NFKC").replace(/\d+/g, "#").replace(/[^\p{L}#]+/gu, "");
}

/** FNV-1a over the shingle's UTF-16 units. */
function hash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function shinglesOf(report: Report): SectionShingles[] {
  const out: SectionShingles[] = [];
  for (const section of COMPARED_SECTIONS) {
    const t = normalise(report.sections[section]?.text ?? "");
    if (t.length < MIN_COMPARED_CHARS) continue;
    const set = new Set<number>();
    for (let i = 0; i + SHINGLE <= t.length; i++) set.add(hash(t, i, i + SHINGLE));
    out.push({ section, hashes: Uint32Array.from(set).sort() });
  }
  return out;
}

function shared(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}

const heading = (s: SectionKey) => FORMATS["2021"].sections.find((d) => d.key === s)!.heading;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Section by section, the share of the shorter text found in the other; sections over the threshold. */
export function compareUnits(a: readonly SectionShingles[], b: readonly SectionShingles[], threshold: number): SimilarSection[] {
  const out: SimilarSection[] = [];
  for (const x of a) {
    const y = b.find((s) => s.section === x.section);
    if (!y) continue;
    const ratio = shared(x.hashes, y.hashes) / Math.min(x.hashes.length, y.hashes.length);
    if (ratio >= threshold) out.push({ section: x.section, heading: heading(x.section), ratio: round2(ratio) });
  }
  return out;
}

export interface UnitText {
  name: string;
  shingles: SectionShingles[];
}

/** Pairs of units whose sections overlap at or above the threshold, most similar first. */
export function similarUnits(units: readonly UnitText[], threshold = DEFAULT_SIMILAR_THRESHOLD): SimilarPair[] {
  const pairs: SimilarPair[] = [];
  for (const section of COMPARED_SECTIONS) {
    const index = new Map<number, number[]>();
    units.forEach((u, i) => {
      const s = u.shingles.find((x) => x.section === section);
      if (s) for (const h of s.hashes) {
        const list = index.get(h);
        if (!list) index.set(h, [i]);
        else if (list.length <= COMMON_UNITS) list.push(i);
      }
    });
    const candidates = new Set<number>();
    for (const list of index.values()) {
      if (list.length < 2 || list.length > COMMON_UNITS) continue;
      for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) candidates.add(list[x]! * units.length + list[y]!);
    }
    for (const c of candidates) {
      const i = Math.floor(c / units.length);
      const j = c % units.length;
      const a = units[i]!.shingles.filter((s) => s.section === section);
      const found = compareUnits(a, units[j]!.shingles, threshold);
      if (found.length === 0) continue;
      const existing = pairs.find((p) => p.a === units[i]!.name && p.b === units[j]!.name);
      if (existing) existing.sections.push(...found);
      else pairs.push({ a: units[i]!.name, b: units[j]!.name, kind: "units", ratio: 0, sections: found });
    }
  }
  for (const p of pairs) {
    p.sections.sort((x, y) => COMPARED_SECTIONS.indexOf(x.section) - COMPARED_SECTIONS.indexOf(y.section));
    p.ratio = Math.max(...p.sections.map((s) => s.ratio));
  }
  return pairs.sort((x, y) => y.ratio - x.ratio || x.a.localeCompare(y.a, "zh") || x.b.localeCompare(y.b, "zh"));
}
