/**
 * Export a report as Word, PDF or HTML. Never refuses silently: the result always carries the
 * findings; a report with errors needs the clerk's confirmation; a PDF whose characters the
 * embedded fonts cannot draw is refused with EXPORT.GLYPH findings naming each character.
 * Renderers load lazily (dynamic import), so the pane pays for docx/pdfmake only on first use.
 */
import { checkReport, type Finding, type Report } from "../report";
import { buildDocument } from "./build";
import { checkGlyphs } from "./glyphs";
import type { FontBytes } from "./fonts";
import type { FontSource } from "./fontSource";
import { EXPORT_KINDS, type ExportKind } from "./kinds";
import { text } from "./messages";
import type { Doc } from "./model";

export interface ExportOptions {
  /** The clerk confirmed exporting a report that has errors. */
  confirmErrors?: boolean;
  /** Findings already computed (e.g. the pane's last check, with the importer's); default checkReport. */
  findings?: Finding[];
  /** Last year's report, for the cross-year rules when findings are computed here. */
  prior?: Report | null;
  /** Where the PDF fonts come from: assets/fonts in Node, our origin in the add-in. PDF needs this or fontSource. */
  loadFonts?: () => Promise<FontBytes>;
  /** Instead of loadFonts: fonts whose coverage is known before their faces (the CLI, fontsNode.ts). */
  fontSource?: () => Promise<FontSource>;
}

export interface ExportedFile {
  kind: ExportKind;
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
}

export type ExportResult =
  | { status: "ok"; file: ExportedFile; findings: Finding[] }
  /** Errors in the report and no confirmation: show the findings, ask, call again with confirmErrors. */
  | { status: "needsConfirmation"; findings: Finding[]; message: string }
  /** The file cannot be made as asked (a character no font has, fonts not loadable). */
  | { status: "refused"; findings: Finding[]; message: string };

async function render(doc: Doc, kind: ExportKind, fonts: FontSource | null): Promise<Uint8Array> {
  if (kind === "docx") return (await import("./docx")).toDocx(doc);
  if (kind === "html") return new TextEncoder().encode((await import("./html")).toHtml(doc));
  return (await import("./pdf")).drawPdf(doc, fonts!);
}

/** The PDF fonts an export asked for; rejects when they cannot be had. */
async function fontsFor(opts: ExportOptions): Promise<FontSource> {
  if (opts.fontSource) return opts.fontSource();
  if (!opts.loadFonts) throw new Error("loadFonts");
  const bytes = await opts.loadFonts();
  return (await import("./pdf")).fontSourceOf(bytes);
}

export async function exportReport(report: Report, kind: ExportKind, opts: ExportOptions = {}): Promise<ExportResult> {
  const findings = [...(opts.findings ?? checkReport(report, { prior: opts.prior ?? null }))];
  const doc = buildDocument(report);
  let fonts: FontSource | null = null;
  if (kind === "pdf") {
    try {
      fonts = await fontsFor(opts);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      return { status: "refused", findings, message: opts.fontSource ? text.fontsReadFailed(detail) : text.fontsLoadFailed(detail) };
    }
    const glyphs = checkGlyphs(doc, fonts.coverage);
    findings.unshift(...glyphs);
    if (glyphs.some((f) => f.severity === "error")) return { status: "refused", findings, message: text.refused };
  }
  const errors = findings.filter((f) => f.severity === "error").length;
  if (errors > 0 && !opts.confirmErrors) return { status: "needsConfirmation", findings, message: text.needsConfirmation(errors) };
  const bytes = await render(doc, kind, fonts);
  const k = EXPORT_KINDS[kind];
  return { status: "ok", findings, file: { kind, bytes, fileName: doc.fileBaseName + k.extension, mimeType: k.mimeType } };
}
