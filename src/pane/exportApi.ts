/**
 * The pane's view of exporting. The export code (docx, pdfmake, fonts) is large, so the pane only
 * knows this interface and loads the implementation with a dynamic import() on the first click:
 * webpack puts it in separate chunks that the initial pane bundle never contains.
 */
import type { SaveEnv } from "../delivery";
import type { Finding, Report } from "../report/schema";

export type ExportKind = "docx" | "pdf";

/** What the host page provides for exporting (Office or the workbench). */
export interface ExportHost {
  /** Where the PDF fonts are served (our origin), e.g. https://host/addin/fonts/. */
  fontsBaseUrl: string;
  /**
   * How to hand a file to the clerk (download, or hand-off + browser window). Default: the Office
   * environment of src/delivery, built inside the lazy chunk so delivery code stays out of the
   * initial bundle.
   */
  saveEnv?(): SaveEnv;
}

export interface ExportRequest {
  kind: ExportKind;
  report: Report;
  /** The pane's findings of this report (already shown to the clerk, errors confirmed). */
  findings: Finding[];
  host: ExportHost;
}

export interface ExportOutcome {
  tone: "success" | "warning" | "error";
  message: string;
  /** A link to show when the file could not be handed over directly. */
  link?: { href: string; label: string };
}

export interface ExportModule {
  runExport(request: ExportRequest): Promise<ExportOutcome>;
}

/** Thrown when the pane has no export host (e.g. a page without delivery wiring). */
export class ExportNotReadyError extends Error {
  constructor(what: string) {
    super(what);
    // ES5 builds (IE11): Error.call returns a new object; keep the subclass for instanceof.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "ExportNotReadyError";
  }
}

export function loadExportModule(): Promise<ExportModule> {
  return import(/* webpackChunkName: "export" */ "./exportModule");
}
