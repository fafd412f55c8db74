/**
 * Document model → .docx with `docx` v9, laid out per GB/T 9704 (numbers in layout.ts, gotchas in
 * ../shared/notes/export.md §3). Fonts are named, never embedded: the clerk's PC supplies
 * 方正小标宋简体 / 仿宋_GB2312 / 黑体 / 楷体_GB2312.
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from "docx";
import type { Block, Doc, DocSection, Run, TableBlock, TextStyle } from "./model";
import { DOCX_EAST_ASIA, DOCX_LATIN, type FontRole } from "./fonts";
import {
  CELL_PADDING_MM,
  DOCX_CHARACTER_SPACING_TWIP,
  FIRST_LINE_INDENT_CHARS,
  FOOTER_TWIP,
  LINE_PITCH_TWIP,
  MARGIN_TWIP,
  PAGE_NUMBER,
  PAGE_TWIP,
  STYLES,
  SIZE_PT,
  mmToTwip,
  textWidthMm,
} from "./layout";

/** Run fonts: East-Asian name plus Latin, with the eastAsia hint so “”—… use the Chinese font. */
function runFont(role: FontRole) {
  const eastAsia = DOCX_EAST_ASIA[role];
  // Page numbers are 半角宋体 digits; everything else sets Latin text in Times New Roman.
  const latin = role === "song" ? eastAsia : DOCX_LATIN;
  return { ascii: latin, hAnsi: latin, eastAsia, cs: latin, hint: "eastAsia" };
}

const LANGUAGE = { value: "en-US", eastAsia: "zh-CN" };

/** Lines set apart by line breaks (a title or header label broken in the model, breaks.ts). */
function linesRuns(lines: string[], style: TextStyle): TextRun[] {
  return lines.map((l, i) => textRun(l, style, i > 0));
}

function textRun(text: string, style: TextStyle, breakBefore = false): TextRun {
  const spec = STYLES[style];
  const bodySized = spec.sizePt === SIZE_PT.sanhao;
  return new TextRun({
    text,
    ...(breakBefore ? { break: 1 } : {}),
    font: runFont(spec.font),
    size: spec.sizePt * 2,
    language: LANGUAGE,
    // 28 characters per line at 三号 (layout.ts); table and title text keep natural spacing.
    ...(bodySized ? { characterSpacing: DOCX_CHARACTER_SPACING_TWIP } : {}),
  });
}

const BODY_SPACING = { line: LINE_PITCH_TWIP, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const INDENT = { firstLine: FIRST_LINE_INDENT_CHARS * SIZE_PT.sanhao * 20 };

function paragraph(runs: Run[], opts: { heading?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: runs.map((r) => textRun(r.text, r.style)),
    spacing: BODY_SPACING,
    indent: INDENT,
    alignment: AlignmentType.JUSTIFIED,
    // A heading never ends a page alone.
    keepNext: opts.heading ?? false,
  });
}

const HEADING_STYLE = { 1: "heading1", 2: "heading2", 3: "heading3" } as const;

function table(t: TableBlock, orientation: DocSection["orientation"]): Table {
  const spec = STYLES[t.style];
  const totalTwip = mmToTwip(textWidthMm(orientation));
  const sumMm = t.columnWidths.reduce((a, b) => a + b, 0);
  const widths = t.columnWidths.map((w) => Math.floor((w * totalTwip) / sumMm));
  widths[widths.length - 1]! += totalTwip - widths.reduce((a, b) => a + b, 0);
  const padX = mmToTwip(CELL_PADDING_MM.x);
  const padY = mmToTwip(CELL_PADDING_MM.y);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: totalTwip, type: WidthType.DXA },
    columnWidths: widths,
    rows: t.rows.map(
      (row, ri) =>
        new TableRow({
          // Only header rows carry the flag (docx writes tblHeader="off" otherwise).
          ...(ri < t.headerRows ? { tableHeader: true } : {}),
          cantSplit: true,
          children: row.cells.map(
            (cell) =>
              new TableCell({
                // Spans only when they span: docx writes gridSpan="1" for an explicit 1.
                ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
                ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
                verticalAlign: VerticalAlignTable.CENTER,
                margins: { left: padX, right: padX, top: padY, bottom: padY },
                children: [
                  new Paragraph({
                    children: cell.text === "" ? [] : linesRuns(cell.lines ?? [cell.text], t.style),
                    alignment: cell.align === "left" ? AlignmentType.LEFT : AlignmentType.CENTER,
                    spacing: { line: Math.round(spec.pitchPt * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
                    // Word keeps a row with the next when its paragraphs keep with next.
                    keepNext: row.keepWithNext ?? false,
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

function blocks(list: Block[], orientation: DocSection["orientation"]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of list) {
    if (b.kind === "title") {
      out.push(
        new Paragraph({
          children: linesRuns(b.lines, "title"),
          alignment: AlignmentType.CENTER,
          spacing: BODY_SPACING,
          keepNext: true,
        }),
        // GB/T 9704: one empty line between the title and the text.
        new Paragraph({ children: [], spacing: BODY_SPACING }),
      );
    } else if (b.kind === "heading") {
      out.push(paragraph([{ text: b.text, style: HEADING_STYLE[b.level] }], { heading: true }));
    } else if (b.kind === "paragraph") {
      out.push(paragraph(b.runs));
    } else {
      out.push(table(b, orientation));
    }
  }
  return out;
}

/** "— n —", odd pages right, even pages left, each indented one character. */
function pageNumberFooter(side: "odd" | "even"): Footer {
  const indent = PAGE_NUMBER.indentChars * PAGE_NUMBER.sizePt * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: indent } : { left: indent },
        children: [
          new TextRun({
            children: [PAGE_NUMBER.before, PageNumber.CURRENT, PAGE_NUMBER.after],
            font: runFont(PAGE_NUMBER.font),
            size: PAGE_NUMBER.sizePt * 2,
            language: LANGUAGE,
          }),
        ],
      }),
    ],
  });
}

function section(s: DocSection, first: boolean): ISectionOptions {
  return {
    properties: {
      ...(first ? {} : { type: SectionType.NEXT_PAGE }),
      page: {
        // docx swaps width and height itself for landscape (notes §3.4): always pass portrait.
        size: {
          width: PAGE_TWIP.width,
          height: PAGE_TWIP.height,
          orientation: s.orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { ...MARGIN_TWIP, header: 851, footer: FOOTER_TWIP },
      },
    },
    footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
    children: blocks(s.blocks, s.orientation),
  };
}

export async function toDocx(doc: Doc): Promise<Uint8Array> {
  const d = new Document({
    title: doc.title,
    creator: "政务公开年报助手",
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: runFont("fang"), size: SIZE_PT.sanhao * 2, language: LANGUAGE },
          paragraph: { spacing: BODY_SPACING },
        },
      },
    },
    sections: doc.sections.map((s, i) => section(s, i === 0)),
  });
  return Packer.pack(d, "uint8array");
}
