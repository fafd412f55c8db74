/** Bundled by test/document/browser.test.ts: the export as the add-in runs it, in Chromium. */
import { exportReport } from "../../../src/document";
import { loadFontsFromUrl } from "../../../src/document/fontLoader";
import type { Report } from "../../../src/report";

async function makePdf(report: Report): Promise<{ status: string; base64?: string; messages: string[] }> {
  const res = await exportReport(report, "pdf", {
    confirmErrors: true,
    loadFonts: () => loadFontsFromUrl(new URL("fonts/", location.href).toString()),
  });
  const messages = res.findings.filter((f) => f.rule === "EXPORT.GLYPH").map((f) => f.message);
  if (res.status !== "ok") return { status: res.status, messages };
  let bin = "";
  for (const b of res.file.bytes) bin += String.fromCharCode(b);
  return { status: res.status, base64: btoa(bin), messages };
}

(window as unknown as { makePdf: typeof makePdf }).makePdf = makePdf;
