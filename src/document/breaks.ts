/**
 * Where text in fixed-width places breaks, decided once in the document model so Word and PDF
 * agree: a title breaks between its phrases (agency · year · 政府信息公开工作年度报告 · a bracketed
 * part kept whole), never inside a word ("…政府信 / 息公开…"); a short table header breaks into
 * lines of even length ("商业 / 企业", not "商业企 / 业").
 */
import { CELL_PADDING_MM, SIZE_PT, mmToPt, textWidthMm } from "./layout";

/** Width in ems: CJK and full-width characters are one, ASCII half. */
export function emWidth(s: string): number {
  let em = 0;
  for (const ch of s) em += ch.codePointAt(0)! < 0x2000 ? 0.5 : 1;
  return em;
}

/** Ems of `sizePt` text that fit in `widthPt` (a little slack for rounding in the renderers). */
export function emCapacity(widthPt: number, sizePt: number): number {
  return Math.floor(widthPt / sizePt + 0.05);
}

/** The title's line capacity: 二号 across the portrait text block (20 characters). */
export const TITLE_CAPACITY_EM = emCapacity(mmToPt(textWidthMm("portrait")), SIZE_PT.erhao);

/** Phrase boundaries of a report title (offsets where a line may start). */
function titleBoundaries(title: string): number[] {
  const cuts = new Set<number>();
  const add = (i: number) => i > 0 && i < title.length && cuts.add(i);
  // Before the document kind ("政府信息公开工作年度报告", "政府信息公开年度报告", "…年度报告").
  const kind = /政府信息公开(?:工作)?年度报告|年度报告/.exec(title);
  if (kind) add(kind.index);
  // After the year ("2023年", "2023 年度"), and before it.
  for (const m of title.matchAll(/\s*\d{4}\s*年(?:度)?\s*/g)) {
    add(m.index!);
    add(m.index! + m[0].length);
  }
  // Around a bracketed part, which itself stays whole.
  for (const m of title.matchAll(/[（(][^（）()]*[）)]/g)) {
    add(m.index!);
    add(m.index! + m[0].length);
  }
  // Inside a long agency name: after an administrative level (…省 / …市 / …区 / …局 …).
  const agencyEnd = Math.min(...[...cuts, title.length]);
  for (const m of title.slice(0, agencyEnd).matchAll(/(?:省|自治区|市|州|盟|区|县|旗|镇|乡|街道|人民政府|办公厅|办公室|委员会|局|厅)(?=.)/g)) {
    add(m.index! + m[0].length);
  }
  const bracketed = [...title.matchAll(/[（(][^（）()]*[）)]/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
  return [...cuts].filter((c) => !bracketed.some(([a, b]) => c > a && c < b)).sort((a, b) => a - b);
}

/**
 * Lines of a title: as few as fit `capacity`, broken only at phrase boundaries, the longest line
 * as short as possible (even lines). A phrase longer than a line is cut at the capacity.
 */
export function titleLines(title: string, capacity = TITLE_CAPACITY_EM): string[] {
  const text = title.trim();
  if (emWidth(text) <= capacity) return [text];
  const cuts = [0, ...titleBoundaries(text), text.length];
  // best[i]: the best way to lay out text[cuts[i]..]: [lines, longest line, line starts].
  const best: Array<{ lines: number; longest: number; next: number } | null> = cuts.map(() => null);
  best[cuts.length - 1] = { lines: 0, longest: 0, next: -1 };
  for (let i = cuts.length - 2; i >= 0; i--) {
    for (let j = i + 1; j < cuts.length; j++) {
      const w = emWidth(text.slice(cuts[i], cuts[j]).trim());
      if (w > capacity) break;
      const rest = best[j];
      if (!rest) continue;
      const cand = { lines: rest.lines + 1, longest: Math.max(w, rest.longest), next: j };
      const cur = best[i];
      if (!cur || cand.lines < cur.lines || (cand.lines === cur.lines && cand.longest < cur.longest)) best[i] = cand;
    }
  }
  if (!best[0]) return hardWrap(text, capacity);
  const out: string[] = [];
  for (let i = 0; i !== cuts.length - 1; i = best[i]!.next) out.push(text.slice(cuts[i], cuts[best[i]!.next]).trim());
  return out;
}

/** Cut at the capacity (a phrase longer than a whole line). */
function hardWrap(text: string, capacity: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const ch of text) {
    if (emWidth(line + ch) > capacity) {
      out.push(line);
      line = "";
    }
    line += ch;
  }
  if (line) out.push(line);
  return out.map((l) => l.trim()).filter(Boolean);
}

/** Ems that fit in a table cell `widthMm` wide (inner width, after the cell padding). */
export function cellCapacity(widthMm: number, sizePt: number): number {
  return emCapacity(mmToPt(widthMm - 2 * CELL_PADDING_MM.x), sizePt);
}

/**
 * A short label that does not fit its cell, in lines of even length: "商业企业" in a 3-character
 * cell → ["商业", "企业"]; "社会公益组织" → ["社会公", "益组织"]. Labels that fit, or long
 * sentences (left to the renderer's own wrapping), come back as null.
 */
export function balancedLines(label: string, capacity: number, maxChars = 12): string[] | null {
  const chars = [...label];
  if (capacity < 1 || chars.length > maxChars || emWidth(label) <= capacity || /\s/.test(label)) return null;
  // An enumerator stays whole on its own line: "（三）" / "不予公开", not "（三）不" / "予公开".
  const enumerator = /^(?:[（(][一二三四五六七八九十]{1,2}[）)]|[一二三四五六七八九十]{1,2}、|\d{1,2}[.、．])/.exec(label)?.[0];
  if (enumerator) {
    const rest = balancedLines(label.slice(enumerator.length), capacity, maxChars) ?? [label.slice(enumerator.length)];
    if (emWidth(enumerator) <= capacity && rest.every((l) => emWidth(l) <= capacity)) return [enumerator, ...rest];
    return null;
  }
  const lines = Math.ceil(chars.length / capacity);
  // Lengths differ by at most one, the longer lines first (10 in 4 lines: 3, 3, 2, 2).
  const base = Math.floor(chars.length / lines);
  const longer = chars.length % lines;
  const out: string[] = [];
  for (let i = 0, at = 0; i < lines; i++) {
    const n = base + (i < longer ? 1 : 0);
    out.push(chars.slice(at, at + n).join(""));
    at += n;
  }
  return out;
}
