/**
 * Lazy export chunk (loaded by exportApi.loadExportModule on first use).
 * Wiring point for src/document (report → docx/pdf) and src/delivery (per-host save); until those
 * land it reports itself as not ready and the pane says so in Chinese.
 */
import type { HostCapabilities } from "../excel/port";
import type { Report } from "../report/schema";
import { ExportNotReadyError, type ExportKind, type ExportOutcome } from "./exportApi";

export async function exportReport(kind: ExportKind, _report: Report, _capabilities: HostCapabilities): Promise<ExportOutcome> {
  throw new ExportNotReadyError(`export ${kind}: src/document renderers not available yet`);
}
