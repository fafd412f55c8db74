/**
 * Which roster unit a report belongs to, by its 机关名称: exact after normalisation (width,
 * punctuation, spaces), then a 简称 that one name ends with ("财政局" in "湖滨区财政局", or the
 * report's "区财政局" for the roster's "三门峡市湖滨区财政局"), then the file name. Two or more
 * candidates are asked about, never guessed.
 */
import { looseKey } from "../../import/labels";

export interface RosterUnit {
  name: string;
  /** Sheet row or CSV line of the roster, for messages. */
  line: number;
}

export type MatchHow = "exact" | "short" | "file";

export type UnitMatch =
  | { kind: "matched"; unit: RosterUnit; how: MatchHow }
  | { kind: "ambiguous"; candidates: RosterUnit[] }
  | { kind: "none" };

/** Organisational suffixes too generic to match on alone ("办公室" would match every 办公室). */
const MIN_SHORT_LENGTH = 3;

export function unitKey(name: string): string {
  // Brackets often hold a second name ("区政务服务中心（区大数据局）"): compare on the first.
  return looseKey(name.replace(/[（(][^）)]*[）)]\s*$/u, ""));
}

export interface RosterIndex {
  units: RosterUnit[];
  match(agency: string | null, fileName: string): UnitMatch;
}

export function indexRoster(units: readonly RosterUnit[]): RosterIndex {
  const keyed = units.map((u) => ({ unit: u, key: unitKey(u.name) })).filter((x) => x.key !== "");
  const exact = new Map<string, RosterUnit[]>();
  for (const x of keyed) exact.set(x.key, [...(exact.get(x.key) ?? []), x.unit]);

  const byName = (key: string): UnitMatch | null => {
    if (key === "") return null;
    const hit = exact.get(key);
    if (hit?.length === 1) return { kind: "matched", unit: hit[0]!, how: "exact" };
    if (hit && hit.length > 1) return { kind: "ambiguous", candidates: hit };
    const short = keyed.filter((x) => Math.min(x.key.length, key.length) >= MIN_SHORT_LENGTH && (key.endsWith(x.key) || x.key.endsWith(key)));
    if (short.length === 1) return { kind: "matched", unit: short[0]!.unit, how: "short" };
    if (short.length > 1) {
      // The longest roster name that the report's name ends with wins only when it is unique.
      const longest = Math.max(...short.map((x) => x.key.length));
      const best = short.filter((x) => x.key.length === longest);
      return best.length === 1 && key.endsWith(best[0]!.key) ? { kind: "matched", unit: best[0]!.unit, how: "short" } : { kind: "ambiguous", candidates: short.map((x) => x.unit) };
    }
    return null;
  };

  return {
    units: [...units],
    match(agency, fileName) {
      const named = agency ? byName(unitKey(agency)) : null;
      if (named) return named;
      // The file name as a last resort ("湖滨区财政局2024年报.pdf"): a roster name it contains.
      const file = looseKey(fileName.replace(/\.[^.]+$/, ""));
      // "湖滨区财政局2024年报.pdf" holds the roster's name; "财政局.docx" is its 简称.
      const inFile = keyed.filter((x) => (x.key.length >= MIN_SHORT_LENGTH && file.includes(x.key)) || (file.length >= MIN_SHORT_LENGTH && x.key.endsWith(file)));
      if (inFile.length === 1) return { kind: "matched", unit: inFile[0]!.unit, how: "file" };
      if (inFile.length > 1) {
        const longest = Math.max(...inFile.map((x) => x.key.length));
        const best = inFile.filter((x) => x.key.length === longest);
        return best.length === 1 ? { kind: "matched", unit: best[0]!.unit, how: "file" } : { kind: "ambiguous", candidates: inFile.map((x) => x.unit) };
      }
      return { kind: "none" };
    },
  };
}

const NAME_HEADERS = ["单位名称", "机关名称", "单位", "部门", "名称", "部门名称", "单位全称", "报送单位"].map(looseKey);

/**
 * The unit names of a roster sheet: the column headed 单位名称 (or a like title) when there is
 * one, otherwise the first column with text; blank rows and 序号-only rows skipped.
 */
export function rosterFromGrid(rows: readonly (readonly unknown[])[]): RosterUnit[] {
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
  let header = -1;
  let col = -1;
  for (let r = 0; r < Math.min(rows.length, 10) && header < 0; r++) {
    const c = (rows[r] ?? []).findIndex((v) => NAME_HEADERS.includes(looseKey(text(v))));
    if (c >= 0) {
      header = r;
      col = c;
    }
  }
  if (col < 0) {
    // No header: the first column holding something other than numbers.
    const width = Math.max(0, ...rows.map((r) => r.length));
    for (let c = 0; c < width && col < 0; c++) if (rows.some((r) => /\p{L}/u.test(text(r[c])))) col = c;
  }
  if (col < 0) return [];
  const out: RosterUnit[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (i <= header) return;
    const name = text(r[col]);
    const key = unitKey(name);
    if (!/\p{L}/u.test(name) || seen.has(key)) return;
    seen.add(key);
    out.push({ name, line: i + 1 });
  });
  return out;
}

/** A roster workbook's units: from the first sheet that lists any (others may hold notes). */
export function rosterFromSheets(sheets: readonly { rows: readonly (readonly unknown[])[] }[]): RosterUnit[] {
  for (const s of sheets) {
    const units = rosterFromGrid(s.rows);
    if (units.length) return units;
  }
  return [];
}
