/**
 * Validation: one pass = one port.readReport() (one sync, no writes), then the workflow's check.
 * One pass at a time; edits during a pass schedule exactly one more. The port subscribes to the
 * template sheets that exist, so the pane re-subscribes when they change (inserted, renamed).
 */
import { checkWith, type ExtraRule } from "../../workflow/checkCore";
import { priorFor } from "../../workflow/transfer";
import { findingsOf } from "../state";
import { S } from "../strings";
import type { LedgerSummary } from "../ledgerState";
import { reason, type PaneContext } from "./context";

export interface ValidationController {
  validate(): Promise<void>;
  /** Resolves when no pass is running or scheduled. */
  idle(): Promise<void>;
  /** Listen to sheet activation (edits are subscribed to after each pass). */
  start(): void;
  dispose(): Promise<void>;
}

export function validationController(ctx: PaneContext, debounceMs: number): ValidationController {
  const { port, dispatch } = ctx;
  // Pass scheduling and event subscriptions: mechanism, not feature state (the reducer has the pass).
  let running: Promise<void> | null = null;
  let again = false;
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let changedOff: (() => Promise<void>) | null = null;
  let activatedOff: (() => Promise<void>) | null = null;
  let subscribedTo = "";

  async function passOnce(): Promise<void> {
    dispatch({ type: "validateStart" });
    try {
      const outcome = await port.readReport();
      // Last year's full report of this session (after 结转) adds TEXT.SIMILAR to the kept figures.
      const prior = priorFor(outcome.report, ctx.state.priorReport);
      // The registers' rules and summary come from their lazy chunk, loaded once a workbook has them.
      const extra: ExtraRule[] = [];
      let ledger: LedgerSummary | null = null;
      if (outcome.report?.registers) {
        try {
          const reg = await ctx.loadRegister();
          extra.push(reg.ledgerRule());
          ledger = reg.ledgerSummary(outcome.report);
        } catch (e) {
          dispatch({ type: "notice", notice: { tone: "warning", text: S.ledger.unavailable(reason(e)) } });
        }
      }
      const ruleFindings = outcome.report ? checkWith(outcome.report, prior, extra) : [];
      dispatch({ type: "validated", outcome, findings: findingsOf(outcome, ruleFindings), at: ctx.now(), ledger });
    } catch (e) {
      dispatch({ type: "validateFailed", message: S.errors.readFailed(reason(e)) });
      return;
    }
    try {
      await syncSubscriptions();
    } catch {
      // No edit events on this host (WorksheetCollection.onChanged is ExcelApi 1.9): the pane
      // still validates on open, on sheet activation and on 重新校验.
    }
  }

  function validate(): Promise<void> {
    if (disposed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await passOnce();
      } while (again && !disposed);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  function scheduleValidate(): void {
    // Never trust the event's details (multi-cell pastes have none): any edit means re-read all.
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void validate();
    }, debounceMs);
  }

  async function syncSubscriptions(): Promise<void> {
    const template = ctx.state.template;
    const sheets = template ? JSON.stringify(template.sheets) : "";
    if (sheets === subscribedTo || disposed) return;
    subscribedTo = sheets;
    if (changedOff) await changedOff().catch(() => undefined);
    changedOff = null;
    if (sheets) changedOff = await port.onChanged(scheduleValidate);
  }

  return {
    validate,
    async idle() {
      while (running || timer) {
        if (running) await running;
        else await new Promise((r) => setTimeout(r, debounceMs));
      }
    },
    start() {
      void (async () => {
        try {
          activatedOff = await port.onActivated(() => void validate());
        } catch {
          // Older hosts without sheet events still validate on open, on edit and on demand.
        }
      })();
    },
    async dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      await changedOff?.().catch(() => undefined);
      await activatedOff?.().catch(() => undefined);
    },
  };
}
