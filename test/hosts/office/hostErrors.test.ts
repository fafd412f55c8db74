/** One message per real cause of a failed call into Excel. */
import { FakeOfficeError } from "../../../src/hosts/office/fake";
import { HostError } from "../../../src/workbook/hostErrors";
import { causeOf, hostError } from "../../../src/hosts/office/hostErrors";

test.each([
  [new FakeOfficeError("InvalidOperationInCellEditMode", "editing"), "cellEdit", "请先按 Enter 结束单元格编辑"],
  [new FakeOfficeError("ItemNotFound", "gone"), "sheetMissing", "找不到对应的工作表"],
  [new FakeOfficeError("ApiNotFound", "Worksheet.showGridlines"), "apiMissing", "当前 Excel 版本不支持"],
  [new TypeError("ws.getRanges is not a function"), "apiMissing", "当前 Excel 版本不支持"],
  [new FakeOfficeError("AccessDenied", "protected"), "protected", "已被锁定"],
  [new FakeOfficeError("InvalidOperation", "Cannot change part of a merged cell (表二)."), "merged", "合并单元格"],
  [new FakeOfficeError("GeneralException", "An internal error has occurred."), "host", "Excel 报告错误：An internal error has occurred."],
  [new TypeError("Cannot read properties of null (reading 'x')"), "host", "Excel 报告错误"],
] as const)("%s → %s", (error, kind, text) => {
  expect(causeOf(error)).toBe(kind);
  const h = hostError(error);
  expect(h).toBeInstanceOf(HostError);
  expect(h.kind).toBe(kind);
  expect(h.message).toContain(text);
  expect(hostError(h)).toBe(h);
});
