/**
 * The template: layout map, sheet designs, marker, the pieces both readers share, and the
 * ExcelJS builder and reader. The Office.js adapter imports the light modules directly (never
 * this index), so ExcelJS stays out of the task pane bundle.
 */
export * from "./roles";
export * from "./address";
export * from "./marker";
export * from "./layout";
export * from "./discover";
export * from "./assemble";
export * from "./cellValue";
export * from "./base64";
export * from "./xlsxPatch";
export { SHEET_NAMES, ROLE_TITLES, CHECK_TEXT, CHECK_STATE_CHAR } from "./messages";
export type { SheetDesign, ValueCell, CheckCell, TextBlock, LabelCell } from "./design/types";
export { buildTemplate, readWorkbook, type BuildOptions, type ReadResult } from "./xlsx";
export * from "./places";
