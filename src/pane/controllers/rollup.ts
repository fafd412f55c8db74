/**
 * 汇总多个单位… for the 政务公开办 clerk: the units' reports picked (several files, or a folder
 * where the browser allows it) and read with the import's readers, checked as `check` does, put
 * together by the roll-up workflow (src/workflow/rollup); then the totals and 单位一览 written into
 * the open workbook through the import's preview and one 撤销 that restores it cell for cell and
 * removes the sheets it added. Port calls: preview = a read + the sheet names (2 syncs on Excel);
 * writing = writeInputs + writeSheets (4); 撤销 the same (4). The work itself is a lazy chunk
 * (../rollupApi), loaded with the readers on the first file or roster.
 */
import type { RollupResult } from "../../workflow/rollup";
import type { AppliedRollup, RollupWritePreview } from "../../workflow/rollup/apply";
import { keyLabel, undoForced, undoKeeping } from "../../workflow/transfer";
import type { PlainSheet } from "../../workbook/port";
import type { InputWrites } from "../../workbook/writePlan";
import type { RollupPanel } from "../rollupState";
import { TRANSFER_STRINGS } from "../transferStrings";
import { ROLLUP_STRINGS } from "../rollupStrings";
import { loadRollupModule, type RollupModule } from "../rollupApi";
import type { TransferModule } from "../transferApi";
import { fileBytes, insertProgress, reason, type PaneContext } from "./context";

const R = ROLLUP_STRINGS;

/** What a folder pick holds that is a report (as the CLI's folder walk: src/cli/load.ts). */
const REPORT_FILE = /\.(xlsx|xlsm|txt|text|md|html|htm|docx|pdf)$/i;

export interface RollupController {
  open(): void;
  close(): void;
  year(year: number): void;
  roster(file: File | null): Promise<void>;
  /** The picked files; `folder`: a folder pick (only report files are read, temp files skipped). */
  files(files: readonly File[], folder?: boolean): Promise<void>;
  toggle(key: string): void;
  confirm(): Promise<void>;
  back(): void;
  undo(kind?: "check" | "keep" | "all"): Promise<void>;
  actions: Record<string, () => Promise<void>>;
}

/** The file's path as picked: "各单位/财政局.xlsx" in a folder, its name otherwise. */
function pathOf(f: File): string {
  const rel = (f as File & { webkitRelativePath?: string }).webkitRelativePath;
  return rel || f.name;
}

export function rollupController(ctx: PaneContext): RollupController {
  const { port, dispatch } = ctx;
  const panel = () => ctx.state.rollup;
  const set = (p: RollupPanel | null) => dispatch({ type: "rollup", panel: p });
  const chooseError = (error: string) => {
    const p = panel();
    if (p) set({ step: "choose", year: p.year, roster: p.roster, reading: null, error });
  };

  /** The roll-up chunk, once the first file or roster has been read (no list step before that). */
  let work: RollupModule | null = null;

  /** The readers, and the roll-up's work beside them. */
  async function transferModule(): Promise<TransferModule | null> {
    try {
      const [read, w] = await Promise.all([ctx.loadTransfer(), loadRollupModule()]);
      work = w;
      return read;
    } catch (e) {
      chooseError(TRANSFER_STRINGS.moduleFailed(reason(e)));
      return null;
    }
  }

  function open(): void {
    if (ctx.state.busy || !port.writeSheets || !port.sheetNames) return;
    if (panel()) return set(null);
    // One panel at a time: nothing of 结转/导入 or 导入已有台账 was written yet.
    if (ctx.state.transfer) dispatch({ type: "transferClose" });
    if (ctx.state.ledgerImport) dispatch({ type: "ledgerImport", panel: null });
    set({ step: "choose", year: ctx.state.report?.meta.year ?? ctx.thisYear, roster: null, reading: null, error: null });
  }

  function year(y: number): void {
    const p = panel();
    if (p?.step === "choose" && !p.reading) set({ ...p, year: y });
  }

  async function roster(file: File | null): Promise<void> {
    const p = panel();
    if (p?.step !== "choose" || p.reading) return;
    if (!file) return set({ ...p, roster: null, error: null });
    const bytes = await fileBytes(file, R);
    if ("error" in bytes) return chooseError(R.rosterFailed(file.name, bytes.error));
    const mod = await transferModule();
    if (!mod) return;
    const read = await mod.readRegister({ name: file.name, data: bytes });
    const now = panel();
    if (now?.step !== "choose") return; // closed meanwhile
    if (!read.ok) return chooseError(R.rosterFailed(file.name, read.message));
    const units = work!.rosterFromSheets(read.sheets);
    if (!units.length) return chooseError(R.rosterEmpty(file.name));
    set({ ...now, roster: { file: file.name, units }, error: null });
  }

  /** The write preview against the workbook as it is now: one read, the sheet names. */
  async function preview(result: RollupResult): Promise<RollupWritePreview> {
    await ctx.validate();
    const names = await port.sheetNames!();
    return work!.rollupWritePreview(result, ctx.state.report, ctx.state.template, names);
  }

  async function files(list: readonly File[], folder = false): Promise<void> {
    const p = panel();
    if (p?.step !== "choose" || p.reading || ctx.state.busy) return;
    const picked = folder ? list.filter((f) => REPORT_FILE.test(f.name) && !f.name.startsWith("~$") && !f.name.startsWith(".")) : [...list];
    if (!picked.length) return chooseError(R.noFiles);
    const { year: y, roster: r } = p;
    set({ ...p, reading: R.reading(0, picked.length), error: null });
    const mod = await transferModule();
    if (!mod) return;
    const { createRollup, mergeFindings, checkRules } = work!;
    const rollup = createRollup({ year: y, roster: r?.units ?? null });
    for (const [k, f] of picked.entries()) {
      const now = panel();
      if (now?.step !== "choose") return; // closed meanwhile
      set({ ...now, reading: R.reading(k + 1, picked.length) });
      const file = pathOf(f);
      const bytes = await fileBytes(f, R);
      if ("error" in bytes) {
        rollup.addUnreadable(file, bytes.error);
        continue;
      }
      const out = await mod.readSource({ name: f.name, data: bytes });
      // The reader's own reason when it gave one (a damaged Word file, an encrypted PDF), as the CLI says it.
      if (!out.ok) rollup.addUnreadable(file, out.details.length === 1 ? out.details[0]! : out.message);
      else rollup.add({ file, report: out.source.report, findings: mergeFindings(out.findings, checkRules(out.source.report)) });
    }
    const result = rollup.finish();
    if (panel()?.step !== "choose") return;
    try {
      const pv = await preview(result);
      if (!panel()) return;
      set({ step: "list", year: y, roster: r, files: picked.length, result, preview: pv, accepted: [], busy: false });
    } catch (e) {
      chooseError(R.writeFailed(reason(e)));
    }
  }

  const notice = (tone: "success" | "warning" | "error", text: string, extra: { action?: { id: string; label: string }; actions?: { id: string; label: string }[] } = {}) =>
    dispatch({ type: "notice", notice: { tone, text, ...extra } });

  /** Put the cells back after the sheets could not be added: the workbook as before. */
  async function takeBack(undo: InputWrites, why: string): Promise<void> {
    try {
      const back = await port.writeInputs(undo);
      notice("error", back.kind === "written" ? R.sheetsFailed(why) : R.cellsUndoFailed(why));
    } catch (e) {
      notice("error", R.cellsUndoFailed(`${why}；${reason(e)}`));
    }
  }

  async function confirm(): Promise<void> {
    const p = panel();
    if (p?.step !== "list" || p.busy || ctx.state.busy) return;
    dispatch({ type: "busy", busy: "rollup" });
    set({ ...p, busy: true });
    let pv = p.preview;
    let accepted = new Set(p.accepted);
    try {
      if (pv.cells.insertFirst && !ctx.state.template) {
        const outcome = await port.insertTemplate(pv.cells.insertFirst, insertProgress(dispatch));
        if (outcome.kind === "unsupported") {
          dispatch({ type: "inserted", outcome, templateUrl: ctx.host.templateUrl });
          return;
        }
        pv = await preview(p.result);
        accepted = new Set();
      }
      const { write, sheets, applied } = work!.rollupWrites(pv, accepted);
      if (Object.keys(write.cells ?? {}).length) {
        const out = await port.writeInputs(write);
        if (out.kind === "changed") {
          set({ ...p, preview: await preview(p.result), accepted: [], busy: false });
          return notice("warning", TRANSFER_STRINGS.changedSincePreview);
        }
        if (out.kind === "refused") return notice("error", out.reason);
      }
      let added;
      try {
        added = await port.writeSheets!({ add: sheets });
      } catch (e) {
        return await takeBack(applied.cells.undo, reason(e));
      }
      if (added.kind !== "written") {
        await takeBack(applied.cells.undo, added.kind === "changed" ? R.sheetsTaken(quoted(added.names)) : added.reason);
        if (added.kind === "changed" && panel()) set({ ...p, preview: await preview(p.result), accepted: [], busy: false });
        return;
      }
      const done: AppliedRollup = { cells: applied.cells, sheets };
      dispatch({ type: "rollupApplied", applied: done });
      set(null);
      notice("success", R.done(applied.cells.count, quoted(sheets.map((s) => s.name))), { action: { id: "rollup-undo", label: R.undo } });
    } catch (e) {
      notice("error", R.writeFailed(reason(e)));
    } finally {
      dispatch({ type: "busy", busy: null });
      const now = panel();
      if (now?.step === "list" && now.busy) set({ ...now, busy: false });
      await ctx.validate();
    }
  }

  /**
   * 撤销: the sheets it added are removed first (one the clerk changed since is kept and named),
   * then the cells put back — only those still as written, unless the clerk chose otherwise.
   */
  async function undo(kind: "check" | "keep" | "all" = "check"): Promise<void> {
    const a = ctx.state.rollupApplied;
    if (!a || ctx.state.busy) return;
    dispatch({ type: "busy", busy: "rollup" });
    try {
      const kept = a.sheets.length ? await removeSheets(a.sheets) : [];
      if (kept === null) return;
      if (a.sheets.length) dispatch({ type: "rollupApplied", applied: { ...a, sheets: [] } });
      const changedBefore = ctx.state.rollupUndoChanged;
      const w = kind === "check" ? a.cells.undo : kind === "keep" ? undoKeeping(a.cells.undo, changedBefore) : undoForced(a.cells.undo);
      const out = await port.writeInputs(w);
      const keptNote = kept.length ? [R.sheetsChanged(quoted(kept))] : [];
      if (out.kind === "written") {
        dispatch({ type: "rollupApplied", applied: null });
        notice(kept.length ? "warning" : "success", [kept.length ? "" : R.undone, ...keptNote].filter((x) => x).join(" "));
      } else if (out.kind === "changed") {
        dispatch({ type: "rollupUndoChanged", keys: out.changed });
        notice("warning", [R.undoChanged(out.changed.map(keyLabel).join("、")), ...keptNote].join(" "), {
          actions: [
            { id: "rollup-undo:keep", label: TRANSFER_STRINGS.undoKeep },
            { id: "rollup-undo:all", label: TRANSFER_STRINGS.undoAll },
          ],
        });
      } else notice("error", out.reason);
    } catch (e) {
      notice("error", R.writeFailed(reason(e)));
    } finally {
      dispatch({ type: "busy", busy: null });
      await ctx.validate();
    }
  }

  /** Remove the added sheets; those the clerk changed are kept (their names returned). Null: failed. */
  async function removeSheets(sheets: PlainSheet[]): Promise<string[] | null> {
    let out = await port.writeSheets!({ remove: sheets });
    let kept: string[] = [];
    if (out.kind === "changed") {
      kept = out.names;
      const rest = sheets.filter((s) => !kept.includes(s.name));
      out = rest.length ? await port.writeSheets!({ remove: rest }) : { kind: "written", sheets: [], syncs: 0 };
    }
    if (out.kind === "refused") {
      notice("error", out.reason);
      return null;
    }
    if (out.kind === "changed") kept = [...kept, ...out.names];
    return kept;
  }

  return {
    open,
    close: () => set(null),
    back: () => {
      const p = panel();
      if (p?.step === "list" && !p.busy) set({ step: "choose", year: p.year, roster: p.roster, reading: null, error: null });
    },
    year,
    roster,
    files,
    toggle: (key) => dispatch({ type: "rollupToggle", key }),
    confirm,
    undo,
    actions: { "rollup-undo": () => undo("check"), "rollup-undo:keep": () => undo("keep"), "rollup-undo:all": () => undo("all") },
  };
}

function quoted(names: readonly string[]): string {
  return names.map((n) => `“${n}”`).join("、");
}
