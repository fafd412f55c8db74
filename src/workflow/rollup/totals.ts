/**
 * The district's tables as the sums of its units', cell by cell (表二, 表三, 表四 of the 2021
 * format): a blank cell counts as 0 and is counted as such; a cell that holds something other
 * than a number (text, a negative count…) makes that total unknown, never a guess, and names the
 * units. The sums are then checked by the report's own arithmetic rules, over known totals only.
 */
import { cellsOf, checkReport, emptyReport, interpret, type CellKey, type Finding, type Report } from "../../report";

const FORMAT = "2021";
/** 收费金额 is in 万元 with up to 6 decimals: summed in millionths so 0.1 + 0.2 stays 0.3. */
const SCALE = 1_000_000;

export interface TotalsAccumulator {
  add(unit: string, cells: Report["cells"]): void;
  result(): RollupTotals;
}

export interface RollupTotals {
  /** How many units' tables were summed. */
  units: number;
  /** Every cell of 表二/表三/表四: the sum, or null when some unit's cell could not be counted. */
  cells: Record<CellKey, number | null>;
  /** Cells blank in some units (counted as 0): how many units left each blank. */
  blanks: Record<CellKey, number>;
  /** Cells whose total is unknown, with the units whose value is not a number. */
  incomplete: Record<CellKey, string[]>;
  /** The report rules (T3.*, T4.*) on the sums; silent about sums that are unknown. */
  findings: Finding[];
}

const CELLS = cellsOf(FORMAT);

export function createTotals(): TotalsAccumulator {
  const sums = new Map<CellKey, number>(CELLS.map((c) => [c.key, 0]));
  const blanks = new Map<CellKey, number>();
  const incomplete = new Map<CellKey, string[]>();
  let units = 0;
  return {
    add(unit, cells) {
      units++;
      for (const c of CELLS) {
        const i = interpret(cells[c.key], c.type);
        if (i.kind === "number") sums.set(c.key, sums.get(c.key)! + Math.round(i.value * SCALE));
        else if (i.kind === "blank") blanks.set(c.key, (blanks.get(c.key) ?? 0) + 1);
        else incomplete.set(c.key, [...(incomplete.get(c.key) ?? []), unit]);
      }
    },
    result() {
      const cells: Record<CellKey, number | null> = {};
      for (const c of CELLS) cells[c.key] = incomplete.has(c.key) ? null : sums.get(c.key)! / SCALE;
      return {
        units,
        cells,
        blanks: Object.fromEntries(blanks),
        incomplete: Object.fromEntries(incomplete),
        findings: checkSums(cells),
      };
    },
  };
}

/** The summed tables as a report (for the rules, the 汇总 workbook and the export). */
export function totalsReport(cells: Record<CellKey, number | null>, meta: Partial<Report["meta"]> = {}): Report {
  const r = emptyReport(FORMAT, meta);
  for (const [k, v] of Object.entries(cells)) r.cells[k] = v;
  return r;
}

const ARITHMETIC = /^(T3|T4)\./;

function checkSums(cells: Record<CellKey, number | null>): Finding[] {
  const unknown = new Set(Object.entries(cells).filter(([, v]) => v === null).map(([k]) => k));
  return checkReport(totalsReport(cells)).filter((f) => ARITHMETIC.test(f.rule) && !f.cells.some((k) => unknown.has(k)));
}

export interface ParentDifference {
  key: CellKey;
  label: string;
  parent: number;
  sum: number;
}

/**
 * The district's own report beside the sum of its units: cells where both are numbers and differ.
 * Nothing guarantees they agree (a report may cover 本级 only), so this is for explaining, not an error.
 */
export function parentDifferences(parent: Report, cells: Record<CellKey, number | null>): ParentDifference[] {
  const out: ParentDifference[] = [];
  for (const c of CELLS) {
    const sum = cells[c.key];
    const i = interpret(parent.cells[c.key], c.type);
    if (sum === null || sum === undefined || i.kind !== "number") continue;
    if (Math.abs(i.value - sum) > 1e-9) out.push({ key: c.key, label: c.label, parent: i.value, sum });
  }
  return out;
}
