/**
 * Office.js error codes → the host error kinds of the workbook port (InvalidOperationInCellEditMode,
 * ItemNotFound, ApiNotFound, AccessDenied, InvalidOperation on a merge), with Excel's messages.
 */
import { HostError, type HostErrorKind } from "../../workbook/hostErrors";
import { EXCEL_TEXT } from "./messages";

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

/** A sync that failed because a sheet (or another item) it named does not exist (any more). */
export function isItemNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "ItemNotFound";
}
