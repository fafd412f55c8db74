/**
 * The pane's view of reading a report file and preparing a 结转/导入 preview. The readers
 * (src/import with node-html-parser and mammoth, ExcelJS for .xlsx) are large, so the pane only
 * knows this interface and loads the implementation with import() on first use: they land in
 * lazy chunks, never in the initial pane bundle.
 */
import type { TransferPreview } from "../workflow/transfer";
import type { PrepareRequest, SourceReport } from "../workflow/transferPreview";

export interface SourceInput {
  /** File name ("" for pasted text). */
  name: string;
  data: Uint8Array | string;
}

export type SourceOutcome = { ok: true; source: SourceReport; findings: import("../report/schema").Finding[] } | { ok: false; message: string; details: string[] };

export interface TransferModule {
  /** Read a file or pasted text into a report. Never throws: failures become a Chinese message. */
  readSource(input: SourceInput): Promise<SourceOutcome>;
  /** The preview of a 结转 or 导入 against the workbook's current report. */
  prepare(req: PrepareRequest): TransferPreview;
  /** 导入已有台账: an .xlsx (every sheet) or a .csv as grids. Never throws. */
  readRegister(input: { name: string; data: Uint8Array }): Promise<RegisterFileOutcome>;
}

export type RegisterFileOutcome = { ok: true; sheets: import("../ledger/file").NamedGrid[] } | { ok: false; message: string };

export function loadTransferModule(): Promise<TransferModule> {
  return import(/* webpackChunkName: "transfer" */ "./transferModule");
}

export type TransferPanelModule = typeof import("./transferPanel");

/** The panel itself (controller, view, sentences): loaded on the first 结转, 导入 or 按台账填写. */
export function loadTransferPanel(): Promise<TransferPanelModule> {
  return import(/* webpackChunkName: "transfer-panel" */ "./transferPanel");
}
