/**
 * Export to Word, PDF and HTML. The pane imports this module; docx and pdfmake load on first use.
 * Node callers read the PDF fonts with ./fontsNode (kept out of this index: it uses node:fs).
 */
export type { Doc, DocSection, Block, TableBlock, TableCell, TableRow, Run, Source, TextStyle } from "./model";
export { buildDocument } from "./build";
export { exportReport, type ExportOptions, type ExportResult, type ExportedFile } from "./exportReport";
export { EXPORT_KINDS, kindOfMimeType, type ExportKind } from "./kinds";
export { checkGlyphs, segments, type Coverage } from "./glyphs";
export { fontFacts, type FontFacts } from "./cmap";
export { FONT_ROLES, PDF_FONT_FILES, FONTS_VERSION, type FontBytes, type FontRole } from "./fonts";
export { loadFontsFromUrl, type FontLoaderEnv } from "./fontLoader";
export { toHtml, toHtmlFragment, escapeHtml } from "./html";
export { documentTitle, safeFileBaseName } from "./fileName";
/** Renderers, for callers that want them directly (they pull in docx / pdfmake). */
export const renderers = {
  toDocx: async (...a: Parameters<typeof import("./docx").toDocx>) => (await import("./docx")).toDocx(...a),
  toPdf: async (...a: Parameters<typeof import("./pdf").toPdf>) => (await import("./pdf")).toPdf(...a),
};
