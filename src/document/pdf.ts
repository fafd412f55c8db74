/**
 * Document model → PDF with pdfmake 0.3 and the embedded subset fonts (notes §4). Same layout as
 * the .docx: A4, GB/T 9704 margins, 22 lines at 28.95 pt, tables with spans and repeated header
 * rows, table 4 on a landscape page, "— n —" page numbers odd right / even left.
 * pdfmake is loaded with a dynamic import so the add-in fetches it only on the first PDF export.
 */
import type { Content, TDocumentDefinitions, TableCell as PdfCell, TFontDictionary } from "pdfmake/interfaces";
import type { Block, Doc, DocSection, Run, TableBlock, TableCell, TextStyle } from "./model";
import { FONT_ROLES, PDF_FONT_FILES, noChars, type FitFonts, type FontBytes, type FontRole, type UsedChars } from "./fonts";
import { coverageOf } from "./cmap";
import { fontSourceOf, type FontSource } from "./fontSource";
import { segments, type Coverage } from "./glyphs";
import { gridOf, type Slot } from "./grid";
import { withoutInertGpos } from "./inertGpos";
import {
  CELL_PADDING_MM,
  FIRST_LINE_INDENT_CHARS,
  LINE_PITCH_PT,
  MARGIN_MM,
  PAGE_NUMBER,
  PDF_SANHAO_PT,
  SIZE_PT,
  STYLES,
  pageNumberText,
  mmToPt,
} from "./layout";

/** The part of the pdfmake singleton we use (its typings omit the virtual file system). */
interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Uint8Array): void };
  setFonts(fonts: TFontDictionary): void;
  createPdf(dd: TDocumentDefinitions): { getBuffer(): Promise<Uint8Array> };
  setUrlAccessPolicy?(cb: (url: string) => boolean): void;
  setLocalAccessPolicy?(cb: (path: string) => boolean): void;
}

/** Thrown when asked to draw a character no embedded font has (the glyph check prevents this). */
export class MissingGlyphError extends Error {
  constructor(readonly chars: string) {
    super(`no embedded font has: ${chars}`);
    // ES5 builds (IE11): Error.call returns a new object; keep the subclass for instanceof.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

let pdfmakePromise: Promise<PdfMake> | null = null;
function loadPdfmake(): Promise<PdfMake> {
  pdfmakePromise ??= import("pdfmake").then((m) => {
    const pm = ((m as { default?: unknown }).default ?? m) as PdfMake;
    // Node only: the document names no URLs or local files; everything comes from the virtual FS.
    pm.setUrlAccessPolicy?.(() => false);
    pm.setLocalAccessPolicy?.(() => false);
    return pm;
  });
  return pdfmakePromise;
}

/** Re-exported: the add-in loads them with this module, on the first PDF export. */
export { coverageOf, fontSourceOf };

const registered = new WeakSet<FontBytes>();
let registration = 0;
function registerFonts(pm: PdfMake, fonts: FontBytes): void {
  if (registered.has(fonts)) return;
  // A new set gets new virtual file names, so pdfmake's per-name font cache never serves stale bytes.
  const tag = ++registration;
  const dict: TFontDictionary = {};
  for (const role of FONT_ROLES) {
    const name = `${tag}-${PDF_FONT_FILES[role]}`;
    pm.virtualfs.writeFileSync(name, withoutInertGpos(fonts[role]));
    dict[role] = { normal: name };
  }
  pm.setFonts(dict);
  registered.add(fonts);
}

/** Nominal size in the PDF: 三号 styles shrink to 15.78 pt so 28 characters fit a line (layout.ts). */
function sizeOf(style: TextStyle): number {
  const s = STYLES[style].sizePt;
  return s === SIZE_PT.sanhao ? PDF_SANHAO_PT : s;
}

/**
 * pdfmake's lineHeight multiplies the font's (ascent − descent) at its size (notes §4), so the
 * multiplier that gives an exact pitch differs per font; computed for the font actually drawing.
 */
function lineHeight(cov: Coverage, font: FontRole, size: number, pitch: number): number {
  const f = cov[font];
  return pitch / ((size * (f.ascent - f.descent)) / f.unitsPerEm);
}

function drawn(cov: Coverage, text: string, role: FontRole, size: number, pitch: number): Content[] {
  return segments(text, role, cov).map((seg) => {
    if (seg.font === null) throw new MissingGlyphError(seg.text);
    return { text: seg.text, font: seg.font, fontSize: size, lineHeight: lineHeight(cov, seg.font, size, pitch) };
  });
}

function inlines(cov: Coverage, text: string, style: TextStyle): Content[] {
  return drawn(cov, text, STYLES[style].font, sizeOf(style), STYLES[style].pitchPt);
}

/** Lines broken in the model (breaks.ts): each line's inlines, a line break between them. */
function linesContent(cov: Coverage, lines: string[], style: TextStyle): Content[] {
  // The break ends the line's last inline (a separate "\n" inline sets an empty line of its own size).
  return lines.flatMap((l, i) => {
    const parts = inlines(cov, l, style) as Array<{ text: string }>;
    if (i < lines.length - 1 && parts.length) parts[parts.length - 1] = { ...parts[parts.length - 1]!, text: `${parts[parts.length - 1]!.text}\n` };
    return parts as Content[];
  });
}

function runsContent(cov: Coverage, runs: Run[]): Content[] {
  return runs.flatMap((r) => inlines(cov, r.text, r.style));
}

const INDENT = FIRST_LINE_INDENT_CHARS * PDF_SANHAO_PT;
const TABLE_GAP_PT = 8;
const HEADING_STYLE = { 1: "heading1", 2: "heading2", 3: "heading3" } as const;

/** Lines a label takes in a cell: CJK characters are one em wide, Latin and digits half (an estimate). */
function estimatedLines(text: string, innerPt: number, sizePt: number): number {
  let em = 0;
  for (const ch of text) em += ch.codePointAt(0)! < 0x2000 ? 0.5 : 1;
  const perLine = Math.max(1, Math.floor(innerPt / sizePt));
  return Math.max(1, Math.ceil(em / perLine));
}

function linesOf(cell: TableCell, innerPt: number, sizePt: number): number {
  return cell.lines ? cell.lines.length : estimatedLines(cell.text, innerPt, sizePt);
}

/**
 * Top margins that centre the header cells spanning rows. pdfmake's own verticalAlignment
 * misplaces such cells, but header rows never break across pages, so their heights can be
 * estimated from the single-row cells beside them and the label centred by hand.
 */
function headerCentring(t: TableBlock, slots: Slot[][], innerWidths: number[], pad: number): Map<TableCell, number> {
  const spec = STYLES[t.style];
  const size = sizeOf(t.style);
  const innerOf = (r: number, c: number, cell: TableCell) =>
    innerWidths.slice(c, c + cell.colSpan).reduce((a, b) => a + b, 0) + (cell.colSpan - 1) * (2 * pad + 0.5);
  const rowHeights = slots.slice(0, t.headerRows).map((row, r) => {
    let lines = 1;
    row.forEach((slot, c) => {
      if (slot.origin && slot.cell.rowSpan === 1) lines = Math.max(lines, linesOf(slot.cell, innerOf(r, c, slot.cell), size));
    });
    return lines * spec.pitchPt + 2 * pad + 0.5;
  });
  const out = new Map<TableCell, number>();
  slots.slice(0, t.headerRows).forEach((row, r) =>
    row.forEach((slot, c) => {
      const cell = slot.cell;
      if (!slot.origin || cell.rowSpan === 1 || r + cell.rowSpan > t.headerRows) return;
      const available = rowHeights.slice(r, r + cell.rowSpan).reduce((a, b) => a + b, 0) - 2 * pad - 0.5;
      const own = linesOf(cell, innerOf(r, c, cell), size) * spec.pitchPt;
      if (available > own) out.set(cell, (available - own) / 2);
    }),
  );
  return out;
}

/**
 * Height a table needs at the foot of a page before it may start there: its header rows and its
 * first body row, estimated like headerCentring (a cell spanning rows shares its lines among them).
 */
function startHeight(t: TableBlock, widthPt: number): number {
  const spec = STYLES[t.style];
  const size = sizeOf(t.style);
  const pad = mmToPt(CELL_PADDING_MM.y);
  const px = mmToPt(CELL_PADDING_MM.x);
  const sum = t.columnWidths.reduce((a, b) => a + b, 0);
  const inner = t.columnWidths.map((w) => (w * widthPt) / sum - 2 * px - 0.5);
  const rows = Math.min(t.rows.length, t.headerRows + 1);
  const need = Array<number>(rows).fill(1);
  gridOf(t)
    .slice(0, rows)
    .forEach((row, r) =>
      row.forEach((slot, c) => {
        if (!slot.origin) return;
        const cell = slot.cell;
        const width = inner.slice(c, c + cell.colSpan).reduce((a, b) => a + b, 0) + (cell.colSpan - 1) * (2 * px + 0.5);
        const span = Math.min(cell.rowSpan, rows - r);
        const share = linesOf(cell, width, size) / cell.rowSpan;
        for (let k = r; k < r + span; k++) need[k] = Math.max(need[k]!, share);
      }),
    );
  return need.reduce((h, lines) => h + Math.ceil(lines) * spec.pitchPt + 2 * pad + 0.5, 0);
}

function table(cov: Coverage, t: TableBlock, widthPt: number): Content {
  const sum = t.columnWidths.reduce((a, b) => a + b, 0);
  const px = mmToPt(CELL_PADDING_MM.x);
  const py = mmToPt(CELL_PADDING_MM.y);
  // Widths exclude padding and rules in pdfmake; subtract them so the table spans the text width.
  const widths = t.columnWidths.map((w) => (w * widthPt) / sum - 2 * px - 0.5);
  const slots = gridOf(t);
  const centring = headerCentring(t, slots, widths, py);
  const body: PdfCell[][] = slots.map((row) =>
    row.map((slot): PdfCell => {
      // pdfmake wants a placeholder in every covered position (notes §3.5).
      if (!slot.origin) return {};
      const c = slot.cell;
      const cell: PdfCell = { text: c.text === "" ? "" : linesContent(cov, c.lines ?? [c.text], t.style), alignment: c.align, lineHeight: 1 };
      // pdfmake misplaces vertically centred cells that span rows (drawn over the rows below, or
      // over the repeated header after a page break): only single-row cells use its centring.
      if (c.rowSpan === 1) cell.verticalAlignment = "middle";
      const top = centring.get(c);
      if (top) cell.marginTop = top;
      if (c.colSpan > 1) cell.colSpan = c.colSpan;
      if (c.rowSpan > 1) cell.rowSpan = c.rowSpan;
      return cell;
    }),
  );
  const layout = {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    paddingLeft: () => px,
    paddingRight: () => px,
    paddingTop: () => py,
    paddingBottom: () => py,
  };
  const node = (rows: PdfCell[][], extra: object = {}): Content =>
    ({
      table: { widths, headerRows: t.headerRows, ...(t.headerRows > 0 ? { keepWithHeaderRows: 1 } : {}), dontBreakRows: true, body: rows },
      layout,
      ...extra,
    }) as Content;
  // With header rows, pdfmake keeps the header with the first body row itself. More kept rows
  // (keepWithHeaderRows > 1) count as repeated header on every page and split a table that fits
  // (measured: 表三 of a one-page report went onto two pages), so the model's keeps stop there.
  if (t.headerRows > 0 || !t.rows.some((r) => r.keepWithNext)) return node(body);
  // pdfmake has no keep-with-next for rows: cut the table where rows let go and make each piece
  // unbreakable. Each piece draws its own top rule (it may start a page); pulled up by the rule
  // width, it lands exactly on the previous piece's bottom rule.
  const pieces: Content[] = [];
  let start = 0;
  t.rows.forEach((r, i) => {
    if (r.keepWithNext && i < t.rows.length - 1) return;
    pieces.push(node(body.slice(start, i + 1), { unbreakable: true, ...(start > 0 ? { marginTop: -0.5 } : {}) }));
    start = i + 1;
  });
  return { stack: pieces };
}

function blockContent(cov: Coverage, b: Block, widthPt: number): Content {
  switch (b.kind) {
    case "title":
      // GB/T 9704: one empty line between title and text. Lines as broken in the model.
      return { text: linesContent(cov, b.lines, "title"), alignment: "center", marginBottom: LINE_PITCH_PT };
    case "heading":
      return { text: inlines(cov, b.text, HEADING_STYLE[b.level]), leadingIndent: INDENT, headlineLevel: b.level };
    case "paragraph":
      return { text: runsContent(cov, b.runs), leadingIndent: INDENT, alignment: "justify" };
    case "table":
      // Word sets the next line's text low in its exact-height line; pdfmake sets it at the top.
      // A little space keeps a heading under a table from touching the rule.
      return { stack: [table(cov, b, widthPt)], marginBottom: TABLE_GAP_PT };
  }
}

/**
 * Space (pt) a heading needs below it on its page, by the heading's inline array (pdfmake hands
 * pageBreakBefore the node's own `text`). Not by a node id: pdfmake makes every id a named PDF
 * destination, and sorting those starts ICU's collator (~8 ms of an export).
 */
type KeepSpace = Map<unknown, number>;

function sectionContent(cov: Coverage, s: DocSection, first: boolean, keep: KeepSpace): Content[] {
  const page = s.orientation === "portrait" ? { w: 210, h: 297 } : { w: 297, h: 210 };
  const widthPt = mmToPt(page.w - MARGIN_MM.left - MARGIN_MM.right);
  const out: Content[] = [];
  s.blocks.forEach((b, i) => {
    const prev = s.blocks[i - 1];
    if (b.kind === "table" && prev?.kind === "heading") {
      // A heading and the first unbreakable piece of the table under it (table 2's first block)
      // travel together: pdfmake reports an unbreakable piece it moved on as still on the page
      // before, so pageBreakBefore cannot see that the heading was left alone.
      const t = table(cov, b, widthPt) as { stack?: Content[] };
      if (t.stack && t.stack.length > 1) {
        const heading = out.pop()!;
        out.push({ stack: [heading, t.stack[0]!], unbreakable: true } as Content);
        out.push({ stack: t.stack.slice(1), marginBottom: TABLE_GAP_PT } as Content);
        return;
      }
      // A table with header rows: the heading moves on unless its header and first row fit under it.
      keep.set((out[out.length - 1] as { text: unknown }).text, startHeight(b, widthPt));
    }
    out.push(blockContent(cov, b, widthPt));
  });
  if (!first && out.length) {
    out[0] = { stack: [out[0]!], pageBreak: "before", pageOrientation: s.orientation } as Content;
  }
  return out;
}

/** Marks the page number node (an empty style) so the page-break rule can tell it from the text. */
const PAGE_NUMBER_STYLE = "xxgkPageNumber";

/** "— n —": 4号 宋体, 7 mm below the text block; odd pages right, even pages left, indented 1 char. */
function footer(cov: Coverage) {
  return (page: number): Content => {
    const odd = page % 2 === 1;
    const indent = PAGE_NUMBER.indentChars * PAGE_NUMBER.sizePt;
    return {
      text: drawn(cov, pageNumberText(page), PAGE_NUMBER.font, PAGE_NUMBER.sizePt, PAGE_NUMBER.sizePt),
      style: PAGE_NUMBER_STYLE,
      alignment: odd ? "right" : "left",
      margin: [mmToPt(MARGIN_MM.left) + (odd ? 0 : indent), mmToPt(7), mmToPt(MARGIN_MM.right) + (odd ? indent : 0), 0],
    };
  };
}

/** The pdfmake document definition (exported for tests and the bench). */
export function pdfDefinition(doc: Doc, cov: Coverage): TDocumentDefinitions {
  const keep: KeepSpace = new Map();
  return {
    pageSize: "A4",
    pageOrientation: doc.sections[0]?.orientation ?? "portrait",
    pageMargins: [mmToPt(MARGIN_MM.left), mmToPt(MARGIN_MM.top), mmToPt(MARGIN_MM.right), mmToPt(MARGIN_MM.bottom)],
    info: { title: doc.title, creator: "政务公开年报助手", producer: "政务公开年报助手 (pdfmake)" },
    defaultStyle: { font: "fang", fontSize: PDF_SANHAO_PT },
    styles: { [PAGE_NUMBER_STYLE]: {} },
    content: doc.sections.flatMap((s, i) => sectionContent(cov, s, i === 0, keep)),
    footer: footer(cov),
    // A heading never ends a page alone: move it to the next page with what it introduces. The
    // page number is a node of every page, and a stack that wraps a table (or table 2's pieces)
    // may start on this page while its rows do not: neither counts as following text.
    pageBreakBefore: (node, q) => {
      if (node.headlineLevel === undefined) return false;
      const content = (n: { style?: unknown; stack?: boolean }) => n.style !== PAGE_NUMBER_STYLE && !n.stack;
      if (!q.getNodesOnNextPage().some(content)) return false;
      if (!q.getFollowingNodesOnPage().some(content)) return true;
      // pdfmake may report a table it moved on as still on this page: measure the room left instead.
      const need = keep.get(node.text);
      const at = node.startPosition;
      if (need === undefined || !at) return false;
      const below = at.pageInnerHeight * (1 - at.verticalRatio) - LINE_PITCH_PT;
      return below < need;
    },
  };
}

/**
 * The characters each font draws in a definition: every inline that names a font, and the page
 * numbers' digits (the footer is drawn page by page, so it is asked for a number with all ten).
 */
export function usedChars(dd: TDocumentDefinitions): UsedChars {
  const used = noChars();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    const o = node as Record<string, unknown>;
    if (typeof o.text === "string" && typeof o.font === "string" && o.font in used) {
      for (const ch of o.text) if (ch !== "\n") used[o.font as FontRole].add(ch.codePointAt(0)!);
      return;
    }
    for (const v of Object.values(o)) visit(v);
  };
  visit(dd.content);
  if (typeof dd.footer === "function") visit(dd.footer(1234567890, 1234567890, { width: 0, height: 0, orientation: "portrait" }));
  return used;
}

export interface PdfOptions {
  /** Cut the fonts to what this document draws before pdfmake opens them (Node). */
  fitFonts?: FitFonts;
}

/** A PDF drawn with faces in memory (the add-in, tests), cut first by `opts.fitFonts` when given. */
export function toPdf(doc: Doc, fonts: FontBytes, opts: PdfOptions = {}): Promise<Uint8Array> {
  return drawPdf(doc, fontSourceOf(fonts, opts.fitFonts));
}

/** A PDF drawn from a font source: laid out by its coverage, drawn with the faces it gives. */
export async function drawPdf(doc: Doc, fonts: FontSource): Promise<Uint8Array> {
  const dd = pdfDefinition(doc, fonts.coverage);
  // Asked for before pdfmake loads, so a source cutting the faces elsewhere (a worker) runs alongside.
  const faces = Promise.resolve(dd).then((d) => fonts.faces(usedChars(d)));
  const pm = await loadPdfmake();
  registerFonts(pm, await faces);
  const buf = await pm.createPdf(dd).getBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
