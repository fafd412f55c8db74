/**
 * The labels the importer recognises, derived from the format definition (src/report/format.ts)
 * and nothing else: one index per table and format, plus what tells the two formats apart.
 */
import {
  FORMATS,
  SECTIONS,
  T4_RESULT_LABELS,
  type FormatDef,
  type FormatId,
  type SectionDef,
  type T2Block,
  type T2Row,
  type T3Row,
} from "../report";
import { LabelIndex } from "./labelIndex";
import { looseKey } from "./labels";

export type TableNo = 2 | 3 | 4;

export interface T2Target {
  block: T2Block;
  row: T2Row;
}

export interface Vocabulary {
  format: FormatDef;
  t2Rows: LabelIndex<T2Target>;
  t2Headers: LabelIndex<T2Block>;
  /** "信息内容": the first cell of a block's column header row. */
  t2Content: LabelIndex<true>;
  t2Columns: Map<T2Block, LabelIndex<string>>;
  t3Leaves: LabelIndex<T3Row>;
  /** Labels above or beside the rows (三、本年度办理结果, （三）不予公开, the corner, 申请人情况 …). */
  t3Structural: LabelIndex<true>;
  t3Columns: LabelIndex<string>;
  /**
   * A row label of another format that is a group of rows here (the 2019 single row
   * “（六）其他处理”, three rows R21–R23 in 2021), with the rows it stands for.
   */
  t3Collapsed: LabelIndex<T3Row[]>;
  t4Groups: LabelIndex<number>;
  t4Results: LabelIndex<number>;
  /** Keys of every label of this format, for telling the formats apart. */
  keys: Set<string>;
}

function build(f: FormatDef): Vocabulary {
  const keys = new Set<string>();
  const note = (label: string): string => {
    keys.add(looseKey(label));
    return label;
  };
  const v: Vocabulary = {
    format: f,
    t2Rows: new LabelIndex(),
    t2Headers: new LabelIndex(false),
    t2Content: new LabelIndex(false),
    t2Columns: new Map(),
    t3Leaves: new LabelIndex(),
    t3Structural: new LabelIndex(false),
    t3Columns: new LabelIndex(false),
    t3Collapsed: new LabelIndex(false),
    t4Groups: new LabelIndex(false),
    t4Results: new LabelIndex(false),
    keys,
  };
  for (const block of f.table2.blocks) {
    v.t2Headers.add(note(block.header), block);
    v.t2Content.add(block.contentLabel, true);
    const cols = new LabelIndex<string>();
    for (const c of block.columns) cols.add(note(c.label), c.code);
    v.t2Columns.set(block, cols);
    for (const row of block.rows) v.t2Rows.add(note(row.label), { block, row });
  }
  const t3 = f.table3;
  for (const row of t3.rows) {
    const path = row.path;
    v.t3Leaves.add(note(path[path.length - 1]!), row);
    for (const parent of path.slice(0, -1)) v.t3Structural.add(note(parent), true);
  }
  v.t3Structural.add(t3.corner, true).add(t3.applicantHeader, true);
  for (const c of t3.columns) {
    v.t3Columns.add(c.label, c.code);
    if (c.group) v.t3Structural.add(c.group, true);
  }
  f.table4.groups.forEach((g, gi) => {
    for (const p of g.path) v.t4Groups.add(p, gi);
  });
  T4_RESULT_LABELS.forEach((label, i) => v.t4Results.add(label, i));
  return v;
}

const VOCABULARIES: Record<FormatId, Vocabulary> = { "2021": build(FORMATS["2021"]), "2019": build(FORMATS["2019"]) };

// Rows one format prints as a single row and the other splits (from the format data, spec §4).
for (const here of Object.values(VOCABULARIES)) {
  for (const other of Object.values(FORMATS)) {
    if (other === here.format) continue;
    for (const row of other.table3.rows) {
      const label = row.path[row.path.length - 1]!;
      const children = here.format.table3.rows.filter((r) => r.path.length > row.path.length && r.path[row.path.length - 1] === label);
      if (children.length > 1) here.t3Collapsed.add(label, children);
    }
  }
}

export function vocabulary(format: FormatId): Vocabulary {
  return VOCABULARIES[format];
}

export const FORMAT_IDS = Object.keys(FORMATS) as FormatId[];

/** Label keys that only one format has (2021: 本年制发件数 …; 2019: 本年新制作数量 …). */
export const UNIQUE_KEYS: Record<FormatId, Set<string>> = Object.fromEntries(
  FORMAT_IDS.map((id) => {
    const others = FORMAT_IDS.filter((o) => o !== id).map((o) => VOCABULARIES[o].keys);
    return [id, new Set([...VOCABULARIES[id].keys].filter((k) => !others.some((s) => s.has(k))))];
  }),
) as Record<FormatId, Set<string>>;

/** Per table: every label any format uses in it, for deciding which table a grid is. */
export const TABLE_LABELS: Record<TableNo, LabelIndex<true>> = (() => {
  const out: Record<TableNo, LabelIndex<true>> = { 2: new LabelIndex(false), 3: new LabelIndex(false), 4: new LabelIndex(false) };
  for (const f of Object.values(FORMATS)) {
    for (const b of f.table2.blocks) {
      out[2].add(b.header, true).add(b.contentLabel, true);
      for (const c of b.columns) out[2].add(c.label, true);
      for (const r of b.rows) out[2].add(r.label, true);
    }
    out[3].add(f.table3.corner, true).add(f.table3.applicantHeader, true);
    for (const c of f.table3.columns) out[3].add(c.label, true).add(c.group ?? "", true);
    for (const r of f.table3.rows) for (const p of r.path) out[3].add(p, true);
    for (const g of f.table4.groups) for (const p of g.path) out[4].add(p, true);
    for (const l of T4_RESULT_LABELS) out[4].add(l, true);
  }
  return out;
})();

/** Section headings and their aliases, all from SECTIONS. */
export const SECTION_HEADINGS: LabelIndex<SectionDef> = (() => {
  const idx = new LabelIndex<SectionDef>(false);
  for (const s of SECTIONS) {
    idx.add(s.heading, s);
    for (const a of s.aliases) idx.add(a, s);
  }
  return idx;
})();

/**
 * Labels that open a table (第二十条第（X）项; the 表三 corner and 申请人情况; 行政复议 and 行政诉讼
 * over 表四), for splitting tables that a copy ran together when a heading between them was lost.
 */
export const START_LABELS: LabelIndex<TableNo> = (() => {
  const idx = new LabelIndex<TableNo>(false);
  for (const f of Object.values(FORMATS)) {
    for (const b of f.table2.blocks) idx.add(b.header, 2);
    idx.add(f.table3.corner, 3).add(f.table3.applicantHeader, 3);
    for (const g of f.table4.groups) idx.add(g.path[0]!, 4);
  }
  return idx;
})();
