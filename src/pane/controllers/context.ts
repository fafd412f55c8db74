/**
 * What every feature controller of the pane is given: the port, the host's few services, the
 * state and dispatch, a validation pass, and the one place that turns a write's outcome
 * (written / changed since the preview / refused / failed) into the clerk's notice. Each
 * controller is `(ctx) → handlers` and keeps no state of its own: all of it is in the reducer.
 */
import type { WorkbookPort } from "../../workbook/port";
import type { InputWrites } from "../../workbook/writePlan";
import type { ExportHost, ExportModule } from "../exportApi";
import type { Action, PaneState } from "../state";
import { S } from "../strings";
import type { RegisterModule } from "../registerApi";
import type { TransferModule } from "../transferApi";

export interface PaneHost {
  /** Absolute URL of the template .xlsx served beside the pane. */
  templateUrl: string;
  /** Open a URL outside the pane (Office: openBrowserWindow). Return false to let the link work normally. */
  openUrl?(url: string): boolean;
  /** Fonts and file delivery for 导出 Word/PDF; without it the export buttons say they cannot. */
  exportHost?: ExportHost;
  now?(): number;
}

export interface PaneContext {
  readonly port: WorkbookPort;
  readonly host: PaneHost;
  /** The state after every dispatch so far. */
  readonly state: PaneState;
  dispatch(a: Action): void;
  /** Run a pass now (or one more after the running one). */
  validate(): Promise<void>;
  /** Writes through the port and says what happened (see applyWrite). */
  applyWrite(write: WriteSource, on: WriteHandlers): Promise<void>;
  /** The report year offered by default (this year from November on). */
  readonly thisYear: number;
  now(): number;
  loadTransfer(): Promise<TransferModule>;
  loadExporter(): Promise<ExportModule>;
  /** The register chunk (LEDGER rules, 台账 summary, register import and fill). */
  loadRegister(): Promise<RegisterModule>;
}

/** The writes, or how to get them (e.g. insert the template first); null: nothing to write. */
export type WriteSource = InputWrites | (() => Promise<InputWrites | null>);

export interface WriteHandlers {
  written(notes: string[]): void | Promise<void>;
  /** The cells the preview saw were changed meanwhile (their keys): nothing was written. */
  changed(keys: string[]): void | Promise<void>;
  /** Before the refusal's reason is shown. */
  refused?(): void;
  /** The notice when the write threw, with why. */
  failed(why: string): string;
  /** Before that notice. */
  onFailed?(): void;
}

export function reason(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  if (typeof e === "string" && e) return e;
  return S.errors.unknown;
}

/** The one switch over a write's outcome; a refusal or failure becomes an error notice. */
export function writeApplier(port: WorkbookPort, dispatch: (a: Action) => void): PaneContext["applyWrite"] {
  return async (write, on) => {
    try {
      const w = typeof write === "function" ? await write() : write;
      if (!w) return;
      const out = await port.writeInputs(w);
      if (out.kind === "written") await on.written(out.notes);
      else if (out.kind === "changed") await on.changed(out.changed);
      else {
        on.refused?.();
        dispatch({ type: "notice", notice: { tone: "error", text: out.reason } });
      }
    } catch (e) {
      on.onFailed?.();
      dispatch({ type: "notice", notice: { tone: "error", text: on.failed(reason(e)) } });
    }
  };
}

/** Files larger than this are surely not a year report or a register (and would be slow to parse). */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

/** A chosen file's bytes, or the clerk's message (too big, unreadable). */
export async function fileBytes(file: File, say: { tooBig(mb: number): string; readFailed(why: string): string }): Promise<Uint8Array | { error: string }> {
  if (file.size > MAX_SOURCE_BYTES) return { error: say.tooBig(Math.round(file.size / 1048576)) };
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return { error: say.readFailed(reason(e)) };
  }
}

/** Office 2019 builds the template in several batches: "步骤 k / n" in the notice while it does. */
export function insertProgress(dispatch: (a: Action) => void): (step: number, steps: number) => void {
  return (step, steps) => dispatch({ type: "notice", notice: { tone: "info", text: S.template.building(step, steps) } });
}
