/**
 * A Word (.docx) report: mammoth turns it into HTML (keeping rowspan/colspan of merged cells),
 * which the HTML reader then reads. mammoth is loaded on first use, so the add-in bundle only
 * fetches it when a .docx is imported. The container is opened within bounds first (./zip):
 * mammoth only ever sees the XML parts it needs (no images, fonts or embedded objects).
 */
import type { DocumentResult } from "./document";
import { readHtml } from "./html";
import { MAX_WORD_PARAGRAPHS, MAX_WORD_RUNS } from "./limits";
import { readZipParts, repack, type ZipProblem } from "./zip";

interface MammothLike {
  convertToHtml(input: unknown, options?: unknown): Promise<{ value: string; messages: unknown[] }>;
  images: { imgElement(f: (image: unknown) => Promise<{ src: string }>): unknown };
}

/** The text-bearing parts of a Word package; images, fonts, embeddings and custom XML are never inflated. */
const DOCX_PART = /^(\[Content_Types\]\.xml|_rels\/\.rels|word\/(_rels\/)?[^/]+\.xml(\.rels)?)$/;

/** More paragraphs or runs than a report could have: mammoth would build them all (~2 KB each). */
export interface WordTooLarge {
  kind: "content";
  paragraphs: number;
  runs: number;
}

/** Thrown when the package is over the limits or broken; carries what was wrong. */
/** mammoth's chunk could not load (offline, an old webview): the file was never looked at. */
export class DocxUnavailable extends Error {
  constructor() {
    super("docx reader unavailable");
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export class DocxRefused extends Error {
  constructor(readonly problem: ZipProblem | WordTooLarge) {
    super(`docx refused: ${problem.kind}`);
    // ES5 builds (IE11): Error.call returns a new object; keep the subclass for instanceof.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const read = readZipParts(bytes, (n) => DOCX_PART.test(n), ["[Content_Types].xml", "_rels/.rels"]);
  if (!read.ok) throw new DocxRefused(read.problem);
  let paragraphs = 0;
  let runs = 0;
  for (const [name, xml] of read.parts) {
    if (!/^word\/[^/]+\.xml$/.test(name)) continue;
    const n = countParagraphsAndRuns(xml);
    paragraphs += n.paragraphs;
    runs += n.runs;
  }
  if (paragraphs > MAX_WORD_PARAGRAPHS || runs > MAX_WORD_RUNS) throw new DocxRefused({ kind: "content", paragraphs, runs });
  const small = repack(read.parts);
  let mod: MammothLike & { default?: MammothLike };
  try {
    mod = (await import("mammoth")) as unknown as MammothLike & { default?: MammothLike };
  } catch {
    throw new DocxUnavailable();
  }
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

/**
 * Elements named p and r (any namespace prefix) in WordprocessingML, counted on the bytes before
 * mammoth builds anything: one pass over the bytes, no string made. Any prefix counts (mammoth
 * resolves namespaces, so <abcdefgh:p> is a paragraph too).
 */
export function countParagraphsAndRuns(xml: Uint8Array): { paragraphs: number; runs: number } {
  let paragraphs = 0;
  let runs = 0;
  for (let at = xml.indexOf(0x3c); at >= 0; at = xml.indexOf(0x3c, at + 1)) {
    // The local name: after the last ":" of the tag name, up to whitespace, "/" or ">".
    let start = at + 1;
    let end = start;
    for (; end < xml.length; end++) {
      const c = xml[end]!;
      if (c === 0x3a) start = end + 1;
      else if (c === 0x20 || c === 0x2f || c === 0x3e || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3c) break;
    }
    if (end - start !== 1) continue;
    const c = xml[start]!;
    if (c === 0x70) paragraphs++;
    else if (c === 0x72) runs++;
  }
  return { paragraphs, runs };
}

/** Read a report from .docx bytes; throws if the file is not a readable .docx. */
export async function readDocx(bytes: Uint8Array): Promise<DocumentResult> {
  return readHtml(await docxToHtml(bytes), "docx");
}
