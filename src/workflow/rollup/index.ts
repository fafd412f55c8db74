/**
 * 政务公开办's January as one use case: every unit's report read and checked, matched to the
 * roster, the units to chase named, the tables summed, copied text found. Host-free: the CLI feeds
 * it files it has read (and the pane could feed it files a clerk picked); it keeps per unit only
 * the verdict, the key numbers and the text's shingles, so memory stays flat in the reports' size.
 */
import { cellInfo, countBySeverity, interpret, type CellKey, type Finding, type Report } from "../../report";
import { ROLLUP_TEXT as T } from "./messages";
import { indexRoster, type MatchHow, type RosterIndex, type RosterUnit } from "./names";
import { compareUnits, DEFAULT_SIMILAR_THRESHOLD, shinglesOf, similarUnits, type SectionShingles, type SimilarPair } from "./similar";
import { createTotals, type RollupTotals } from "./totals";

export { rosterFromGrid, rosterFromSheets, type RosterUnit } from "./names";
export { parentDifferences, totalsReport, type ParentDifference, type RollupTotals } from "./totals";
export { DEFAULT_SIMILAR_THRESHOLD, type SimilarPair } from "./similar";
export { ROLLUP_TEXT } from "./messages";

export type Verdict = "通过" | "有错误" | "无法读取";

/** The numbers a 政务公开办 looks at first, by the cells they come from. */
export const KEY_NUMBERS: Readonly<Record<string, readonly CellKey[]>> = {
  本年新收申请: ["T3.R01.C7"],
  办理结果总计: ["T3.R24.C7"],
  结转下年度: ["T3.R25.C7"],
  行政复议: ["T4.C05"],
  行政诉讼: ["T4.C10", "T4.C15"],
};

export interface RollupUnit {
  /** The roster's name (or the report's 机关名称 without a roster). */
  name: string;
  file: string | null;
  agency: string | null;
  year: number | null;
  verdict: Verdict;
  errors: number;
  warnings: number;
  key: Record<string, number | null>;
  /** Whether its tables are in the totals; when not, why (Chinese). */
  inTotals: boolean;
  note: string | null;
  match: MatchHow | "report" | null;
}

export interface RollupResult {
  year: number;
  units: RollupUnit[];
  /** Roster units no report was found for. */
  missing: { name: string; line: number }[];
  /** Files that could not be read, or could not be given to one unit (the reason says which). */
  unreadable: { file: string; reason: string }[];
  totals: RollupTotals;
  similar: SimilarPair[];
}

export interface ReadUnit {
  file: string;
  report: Report;
  /** The importer's and the rules' findings (the CLI's `check` list). */
  findings: Finding[];
}

export interface RollupOptions {
  year: number;
  roster?: readonly RosterUnit[] | null;
  threshold?: number;
}

interface Held {
  unit: RollupUnit;
  shingles: SectionShingles[];
  /** Only the cells of a unit that goes into the totals (not its text: memory stays small). */
  cells: Report["cells"] | null;
  unread: readonly CellKey[];
}

function keyNumbers(report: Report): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [label, keys] of Object.entries(KEY_NUMBERS)) {
    let sum: number | null = 0;
    for (const k of keys) {
      const i = interpret(report.cells[k], cellInfo(k)?.type ?? "count");
      sum = i.kind === "number" && sum !== null ? sum + i.value : i.kind === "blank" ? sum : null;
    }
    out[label] = sum;
  }
  return out;
}

export interface Rollup {
  /** A report read from a file. */
  add(read: ReadUnit): void;
  /** A file that could not be read at all (its reason as the reader said it). */
  addUnreadable(file: string, reason: string): void;
  /** Last year's report of a unit, for 内容雷同 with its own last year (`--prior`). */
  addPrior(read: ReadUnit): void;
  finish(): RollupResult;
}

export function createRollup(opts: RollupOptions): Rollup {
  const roster: RosterIndex | null = opts.roster?.length ? indexRoster(opts.roster) : null;
  const threshold = opts.threshold ?? DEFAULT_SIMILAR_THRESHOLD;
  const held = new Map<string, Held[]>();
  const unreadable: RollupResult["unreadable"] = [];
  const prior = new Map<string, SectionShingles[]>();

  const place = (agency: string | null, file: string): { name: string; how: MatchHow | "report" } | { reason: string } => {
    if (!roster) return agency ? { name: agency, how: "report" } : { reason: T.noAgency };
    const m = roster.match(agency, baseName(file));
    if (m.kind === "matched") return { name: m.unit.name, how: m.how };
    if (m.kind === "ambiguous") return { reason: T.ambiguous(m.candidates.map((c) => c.name)) };
    return { reason: T.notInRoster(agency) };
  };

  return {
    add({ file, report, findings }) {
      const where = place(report.meta.agency, file);
      if ("reason" in where) {
        unreadable.push({ file, reason: where.reason });
        return;
      }
      const c = countBySeverity(findings);
      const year = report.meta.year;
      const note = year === null ? T.noYear : year !== opts.year ? T.wrongYear(year, opts.year) : report.format !== "2021" ? T.oldFormat : null;
      const unit: RollupUnit = {
        name: where.name,
        file,
        agency: report.meta.agency,
        year,
        verdict: c.error > 0 ? "有错误" : "通过",
        errors: c.error,
        warnings: c.warning,
        key: keyNumbers(report),
        inTotals: note === null,
        note,
        match: where.how,
      };
      const list = held.get(where.name) ?? [];
      list.push({ unit, shingles: shinglesOf(report), cells: note === null ? report.cells : null, unread: report.unread ?? [] });
      held.set(where.name, list);
    },
    addUnreadable(file, reason) {
      // A file named after a roster unit that cannot be read: the unit is not missing, its file is bad.
      const m = roster?.match(null, baseName(file));
      if (m?.kind === "matched" && !held.has(m.unit.name)) {
        held.set(m.unit.name, [
          {
            unit: { name: m.unit.name, file, agency: null, year: null, verdict: "无法读取", errors: 0, warnings: 0, key: {}, inTotals: false, note: reason, match: "file" },
            shingles: [],
            cells: null,
            unread: [],
          },
        ]);
      }
      unreadable.push({ file, reason });
    },
    addPrior({ file, report }) {
      const where = place(report.meta.agency, file);
      if (!("reason" in where)) prior.set(where.name, shinglesOf(report));
    },
    finish() {
      const totals = createTotals();
      const units: RollupUnit[] = [];
      const texts: { name: string; shingles: SectionShingles[] }[] = [];
      for (const [name, list] of held) {
        if (list.length > 1) {
          // Two files for one unit: neither is summed until the clerk says which is the report.
          for (const h of list) units.push({ ...h.unit, inTotals: false, note: T.twoFiles(list.map((x) => x.unit.file ?? "").filter((f) => f !== h.unit.file)) });
          continue;
        }
        const h = list[0]!;
        units.push(h.unit);
        if (h.unit.inTotals && h.cells) totals.add(name, h.cells, h.unread);
        if (h.shingles.length) texts.push({ name, shingles: h.shingles });
      }
      const similar = similarUnits(texts, threshold);
      for (const t of texts) {
        const last = prior.get(t.name);
        if (!last) continue;
        const sections = compareUnits(t.shingles, last, threshold);
        if (sections.length) similar.push({ a: t.name, b: T.lastYear, kind: "prior", ratio: Math.max(...sections.map((s) => s.ratio)), sections });
      }
      const missing = roster ? roster.units.filter((u) => !held.has(u.name)).map((u) => ({ name: u.name, line: u.line })) : [];
      return { year: opts.year, units: units.sort(chaseFirst), missing, unreadable, totals: totals.result(), similar };
    },
  };
}

const RANK: Record<Verdict, number> = { 无法读取: 0, 有错误: 1, 通过: 2 };

/** The units to chase first: unreadable, with errors, not in the totals; then by name. */
function chaseFirst(a: RollupUnit, b: RollupUnit): number {
  return RANK[a.verdict] - RANK[b.verdict] || Number(a.inTotals) - Number(b.inTotals) || a.name.localeCompare(b.name, "zh");
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
