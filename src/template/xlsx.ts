/** The ExcelJS side of the template: build the .xlsx, read a filled one back. */
export { buildTemplate, type BuildOptions } from "./build";
export { readWorkbook, type ReadResult } from "./read";
