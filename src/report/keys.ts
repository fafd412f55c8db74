/**
 * Cell keys (T2.R1.C1, T3.R01.C1, T4.C01) derived from the format definition, with
 * human-readable labels for messages. Nothing here is typed out per cell.
 */
import { FORMATS, TABLE_NAMES, type FormatDef, type FormatId, type ValueType } from "./format";

export type CellKey = string;

export interface CellInfo {
  key: CellKey;
  table: 2 | 3 | 4;
  type: ValueType;
  /** Whether rules check this cell (false for the 2019 table 2). */
  checked: boolean;
  /** Full Chinese description: 表三“一、本年新收政府信息公开申请数量”·自然人 */
  label: string;
  /** Row and column codes ("R01", "C1"); table 4 has only a column. */
  row?: string;
  col: string;
  /** The row's label as printed ("一、本年新收政府信息公开申请数量", "（三）不予公开 1.属于国家秘密"); none in 表四. */
  rowLabel?: string;
  /** The column's label as printed ("商业企业", "本年制发件数", "结果维持"). */
  colLabel: string;
  /** 表四: the group over the column ("行政复议", "未经复议直接起诉"). */
  groupLabel?: string;
}

export const t2Key = (row: string, col: string): CellKey => `T2.${row}.${col}`;
export const t3Key = (row: string, col: string): CellKey => `T3.${row}.${col}`;
export const t4Key = (col: string): CellKey => `T4.${col}`;

function buildCells(f: FormatDef): CellInfo[] {
  const out: CellInfo[] = [];
  for (const block of f.table2.blocks) {
    for (const row of block.rows) {
      for (const col of block.columns) {
        out.push({
          key: t2Key(row.code, col.code),
          table: 2,
          type: block.type,
          checked: f.table2.checked,
          label: `${TABLE_NAMES[2]}“${row.label}”·${col.label}`,
          row: row.code,
          col: col.code,
          rowLabel: row.label,
          colLabel: col.label,
        });
      }
    }
  }
  for (const row of f.table3.rows) {
    for (const col of f.table3.columns) {
      out.push({
        key: t3Key(row.code, col.code),
        table: 3,
        type: "count",
        checked: true,
        label: `${TABLE_NAMES[3]}“${row.path[row.path.length - 1]}”·${col.label}`,
        row: row.code,
        col: col.code,
        // Level-3 rows ("1.属于国家秘密") need their level-2 label to be found.
        rowLabel: row.path.slice(row.path.length === 3 ? 1 : -1).join(" "),
        colLabel: col.label,
      });
    }
  }
  for (const g of f.table4.groups) {
    for (const col of g.columns) {
      out.push({
        key: t4Key(col.code),
        table: 4,
        type: "count",
        checked: true,
        label: `${TABLE_NAMES[4]}“${g.short}”·${col.label}`,
        col: col.code,
        colLabel: col.label,
        groupLabel: g.short,
      });
    }
  }
  return out;
}

const CELLS: Record<FormatId, CellInfo[]> = { "2021": buildCells(FORMATS["2021"]), "2019": buildCells(FORMATS["2019"]) };
const BY_KEY: Record<FormatId, Map<CellKey, CellInfo>> = {
  "2021": new Map(CELLS["2021"].map((c) => [c.key, c])),
  "2019": new Map(CELLS["2019"].map((c) => [c.key, c])),
};

/** All value cells of a format, in table order. */
export function cellsOf(format: FormatId = "2021"): readonly CellInfo[] {
  return CELLS[format];
}

export function cellInfo(key: CellKey, format: FormatId = "2021"): CellInfo | undefined {
  return BY_KEY[format].get(key);
}

export function isCellKey(key: string, format: FormatId = "2021"): boolean {
  return BY_KEY[format].has(key);
}

/** Key for the fee amount cell (T2.R6.C1 in the 2021 format). */
export const FEE_CELL: CellKey = "T2.R6.C1";
