/**
 * Why a call into Excel failed, one cause per message: the clerk is typing in a cell, a sheet is
 * gone, this Excel lacks the API, the sheet is protected, a merged cell was cut, or something
 * else the host reported. The adapter throws HostError; the pane shows `message` as it is.
 * Each host tells the kinds from its own error codes (src/hosts/office/hostErrors.ts for Office.js).
 */
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
