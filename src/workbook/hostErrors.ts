/**
 * Why a call into Excel failed, one cause per message: the clerk is typing in a cell, a sheet is
 * gone, this Excel lacks the API, the sheet is protected, a merged cell was cut, or something
 * else the host reported. The adapter throws HostError; the pane shows `message` as it is.
 */
import { EXCEL_TEXT } from "./messages";

export type HostErrorKind = "cellEdit" | "sheetMissing" | "apiMissing" | "protected" | "merged" | "host";

export class HostError extends Error {
  constructor(
    readonly kind: HostErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    // ES5 builds (IE11): Error.call returns a new object; keep the subclass for instanceof.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "HostError";
  }
}

function codeOf(e: unknown): string {
  return typeof e === "object" && e !== null ? String((e as { code?: unknown }).code ?? "") : "";
}

export function causeOf(e: unknown): HostErrorKind {
  if (e instanceof HostError) return e.kind;
  const code = codeOf(e);
  const msg = e instanceof Error ? e.message : String(e);
  if (code === "InvalidOperationInCellEditMode") return "cellEdit";
  if (code === "ItemNotFound") return "sheetMissing";
  if (code === "ApiNotFound" || (e instanceof TypeError && /is not a function|of undefined \(reading/.test(msg))) return "apiMissing";
  if (code === "AccessDenied") return "protected";
  if (code === "InvalidOperation" && /merge/i.test(msg)) return "merged";
  return "host";
}

export function isCellEdit(e: unknown): boolean {
  return causeOf(e) === "cellEdit";
}

/** A HostError with the clerk's message for `e`; `action` names what was being done (for "host"). */
export function hostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const kind = causeOf(e);
  const detail = e instanceof Error ? e.message : String(e);
  return new HostError(kind, EXCEL_TEXT.cause[kind](detail), { cause: e });
}
