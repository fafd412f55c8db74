/**
 * Finding a label among known ones: by its key, then without its enumerator, then (last resort,
 * reported as such) by similarity. Every label in an index comes from src/report/format.ts.
 */
import { coreKey, looseKey, MAX_LABEL_LENGTH, similarity } from "./labels";

export type MatchHow = "exact" | "core" | "fuzzy";

export interface LabelMatch<T> {
  target: T;
  how: MatchHow;
  /** The standard label the text was matched to. */
  label: string;
}

interface Entry<T> {
  target: T;
  label: string;
  key: string;
  core: string;
}

/** Below this similarity two labels are different labels. */
const FUZZY_MIN = 0.8;
/** The best fuzzy candidate must beat the runner-up by this much, or it is not a match. */
const FUZZY_MARGIN = 0.08;

export class LabelIndex<T> {
  private readonly exact = new Map<string, Entry<T>>();
  private readonly core = new Map<string, Entry<T> | null>();
  private readonly entries: Entry<T>[] = [];

  /** @param allowFuzzy whether `find` may fall back to similarity by default */
  constructor(private readonly allowFuzzy = true) {}

  add(label: string, target: T): this {
    const entry = { target, label, key: looseKey(label), core: coreKey(label) };
    if (!entry.key) return this;
    if (!this.exact.has(entry.key)) this.exact.set(entry.key, entry);
    this.entries.push(entry);
    const ck = entry.core;
    // A core shared by two labels is ambiguous and cannot identify either.
    if (ck) this.core.set(ck, this.core.has(ck) && this.core.get(ck)?.key !== entry.key ? null : entry);
    return this;
  }

  /** Match a text, trying at most up to `level` (exact key → without enumerator → similarity). */
  find(text: string, level: MatchHow = this.allowFuzzy ? "fuzzy" : "core"): LabelMatch<T> | null {
    if (!text || text.length > MAX_LABEL_LENGTH) return null;
    const key = looseKey(text);
    if (!key) return null;
    const e = this.exact.get(key);
    if (e) return { target: e.target, how: "exact", label: e.label };
    if (level === "exact") return null;
    const core = coreKey(text);
    const c = this.core.get(core);
    if (c) return { target: c.target, how: "core", label: c.label };
    if (level !== "fuzzy" || key.length < 4) return null;
    let best: Entry<T> | null = null;
    let bestScore = 0;
    let second = 0;
    for (const entry of this.entries) {
      const s = Math.max(similarity(key, entry.key), similarity(core, entry.core));
      if (s > bestScore) {
        if (!best || best.key !== entry.key) second = bestScore;
        bestScore = s;
        best = entry;
      } else if (s > second && best && entry.key !== best.key) {
        second = s;
      }
    }
    if (best && bestScore >= FUZZY_MIN && bestScore - second >= FUZZY_MARGIN) {
      return { target: best.target, how: "fuzzy", label: best.label };
    }
    return null;
  }

  has(text: string, level?: MatchHow): boolean {
    return this.find(text, level) !== null;
  }

  /** Whether the text is the start, and only the start, of a known label ("（三）不" of “（三）不予公开”). */
  beginsOne(text: string): boolean {
    const key = looseKey(text);
    return key !== "" && this.entries.some((e) => e.key.length > key.length && e.key.startsWith(key));
  }
}
