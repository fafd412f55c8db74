/**
 * Test builders: the three report tables in their standard merged layout, derived from the format
 * definition, rendered as tab text (a copy from Word), HTML and .docx. Values come from a report.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { FORMATS, t2Key, t3Key, t4Key, type FormatId, type RawCell, type Report, type SectionKey } from "../../../src/report";
import { FIXTURES } from "../../helpers/paths";

export const SEED_PATH = path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt");
export const readSeed = (): string => readFileSync(SEED_PATH, "utf8");

export interface LayoutCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}
export type Layout = LayoutCell[][];

const show = (v: RawCell | undefined): string => (v === null || v === undefined ? "" : String(v));

export function table2Layout(format: FormatId, cells: Record<string, RawCell>): Layout {
  const rows: Layout = [];
  for (const block of FORMATS[format].table2.blocks) {
    const span = 4 - block.columns.length; // the last column widens to fill 3 value columns
    const widen = (i: number) => (i === block.columns.length - 1 ? span : 1);
    rows.push([{ text: block.header, colSpan: 4 }]);
    rows.push([{ text: block.contentLabel }, ...block.columns.map((c, i) => ({ text: c.label, colSpan: widen(i) }))]);
    for (const r of block.rows) {
      rows.push([{ text: r.label }, ...block.columns.map((c, i) => ({ text: show(cells[t2Key(r.code, c.code)]), colSpan: widen(i) }))]);
    }
  }
  return rows;
}

export function table3Layout(format: FormatId, cells: Record<string, RawCell>): Layout {
  const t3 = FORMATS[format].table3;
  const group = t3.columns.filter((c) => c.group);
  const rows: Layout = [
    [{ text: t3.corner, rowSpan: 3, colSpan: 3 }, { text: t3.applicantHeader, colSpan: t3.columns.length }],
    [
      { text: t3.columns[0]!.label, rowSpan: 2 },
      { text: group[0]!.group!, colSpan: group.length },
      { text: t3.columns[t3.columns.length - 1]!.label, rowSpan: 2 },
    ],
    group.map((c) => ({ text: c.label })),
  ];
  t3.rows.forEach((row, i) => {
    const out: LayoutCell[] = [];
    row.path.forEach((label, level) => {
      const samePrefix = (other: (typeof t3.rows)[number] | undefined) =>
        other !== undefined && other.path.length > level && other.path.slice(0, level + 1).join("|") === row.path.slice(0, level + 1).join("|");
      if (samePrefix(t3.rows[i - 1])) return; // covered by the merge above
      let rowSpan = 1;
      while (samePrefix(t3.rows[i + rowSpan])) rowSpan++;
      const last = level === row.path.length - 1;
      out.push({ text: label, rowSpan, colSpan: last ? 3 - level : 1 });
    });
    for (const c of t3.columns) out.push({ text: show(cells[t3Key(row.code, c.code)]) });
    rows.push(out);
  });
  return rows;
}

export function table4Layout(format: FormatId, cells: Record<string, RawCell>): Layout {
  const groups = FORMATS[format].table4.groups;
  const [review, ...suits] = groups;
  return [
    [
      { text: review!.path[0]!, colSpan: review!.columns.length },
      { text: suits[0]!.path[0]!, colSpan: suits.reduce((s, g) => s + g.columns.length, 0) },
    ],
    [...review!.columns.map((c) => ({ text: c.label, rowSpan: 2 })), ...suits.map((g) => ({ text: g.path[1]!, colSpan: g.columns.length }))],
    suits.flatMap((g) => g.columns.map((c) => ({ text: c.label }))),
    groups.flatMap((g) => g.columns.map((c) => ({ text: show(cells[t4Key(c.code)]) }))),
  ];
}

/** Expand merges into a grid; covered cells are "" (what a copy from Word gives). */
export function layoutGrid(layout: Layout): string[][] {
  const grid: string[][] = layout.map(() => []);
  layout.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]![c] !== undefined) c++;
      for (let i = 0; i < (cell.rowSpan ?? 1); i++) {
        for (let j = 0; j < (cell.colSpan ?? 1); j++) grid[r + i]![c + j] = i === 0 && j === 0 ? cell.text : "";
      }
      c += cell.colSpan ?? 1;
    }
  });
  return grid.map((row) => Array.from(row, (x) => x ?? ""));
}

export const tabText = (layout: Layout): string => layoutGrid(layout).map((r) => r.join("\t")).join("\n");

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

export function htmlTable(layout: Layout): string {
  const rows = layout.map(
    (row) =>
      `<tr>${row
        .map((c) => `<td${(c.rowSpan ?? 1) > 1 ? ` rowspan="${c.rowSpan}"` : ""}${(c.colSpan ?? 1) > 1 ? ` colspan="${c.colSpan}"` : ""}><p><span>${esc(c.text)}</span></p></td>`)
        .join("")}</tr>`,
  );
  return `<table border="1"><tbody>${rows.join("")}</tbody></table>`;
}

export function tableLayouts(report: Report): Record<SectionKey, Layout | null> {
  const f = report.format;
  return {
    S1: null,
    S2: table2Layout(f, report.cells),
    S3: table3Layout(f, report.cells),
    S4: table4Layout(f, report.cells),
    S5: null,
    S6: null,
  };
}

const SECTION_KEYS: SectionKey[] = ["S1", "S2", "S3", "S4", "S5", "S6"];

/** A whole report as tab-separated text, like a copy from a web page. */
export function reportAsText(report: Report): string {
  const lines: string[] = [report.meta.title ?? "", ""];
  if (report.opening) lines.push(report.opening, "");
  const layouts = tableLayouts(report);
  for (const k of SECTION_KEYS) {
    const s = report.sections[k];
    if (!s) continue;
    lines.push(s.heading, "");
    if (s.text) lines.push(s.text, "");
    const layout = layouts[k];
    if (layout) lines.push(tabText(layout), "");
  }
  return lines.join("\n");
}

/** A whole report as a .docx with merged table cells. */
export async function reportAsDocx(report: Report): Promise<Uint8Array> {
  const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
  const children: (Paragraph | Table)[] = [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(report.meta.title ?? "")] })];
  if (report.opening) children.push(...report.opening.split("\n").map(p));
  const layouts = tableLayouts(report);
  for (const k of SECTION_KEYS) {
    const s = report.sections[k];
    if (!s) continue;
    children.push(p(s.heading));
    if (s.text) children.push(...s.text.split("\n").map(p));
    const layout = layouts[k];
    if (layout) {
      children.push(
        new Table({
          rows: layout.map(
            (row) =>
              new TableRow({
                children: row.map((c) => new TableCell({ rowSpan: c.rowSpan ?? 1, columnSpan: c.colSpan ?? 1, children: [p(c.text)] })),
              }),
          ),
        }),
      );
    }
  }
  const buf = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  return new Uint8Array(buf);
}

/**
 * A GB18030 encoder for tests (TextEncoder only writes UTF-8): the inverse of TextDecoder's
 * two-byte table, built once.
 */
let GB_TABLE: Map<string, number[]> | null = null;
export function encodeGb18030(text: string): Uint8Array {
  if (!GB_TABLE) {
    GB_TABLE = new Map();
    const dec = new TextDecoder("gb18030");
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== "\ufffd" && !GB_TABLE.has(ch)) GB_TABLE.set(ch, [a, b]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(GB_TABLE.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}
