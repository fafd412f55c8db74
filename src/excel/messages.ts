/** Chinese text of the Office.js adapter. */
export const EXCEL_TEXT = {
  unsupported:
    "当前 Excel 版本不支持直接插入模板（需要 ExcelApi 1.13：Microsoft 365、Office 2021/2024 或网页版 Excel）。请下载模板文件，在 Excel 中打开后填写。",
  noRequirements: "无法确定当前 Excel 支持的功能（Office.js 未就绪）。请下载模板文件，在 Excel 中打开后填写。",
  insertFailed: (detail: string) =>
    `插入模板失败：${detail}。可以改为下载模板文件，在 Excel 中打开后填写。`,
};
