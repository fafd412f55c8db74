/**
 * The pane's view of exporting. The export code (docx, pdfmake, fonts) is large, so the pane only
 * knows this interface and loads the implementation with a dynamic import() on the first click:
 * webpack puts it in separate chunks that the initial pane bundle never contains.
 */
import type { HostCapabilities } from "../excel/port";
import type { Report } from "../report/schema";

export type ExportKind = "docx" | "pdf";

export interface ExportOutcome {
  fileName: string;
  /** Set when the file could not be handed over directly: a link the clerk can open or copy. */
  link?: string;
}

export interface ExportModule {
  exportReport(kind: ExportKind, report: Report, capabilities: HostCapabilities): Promise<ExportOutcome>;
}

/** Thrown by the export module while src/document or src/delivery is not available. */
export class ExportNotReadyError extends Error {
  constructor(what: string) {
    super(what);
    this.name = "ExportNotReadyError";
  }
}

export function loadExportModule(): Promise<ExportModule> {
  return import(/* webpackChunkName: "export" */ "./exportModule");
}
