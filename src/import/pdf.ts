/**
 * Reading a published PDF: text items with their positions (pdf.js), grouped into lines and
 * handed to the layout reader, which rebuilds the tables from the items' x-positions. The pdf.js
 * module is passed in (Node's legacy build for the CLI; the pane would load its own chunk), so
 * this file carries no host dependency. Bounded in pages, items and time; scans, encrypted and
 * broken files are refused with a plain message.
 */
import type { Block } from "./blocks";
import { readDocument, type DocumentResult } from "./document";
import { linesToBlocks, type Line, type Token } from "./layout";
import { MAX_LAYOUT_LINES, MAX_PDF_ITEMS_PER_PAGE, MAX_PDF_MS, MAX_PDF_PAGES } from "./limits";
import { importText } from "./messages";

/** The part of pdf.js this reader uses. */
export interface PdfLib {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfDoc>; destroy(): Promise<void> };
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }>; cleanup(): void }>;
  destroy(): Promise<void>;
}
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** A PDF the reader refuses, with the message to show. */
export class PdfRefused extends Error {
  constructor(message: string) {
    super(message);
    // ES5 builds (IE11): Error.call returns a new object; keep the subclass for instanceof.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

const isTextItem = (x: unknown): x is TextItem =>
  typeof x === "object" && x !== null && typeof (x as TextItem).str === "string" && Array.isArray((x as TextItem).transform);

/** One item's words as tokens: runs of non-spaces, placed by their share of the item's width. */
function tokensOf(item: TextItem): Token[] {
  const x = item.transform[4]!;
  const per = item.str.length ? item.width / item.str.length : 0;
  const out: Token[] = [];
  for (const m of item.str.matchAll(/\S+/g)) out.push({ text: m[0], x0: x + m.index * per, x1: x + (m.index + m[0].length) * per });
  return out;
}

/** Items of one page to lines, top to bottom: items whose baselines are within half a line height. */
export function pageLines(items: readonly TextItem[]): { lines: Line[]; height: number } {
  // Rotated text (a vertical header cell) is not part of any line.
  const flat = items.filter((i) => i.str.trim() !== "" && Math.abs(i.transform[1]!) < 1e-6 && Math.abs(i.transform[2]!) < 1e-6);
  const heights = flat.map((i) => Math.abs(i.transform[3]!) || i.height).sort((a, b) => a - b);
  const height = heights[Math.floor(heights.length / 2)] ?? 10;
  const sorted = [...flat].sort((a, b) => b.transform[5]! - a.transform[5]! || a.transform[4]! - b.transform[4]!);
  const lines: { y: number; tokens: Token[] }[] = [];
  for (const item of sorted) {
    const y = item.transform[5]!;
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - y) <= height / 2) last.tokens.push(...tokensOf(item));
    else lines.push({ y, tokens: tokensOf(item) });
  }
  return { lines: lines.map((l) => ({ tokens: joinTouching(l.tokens.sort((a, b) => a.x0 - b.x0), height / 4) })), height };
}

/** Pieces of one word set as separate items ("自然" "人", "结" "果" "维" "持") are one token. */
function joinTouching(tokens: readonly Token[], gap: number): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last && t.x0 - last.x1 <= gap) out[out.length - 1] = { text: last.text + t.text, x0: last.x0, x1: Math.max(last.x1, t.x1) };
    else out.push({ ...t });
  }
  return out;
}

/** The blocks of a PDF. Throws PdfRefused with the message for the user. */
export async function pdfToBlocks(bytes: Uint8Array, lib: PdfLib, now: () => number = Date.now): Promise<Block[]> {
  const started = now();
  const task = lib.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: PdfDoc;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string } | null)?.name ?? "";
    throw new PdfRefused(name === "PasswordException" ? importText.pdfEncrypted() : importText.pdfBroken());
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) throw new PdfRefused(importText.pdfTooLong(doc.numPages, MAX_PDF_PAGES));
    const lines: Line[] = [];
    const heights: number[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      if (now() - started > MAX_PDF_MS) throw new PdfRefused(importText.pdfTooSlow());
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.slice(0, MAX_PDF_ITEMS_PER_PAGE).filter(isTextItem);
      page.cleanup();
      for (const i of items) chars += i.str.trim().length;
      const read = pageLines(items);
      lines.push(...read.lines);
      if (read.lines.length) heights.push(read.height);
    }
    if (chars < 20) throw new PdfRefused(importText.pdfScanned(doc.numPages));
    if (lines.length > MAX_LAYOUT_LINES) throw new PdfRefused(importText.tooManyLines(lines.length, MAX_LAYOUT_LINES));
    heights.sort((a, b) => a - b);
    const height = heights[Math.floor(heights.length / 2)] ?? 10;
    // Numbers of one column sit within most of a character of each other (centred or right-aligned).
    return linesToBlocks(lines, { tolerance: height * 0.8, precise: true });
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** Read a report from a PDF file. */
export async function readPdf(bytes: Uint8Array, lib: PdfLib): Promise<DocumentResult> {
  return readDocument(await pdfToBlocks(bytes, lib));
}
