/** Errors shaped like OfficeExtension.Error ({code, message, debugInfo}) so adapters can branch on `code`. */
export type FakeErrorCode =
  | "ItemNotFound"
  | "InvalidArgument"
  | "PropertyNotLoaded"
  | "InvalidOperation"
  | "ItemAlreadyExists"
  | "AccessDenied"
  | "GeneralException"
  | "ApiNotFound"
  | "InvalidOperationInCellEditMode"
  | "ResponsePayloadSizeLimitExceeded";

export class FakeOfficeError extends Error {
  readonly code: FakeErrorCode;
  readonly debugInfo: { code: FakeErrorCode; message: string; errorLocation?: string };
  constructor(code: FakeErrorCode, message: string, location?: string) {
    super(message);
    // ES5 builds (IE11): Error.call returns a new object; keep the subclass for instanceof.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(location ? { errorLocation: location } : {}) };
  }
}

export const notLoaded = (prop: string) =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
