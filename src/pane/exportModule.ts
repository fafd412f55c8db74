/**
 * Lazy export chunk (loaded by exportApi.loadExportModule on first use): report → document →
 * docx/pdf (src/document, which itself lazy-loads docx and pdfmake), then per-host delivery
 * (src/delivery). Returns what the pane should say; never throws at the clerk.
 * whatwg-fetch comes with it: only the export fetches (the PDF fonts, the save hand-off), so IE11,
 * which has no fetch, gets it here and not in its first load (with the URL polyfills it brings).
 * It installs itself only where fetch is missing.
 */
import "whatwg-fetch";
import "./legacyEncodings";
import { officeSaveEnv, saveFile } from "../delivery";
import { exportReport } from "../document";
import { loadFontsFromUrl } from "../document/fontLoader";
import type { ExportOutcome, ExportRequest } from "./exportApi";
import { S } from "./strings";

export async function runExport(req: ExportRequest): Promise<ExportOutcome> {
  const result = await exportReport(req.report, req.kind, {
    // The pane has shown these findings and the clerk confirmed any errors.
    findings: req.findings,
    confirmErrors: true,
    loadFonts: () => loadFontsFromUrl(req.host.fontsBaseUrl),
  });
  if (result.status !== "ok") {
    // A refusal names what failed (e.g. a character no embedded font can draw, and where).
    const details = result.findings.filter((f) => f.rule.startsWith("EXPORT.")).slice(0, 3).map((f) => f.message);
    return { tone: "error", message: [result.message, ...details].join(" ") };
  }
  const { bytes, fileName, mimeType } = result.file;
  const blob = new Blob([bytes as BlobPart], { type: mimeType });
  const saved = await saveFile(blob, fileName, req.host.saveEnv ? req.host.saveEnv() : officeSaveEnv());
  switch (saved.kind) {
    case "downloaded":
    case "opened":
      return { tone: "success", message: saved.message };
    case "fallback":
      return {
        tone: "warning",
        message: saved.detail ? `${saved.message}（${saved.detail}）` : saved.message,
        ...(saved.url ? { link: { href: saved.url, label: S.export.fileLink(fileName) } } : {}),
      };
  }
}
