/**
 * 结转/导入 and 按台账填写表三/表四: read a source (lazy chunk), preview against the workbook as it
 * is now, confirm (inserting the template first when there is none), 撤销. The plans and writes
 * are the workflow's (src/workflow/transfer.ts, transferPreview.ts, fill.ts).
 */
import { confirmWrites, keyLabel, undoForced, undoKeeping, type AppliedTransfer, type TransferMode, type TransferPreview } from "../../workflow/transfer";
import { S } from "../strings";
import { TRANSFER_STRINGS } from "../transferStrings";
import type { SourceInput, TransferModule } from "../transferApi";
import { fileBytes, insertProgress, reason, type PaneContext } from "./context";

export interface TransferController {
  open(mode: TransferMode): void;
  read(input: SourceInput): Promise<void>;
  file(file: File): Promise<void>;
  confirm(): Promise<void>;
  undo(kind?: "check" | "keep" | "all"): Promise<void>;
  /** 按台账填写表三/表四: the import preview with the register's counts. */
  ledger(): Promise<void>;
  close(): void;
  toggle(key: string): void;
  back(): void;
  /** Notice buttons this feature answers (撤销…). */
  actions: Record<string, () => Promise<void>>;
}

export function transferController(ctx: PaneContext): TransferController {
  const { port, host, dispatch } = ctx;

  function open(mode: TransferMode): void {
    const state = ctx.state;
    if (state.busy) return;
    if (state.transfer?.mode === mode) return dispatch({ type: "transferClose" });
    // One panel at a time: 结转/导入 replaces a 导入已有台账 in progress (nothing was written yet).
    if (state.ledgerImport) dispatch({ type: "ledgerImport", panel: null });
    dispatch({ type: "transferSource", source: null });
    dispatch({ type: "transferOpen", mode });
  }

  /** The same preview, tick and 撤销 as an import, the register's counts as the source. */
  async function ledger(): Promise<void> {
    if (ctx.state.busy) return;
    await ctx.validate();
    const report = ctx.state.report;
    if (!report) return;
    let p: TransferPreview | null;
    try {
      p = (await ctx.loadRegister()).ledgerFillPreview(report);
    } catch (e) {
      dispatch({ type: "notice", notice: { tone: "error", text: S.ledger.unavailable(reason(e)) } });
      return;
    }
    if (!p) return;
    dispatch({ type: "transferSource", source: { kind: "ledger" } });
    dispatch({ type: "transferOpen", mode: "import" });
    dispatch({ type: "transferPreview", preview: p });
  }

  async function module(): Promise<TransferModule | null> {
    try {
      return await ctx.loadTransfer();
    } catch (e) {
      dispatch({ type: "transferError", message: TRANSFER_STRINGS.moduleFailed(reason(e)) });
      return null;
    }
  }

  /** The file source's preview against the workbook as it is now (one fresh read first). */
  function prepared(mod: TransferModule, mode: TransferMode): TransferPreview | null {
    const { transferSource: src, report, template } = ctx.state;
    if (src?.kind !== "file") return null;
    return mod.prepare({ mode, source: src.source, findings: src.findings, current: report, template, defaultYear: ctx.thisYear });
  }

  async function preview(mod: TransferModule): Promise<void> {
    await ctx.validate();
    const t = ctx.state.transfer;
    const p = t ? prepared(mod, t.mode) : null;
    if (p) dispatch({ type: "transferPreview", preview: p });
  }

  async function read(input: SourceInput): Promise<void> {
    if (!ctx.state.transfer || ctx.state.busy) return;
    dispatch({ type: "transferReading", label: input.name || TRANSFER_STRINGS.pasted });
    const mod = await module();
    if (!mod) return;
    const out = await mod.readSource(input);
    if (!ctx.state.transfer) return; // closed meanwhile
    if (!out.ok) return dispatch({ type: "transferError", message: out.message, details: out.details });
    dispatch({ type: "transferSource", source: { kind: "file", source: out.source, findings: out.findings } });
    await preview(mod);
  }

  async function file(f: File): Promise<void> {
    if (!ctx.state.transfer) return;
    const bytes = await fileBytes(f, TRANSFER_STRINGS);
    if ("error" in bytes) return dispatch({ type: "transferError", message: bytes.error });
    await read({ name: f.name, data: bytes });
  }

  async function confirm(): Promise<void> {
    const { transfer: t, busy, transferSource: src } = ctx.state;
    if (!t || t.step !== "preview" || busy || !src) return;
    const mod = src.kind === "file" ? await module() : null;
    if (src.kind === "file" && !mod) return;
    dispatch({ type: "busy", busy: "transfer" });
    dispatch({ type: "transferBusy", busy: true });
    let p = t.preview;
    let applied: AppliedTransfer | null = null;
    try {
      await ctx.applyWrite(
        async () => {
          let accepted = new Set(t.accepted);
          if (p.insertFirst && !ctx.state.template && mod) {
            const outcome = await port.insertTemplate(p.insertFirst, insertProgress(ctx.dispatch));
            if (outcome.kind === "unsupported") {
              dispatch({ type: "inserted", outcome, templateUrl: host.templateUrl });
              return null;
            }
            await ctx.validate();
            p = prepared(mod, p.mode) ?? p;
            accepted = new Set();
          }
          const planned = confirmWrites(p, accepted);
          applied = planned.applied;
          return planned.write;
        },
        {
          written: (notes) => {
            const a = applied!;
            if (p.mode === "rollForward" && src.kind === "file") dispatch({ type: "priorReport", report: src.source.report });
            dispatch({ type: "applied", applied: a });
            dispatch({ type: "transferClose" });
            const fill = p.origin === "ledger";
            const carried = p.mode === "rollForward" ? p.registerCarry?.append : null;
            const text = [fill ? S.ledger.done(a.count) : TRANSFER_STRINGS.done[p.mode](a.count), ...(carried ? [S.ledger.carried(carried.rows.length, carried.sheet)] : []), ...notes].join(" ");
            const label = fill ? S.ledger.undo : TRANSFER_STRINGS.undo[p.mode];
            dispatch({ type: "notice", notice: { tone: "success", text, action: { id: "undo", label } } });
          },
          changed: async () => {
            dispatch({ type: "busy", busy: null });
            if (mod) await preview(mod);
            else await ledger();
            dispatch({ type: "notice", notice: { tone: "warning", text: TRANSFER_STRINGS.changedSincePreview } });
          },
          failed: TRANSFER_STRINGS.writeFailed,
        },
      );
    } finally {
      dispatch({ type: "busy", busy: null });
      dispatch({ type: "transferBusy", busy: false });
    }
    await ctx.validate();
  }

  /** 撤销: only if the cells still hold what was written, unless the clerk chose otherwise. */
  async function undo(kind: "check" | "keep" | "all" = "check"): Promise<void> {
    const { applied: a, busy, undoChanged } = ctx.state;
    if (!a || busy) return;
    const w = kind === "check" ? a.undo : kind === "keep" ? undoKeeping(a.undo, undoChanged) : undoForced(a.undo);
    dispatch({ type: "busy", busy: "transfer" });
    try {
      await ctx.applyWrite(w, {
        written: () => {
          if (a.mode === "rollForward" && a.undo.priorFigures !== undefined) dispatch({ type: "priorReport", report: null });
          dispatch({ type: "applied", applied: null });
          dispatch({ type: "notice", notice: { tone: "success", text: a.origin === "ledger" ? S.ledger.undone : TRANSFER_STRINGS.undone } });
        },
        changed: (keys) => {
          dispatch({ type: "undoChanged", keys });
          dispatch({
            type: "notice",
            notice: {
              tone: "warning",
              text: TRANSFER_STRINGS.undoChanged(keys.map(keyLabel).join("、")),
              actions: [
                { id: "undo:keep", label: TRANSFER_STRINGS.undoKeep },
                { id: "undo:all", label: TRANSFER_STRINGS.undoAll },
              ],
            },
          });
        },
        failed: TRANSFER_STRINGS.writeFailed,
      });
    } finally {
      dispatch({ type: "busy", busy: null });
    }
    await ctx.validate();
  }

  return {
    open,
    read,
    file,
    confirm,
    undo,
    ledger,
    close: () => dispatch({ type: "transferClose" }),
    toggle: (key) => dispatch({ type: "transferToggle", key }),
    back: () => dispatch({ type: "transferOpen", mode: ctx.state.transfer?.mode ?? "import" }),
    actions: { undo: () => undo("check"), "undo:keep": () => undo("keep"), "undo:all": () => undo("all") },
  };
}
