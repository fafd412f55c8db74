/**
 * 导出 Word/PDF: validate first so the file never carries an error the pane has not shown; with
 * errors, ask once (仍然导出); the exporter is a lazy chunk.
 */
import { ExportNotReadyError, type ExportKind } from "../exportApi";
import { isTodo } from "../state";
import { S } from "../strings";
import { reason, type PaneContext } from "./context";

export interface ExportController {
  exportAs(kind: ExportKind): Promise<void>;
  /** Closing the notice: for the export question, a "no" (the next 导出 asks again). */
  dismissNotice(): void;
  /** Notice buttons this feature answers (仍然导出). */
  actions: Record<string, () => Promise<void>>;
}

export function exportController(ctx: PaneContext): ExportController {
  const { host, dispatch } = ctx;

  async function exportAs(kind: ExportKind): Promise<void> {
    if (ctx.state.busy) return;
    await ctx.validate();
    const { report, findings, confirmedExport } = ctx.state;
    if (!report) {
      dispatch({ type: "notice", notice: { tone: "warning", text: S.export.noReport } });
      return;
    }
    const blocking = findings.filter((f) => f.severity === "error");
    const errors = blocking.filter((f) => !isTodo(f)).length;
    const emptyParts = blocking.length - errors;
    if (blocking.length > 0 && confirmedExport !== kind) {
      dispatch({ type: "confirmedExport", kind });
      dispatch({
        type: "notice",
        notice: { tone: "warning", text: S.export.blockedByErrors(errors, emptyParts), action: { id: `export:${kind}`, label: kind === "docx" ? S.actions.exportWordAnyway : S.actions.exportPdfAnyway } },
      });
      return;
    }
    dispatch({ type: "confirmedExport", kind: null });
    const label = kind === "docx" ? "Word" : "PDF";
    dispatch({ type: "busy", busy: kind });
    dispatch({ type: "notice", notice: { tone: "info", text: S.export.working(label) } });
    try {
      if (!host.exportHost) throw new ExportNotReadyError("no export host");
      const mod = await ctx.loadExporter();
      const out = await mod.runExport({ kind, report, findings, host: host.exportHost });
      dispatch({ type: "notice", notice: { tone: out.tone, text: out.message, ...(out.link ? { link: out.link } : {}) } });
    } catch (e) {
      const text = e instanceof ExportNotReadyError ? S.export.notReady : S.export.failed(reason(e));
      dispatch({ type: "notice", notice: { tone: "error", text } });
    } finally {
      dispatch({ type: "busy", busy: null });
    }
  }

  const anyway = (kind: ExportKind) => async () => {
    dispatch({ type: "confirmedExport", kind });
    await exportAs(kind);
  };

  return {
    exportAs,
    dismissNotice() {
      dispatch({ type: "confirmedExport", kind: null });
      dispatch({ type: "notice", notice: null });
    },
    actions: { "export:docx": anyway("docx"), "export:pdf": anyway("pdf") },
  };
}
