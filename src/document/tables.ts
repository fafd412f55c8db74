/**
 * Tables 2–4 generated from the format definition (src/report/format.ts): every label, merge and
 * key comes from there, nothing is typed out here. Merges follow spec §2 exactly.
 */
import { TABLE_NAMES, cellInfo, t2Key, t3Key, t4Key, type FormatDef, type RawCell } from "../report";
import type { Report } from "../report";
import type { Source, TableBlock, TableCell, TableRow } from "./model";
import { textWidthMm } from "./layout";

/** A value exactly as written: numbers in their shortest form, text as typed, blank as "". */
export function cellText(raw: RawCell | undefined): string {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return String(raw);
    const s = String(raw);
    // String() switches to exponent form below 1e-6 and above 1e21; print positional digits instead.
    if (!/e/i.test(s)) return s;
    return raw.toFixed(20).replace(/\.?0+$/, "");
  }
  return raw.trim();
}

function label(text: string, source: Source, span: Partial<Pick<TableCell, "colSpan" | "rowSpan" | "align">> = {}): TableCell {
  return { text, colSpan: span.colSpan ?? 1, rowSpan: span.rowSpan ?? 1, header: true, align: span.align ?? "center", source };
}

function value(report: Report, key: string, colSpan = 1): TableCell {
  const info = cellInfo(key, report.format);
  return {
    text: cellText(report.cells[key]),
    colSpan,
    rowSpan: 1,
    header: false,
    align: "center",
    source: { where: info?.label ?? key, cells: [key] },
  };
}

/** Split `total` grid columns among `n` cells: equal parts, the remainder to the last. */
export function distribute(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? total - base * (n - 1) : base));
}

function scale(widths: number[], totalMm: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => (w * totalMm) / sum);
}

// ---------------------------------------------------------------- Table 2

export function table2(report: Report, f: FormatDef): TableBlock {
  const name = TABLE_NAMES[2];
  const head: Source = { where: `${name}表头`, cells: ["S2"] };
  const valueCols = Math.max(...f.table2.blocks.map((b) => b.columns.length));
  const rows: TableRow[] = [];
  for (const block of f.table2.blocks) {
    const spans = distribute(valueCols, block.columns.length);
    // A block (its two header rows and its rows) stays on one page: only the last row lets go.
    rows.push({ keepWithNext: true, cells: [label(block.header, head, { colSpan: 1 + valueCols })] });
    rows.push({
      keepWithNext: true,
      cells: [label(block.contentLabel, head), ...block.columns.map((c, i) => label(c.label, head, { colSpan: spans[i]! }))],
    });
    block.rows.forEach((row, ri) => {
      rows.push({
        keepWithNext: ri < block.rows.length - 1,
        cells: [
          label(row.label, { where: `${name}“${row.label}”`, cells: ["S2"] }),
          ...block.columns.map((c, i) => value(report, t2Key(row.code, c.code), spans[i]!)),
        ],
      });
    });
  }
  return {
    kind: "table",
    id: 2,
    // Table 2's header rows belong to each block, so none repeat across pages.
    headerRows: 0,
    style: "tableWuhao",
    columnWidths: scale([42, ...Array<number>(valueCols).fill(38)], textWidthMm("portrait")),
    rows,
    source: { where: name, cells: ["S2"] },
  };
}

// ---------------------------------------------------------------- Table 3

export function table3(report: Report, f: FormatDef): TableBlock {
  const t = f.table3;
  const name = TABLE_NAMES[3];
  const head: Source = { where: `${name}表头`, cells: ["S3"] };
  const labelCols = Math.max(...t.rows.map((r) => r.path.length));
  // 申请人情况, then the column labels; grouped columns add a row for the group header.
  const headRows = t.columns.some((c) => c.group) ? 3 : 2;
  const rows: TableRow[] = [];

  // Header: corner over the label columns; 申请人情况; grouped columns (法人或其他组织) over their labels.
  rows.push({
    cells: [
      label(t.corner, head, { colSpan: labelCols, rowSpan: headRows }),
      label(t.applicantHeader, head, { colSpan: t.columns.length }),
    ],
  });
  const second: TableCell[] = [];
  const third: TableCell[] = [];
  for (let i = 0; i < t.columns.length; ) {
    const col = t.columns[i]!;
    if (!col.group) {
      second.push(label(col.label, head, { rowSpan: headRows - 1 }));
      i++;
      continue;
    }
    let j = i;
    while (j < t.columns.length && t.columns[j]!.group === col.group) third.push(label(t.columns[j++]!.label, head));
    second.push(label(col.group, head, { colSpan: j - i }));
    i = j;
  }
  rows.push({ cells: second });
  if (headRows === 3) rows.push({ cells: third });

  // Body: a label is written where its path prefix starts and spans the rows sharing that prefix.
  const samePrefix = (a: string[], b: string[] | undefined, depth: number): boolean =>
    b !== undefined && a.slice(0, depth + 1).every((x, k) => b[k] === x) && b.length > depth;
  t.rows.forEach((row, ri) => {
    const cells: TableCell[] = [];
    row.path.forEach((text, depth) => {
      if (samePrefix(row.path, t.rows[ri - 1]?.path, depth)) return;
      let rowSpan = 1;
      while (samePrefix(row.path, t.rows[ri + rowSpan]?.path, depth)) rowSpan++;
      const leaf = depth === row.path.length - 1;
      cells.push(
        label(text, { where: `${name}“${text}”`, cells: ["S3"] }, { rowSpan, colSpan: leaf ? labelCols - depth : 1, align: leaf ? "left" : "center" }),
      );
    });
    for (const col of t.columns) cells.push(value(report, t3Key(row.code, col.code)));
    rows.push({ cells });
  });

  const labelWidths = labelCols === 3 ? [12, 20, 44] : scale(Array<number>(labelCols).fill(1), 76);
  const valueWidth = (textWidthMm("portrait") - 76) / t.columns.length;
  return {
    kind: "table",
    id: 3,
    headerRows: headRows,
    style: "tableXiaowu",
    columnWidths: [...labelWidths, ...Array<number>(t.columns.length).fill(valueWidth)],
    rows,
    source: { where: name, cells: ["S3"] },
  };
}

// ---------------------------------------------------------------- Table 4

export function table4(report: Report, f: FormatDef): TableBlock {
  const groups = f.table4.groups;
  const name = TABLE_NAMES[4];
  const head: Source = { where: `${name}表头`, cells: ["S4"] };
  const depth = Math.max(...groups.map((g) => g.path.length));
  const rows: TableRow[] = [];
  for (let level = 0; level <= depth; level++) {
    const cells: TableCell[] = [];
    for (let gi = 0; gi < groups.length; ) {
      const g = groups[gi]!;
      if (g.path.length > level) {
        // Merge the following groups that share this header (行政诉讼 over both litigation groups).
        const prefix = g.path.slice(0, level + 1).join("\u0000");
        let gj = gi;
        let span = 0;
        while (gj < groups.length && groups[gj]!.path.length > level && groups[gj]!.path.slice(0, level + 1).join("\u0000") === prefix) {
          span += groups[gj]!.columns.length;
          gj++;
        }
        cells.push(label(g.path[level]!, head, { colSpan: span }));
        gi = gj;
      } else {
        if (g.path.length === level) {
          for (const c of g.columns) cells.push(label(c.label, head, { rowSpan: depth + 1 - level }));
        }
        gi++;
      }
    }
    rows.push({ cells });
  }
  const keys = groups.flatMap((g) => g.columns.map((c) => t4Key(c.code)));
  rows.push({ cells: keys.map((k) => value(report, k)) });
  return {
    kind: "table",
    id: 4,
    headerRows: depth + 1,
    style: "tableXiaowu",
    columnWidths: Array<number>(keys.length).fill(textWidthMm("portrait") / keys.length),
    rows,
    source: { where: name, cells: ["S4"] },
  };
}

export function tableFor(id: 2 | 3 | 4, report: Report, f: FormatDef): TableBlock {
  return id === 2 ? table2(report, f) : id === 3 ? table3(report, f) : table4(report, f);
}
