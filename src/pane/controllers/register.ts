/**
 * 导入已有台账: read the file's registers (lazy chunk), map their columns, preview the rows as
 * written, confirm into blank rows only, 撤销. The plan and writes are the workflow's
 * (src/workflow/registerImport.ts), loaded with the register chunk when the file is read.
 */
import type { RegisterRole } from "../../template/roles";
import type { ImportSources } from "../../workflow/registerImport";
import { ledgerImportWrites, rowKeyLabel, undoKeepingRows } from "../../workflow/registerRows";
import type { RegisterModule } from "../registerApi";
import { LEDGER_IMPORT_STRINGS } from "../ledgerImportStrings";
import type { TransferModule } from "../transferApi";
import { fileBytes, reason, type PaneContext } from "./context";

const LI = LEDGER_IMPORT_STRINGS;

export interface RegisterController {
  open(): void;
  close(): void;
  read(input: { name: string; data: Uint8Array }): Promise<void>;
  file(file: File): Promise<void>;
  map(role: RegisterRole, field: string, column: number | null): void;
  confirm(): Promise<void>;
  undo(keepChanged?: boolean): Promise<void>;
  /** Notice buttons this feature answers (撤销导入台账). */
  actions: Record<string, () => Promise<void>>;
}

export function registerController(ctx: PaneContext): RegisterController {
  const { dispatch } = ctx;
  /** The register chunk, once a file has been read (the mapping step exists only after that). */
  let planner: RegisterModule | null = null;

  const fileError = (error: string) => dispatch({ type: "ledgerImport", panel: { step: "file", reading: null, error } });
  /** The mapping step against the workbook as read last. */
  const showMapping = (src: ImportSources) =>
    dispatch({ type: "ledgerImport", panel: { step: "map", preview: planner!.previewImport(src, ctx.state.report, ctx.state.template), busy: false } });

  function open(): void {
    if (ctx.state.busy || ctx.state.transfer) return;
    dispatch({ type: "registerSource", source: null });
    dispatch({ type: "ledgerImport", panel: { step: "file", reading: null, error: null } });
  }

  function close(): void {
    const p = ctx.state.ledgerImport;
    if (p?.step === "map" && p.busy) return;
    dispatch({ type: "registerSource", source: null });
    dispatch({ type: "ledgerImport", panel: null });
  }

  async function file(f: File): Promise<void> {
    if (!ctx.state.ledgerImport) return;
    const bytes = await fileBytes(f, LI);
    if ("error" in bytes) return fileError(bytes.error);
    await read({ name: f.name, data: bytes });
  }

  async function read(input: { name: string; data: Uint8Array }): Promise<void> {
    if (!ctx.state.ledgerImport || ctx.state.busy) return;
    dispatch({ type: "ledgerImport", panel: { step: "file", reading: input.name, error: null } });
    let mod: TransferModule;
    try {
      [mod, planner] = await Promise.all([ctx.loadTransfer(), ctx.loadRegister()]);
    } catch (e) {
      return fileError(LI.moduleFailed(reason(e)));
    }
    const out = await mod.readRegister(input);
    if (!ctx.state.ledgerImport) return; // cancelled meanwhile
    if (!out.ok) return fileError(out.message);
    const src = planner.registerSources(input.name, out.sheets);
    if ("error" in src) return fileError(src.error);
    dispatch({ type: "registerSource", source: src });
    // The preview is against the workbook as it is now.
    await ctx.validate();
    const now = ctx.state.registerSource;
    if (!ctx.state.ledgerImport || !now) return;
    showMapping(now);
  }

  function map(role: RegisterRole, field: string, column: number | null): void {
    const { registerSource: src, ledgerImport: p } = ctx.state;
    if (!src || p?.step !== "map" || p.busy || !planner) return;
    const next = planner.remap(src, role, field, column);
    dispatch({ type: "registerSource", source: next });
    showMapping(next);
  }

  /** Writes the rows the preview showed, into the rows it named; filled meanwhile → nothing written. */
  async function confirm(): Promise<void> {
    const { ledgerImport: p, busy, registerSource } = ctx.state;
    if (!p || p.step !== "map" || p.busy || busy || !p.preview.canConfirm || !registerSource) return;
    const plan = p.preview.plan;
    dispatch({ type: "busy", busy: "transfer" });
    dispatch({ type: "ledgerImport", panel: { ...p, busy: true } });
    const { write, applied } = ledgerImportWrites(plan);
    const unbusy = () => dispatch({ type: "ledgerImport", panel: { ...p, busy: false } });
    try {
      await ctx.applyWrite(write, {
        written: (notes) => {
          dispatch({ type: "registerApplied", applied });
          dispatch({ type: "registerSource", source: null });
          dispatch({ type: "ledgerImport", panel: null });
          const parts = [plan.apps, plan.cases].filter((a) => a !== null).map((a) => LI.donePart(a!.rows.length, a!.sheet, a!.first, a!.last));
          dispatch({ type: "notice", notice: { tone: "success", text: [LI.done(parts.join("，")), ...notes].join(" "), action: { id: "ledger-undo", label: LI.undo } } });
        },
        changed: async () => {
          dispatch({ type: "busy", busy: null });
          await ctx.validate();
          const src = ctx.state.registerSource;
          if (ctx.state.ledgerImport && src) showMapping(src);
          dispatch({ type: "notice", notice: { tone: "warning", text: LI.changedSincePreview } });
        },
        refused: unbusy,
        failed: LI.writeFailed,
        onFailed: () => {
          if (ctx.state.ledgerImport) unbusy();
        },
      });
    } finally {
      dispatch({ type: "busy", busy: null });
    }
    await ctx.validate();
  }

  /** 撤销导入台账: only rows still holding what was written; or, when asked, all but the changed ones. */
  async function undo(keepChanged = false): Promise<void> {
    const { registerApplied: a, busy, registerUndoChanged } = ctx.state;
    if (!a || busy) return;
    const w = keepChanged ? undoKeepingRows(a.undo, registerUndoChanged) : a.undo;
    dispatch({ type: "busy", busy: "transfer" });
    try {
      await ctx.applyWrite(w, {
        written: () => {
          dispatch({ type: "registerApplied", applied: null });
          dispatch({ type: "notice", notice: { tone: "success", text: LI.undone } });
        },
        changed: (keys) => {
          dispatch({ type: "registerUndoChanged", keys });
          const names = ctx.state.template?.sheets ?? {};
          dispatch({
            type: "notice",
            notice: { tone: "warning", text: LI.undoChanged(keys.map((k) => rowKeyLabel(k, names)).join("、")), actions: [{ id: "ledger-undo:keep", label: LI.undoKeep }] },
          });
        },
        failed: LI.writeFailed,
      });
    } finally {
      dispatch({ type: "busy", busy: null });
    }
    await ctx.validate();
  }

  return { open, close, read, file, map, confirm, undo, actions: { "ledger-undo": () => undo(false), "ledger-undo:keep": () => undo(true) } };
}
