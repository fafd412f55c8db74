/**
 * Reports laid out on a page: `pdftotext -layout` text, what a PDF viewer copies, and the text
 * items of a PDF itself (src/import/pdf.ts). Blank cells leave no trace there and labels wrap onto
 * several lines, so a table cannot be read by the order of its tokens. Instead:
 * - a number belongs to the column whose centre it sits under (centres from the rows that have a
 *   number in every column, or from the header labels' positions when the source gives real ones);
 * - 表三's rows are taken in the format's fixed order when the count of number rows is exactly
 *   that of a known layout and no row's own label contradicts it; otherwise by their labels;
 * - whatever cannot be placed is left for the table readers to report (and never judged).
 * The result is the same blocks every other front end produces.
 */
import type { Block } from "./blocks";
import { cellKind } from "./cells";
import { cleanText } from "./labels";
import { SECTION_HEADINGS, vocabulary, type TableNo } from "./vocabulary";
import { FORMATS } from "../report";

export interface Token {
  text: string;
  /** Left and right edge, in any unit (characters for text, points for a PDF). */
  x0: number;
  x1: number;
}

export interface Line {
  tokens: Token[];
}

const centre = (t: Token) => (t.x0 + t.x1) / 2;
const lineText = (l: Line) => cleanText(l.tokens.map((t) => t.text).join(" "));
const isValue = (text: string) => {
  const k = cellKind(text);
  return k === "number" || k === "placeholder";
};

/** Page furniture: "— 3 —", "- 3 -", "第 3 页", "3". */
const PAGE_NUMBER = /^(?:[—–\-－~]*\s*\d{1,3}\s*[—–\-－~]*|第\s*\d{1,3}\s*页(?:\s*[,，/／共]\s*\d{1,3}\s*页?)?)$/;

/** One line of `pdftotext -layout` text: tokens are runs of non-spaces, positioned by character. */
export function textLine(raw: string): Line {
  const tokens: Token[] = [];
  for (const m of raw.replace(/\t/g, "    ").matchAll(/\S+/g)) tokens.push({ text: m[0], x0: m.index, x1: m.index + m[0].length });
  return { tokens };
}

/** How a page's positions may be used. */
interface ReadOptions {
  /** How far apart two numbers of one column may sit (in the lines' unit). */
  tolerance: number;
  /** Positions are true positions (a PDF), so header labels can place columns. */
  precise: boolean;
  /**
   * Positions say anything at all: false for text with one space between cells (`pdftotext -raw`,
   * a viewer's copy), where a short row's numbers cannot be put under their columns.
   */
  positional: boolean;
}

/**
 * Whether plain text is text taken out of a page, not a web or Word copy (no tabs or pipes):
 * "columns" when several lines hold a label and then numbers set apart by wide gaps (`pdftotext
 * -layout`); "rows" when table rows are a label and three or more numbers with one space between
 * them (`pdftotext -raw`, a PDF viewer's copy), their labels wrapped onto lines of their own.
 */
export function layoutKind(text: string): "columns" | "rows" | null {
  let tabbed = 0;
  let laid = 0;
  let rows = 0;
  for (const raw of text.split(/\r\n|\r|\n/, 5000)) {
    if (raw.includes("\t") || /^\s*\|.*\|\s*$/.test(raw)) tabbed++;
    else if (/\S\s{2,}[\d０-９]+(?:\.\d+)?\s{2,}[\d０-９]+/.test(raw) || /^\s*(?:[\d０-９]+\s{2,}){4,}[\d０-９]+\s*$/.test(raw)) laid++;
    else if (/(?:^|\S )[\d０-９]+(?: [\d０-９]+){2,}\s*$/.test(raw)) rows++;
  }
  if (laid >= 4 && laid > tabbed) return "columns";
  return rows >= 6 && rows > tabbed ? "rows" : null;
}

function splitValues(line: Line): { label: string; values: Token[] } {
  let n = line.tokens.length;
  while (n > 0 && isValue(line.tokens[n - 1]!.text)) n--;
  return { label: cleanText(line.tokens.slice(0, n).map((t) => t.text).join(" ")), values: line.tokens.slice(n) };
}

/**
 * Cell texts of `count` columns for a row's value tokens: by the column centres when known, "" for
 * a blank cell. A row that cannot be placed keeps its tokens in order (the reader then reports it
 * short and leaves it unjudged).
 */
export function placeByColumns(values: readonly Token[], count: number, centres: readonly number[] | null): string[] {
  const texts = values.map((t) => t.text);
  if (values.length === count || !centres || values.length > count) return texts;
  const gaps = centres.slice(1).map((c, i) => c - centres[i]!);
  const reach = Math.min(...gaps) / 2;
  const out = Array<string>(count).fill("");
  for (const v of values) {
    let best = -1;
    let dist = Infinity;
    centres.forEach((c, i) => {
      const d = Math.abs(centre(v) - c);
      if (d < dist) {
        dist = d;
        best = i;
      }
    });
    if (best < 0 || dist > reach || out[best] !== "") return texts;
    out[best] = v.text;
  }
  return out;
}

/** Column centres from the rows that have a value in every column (median per column). */
function centresOf(rows: readonly (readonly Token[])[], count: number): number[] | null {
  const full = rows.filter((r) => r.length === count);
  if (full.length === 0) return null;
  const centres: number[] = [];
  for (let i = 0; i < count; i++) {
    const xs = full.map((r) => centre(r[i]!)).sort((a, b) => a - b);
    centres.push(xs[Math.floor(xs.length / 2)]!);
  }
  return centres.every((c, i) => i === 0 || c > centres[i - 1]!) ? centres : null;
}

/**
 * Where each of `labels` first appears as a token (centres), if all do and in this order; with
 * `prefix`, a header cell broken over lines ("商业" / "企业") is found by its first line.
 */
function headerCentres(lines: readonly Line[], labels: readonly string[], prefix = false): number[] | null {
  const found: number[] = [];
  for (const label of labels) {
    const key = cleanText(label).replace(/\s/g, "");
    const fits = (text: string) => {
      const t = cleanText(text).replace(/\s/g, "");
      return t === key || (prefix && t.length >= 2 && key.startsWith(t));
    };
    let at: number | null = null;
    for (const l of lines) {
      const t = l.tokens.find((tk) => fits(tk.text) && !found.includes(centre(tk)));
      if (t) {
        at = centre(t);
        break;
      }
    }
    if (at === null) return null;
    found.push(at);
  }
  return found.every((c, i) => i === 0 || c > found[i - 1]!) ? found : null;
}

// ---- 表二

function table2Rows(lines: readonly Line[], { precise, positional }: ReadOptions): string[][] {
  const rows: string[][] = [];
  let columnHeader: Line | null = null;
  let group: { header: Line | null; rows: { label: string; values: Token[] }[] } | null = null;
  const flush = () => {
    if (!group) return;
    const count = group.rows.reduce((n, r) => Math.max(n, r.values.length), 0);
    const fromHeader = precise && group.header ? group.header.tokens.slice(1).map(centre) : null;
    const centres = positional ? (centresOf(group.rows.map((r) => r.values), count) ?? (fromHeader && fromHeader.length === count ? fromHeader : null)) : null;
    for (const r of group.rows) rows.push([r.label, ...placeByColumns(r.values, count, centres)]);
    group = null;
  };
  for (const line of lines) {
    const { label, values } = splitValues(line);
    if (values.length === 0) {
      flush();
      // "第二十条 第（一）项" set with a space is one block header, not two cells.
      const cells = /^第二十条/.test(lineText(line)) ? [lineText(line).replace(/\s+/g, "")] : line.tokens.map((t) => t.text);
      if (/^信息内容/.test(cells[0] ?? "")) columnHeader = line;
      rows.push(cells);
      continue;
    }
    if (!group) group = { header: columnHeader, rows: [] };
    group.rows.push({ label, values });
  }
  flush();
  return rows;
}

// ---- 表三

const T3_COLUMNS = FORMATS["2021"].table3.columns.map((c) => c.label);

/** The labels of 表三's rows in a known printed order (2021; or （六） printed as one row). */
function t3Orders(): string[][] {
  const rows = FORMATS["2021"].table3.rows;
  const label = (r: (typeof rows)[number]) => r.path[r.path.length - 1]!;
  const full = rows.map(label);
  const sixth = rows.filter((r) => /^R2[123]$/.test(r.code));
  const collapsed = [...rows.filter((r) => !sixth.includes(r)).map(label)];
  collapsed.splice(rows.indexOf(sixth[0]!), 0, sixth[0]!.path[1]!);
  return [full, collapsed];
}

/** Enumerators that open a row label: 一、 （一） 1. */
const ENUMERATOR = /[一二三四]、|[（(]\s*[一二三四五六七]\s*[)）]|\d{1,2}\s*[.、．](?!\d)/g;

interface T3Row {
  /** Label tokens (from the row's last enumerator on), then continuation lines. */
  label: string;
  labelX: number;
  values: Token[] | null;
}

/** The text of a line from its last enumerator on, with where that starts; null if it has none. */
function fromLastEnumerator(tokens: readonly Token[]): { text: string; x: number } | null {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    const ms = [...t.text.matchAll(ENUMERATOR)];
    if (!ms.length) continue;
    const m = ms[ms.length - 1]!;
    const text = cleanText([t.text.slice(m.index), ...tokens.slice(i + 1).map((x) => x.text)].join(""));
    const w = (t.x1 - t.x0) / Math.max(1, t.text.length);
    return { text, x: t.x0 + m.index * w };
  }
  return null;
}

function table3Rows(lines: readonly Line[], { tolerance, precise, positional }: ReadOptions): string[][] {
  const v = vocabulary("2021");
  const rows: T3Row[] = [];
  const header: Line[] = [];
  // A group label wrapped in its merged cell ("（三）不" … "予公开"): its start, until completed.
  let opened: string | null = null;
  for (const line of lines) {
    const { values } = splitValues(line);
    const labelTokens = line.tokens.slice(0, line.tokens.length - values.length);
    const e = fromLastEnumerator(labelTokens);
    const bare = e !== null && e.text.replace(ENUMERATOR, "").trim() === "";
    const partial = e !== null && values.length === 0 && !v.t3Structural.has(e.text, "core") && v.t3Structural.beginsOne(e.text);
    const structural = e !== null && values.length === 0 && (partial || v.t3Structural.has(e.text, "core"));
    if (structural) opened = partial ? e.text : null;
    const last = rows[rows.length - 1];
    if (e && !bare && !structural) {
      rows.push({ label: e.text, labelX: e.x, values: values.length ? values : null });
      continue;
    }
    if (!last) {
      if (values.length) rows.push({ label: cleanText(labelTokens.map((t) => t.text).join("")), labelX: -Infinity, values });
      else header.push(line);
      continue;
    }
    const text = cleanText(labelTokens.map((t) => t.text).join(""));
    if (values.length === 0) {
      // The rest of a wrapped group label, a group label, a bare "三、" or one character of a label
      // set vertically ("本" "年" "度"…) belongs to no row; in a layout their place shows it, in
      // text with one space between cells only what they say does.
      const completes = opened !== null && !e && (v.t3Structural.has(opened + text, "core") || v.t3Structural.beginsOne(opened + text));
      if (completes) opened = v.t3Structural.has(opened + text, "core") ? null : opened + text;
      if (completes || structural || bare || text.length <= 1) continue;
    } else if (opened !== null && !e && text !== "" && v.t3Collapsed.has(opened + text, "core")) {
      // The rest of a wrapped label that is a row in the other format (2019's （六）其 / 他处理 0 0 …).
      rows.push({ label: opened + text, labelX: labelTokens[0]!.x0, values });
      opened = null;
      continue;
    }
    // A continuation: the rest of the label (tokens in the label's column) and, maybe, the numbers.
    const more = labelTokens.filter((t) => t.x0 >= last.labelX - tolerance).map((t) => t.text).join("");
    if (values.length && last.values) {
      rows.push({ label: cleanText(labelTokens.map((t) => t.text).join("")), labelX: -Infinity, values });
      continue;
    }
    if (values.length) last.values = values;
    if (!/^[（(]?本列数据|申请人情况|自然人|法人或其他组织/.test(more)) last.label = cleanText(last.label + more);
  }
  const valueRows = rows.map((r) => r.values ?? []);
  const centres = positional
    ? (centresOf(valueRows, T3_COLUMNS.length) ??
      clusterCentres(valueRows.flat(), T3_COLUMNS.length, tolerance) ??
      (precise ? headerCentres(header, T3_COLUMNS, true) : null))
    : null;
  const own = (label: string) => v.t3Leaves.find(label, "core")?.target.code ?? v.t3Collapsed.find(label, "core")?.label ?? null;
  const order = t3Orders().find(
    (o) =>
      o.length === rows.length &&
      rows.every((r, i) => {
        const code = own(r.label);
        return code === null || code === own(o[i]!);
      }),
  );
  // A line of numbers that no label took may belong to a row printed without numbers: then such a
  // row is not "all blank" but unknown (no cells, so the reader reports it and nothing is judged).
  const stray = !order && rows.some((r) => r.labelX === -Infinity);
  const out: string[][] = [["", ...T3_COLUMNS]];
  rows.forEach((r, i) => {
    const values = r.values ? placeByColumns(r.values, T3_COLUMNS.length, centres) : stray ? [] : Array<string>(T3_COLUMNS.length).fill("");
    out.push([order ? order[i]! : r.label, ...values]);
  });
  return out;
}

/** Column centres from every value of the table, when they fall into exactly `count` clusters. */
function clusterCentres(values: readonly Token[], count: number, tolerance: number): number[] | null {
  const xs = values.map(centre).sort((a, b) => a - b);
  if (!xs.length) return null;
  const groups: number[][] = [[xs[0]!]];
  for (const x of xs.slice(1)) {
    const g = groups[groups.length - 1]!;
    if (x - g[g.length - 1]! <= tolerance) g.push(x);
    else groups.push([x]);
  }
  if (groups.length !== count) return null;
  return groups.map((g) => g[Math.floor(g.length / 2)]!);
}

// ---- 表四

function table4Rows(lines: readonly Line[], { precise }: ReadOptions): string[][] {
  const results = FORMATS["2021"].table4.groups.flatMap((g) => g.columns.map((c) => c.label));
  const header = [...results];
  const values: Token[][] = [];
  for (const line of lines) {
    const split = splitValues(line);
    if (split.values.length && split.label === "") values.push(split.values);
  }
  const all = values.flat();
  const count = results.length;
  if (all.length === count) return [header, all.map((t) => t.text)];
  const row = values.find((r) => r.length >= all.length / 2) ?? all;
  return [header, placeByColumns(row, count, precise ? headerCentres(lines, results, true) : null)];
}

// ---- the page as blocks

type Reader = (lines: readonly Line[], options: ReadOptions) => string[][];
const READERS: Record<TableNo, Reader> = { 2: table2Rows, 3: table3Rows, 4: table4Rows };

/** Where a table's own lines begin: the first line with a value or a label of the table's header. */
function tableStart(lines: readonly Line[], table: TableNo): number {
  const opener = table === 2 ? /^第二十条|^信息内容/ : table === 3 ? /^[（(]本列数据|^申请人情况|^一、本年新收/ : /^行政复议|^行政诉讼/;
  const i = lines.findIndex((l) => opener.test(lineText(l).replace(/\s/g, "")) || splitValues(l).values.length > 1);
  return i < 0 ? lines.length : i;
}

/** Lines of a laid-out page (or several) to paragraphs and the three tables. */
export function linesToBlocks(input: readonly Line[], options: Partial<ReadOptions> = {}): Block[] {
  const opts: ReadOptions = { tolerance: 1.5, precise: false, positional: true, ...options };
  const lines = input.filter((l) => l.tokens.length > 0 && !PAGE_NUMBER.test(lineText(l)));
  const blocks: Block[] = [];
  let region: { table: TableNo; lines: Line[] } | null = null;
  const close = () => {
    if (!region) return;
    const start = tableStart(region.lines, region.table);
    for (const l of region.lines.slice(0, start)) blocks.push({ kind: "para", text: lineText(l) });
    const body = region.lines.slice(start);
    if (body.length) blocks.push({ kind: "table", rows: READERS[region.table](body, opts) });
    region = null;
  };
  for (const line of lines) {
    const text = lineText(line);
    // A PDF may set "四" and "、政府信息公开…" as separate items.
    const solid = text.replace(/\s+/g, "");
    const heading = splitValues(line).values.length === 0 && solid.length <= 40 && /^[一二三四五六][、.．]/.test(solid) ? SECTION_HEADINGS.find(solid, "fuzzy") : null;
    if (heading) {
      close();
      blocks.push({ kind: "para", text: solid });
      if (heading.target.table) region = { table: heading.target.table as TableNo, lines: [] };
      continue;
    }
    if (region) region.lines.push(line);
    else blocks.push({ kind: "para", text });
  }
  close();
  return blocks;
}
