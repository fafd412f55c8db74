/**
 * A Word (.docx) report: mammoth turns it into HTML (keeping rowspan/colspan of merged cells),
 * which the HTML reader then reads. mammoth is loaded on first use, so the add-in bundle only
 * fetches it when a .docx is imported. The container is opened within bounds first (./zip):
 * mammoth only ever sees the XML parts it needs (no images, fonts or embedded objects).
 */
import type { DocumentResult } from "./document";
import { readHtml } from "./html";
import { readZipParts, repack, type ZipProblem } from "./zip";

interface MammothLike {
  convertToHtml(input: unknown, options?: unknown): Promise<{ value: string; messages: unknown[] }>;
  images: { imgElement(f: (image: unknown) => Promise<{ src: string }>): unknown };
}

/** The text-bearing parts of a Word package; images, fonts, embeddings and custom XML are never inflated. */
const DOCX_PART = /^(\[Content_Types\]\.xml|_rels\/\.rels|word\/(_rels\/)?[^/]+\.xml(\.rels)?)$/;

/** Thrown when the package is over the limits or broken; carries what was wrong. */
export class DocxRefused extends Error {
  constructor(readonly problem: ZipProblem) {
    super(`docx refused: ${problem.kind}`);
    // ES5 builds (IE11): Error.call returns a new object; keep the subclass for instanceof.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const read = readZipParts(bytes, (n) => DOCX_PART.test(n), ["[Content_Types].xml", "_rels/.rels"]);
  if (!read.ok) throw new DocxRefused(read.problem);
  const small = repack(read.parts);
  const mod = (await import("mammoth")) as unknown as MammothLike & { default?: MammothLike };
  const mammoth = mod.default ?? mod;
  const arrayBuffer = small.buffer.slice(small.byteOffset, small.byteOffset + small.byteLength);
  // Node's mammoth reads `buffer`, its browser build reads `arrayBuffer`. Images are left out
  // (their bytes were never inflated): the reader needs text and tables only.
  const result = await mammoth.convertToHtml(
    { buffer: small, arrayBuffer },
    { ignoreEmptyParagraphs: true, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })) },
  );
  return result.value;
}

/** Read a report from .docx bytes; throws if the file is not a readable .docx. */
export async function readDocx(bytes: Uint8Array): Promise<DocumentResult> {
  return readHtml(await docxToHtml(bytes));
}
