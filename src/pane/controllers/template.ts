/**
 * The template itself: insert it (asking for the agency first), put back deleted sheets, and
 * select the cells a finding names.
 */
import type { TemplateRole } from "../../workbook/port";
import { HostError } from "../../workbook/hostErrors";
import type { Notice } from "../state";
import { S } from "../strings";
import { insertProgress, reason, type PaneContext } from "./context";

export interface TemplateController {
  insert(form?: { agency: string; year: number }): Promise<void>;
  /** Put back deleted template sheets (nothing else in the workbook is touched). */
  restore(roles: TemplateRole[]): Promise<void>;
  select(cells: string[]): Promise<void>;
}

export function templateController(ctx: PaneContext): TemplateController {
  const { port, host, dispatch } = ctx;

  async function insert(form?: { agency: string; year: number }): Promise<void> {
    const state = ctx.state;
    if (state.busy) return;
    const f = form ?? { agency: state.report?.meta.agency ?? "", year: state.report?.meta.year ?? ctx.thisYear };
    // A new template needs the agency for 封面 and the title: ask at the field, never insert without it.
    if (state.template === null && state.capabilities?.insertTemplate !== false && !f.agency.trim()) {
      // The form is in the banner, which the 结转/导入 panel hides: show it.
      if (state.transfer) dispatch({ type: "transferClose" });
      dispatch({ type: "formError", message: S.template.agencyRequired });
      return;
    }
    if (state.formError) dispatch({ type: "formError", message: null });
    dispatch({ type: "busy", busy: "insert" });
    try {
      const outcome = await port.insertTemplate({ agency: f.agency, year: f.year }, insertProgress(dispatch));
      dispatch({ type: "inserted", outcome, templateUrl: host.templateUrl });
    } catch (e) {
      dispatch({ type: "busy", busy: null });
      // A HostError already says what really happened (nothing, part, or all but the cover inserted).
      const text = e instanceof HostError ? e.message : S.errors.insertFailed(reason(e));
      dispatch({ type: "notice", notice: { tone: "error", text } });
    }
    await ctx.validate();
  }

  async function restore(roles: TemplateRole[]): Promise<void> {
    if (ctx.state.busy || !port.restoreSheets) return;
    dispatch({ type: "busy", busy: "restore" });
    try {
      const out = await port.restoreSheets(roles);
      const notice: Notice =
        out.kind === "restored"
          ? // The registers' formulas may have been pointed at the restored sheets: the notes say so.
            { tone: "success", text: [out.notes.length ? S.template.restoredBlank(out.sheets) : S.template.restored(out.sheets), ...out.notes].join("") }
          : { tone: out.kind === "unsupported" ? "warning" : "error", text: out.reason };
      dispatch({ type: "busy", busy: null });
      dispatch({ type: "notice", notice });
    } catch (e) {
      dispatch({ type: "busy", busy: null });
      dispatch({ type: "notice", notice: { tone: "error", text: S.template.restoreFailed(reason(e)) } });
    }
    await ctx.validate();
  }

  async function select(cells: string[]): Promise<void> {
    try {
      await port.select(cells);
    } catch (e) {
      // One message per cause (cell-edit mode, sheet deleted, API missing…).
      dispatch({ type: "notice", notice: { tone: "warning", text: e instanceof HostError ? e.message : S.errors.selectFailed } });
    }
  }

  return { insert, restore, select };
}
