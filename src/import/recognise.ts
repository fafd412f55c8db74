/**
 * From tables (rows of cell texts) to cells: which table a grid is, which format the report uses
 * (by labels only, never by the year), and the cells each table yields.
 */
import type { Finding, FormatId, RawCell } from "../report";
import { looseKey } from "./labels";
import type { TableOutput } from "./tableOutput";
import { readTable2 } from "./table2";
import { readTable3 } from "./table3";
import { readTable4 } from "./table4";
import { FORMAT_IDS, START_LABELS, TABLE_LABELS, UNIQUE_KEYS, vocabulary, type TableNo } from "./vocabulary";

/** A grid needs this many distinct labels of a table to count as that table. */
const MIN_LABELS = 2;

/** Which report table a grid is (2, 3, 4), or null. */
export function classifyGrid(rows: readonly string[][]): TableNo | null {
  let best: TableNo | null = null;
  let bestScore = 0;
  for (const t of [3, 2, 4] as const) {
    const hits = new Set<string>();
    for (const row of rows) {
      for (const cell of row) {
        if (cell && TABLE_LABELS[t].has(cell, "core")) hits.add(looseKey(cell));
      }
    }
    if (hits.size > bestScore) {
      bestScore = hits.size;
      best = t;
    }
  }
  return bestScore >= MIN_LABELS ? best : null;
}

/** Split a grid where a row opens a different table than the one before it. */
export function splitGrid(rows: readonly string[][]): string[][][] {
  const parts: string[][][] = [];
  let current: TableNo | null = null;
  let part: string[][] = [];
  for (const row of rows) {
    let opens: TableNo | null = null;
    for (const cell of row) {
      const m = cell ? START_LABELS.find(cell, "core") : null;
      if (m) {
        opens = m.target;
        break;
      }
    }
    if (opens !== null && opens !== current) {
      if (part.length) parts.push(part);
      part = [];
      current = opens;
    }
    part.push(row);
  }
  if (part.length) parts.push(part);
  return parts;
}

export type ReportTables = Partial<Record<TableNo, string[][]>>;

export interface Recognised {
  format: FormatId;
  cells: Record<string, RawCell>;
  findings: Finding[];
  /** Keys of cells not read with confidence. */
  unread: string[];
}

const READERS: Record<TableNo, typeof readTable3> = { 2: readTable2, 3: readTable3, 4: readTable4 };

function readAll(tables: ReportTables, format: FormatId): { outputs: TableOutput[]; placed: number; unplaced: number } {
  const v = vocabulary(format);
  const outputs: TableOutput[] = [];
  for (const t of [2, 3, 4] as const) {
    const rows = tables[t];
    if (rows) outputs.push(READERS[t](rows, v));
  }
  return {
    outputs,
    placed: outputs.reduce((s, o) => s + o.placed, 0),
    unplaced: outputs.reduce((s, o) => s + o.unplaced, 0),
  };
}

/**
 * Choose the format: labels only one format has decide; if they do not (no 表二, say), the format
 * under which more rows find their place wins; a tie keeps the current (2021) format.
 */
export function recogniseTables(tables: ReportTables): Recognised {
  const hits = new Map<FormatId, number>(FORMAT_IDS.map((id) => [id, 0]));
  const seen = new Set<string>();
  for (const rows of Object.values(tables)) {
    for (const row of rows ?? []) {
      for (const cell of row) {
        const k = looseKey(cell);
        if (!k || seen.has(k)) continue;
        seen.add(k);
        for (const id of FORMAT_IDS) if (UNIQUE_KEYS[id].has(k)) hits.set(id, hits.get(id)! + 1);
      }
    }
  }
  const top = Math.max(...hits.values());
  // Only formats with the most distinctive labels are read; usually that is one.
  const runs = FORMAT_IDS.filter((id) => hits.get(id) === top).map((id) => ({ id, ...readAll(tables, id) }));
  runs.sort((a, b) => b.placed - b.unplaced - (a.placed - a.unplaced) || (a.id === "2021" ? -1 : 1));
  const best = runs[0]!;
  const cells: Record<string, RawCell> = {};
  const findings: Finding[] = [];
  const unread: string[] = [];
  for (const o of best.outputs) {
    Object.assign(cells, o.cells);
    unread.push(...o.unread);
    for (const f of o.findings) findings.push(f); // no spread: a hostile page can hold 10⁵ findings
  }
  return { format: best.id, cells, findings, unread };
}
