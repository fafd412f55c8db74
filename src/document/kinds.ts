/** The export formats: file extension and MIME type (shared by the exporter, the hand-off and the server). */
export type ExportKind = "docx" | "pdf" | "html";

export const EXPORT_KINDS: Record<ExportKind, { extension: string; mimeType: string; label: string }> = {
  docx: { extension: ".docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: "Word 文件" },
  pdf: { extension: ".pdf", mimeType: "application/pdf", label: "PDF 文件" },
  html: { extension: ".html", mimeType: "text/html; charset=utf-8", label: "网页（HTML）" },
};

/** The kind a MIME type names (parameters such as charset ignored), or null. */
export function kindOfMimeType(mime: string | undefined): ExportKind | null {
  const base = (mime ?? "").split(";")[0]!.trim().toLowerCase();
  for (const [k, v] of Object.entries(EXPORT_KINDS)) if (v.mimeType.split(";")[0] === base) return k as ExportKind;
  return null;
}
