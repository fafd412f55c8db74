/**
 * A Word (.docx) report: mammoth turns it into HTML (keeping rowspan/colspan of merged cells),
 * which the HTML reader then reads. mammoth is loaded on first use, so the add-in bundle only
 * fetches it when a .docx is imported.
 */
import type { DocumentResult } from "./document";
import { readHtml } from "./html";

interface MammothLike {
  convertToHtml(input: unknown, options?: unknown): Promise<{ value: string; messages: unknown[] }>;
}

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const mod = (await import("mammoth")) as unknown as MammothLike & { default?: MammothLike };
  const mammoth = mod.default ?? mod;
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  // Node's mammoth reads `buffer`, its browser build reads `arrayBuffer`.
  const result = await mammoth.convertToHtml({ buffer: bytes, arrayBuffer }, { ignoreEmptyParagraphs: true });
  return result.value;
}

/** Read a report from .docx bytes; throws if the file is not a readable .docx. */
export async function readDocx(bytes: Uint8Array): Promise<DocumentResult> {
  return readHtml(await docxToHtml(bytes));
}
